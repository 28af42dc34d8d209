//===- HostRunner.cpp - Run a compiled model on the host ------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Driver/HostRunner.h"
#include "morsel/Support/ShapeUtils.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/TargetSelect.h"

using namespace mlir;
using namespace morsel;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

llvm::Error morsel::checkInputs(const ModelSignature &signature,
                                llvm::ArrayRef<NpyArray> inputs) {
  if (inputs.size() != signature.inputs.size())
    return makeError("the model takes " +
                     llvm::Twine(signature.inputs.size()) +
                     " input(s) but " + llvm::Twine(inputs.size()) +
                     " were given");
  for (auto [index, spec, array] :
       llvm::enumerate(signature.inputs, inputs)) {
    if (array.dtype != spec.dtype ||
        llvm::ArrayRef<int64_t>(array.shape) != llvm::ArrayRef(spec.shape)) {
      std::string name = spec.name.empty() ? "" : " ('" + spec.name + "')";
      return makeError("input " + llvm::Twine(index) + name + " must be " +
                       spec.describe() + ", got " +
                       getNpyDTypeName(array.dtype) + " " +
                       formatShape(array.shape));
    }
  }
  return llvm::Error::success();
}

llvm::Expected<llvm::SmallVector<NpyArray>>
morsel::runOnHost(ModuleOp module, StringRef entry,
                  const ModelSignature &signature,
                  llvm::ArrayRef<NpyArray> inputs) {
  if (llvm::Error error = checkInputs(signature, inputs))
    return std::move(error);
  // The calling convention is one pointer per input, one per output, then
  // the arena, and no result: anything else would make the call below read
  // or write the wrong memory.
  auto function = module.lookupSymbol<LLVM::LLVMFuncOp>(entry);
  size_t arity = signature.inputs.size() + signature.outputs.size() + 1;
  if (!function || function.getNumArguments() != arity ||
      !isa<LLVM::LLVMVoidType>(function.getFunctionType().getReturnType()))
    return makeError("the lowered entry point '" + entry +
                     "' does not take one pointer per input and output "
                     "and one for the arena");
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();

  auto optimize = makeOptimizingTransformer(/*optLevel=*/2, /*sizeLevel=*/0,
                                            /*targetMachine=*/nullptr);
  ExecutionEngineOptions options;
  options.transformer = optimize;
  options.enableGDBNotificationListener = false;
  options.enablePerfNotificationListener = false;
  auto engine = ExecutionEngine::create(module, options);
  if (!engine)
    return engine.takeError();

  // Inputs are read in place (copied so that the model may not alter the
  // caller's arrays); outputs are zero-initialized buffers of their specs.
  llvm::SmallVector<NpyArray> inputCopies(inputs.begin(), inputs.end());
  llvm::SmallVector<NpyArray> outputs;
  for (const TensorSpec &spec : signature.outputs) {
    NpyArray array;
    array.dtype = spec.dtype;
    array.shape = spec.shape;
    array.data.assign(spec.shape.empty()
                          ? getNpyDTypeSize(spec.dtype)
                          : getElementCount(spec.shape).value_or(0) *
                                getNpyDTypeSize(spec.dtype),
                      0);
    outputs.push_back(std::move(array));
  }
  // The packed wrapper takes one pointer per argument, pointing at the
  // argument's value: here, at each buffer's base pointer.
  llvm::SmallVector<void *> pointers;
  for (NpyArray &array : inputCopies)
    pointers.push_back(array.data.data());
  for (NpyArray &array : outputs)
    pointers.push_back(array.data.data());
  // The arena, 16-byte aligned as the placement assumes. A model whose
  // arena alone passes 4 GiB is refused rather than left to exhaust memory.
  if (signature.arenaBytes > (int64_t(1) << 32))
    return makeError("the model needs a " +
                     llvm::Twine(signature.arenaBytes) +
                     "-byte arena, too large to run on the host");
  std::vector<char> arena(signature.arenaBytes + 16);
  pointers.push_back(reinterpret_cast<void *>(
      llvm::alignTo(reinterpret_cast<uintptr_t>(arena.data()), 16)));
  llvm::SmallVector<void *> args;
  for (void *&pointer : pointers)
    args.push_back(&pointer);
  if (llvm::Error error = (*engine)->invokePacked(entry, args))
    return std::move(error);
  return outputs;
}
