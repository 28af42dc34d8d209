//===- Model.h - Loading models and describing their interface -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// What every driver does first: read a model file of any supported format
// into the nn dialect, find its entry point and describe the tensors it
// takes and returns.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DRIVER_MODEL_H
#define MORSEL_DRIVER_MODEL_H

#include "morsel/Support/Npy.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <optional>
#include <string>

namespace morsel {

/// One tensor at the boundary of a model: its name (if the model gives one),
/// shape and the element type of its values in memory.
struct TensorSpec {
  std::string name;
  llvm::SmallVector<int64_t> shape;
  NpyDType dtype = NpyDType::Float32;
  /// The scale and zero point of a quantized tensor (per tensor).
  std::optional<double> scale;
  int64_t zeroPoint = 0;

  /// Formats the spec as "float32 [1, 3, 96, 96]" for diagnostics.
  std::string describe() const;
};

/// The inputs and outputs of a model's entry function, in order.
struct ModelSignature {
  llvm::SmallVector<TensorSpec> inputs;
  llvm::SmallVector<TensorSpec> outputs;
  /// The bytes of scratch memory (the arena) the compiled model needs; known
  /// once buffers are placed.
  int64_t arenaBytes = 0;
};

/// Reads a model file into a module in the nn dialect: `.onnx` files through
/// the ONNX importer, `.mlir` files through the parser, with TOSA operators
/// converted to nn. Emits a diagnostic and returns null on failure.
mlir::OwningOpRef<mlir::ModuleOp> loadModel(llvm::StringRef path,
                                            mlir::MLIRContext *context);

/// Returns the function named `name`, or, if `name` is empty, `main` or the
/// only public function of the module. Emits a diagnostic on failure.
mlir::FailureOr<mlir::func::FuncOp> findEntryFunction(mlir::ModuleOp module,
                                                      llvm::StringRef name);

/// Describes the arguments and results of `function`, whose types must be
/// statically shaped tensors of f32, integers or quantized integers.
mlir::FailureOr<ModelSignature> getModelSignature(mlir::func::FuncOp function);

} // namespace morsel

#endif // MORSEL_DRIVER_MODEL_H
