//===- Model.cpp - Loading models and describing their interface ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Driver/Model.h"
#include "morsel/Conversion/Passes.h"
#include "morsel/Support/ShapeUtils.h"
#include "morsel/Target/ONNX/ImportONNX.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace morsel;

std::string TensorSpec::describe() const {
  return (getNpyDTypeName(dtype) + " " + formatShape(shape)).str();
}

/// Returns true if any operation of `module` belongs to the TOSA dialect.
static bool containsTosa(ModuleOp module) {
  bool found = false;
  module.walk([&](Operation *op) {
    if (isa_and_nonnull<tosa::TosaDialect>(op->getDialect())) {
      found = true;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found;
}

OwningOpRef<ModuleOp> morsel::loadModel(StringRef path, MLIRContext *context) {
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
      llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/false);
  if (!file) {
    emitError(fileLoc) << "cannot read the model: " << file.getError().message();
    return nullptr;
  }
  StringRef extension = llvm::sys::path::extension(path);
  if (extension == ".onnx")
    return importONNX((*file)->getBuffer(), path, context);
  if (extension != ".mlir" && extension != ".mlirbc") {
    emitError(fileLoc) << "unknown model format '" << extension
                       << "' (expected .onnx or .mlir)";
    return nullptr;
  }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*file), llvm::SMLoc());
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, context);
  if (!module)
    return nullptr;
  if (containsTosa(*module)) {
    PassManager pm(context);
    pm.addPass(createConvertTosaToNN());
    if (failed(pm.run(*module)))
      return nullptr;
  }
  return module;
}

FailureOr<func::FuncOp> morsel::findEntryFunction(ModuleOp module,
                                                  StringRef name) {
  if (!name.empty()) {
    if (auto function = module.lookupSymbol<func::FuncOp>(name))
      return function;
    return module.emitError() << "the model has no function '" << name << "'";
  }
  if (auto function = module.lookupSymbol<func::FuncOp>("main"))
    return function;
  func::FuncOp only;
  for (auto function : module.getOps<func::FuncOp>()) {
    if (function.isPrivate() || function.isDeclaration())
      continue;
    if (only)
      return module.emitError()
             << "the model has several public functions; name the entry "
                "point with --entry";
    only = function;
  }
  if (!only)
    return module.emitError() << "the model has no public function";
  return only;
}

/// Returns the dtype in which values of `type` are exchanged.
static FailureOr<NpyDType> getDType(Type type) {
  if (type.isF32())
    return NpyDType::Float32;
  if (auto quantized = dyn_cast<quant::QuantizedType>(type)) {
    if (quantized.getStorageTypeIntegralWidth() == 8)
      return quantized.isSigned() ? NpyDType::Int8 : NpyDType::UInt8;
    return failure();
  }
  if (type.isSignlessInteger(8))
    return NpyDType::Int8;
  if (type.isSignlessInteger(32))
    return NpyDType::Int32;
  return failure();
}

/// Builds the spec of one boundary tensor, or fails with a diagnostic.
static FailureOr<TensorSpec> getSpec(func::FuncOp function, Type type,
                                     StringRef kind, unsigned index,
                                     DictionaryAttr attrs) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  FailureOr<NpyDType> dtype = failure();
  if (tensor)
    dtype = getDType(tensor.getElementType());
  if (!tensor || !tensor.hasStaticShape() || failed(dtype))
    return function.emitError()
           << kind << " " << index << " has type " << type
           << "; morselc exchanges statically shaped tensors of f32, i8, u8 "
              "or i32";
  TensorSpec spec;
  spec.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
  spec.dtype = *dtype;
  if (auto quantized =
          dyn_cast<quant::UniformQuantizedType>(tensor.getElementType())) {
    spec.scale = quantized.getScale();
    spec.zeroPoint = quantized.getZeroPoint();
  }
  if (attrs)
    if (auto name = attrs.getAs<StringAttr>("morsel.name"))
      spec.name = name.str();
  return spec;
}

FailureOr<ModelSignature> morsel::getModelSignature(func::FuncOp function) {
  ModelSignature signature;
  FunctionType type = function.getFunctionType();
  for (auto [index, input] : llvm::enumerate(type.getInputs())) {
    FailureOr<TensorSpec> spec = getSpec(function, input, "input", index,
                                         function.getArgAttrDict(index));
    if (failed(spec))
      return failure();
    signature.inputs.push_back(*spec);
  }
  for (auto [index, output] : llvm::enumerate(type.getResults())) {
    FailureOr<TensorSpec> spec = getSpec(function, output, "output", index,
                                         function.getResultAttrDict(index));
    if (failed(spec))
      return failure();
    signature.outputs.push_back(*spec);
  }
  return signature;
}
