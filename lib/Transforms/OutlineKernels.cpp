//===- OutlineKernels.cpp - One function per kernel -----------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

#include "llvm/ADT/SetVector.h"

namespace morsel {
#define GEN_PASS_DEF_OUTLINEKERNELS
#include "morsel/Transforms/Passes.h.inc"
} // namespace morsel

using namespace mlir;

namespace {
/// What a kernel needs from its function: the function arguments it reads
/// or writes, and the side-effect-free operations (in block order) that
/// compute its other operands from them.
struct KernelInputs {
  SmallVector<Value> arguments;
  SmallVector<Operation *> clonedProducers;
};
} // namespace

/// Collects the inputs of `kernel`, an operation at the top level of
/// `function`. Fails if an operand comes from an operation that may have
/// side effects or has regions (the kernel then stays where it is).
static FailureOr<KernelInputs> collectKernelInputs(Operation *kernel,
                                                   func::FuncOp function) {
  SetVector<Value> used(kernel->getOperands().begin(),
                        kernel->getOperands().end());
  for (Region &region : kernel->getRegions()) {
    SetVector<Value> above;
    getUsedValuesDefinedAbove(region, above);
    used.insert(above.begin(), above.end());
  }

  SetVector<Value> arguments;
  SetVector<Operation *> producers;
  SmallVector<Value> worklist(used.begin(), used.end());
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    if (auto argument = dyn_cast<BlockArgument>(value)) {
      if (argument.getOwner() != &function.getBody().front())
        return failure();
      arguments.insert(argument);
      continue;
    }
    Operation *producer = value.getDefiningOp();
    if (producer->getNumRegions() != 0 || !isMemoryEffectFree(producer) ||
        producer->getBlock() != kernel->getBlock())
      return failure();
    if (producers.insert(producer))
      worklist.append(producer->getOperands().begin(),
                      producer->getOperands().end());
  }

  KernelInputs inputs;
  inputs.arguments.assign(arguments.begin(), arguments.end());
  llvm::sort(inputs.arguments, [](Value a, Value b) {
    return cast<BlockArgument>(a).getArgNumber() <
           cast<BlockArgument>(b).getArgNumber();
  });
  inputs.clonedProducers.assign(producers.begin(), producers.end());
  llvm::sort(inputs.clonedProducers, [](Operation *a, Operation *b) {
    return a->isBeforeInBlock(b);
  });
  return inputs;
}

/// Returns a short name for `kernel` in the names of kernel functions:
/// "generic" for linalg.generic, "for" for scf.for.
static std::string getKernelSuffix(Operation *kernel) {
  StringRef name = kernel->getName().stripDialect();
  std::string suffix;
  for (char c : name)
    suffix.push_back(llvm::isAlnum(c) ? c : '_');
  return suffix;
}

/// Moves `kernel` into a new private function inserted after `previous`
/// and replaces it by a call. Returns the new function.
static func::FuncOp outlineKernel(Operation *kernel,
                                  const KernelInputs &inputs,
                                  func::FuncOp function, Operation *previous,
                                  unsigned index, SymbolTable &symbols) {
  MLIRContext *context = function.getContext();
  SmallVector<Type> argumentTypes;
  for (Value argument : inputs.arguments)
    argumentTypes.push_back(argument.getType());

  OpBuilder builder(context);
  builder.setInsertionPointAfter(previous);
  std::string name = (function.getSymName() + "_k" + Twine(index) + "_" +
                      getKernelSuffix(kernel))
                         .str();
  auto outlined =
      func::FuncOp::create(builder, kernel->getLoc(), name,
                           FunctionType::get(context, argumentTypes, {}));
  outlined.setPrivate();
  outlined->setAttr("llvm.linkage", LLVM::LinkageAttr::get(
                                        context, LLVM::Linkage::Internal));
  // FuncToLLVM hands `passthrough` on to llvm.func (and the translation to
  // the LLVM function attribute noinline); it drops `no_inline`.
  outlined->setAttr("passthrough",
                    builder.getArrayAttr({builder.getStringAttr("noinline")}));
  symbols.insert(outlined);

  Block *body = outlined.addEntryBlock();
  IRMapping mapping;
  for (auto [original, argument] :
       llvm::zip_equal(inputs.arguments, body->getArguments()))
    mapping.map(original, argument);
  builder.setInsertionPointToStart(body);
  for (Operation *producer : inputs.clonedProducers)
    builder.clone(*producer, mapping);
  builder.clone(*kernel, mapping);
  func::ReturnOp::create(builder, kernel->getLoc());

  builder.setInsertionPoint(kernel);
  func::CallOp::create(builder, kernel->getLoc(), outlined,
                       inputs.arguments);
  kernel->erase();
  return outlined;
}

namespace {
struct OutlineKernelsPass
    : public morsel::impl::OutlineKernelsBase<OutlineKernelsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<func::FuncOp> functions;
    for (auto function : module.getOps<func::FuncOp>())
      if (function.isPublic() && !function.isExternal())
        functions.push_back(function);

    for (func::FuncOp function : functions) {
      SmallVector<Operation *> kernels;
      for (Operation &op : function.getBody().front())
        if (isa<linalg::LinalgOp, scf::ForOp>(op) && op.getNumResults() == 0)
          kernels.push_back(&op);
      unsigned index = 0;
      Operation *previous = function;
      for (Operation *kernel : kernels) {
        FailureOr<KernelInputs> inputs = collectKernelInputs(kernel, function);
        if (failed(inputs))
          continue;
        previous = outlineKernel(kernel, *inputs, function, previous, index++,
                                 symbols);
      }
      // Producers that only kernels used are dead now.
      for (Operation &op : llvm::make_early_inc_range(
               llvm::reverse(function.getBody().front())))
        if (op.use_empty() && isMemoryEffectFree(&op) &&
            op.getNumRegions() == 0 && !op.hasTrait<OpTrait::IsTerminator>())
          op.erase();
    }
  }
};
} // namespace
