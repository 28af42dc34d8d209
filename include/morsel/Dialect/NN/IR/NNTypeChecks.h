//===- NNTypeChecks.h - Element-type rules of the nn dialect ----*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The element-type rules that nn operators share: float or quantized,
// per-tensor activations, per-channel weights, i32 biases. Each check emits
// one diagnostic at the given location and returns failure, so verifiers,
// type inference and importers report the same messages.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_IR_NNTYPECHECKS_H
#define MORSEL_DIALECT_NN_IR_NNTYPECHECKS_H

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

#include <optional>

namespace morsel::nn {

/// Returns true if `type` is a tensor of uniform quantized elements.
bool isQuantizedTensor(mlir::Type type);

/// Returns the scale that applies to `channel` of a quantized element type
/// (the single scale of a per-tensor type).
double getChannelScale(mlir::quant::QuantizedType type, int64_t channel);

/// Checks the quantization of a tensor type on its own: a per-axis type
/// names a dimension of the tensor and holds one scale per index of it, and
/// every quantized type expresses f32. Non-quantized types pass.
mlir::LogicalResult verifyQuantizedTensor(mlir::Location loc,
                                          llvm::StringRef name,
                                          mlir::Type type);

/// Checks that `types` are either all f32 tensors or all quantized tensors.
mlir::LogicalResult verifySameNumericKind(mlir::Location loc,
                                          mlir::TypeRange types);

/// Checks an activation tensor: quantization (if any) is per-tensor with 8-bit
/// storage, on top of verifyQuantizedTensor.
mlir::LogicalResult verifyActivation(mlir::Location loc, llvm::StringRef name,
                                     mlir::Type type);

/// Checks a weight tensor whose dimension 0 counts output channels:
/// quantization (if any) has 8-bit storage and is per-tensor or per-channel
/// along dimension 0.
mlir::LogicalResult verifyWeights(mlir::Location loc, llvm::StringRef name,
                                  mlir::Type type);

/// Checks the bias of a convolution or fully-connected operator: shape
/// [outChannels]; f32 for a float operator; i32 for a quantized one, whose
/// scale (if given) is input scale x weight scale and zero point is 0.
mlir::LogicalResult verifyBias(mlir::Location loc, mlir::Type bias,
                               int64_t outChannels, mlir::Type input,
                               mlir::Type weights);

} // namespace morsel::nn

#endif // MORSEL_DIALECT_NN_IR_NNTYPECHECKS_H
