//===- Kernels.h - The C text of the reference kernels ----------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The C99 source of every kernel the reference backend can emit, in the
// style of TensorFlow Lite Micro's reference kernels, and of the helpers and
// parameter structs they share. Kernel texts are templates: `{X}`, `{Y}`,
// `{W}`, `{L}`, `{R}` and `{T}` stand for element types (input, output,
// weights, left and right operands, any), `{NAME}` for the instantiated
// function name.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_TARGET_REFERENCEC_KERNELS_H
#define MORSEL_LIB_TARGET_REFERENCEC_KERNELS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace morsel::referencec {

/// Shared pieces of C that kernels depend on, in the order the file needs
/// them (structs and helpers before the kernels that use them).
enum class Piece {
  KernelAttribute,
  IntegerClamp,
  FloatActivation,
  FixedPoint,
  RoundHalfEven,
  Exp,
  NhwcShape,
  ConvParams,
  FullyConnectedParams,
  PoolParams,
  ArithmeticParams,
  QuantizedAdd,
  ReduceParams,
  ReduceIndex,
  ChannelParams,
  RequantizeParams,
  MovementParams,
};

/// Every kernel template.
enum class Kernel {
  ConvQuantized,
  ConvFloat,
  DepthwiseConvQuantized,
  DepthwiseConvFloat,
  FullyConnectedQuantized,
  FullyConnectedFloat,
  AddQuantized,
  AddFloat,
  BroadcastAddQuantized,
  BroadcastAddFloat,
  MulQuantized,
  MulFloat,
  BroadcastMulQuantized,
  BroadcastMulFloat,
  ClampQuantized,
  ClampFloat,
  Lookup,
  SigmoidFloat,
  HardSigmoidFloat,
  HardSwishFloat,
  MaxPoolQuantized,
  MaxPoolFloat,
  AvgPoolQuantized,
  AvgPoolFloat,
  MeanQuantized,
  MeanFloat,
  MeanAnyAxesQuantized,
  MeanAnyAxesFloat,
  SoftmaxQuantized,
  SoftmaxFloat,
  Quantize,
  Dequantize,
  Requantize,
  Transpose,
  StridedSlice,
  Pad,
  Concatenation,
  Copy,
};

/// Returns the C text of a shared piece.
llvm::StringRef getPieceSource(Piece piece);

/// Returns the pieces a piece needs before it.
llvm::ArrayRef<Piece> getPieceDependencies(Piece piece);

/// A kernel template: its C function name before the type suffix (e.g.
/// "conv2d"), its text and the pieces it needs.
struct KernelInfo {
  Kernel kernel;
  llvm::StringRef baseName;
  llvm::StringRef source;
  llvm::ArrayRef<Piece> needs;
};

/// Returns the template of `kernel`.
const KernelInfo &getKernelInfo(Kernel kernel);

/// The templates, one table per source file.
llvm::ArrayRef<KernelInfo> getLayerKernels();
llvm::ArrayRef<KernelInfo> getElementwiseKernels();
llvm::ArrayRef<KernelInfo> getMovementKernels();

} // namespace morsel::referencec

#endif // MORSEL_LIB_TARGET_REFERENCEC_KERNELS_H
