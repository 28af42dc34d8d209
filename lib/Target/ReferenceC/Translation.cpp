//===- Translation.cpp - The --nn-to-reference-c translation --------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// morsel-translate --nn-to-reference-c: a module in the nn dialect (already
// optimized, as `morselc --emit nn` prints it) to the reference C file of
// its entry function.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNDialect.h"
#include "morsel/Target/ReferenceC/ReferenceC.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"

using namespace mlir;
using namespace morsel;

/// Returns the function named `name`, else `main`, else the only public
/// function of `module`; emits a diagnostic if there is none.
static func::FuncOp findEntry(ModuleOp module, StringRef name) {
  if (!name.empty()) {
    if (auto function = module.lookupSymbol<func::FuncOp>(name))
      return function;
    module.emitError() << "the module has no function '" << name << "'";
    return nullptr;
  }
  if (auto function = module.lookupSymbol<func::FuncOp>("main"))
    return function;
  func::FuncOp only;
  for (auto function : module.getOps<func::FuncOp>()) {
    if (function.isPrivate() || function.isDeclaration())
      continue;
    if (only) {
      module.emitError() << "the module has several public functions; name "
                            "the entry point with --reference-c-entry";
      return nullptr;
    }
    only = function;
  }
  if (!only)
    module.emitError() << "the module has no public function";
  return only;
}

void morsel::registerReferenceCTranslation() {
  static llvm::cl::opt<std::string> prefix(
      "reference-c-prefix", llvm::cl::init("model"),
      llvm::cl::desc("Prefix of the entry point <prefix>_run of "
                     "--nn-to-reference-c"));
  static llvm::cl::opt<std::string> entry(
      "reference-c-entry", llvm::cl::init(""),
      llvm::cl::desc("The function --nn-to-reference-c writes (default: "
                     "main, or the only public function)"));
  static TranslateFromMLIRRegistration registration(
      "nn-to-reference-c",
      "Write an nn model as plain C reference kernels (the benchmark "
      "baseline)",
      [](ModuleOp module, raw_ostream &os) -> LogicalResult {
        func::FuncOp function = findEntry(module, entry);
        if (!function)
          return failure();
        return emitReferenceC(function, prefix, os);
      },
      [](DialectRegistry &registry) {
        registry
            .insert<nn::NNDialect, func::FuncDialect, quant::QuantDialect>();
      });
}
