//===- NNTypeChecks.cpp - Element-type rules of the nn dialect ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNTypeChecks.h"

#include <cmath>

using namespace mlir;
using namespace morsel::nn;

/// Relative tolerance for "bias scale = input scale x weight scale": exporters
/// compute the product in f32, so the two differ by rounding only.
static constexpr double kBiasScaleTolerance = 1e-5;

static Type getElementType(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.getElementType();
  return type;
}

bool morsel::nn::isQuantizedTensor(Type type) {
  return isa<quant::UniformQuantizedType, quant::UniformQuantizedPerAxisType>(
      getElementType(type));
}

double morsel::nn::getChannelScale(quant::QuantizedType type,
                                   int64_t channel) {
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type))
    return perAxis.getScales()[channel];
  return cast<quant::UniformQuantizedType>(type).getScale();
}

LogicalResult morsel::nn::verifyQuantizedTensor(Location loc, StringRef name,
                                                Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return success();
  auto quantized = dyn_cast<quant::QuantizedType>(tensor.getElementType());
  if (!quantized)
    return success();
  if (!quantized.getExpressedType().isF32())
    return emitError(loc) << "expects quantized " << name
                          << " to express f32 values, got "
                          << quantized.getExpressedType();
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(quantized);
  if (!perAxis)
    return success();
  int64_t axis = perAxis.getQuantizedDimension();
  if (axis >= tensor.getRank())
    return emitError(loc) << "expects the quantized dimension " << axis
                          << " of " << name << " to be below its rank "
                          << tensor.getRank();
  int64_t scales = perAxis.getScales().size();
  if (scales != tensor.getDimSize(axis))
    return emitError(loc) << "expects " << tensor.getDimSize(axis)
                          << " scales for dimension " << axis << " of "
                          << name << ", got " << scales;
  return success();
}

LogicalResult morsel::nn::verifySameNumericKind(Location loc,
                                                TypeRange types) {
  if (types.empty())
    return success();
  bool quantized = isQuantizedTensor(types.front());
  for (Type type : types.drop_front())
    if (isQuantizedTensor(type) != quantized)
      return emitError(loc)
             << "mixes f32 and quantized tensors; convert with nn.quantize or "
                "nn.dequantize first";
  return success();
}

/// Checks that a quantized element type stores 8-bit integers.
static LogicalResult verify8BitStorage(Location loc, StringRef name,
                                       quant::QuantizedType type) {
  if (type.getStorageTypeIntegralWidth() != 8)
    return emitError(loc) << "expects 8-bit storage for " << name << ", got "
                          << type.getStorageType();
  return success();
}

LogicalResult morsel::nn::verifyActivation(Location loc, StringRef name,
                                           Type type) {
  if (failed(verifyQuantizedTensor(loc, name, type)))
    return failure();
  auto quantized = dyn_cast<quant::QuantizedType>(getElementType(type));
  if (!quantized)
    return success();
  if (!isa<quant::UniformQuantizedType>(quantized))
    return emitError(loc) << "expects per-tensor quantization for " << name;
  return verify8BitStorage(loc, name, quantized);
}

LogicalResult morsel::nn::verifyWeights(Location loc, StringRef name,
                                        Type type) {
  if (failed(verifyQuantizedTensor(loc, name, type)))
    return failure();
  auto quantized = dyn_cast<quant::QuantizedType>(getElementType(type));
  if (!quantized)
    return success();
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(quantized))
    if (perAxis.getQuantizedDimension() != 0)
      return emitError(loc) << "expects per-channel quantization of " << name
                            << " along dimension 0 (output channels)";
  return verify8BitStorage(loc, name, quantized);
}

LogicalResult morsel::nn::verifyBias(Location loc, Type bias,
                                     int64_t outChannels, Type input,
                                     Type weights) {
  auto biasType = cast<RankedTensorType>(bias);
  if (biasType.getRank() != 1 || biasType.getDimSize(0) != outChannels)
    return emitError(loc) << "expects a bias of shape [" << outChannels
                          << "], got " << biasType;
  if (failed(verifyQuantizedTensor(loc, "bias", bias)))
    return failure();
  Type element = biasType.getElementType();
  if (!isQuantizedTensor(input)) {
    if (!element.isF32())
      return emitError(loc) << "expects an f32 bias for a float operator, got "
                            << element;
    return success();
  }
  if (element.isSignlessInteger(32))
    return success();
  auto quantized = dyn_cast<quant::QuantizedType>(element);
  if (!quantized || quantized.getStorageTypeIntegralWidth() != 32 ||
      !quantized.isSigned())
    return emitError(loc)
           << "expects an i32 bias for a quantized operator, got " << element;
  auto perTensor = dyn_cast<quant::UniformQuantizedType>(quantized);
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(quantized);
  bool zeroPointsAreZero =
      perTensor ? perTensor.getZeroPoint() == 0
                : llvm::all_of(perAxis.getZeroPoints(),
                               [](int64_t zp) { return zp == 0; });
  if (!zeroPointsAreZero)
    return emitError(loc) << "expects zero point 0 for the i32 bias";
  auto inputType = cast<quant::QuantizedType>(getElementType(input));
  auto weightType = cast<quant::QuantizedType>(getElementType(weights));
  for (int64_t c = 0; c < outChannels; ++c) {
    double expected =
        getChannelScale(inputType, 0) * getChannelScale(weightType, c);
    double actual = getChannelScale(quantized, perTensor ? 0 : c);
    if (std::abs(actual - expected) > kBiasScaleTolerance * expected)
      return emitError(loc) << "expects bias scale " << expected
                            << " (input scale x weight scale) for channel "
                            << c << ", got " << actual;
  }
  return success();
}
