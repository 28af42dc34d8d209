//===- ConvolutionKernel.h - Convolutions as explicit loop nests -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Lowers convolutions and fully connected layers with constant weights to
// scf.for nests on tensors that keep one accumulator per output element in
// a register, requantize it at once and insert the result: no padded copy
// of the input, no i32 tensor of accumulators. Padding is skipped by
// clamping the kernel window; output pixels whose window lies inside the
// input take a second copy of the loops with constant trip counts, and for
// quantized operators the input zero point is folded into their bias at
// compile time (sum (x - zx) * w = sum x * w - zx * sum w), which removes a
// subtraction from every multiply-accumulate. Integer results are those of
// docs/quantization.md bit for bit (i32 arithmetic wraps the same way in
// either form).
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_CONVERSION_NNTOLINALG_CONVOLUTIONKERNEL_H
#define MORSEL_LIB_CONVERSION_NNTOLINALG_CONVOLUTIONKERNEL_H

#include "FixedPointBuilder.h"
#include "LoweringUtils.h"

#include "mlir/IR/BuiltinAttributes.h"

namespace morsel::nnlowering {

/// A convolution (NHWC input, OHWI weights) or, with `fullyConnected`, a
/// fully connected layer ([N, I] input, [O, I] weights), with everything
/// the loop nest needs known at compile time.
struct ConvolutionKernel {
  bool fullyConnected = false;
  int64_t batch = 1;
  int64_t inputHeight = 1, inputWidth = 1;
  int64_t outputHeight = 1, outputWidth = 1, outputChannels = 1;
  int64_t kernelHeight = 1, kernelWidth = 1;
  int64_t strideHeight = 1, strideWidth = 1;
  int64_t dilationHeight = 1, dilationWidth = 1;
  /// Padding: top, bottom, left, right.
  int64_t padTop = 0, padBottom = 0, padLeft = 0, padRight = 0;
  /// Input channels read by one output channel, and output channels per
  /// group (groups = 1: all input channels; depthwise: 1).
  int64_t groupInputChannels = 1;
  int64_t groupOutputChannels = 1;

  /// The weights and the bias (null: none), storage-typed.
  mlir::DenseElementsAttr weights;
  mlir::DenseElementsAttr bias;

  /// Quantized operators: per-tensor input and output parameters, the
  /// weights' per-output-channel zero points and the requantization
  /// multipliers s_in * s_w[o] / s_out. Unset for f32.
  std::optional<QuantParams> input;
  std::optional<QuantParams> output;
  bool weightsSigned = true;
  llvm::SmallVector<int64_t> weightZeroPoints;
  llvm::SmallVector<MultiplierConstants> multipliers;

  /// A clamp fused into the output (an activation such as ReLU6): bounds in
  /// storage units for quantized operators (within the storage range), or
  /// real bounds for f32 (maximumf, then minimumf, as nn.clamp lowers).
  std::optional<std::pair<int64_t, int64_t>> quantizedClamp;
  std::optional<std::pair<float, float>> floatClamp;

  /// Partial execution along channels: with `sliceChannels` > 0 the kernel
  /// computes only output channels [channelOffset, channelOffset +
  /// sliceChannels) and its result holds just those; a depthwise kernel
  /// then reads an input slice of the same channels. The weights and
  /// per-channel parameters stay whole and are indexed at the offset.
  int64_t sliceChannels = 0;
  mlir::Value channelOffset;
};

/// Returns the kernel of an nn.conv2d or nn.fully_connected; fails if its
/// weights are not constant or its activations not per-tensor quantized.
mlir::FailureOr<ConvolutionKernel> getConvolutionKernel(mlir::Operation *op);

/// Makes `kernel` apply `clamp`, an nn.clamp of its result, to its output;
/// fails if `clamp` is not one or its range excludes every stored value.
mlir::LogicalResult fuseClampIntoKernel(mlir::Operation *clamp,
                                        ConvolutionKernel &kernel);

/// Builds the loop nest of `kernel` reading `input` and returns the result,
/// a tensor of `resultType` (storage-typed for quantized operators).
mlir::Value buildConvolutionKernel(mlir::OpBuilder &b, mlir::Location loc,
                                   const ConvolutionKernel &kernel,
                                   mlir::Value input,
                                   mlir::RankedTensorType resultType);

/// Partial sums (the consumer of an nn.channel_partition chain): returns
/// `accumulators` (i32 for quantized kernels, f32 otherwise; the output's
/// shape) with the products of `inputSlice` added, whose channels are the
/// kernel's input channels [inputChannelOffset, inputChannelOffset +
/// slice). Accumulating every slice into the tensor of
/// buildAccumulatorInit and requantizing with buildAccumulatorOutput gives
/// buildConvolutionKernel's result bit for bit.
mlir::Value buildPartialConvolution(mlir::OpBuilder &b, mlir::Location loc,
                                    const ConvolutionKernel &kernel,
                                    mlir::Value inputSlice,
                                    mlir::Value inputChannelOffset,
                                    mlir::Value accumulators);

/// Returns accumulators of type `type` for buildPartialConvolution, each
/// holding its output channel's bias (for quantized kernels without
/// padding, with the input zero point folded in as the kernel does).
mlir::Value buildAccumulatorInit(mlir::OpBuilder &b, mlir::Location loc,
                                 const ConvolutionKernel &kernel,
                                 mlir::RankedTensorType type);

/// Returns the output of `kernel` from complete accumulators: requantized
/// (quantized kernels) and clamped as buildConvolutionKernel would.
mlir::Value buildAccumulatorOutput(mlir::OpBuilder &b, mlir::Location loc,
                                   const ConvolutionKernel &kernel,
                                   mlir::Value accumulators,
                                   mlir::RankedTensorType resultType);

} // namespace morsel::nnlowering

#endif // MORSEL_LIB_CONVERSION_NNTOLINALG_CONVOLUTIONKERNEL_H
