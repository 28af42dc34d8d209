//===- LoweringUtils.cpp - Shared helpers of the nn-to-linalg lowering ----===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

//===----------------------------------------------------------------------===//
// Quantization parameters
//===----------------------------------------------------------------------===//

quant::QuantizedType nnlowering::getQuantizedElementType(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    type = shaped.getElementType();
  return dyn_cast<quant::QuantizedType>(type);
}

QuantParams nnlowering::getStorageParams(quant::QuantizedType type) {
  QuantParams params;
  params.qmin = type.getStorageTypeMin();
  params.qmax = type.getStorageTypeMax();
  params.isSigned = type.isSigned();
  params.storageType = type.getStorageType();
  return params;
}

std::optional<QuantParams> nnlowering::getPerTensorParams(Type type) {
  auto uniform = dyn_cast_or_null<quant::UniformQuantizedType>(
      getQuantizedElementType(type));
  if (!uniform)
    return std::nullopt;
  QuantParams params = getStorageParams(uniform);
  params.scale = uniform.getScale();
  params.zeroPoint = uniform.getZeroPoint();
  return params;
}

void nnlowering::getChannelParams(quant::QuantizedType type, int64_t channels,
                                  SmallVectorImpl<double> &scales,
                                  SmallVectorImpl<int64_t> &zeroPoints) {
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type)) {
    scales.assign(perAxis.getScales().begin(), perAxis.getScales().end());
    zeroPoints.assign(perAxis.getZeroPoints().begin(),
                      perAxis.getZeroPoints().end());
    return;
  }
  auto uniform = cast<quant::UniformQuantizedType>(type);
  scales.assign(channels, uniform.getScale());
  zeroPoints.assign(channels, uniform.getZeroPoint());
}

//===----------------------------------------------------------------------===//
// Scalar helpers
//===----------------------------------------------------------------------===//

Value nnlowering::createIntConstant(OpBuilder &b, Location loc, Type type,
                                    int64_t value) {
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

Value nnlowering::createF32Constant(OpBuilder &b, Location loc, float value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
}

Value nnlowering::extendStorage(OpBuilder &b, Location loc, Value value,
                                bool isSigned, unsigned width) {
  Type wide = b.getIntegerType(width);
  if (value.getType() == wide)
    return value;
  if (isSigned)
    return arith::ExtSIOp::create(b, loc, wide, value);
  return arith::ExtUIOp::create(b, loc, wide, value);
}

Value nnlowering::clampSigned(OpBuilder &b, Location loc, Value value,
                              int64_t lo, int64_t hi) {
  Type type = value.getType();
  Value clamped = arith::MaxSIOp::create(b, loc, value,
                                         createIntConstant(b, loc, type, lo));
  return arith::MinSIOp::create(b, loc, clamped,
                                createIntConstant(b, loc, type, hi));
}

Value nnlowering::saturateToStorage(OpBuilder &b, Location loc, Value value,
                                    const QuantParams &params) {
  Value clamped = clampSigned(b, loc, value, params.qmin, params.qmax);
  if (clamped.getType() == params.storageType)
    return clamped;
  return arith::TruncIOp::create(b, loc, params.storageType, clamped);
}

//===----------------------------------------------------------------------===//
// Compile-time rounding
//===----------------------------------------------------------------------===//

int64_t nnlowering::roundAwayAndClamp(double value, int64_t lo, int64_t hi) {
  if (std::isnan(value))
    return lo;
  double rounded = std::round(value);
  if (rounded <= static_cast<double>(lo))
    return lo;
  if (rounded >= static_cast<double>(hi))
    return hi;
  return static_cast<int64_t>(rounded);
}

int64_t nnlowering::quantizeAway(double real, const QuantParams &params) {
  double rounded = std::round(real / params.scale);
  return roundAwayAndClamp(static_cast<double>(params.zeroPoint) + rounded,
                           params.qmin, params.qmax);
}

//===----------------------------------------------------------------------===//
// Tensor helpers
//===----------------------------------------------------------------------===//

Value nnlowering::createEmpty(OpBuilder &b, Location loc,
                              ArrayRef<int64_t> shape, Type elementType) {
  return tensor::EmptyOp::create(b, loc, shape, elementType);
}

Value nnlowering::createFilled(OpBuilder &b, Location loc,
                               ArrayRef<int64_t> shape, Value value) {
  Value empty = createEmpty(b, loc, shape, value.getType());
  return linalg::FillOp::create(b, loc, ValueRange{value}, ValueRange{empty})
      .getResult(0);
}

Value nnlowering::createI32TensorConstant(OpBuilder &b, Location loc,
                                          ArrayRef<int32_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    b.getI32Type());
  return arith::ConstantOp::create(b, loc,
                                   DenseIntElementsAttr::get(type, values));
}

Value nnlowering::padWithConstant(OpBuilder &b, Location loc, Value input,
                                  ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                                  TypedAttr padValue) {
  if (llvm::all_of(low, [](int64_t p) { return p == 0; }) &&
      llvm::all_of(high, [](int64_t p) { return p == 0; }))
    return input;
  auto inputType = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape(inputType.getShape());
  SmallVector<OpFoldResult> lowSizes, highSizes;
  for (size_t d = 0; d < shape.size(); ++d) {
    shape[d] += low[d] + high[d];
    lowSizes.push_back(b.getIndexAttr(low[d]));
    highSizes.push_back(b.getIndexAttr(high[d]));
  }
  Value value = arith::ConstantOp::create(b, loc, padValue);
  return tensor::PadOp::create(b, loc, inputType.clone(shape), input, lowSizes,
                               highSizes, value);
}

AffineMap nnlowering::getBroadcastMap(ArrayRef<int64_t> operandShape,
                                      ArrayRef<int64_t> resultShape,
                                      MLIRContext *context) {
  size_t offset = resultShape.size() - operandShape.size();
  SmallVector<AffineExpr> results;
  for (size_t d = 0; d < operandShape.size(); ++d) {
    if (operandShape[d] == 1 && resultShape[offset + d] != 1)
      results.push_back(getAffineConstantExpr(0, context));
    else
      results.push_back(getAffineDimExpr(offset + d, context));
  }
  return AffineMap::get(resultShape.size(), 0, results, context);
}

ValueRange nnlowering::createGeneric(OpBuilder &b, Location loc,
                                     ValueRange inputs, ValueRange outputs,
                                     ArrayRef<AffineMap> maps,
                                     ArrayRef<utils::IteratorType> iterators,
                                     const BodyBuilder &body) {
  auto generic = linalg::GenericOp::create(
      b, loc, outputs.getTypes(), inputs, outputs, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        SmallVector<Value> yielded = body(nested, nestedLoc, args);
        linalg::YieldOp::create(nested, nestedLoc, yielded);
      });
  return generic.getResults();
}

Value nnlowering::createElementwise(OpBuilder &b, Location loc,
                                    ValueRange inputs,
                                    ArrayRef<AffineMap> inputMaps,
                                    RankedTensorType resultType,
                                    const BodyBuilder &body) {
  Value init =
      createEmpty(b, loc, resultType.getShape(), resultType.getElementType());
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(resultType.getRank()));
  return createGeneric(b, loc, inputs, init, maps,
                       parallelIterators(resultType.getRank()), body)
      .front();
}

SmallVector<utils::IteratorType> nnlowering::parallelIterators(unsigned count) {
  return SmallVector<utils::IteratorType>(count, utils::IteratorType::parallel);
}
