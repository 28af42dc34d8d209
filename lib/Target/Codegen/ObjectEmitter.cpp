//===- ObjectEmitter.cpp - LLVM dialect to an object file -----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Target/Codegen/ObjectEmitter.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"

using namespace morsel;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

/// Registers the backends Morsel uses, once.
static void initializeBackends() {
  static bool initialized = [] {
    LLVMInitializeARMTargetInfo();
    LLVMInitializeARMTarget();
    LLVMInitializeARMTargetMC();
    LLVMInitializeARMAsmPrinter();
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    return true;
  }();
  (void)initialized;
}

llvm::Error morsel::emitObjectFile(mlir::ModuleOp module,
                                   const TargetDescription &target,
                                   llvm::raw_pwrite_stream &os) {
  initializeBackends();
  // Without normalization the ARM backend silently picks the soft-float ABI
  // for "...-eabihf" and the linker later refuses to mix the objects.
  std::string tripleName =
      target.triple.empty() ? llvm::sys::getDefaultTargetTriple()
                            : llvm::Triple::normalize(target.triple);
  llvm::Triple triple(tripleName);
  std::string error;
  const llvm::Target *backend = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!backend)
    return makeError("no LLVM backend for " + tripleName + ": " + error);

  llvm::TargetOptions options;
  options.FunctionSections = true;
  options.DataSections = true;
  std::unique_ptr<llvm::TargetMachine> machine(backend->createTargetMachine(
      triple, target.cpu, /*Features=*/"", options,
      target.isMicrocontroller ? llvm::Reloc::Static : llvm::Reloc::PIC_,
      std::nullopt, llvm::CodeGenOptLevel::Aggressive));
  if (!machine)
    return makeError("cannot create a target machine for " + tripleName);

  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, context, "model");
  if (!llvmModule)
    return makeError("cannot translate the module to LLVM IR");
  llvmModule->setTargetTriple(triple);
  llvmModule->setDataLayout(machine->createDataLayout());

  auto optimize = mlir::makeOptimizingTransformer(/*optLevel=*/3,
                                                  /*sizeLevel=*/0,
                                                  machine.get());
  if (llvm::Error error = optimize(llvmModule.get()))
    return error;

  llvm::legacy::PassManager codegen;
  if (machine->addPassesToEmitFile(codegen, os, nullptr,
                                   llvm::CodeGenFileType::ObjectFile))
    return makeError("the " + target.name + " backend cannot emit objects");
  codegen.run(*llvmModule);
  return llvm::Error::success();
}
