//===- LoweringUtils.h - Shared helpers of the nn-to-linalg lowering -*- C++
//-*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Helpers that the op-family files of convert-nn-to-linalg share: reading
// quantization parameters off the original (quantized) types, extending and
// saturating storage values, building linalg.generic ops and constants.
//
// Storage representation: a quantized tensor becomes a tensor of its storage
// type, which MLIR's quant dialect gives as a signless integer (`u8` and `i8`
// both become `i8`). The signedness lives only in the original quantized
// type, so every lowering reads it from there (`QuantParams::isSigned`) and
// widens with `arith.extui` for unsigned and `arith.extsi` for signed
// storage. Narrowing back saturates to the type's storage range first and
// then truncates, so a u8 value 200 is kept as the bit pattern 0xC8.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_CONVERSION_NNTOLINALG_LOWERINGUTILS_H
#define MORSEL_LIB_CONVERSION_NNTOLINALG_LOWERINGUTILS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"

#include <functional>

namespace morsel::nnlowering {

//===----------------------------------------------------------------------===//
// Quantization parameters
//===----------------------------------------------------------------------===//

/// The parameters of a per-tensor quantized type that the integer rules use.
struct QuantParams {
  double scale = 1.0;
  int64_t zeroPoint = 0;
  int64_t qmin = 0;
  int64_t qmax = 0;
  bool isSigned = true;
  mlir::Type storageType;
};

/// Returns the quantized element type of `type` (a tensor type), or null.
mlir::quant::QuantizedType getQuantizedElementType(mlir::Type type);

/// Returns the parameters of a per-tensor quantized tensor type, or
/// std::nullopt for anything else.
std::optional<QuantParams> getPerTensorParams(mlir::Type type);

/// Returns the storage parameters (range, signedness) of any quantized
/// element type, with scale 1 and zero point 0.
QuantParams getStorageParams(mlir::quant::QuantizedType type);

/// Returns the (scale, zero point) of each channel of `type`: one entry for
/// a per-tensor type, `channels` entries for a per-axis type.
void getChannelParams(mlir::quant::QuantizedType type, int64_t channels,
                      llvm::SmallVectorImpl<double> &scales,
                      llvm::SmallVectorImpl<int64_t> &zeroPoints);

//===----------------------------------------------------------------------===//
// Scalar helpers (inside linalg.generic bodies)
//===----------------------------------------------------------------------===//

/// Returns an `arith.constant` of integer type `type` holding `value`.
mlir::Value createIntConstant(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Type type, int64_t value);

/// Returns an `arith.constant` of type f32 holding `value`.
mlir::Value createF32Constant(mlir::OpBuilder &b, mlir::Location loc,
                              float value);

/// Widens a storage value to i32 (or to `width` bits), zero-extending
/// unsigned storage and sign-extending signed storage.
mlir::Value extendStorage(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value value, bool isSigned,
                          unsigned width = 32);

/// Clamps an integer value to [qmin, qmax] of `params` and truncates it to the
/// storage type.
mlir::Value saturateToStorage(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Value value, const QuantParams &params);

/// Clamps an integer value to [lo, hi] with signed comparisons.
mlir::Value clampSigned(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value value, int64_t lo, int64_t hi);

//===----------------------------------------------------------------------===//
// Compile-time rounding
//===----------------------------------------------------------------------===//

/// Rounds to nearest, ties away from zero (std::round), then clamps to
/// [lo, hi]; infinities saturate and NaN maps to lo.
int64_t roundAwayAndClamp(double value, int64_t lo, int64_t hi);

/// Returns z + round_away(real / s), saturated to the storage range.
int64_t quantizeAway(double real, const QuantParams &params);

//===----------------------------------------------------------------------===//
// Tensor helpers
//===----------------------------------------------------------------------===//

/// Returns a `tensor.empty` of the given shape and element type.
mlir::Value createEmpty(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::ArrayRef<int64_t> shape, mlir::Type elementType);

/// Returns a tensor of the given shape filled with `value` (linalg.fill).
mlir::Value createFilled(mlir::OpBuilder &b, mlir::Location loc,
                         llvm::ArrayRef<int64_t> shape, mlir::Value value);

/// Returns an `arith.constant` dense tensor of i32 values.
mlir::Value createI32TensorConstant(mlir::OpBuilder &b, mlir::Location loc,
                                    llvm::ArrayRef<int32_t> values);

/// Pads `input` with the scalar attribute `padValue` (tensor.pad), or
/// returns it unchanged when every pad is zero.
mlir::Value padWithConstant(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value input, llvm::ArrayRef<int64_t> low,
                            llvm::ArrayRef<int64_t> high,
                            mlir::TypedAttr padValue);

/// Returns the map from the loops of a `resultShape` iteration space to an
/// operand of shape `operandShape` that broadcasts as NumPy does (size-1
/// operand dimensions read index 0; missing leading dimensions are dropped).
mlir::AffineMap getBroadcastMap(llvm::ArrayRef<int64_t> operandShape,
                                llvm::ArrayRef<int64_t> resultShape,
                                mlir::MLIRContext *context);

/// Body of a linalg.generic: receives the block arguments and returns the
/// values to yield.
using BodyBuilder = std::function<llvm::SmallVector<mlir::Value>(
    mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>;

/// Builds a linalg.generic with the given maps (inputs then outputs),
/// iterators and body, and returns its results.
mlir::ValueRange
createGeneric(mlir::OpBuilder &b, mlir::Location loc, mlir::ValueRange inputs,
              mlir::ValueRange outputs, llvm::ArrayRef<mlir::AffineMap> maps,
              llvm::ArrayRef<mlir::utils::IteratorType> iterators,
              const BodyBuilder &body);

/// Builds an element-wise linalg.generic over a fresh `resultType` tensor:
/// `inputMaps` index the inputs from the result's iteration space.
mlir::Value createElementwise(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::ValueRange inputs,
                              llvm::ArrayRef<mlir::AffineMap> inputMaps,
                              mlir::RankedTensorType resultType,
                              const BodyBuilder &body);

/// Returns `count` parallel iterators.
llvm::SmallVector<mlir::utils::IteratorType> parallelIterators(unsigned count);

//===----------------------------------------------------------------------===//
// Pattern population, one function per op family
//===----------------------------------------------------------------------===//

/// channel_partition: a loop over channel chunks.
void populateChannelPartitionPatterns(const mlir::TypeConverter &converter,
                                      mlir::RewritePatternSet &patterns);
/// conv2d and fully_connected.
void populateConvolutionPatterns(const mlir::TypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);
/// add, mul, clamp, sigmoid, hard_sigmoid, hard_swish.
void populateElementwisePatterns(const mlir::TypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);
/// max_pool2d, avg_pool2d, mean, softmax.
void populateReductionPatterns(const mlir::TypeConverter &converter,
                               mlir::RewritePatternSet &patterns);
/// constant, reshape, transpose, concat, slice, pad.
void populateDataMovementPatterns(const mlir::TypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
/// quantize, dequantize, requantize.
void populateQuantizationPatterns(const mlir::TypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);

} // namespace morsel::nnlowering

#endif // MORSEL_LIB_CONVERSION_NNTOLINALG_LOWERINGUTILS_H
