//===- Quantization.cpp - Lower nn.quantize, dequantize and requantize ----===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// quantize divides in f32 and rounds half to even with integer operations
// only (truncate, compare the exact fraction with 0.5, fix the parity), so
// that the generated code needs neither libm's roundevenf nor an FPU rounding
// instruction. Per-channel parameters enter the linalg.generic as constant
// tensors indexed by the quantized dimension.
//
//===----------------------------------------------------------------------===//

#include "FixedPointBuilder.h"
#include "LoweringUtils.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

/// |x / s| above this bound saturates any 8-bit result, and stays exactly
/// representable in f32 and i32.
static constexpr float kQuantizeBound = 65536.0f;

namespace {
/// Per-element scale and zero point of a (possibly per-channel) quantized
/// tensor, as generic inputs or constants.
struct ChannelOperands {
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  bool perChannel = false;
};
} // namespace

/// Collects the scales and zero points of `type` (a quantized tensor type);
/// per-channel ones become f32 and i32 constant tensors indexed by the
/// quantized dimension.
static ChannelOperands getChannelOperands(OpBuilder &b, Location loc,
                                          RankedTensorType type) {
  ChannelOperands c;
  quant::QuantizedType quantized = getQuantizedElementType(type);
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(quantized);
  int64_t channels =
      perAxis ? type.getDimSize(perAxis.getQuantizedDimension()) : 1;
  getChannelParams(quantized, channels, c.scales, c.zeroPoints);
  if (!perAxis)
    return c;
  c.perChannel = true;
  MLIRContext *context = b.getContext();
  SmallVector<float> scales(c.scales.begin(), c.scales.end());
  SmallVector<int32_t> zeroPoints(c.zeroPoints.begin(), c.zeroPoints.end());
  auto scaleType = RankedTensorType::get({channels}, b.getF32Type());
  c.inputs.push_back(arith::ConstantOp::create(
      b, loc, DenseFPElementsAttr::get(scaleType, ArrayRef<float>(scales))));
  c.inputs.push_back(createI32TensorConstant(b, loc, zeroPoints));
  AffineMap channelMap = AffineMap::get(
      type.getRank(), 0,
      getAffineDimExpr(perAxis.getQuantizedDimension(), context), context);
  c.maps = {channelMap, channelMap};
  return c;
}

/// Returns (scale, zero point) of the current element: block arguments
/// `args[first]`, `args[first + 1]` for per-channel parameters, constants
/// otherwise. Zero points are i32.
static std::pair<Value, Value> getElementParams(OpBuilder &b, Location loc,
                                                const ChannelOperands &c,
                                                ValueRange args,
                                                unsigned first) {
  if (c.perChannel)
    return {args[first], args[first + 1]};
  return {createF32Constant(b, loc, static_cast<float>(c.scales.front())),
          createIntConstant(b, loc, b.getI32Type(), c.zeroPoints.front())};
}

/// Returns roundeven(v) as i32 for |v| <= kQuantizeBound, using only exact
/// f32 and integer operations; NaN becomes -kQuantizeBound.
static Value createRoundHalfEven(OpBuilder &b, Location loc, Value v) {
  Type i32 = b.getI32Type();
  Value lo = createF32Constant(b, loc, -kQuantizeBound);
  Value hi = createF32Constant(b, loc, kQuantizeBound);
  Value below = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ULT, v, lo);
  v = arith::SelectOp::create(b, loc, below, lo, v);
  Value above = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, v, hi);
  v = arith::SelectOp::create(b, loc, above, hi, v);
  Value truncated = arith::FPToSIOp::create(b, loc, i32, v);
  Value fraction = arith::SubFOp::create(
      b, loc, v, arith::SIToFPOp::create(b, loc, b.getF32Type(), truncated));
  Value half = createF32Constant(b, loc, 0.5f);
  Value minusHalf = createF32Constant(b, loc, -0.5f);
  Value one = createIntConstant(b, loc, i32, 1);
  Value odd =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                            arith::AndIOp::create(b, loc, truncated, one), one);
  auto cmp = [&](arith::CmpFPredicate predicate, Value bound) -> Value {
    return arith::CmpFOp::create(b, loc, predicate, fraction, bound);
  };
  Value up = arith::OrIOp::create(
      b, loc, cmp(arith::CmpFPredicate::OGT, half),
      arith::AndIOp::create(b, loc, cmp(arith::CmpFPredicate::OEQ, half), odd));
  Value down = arith::OrIOp::create(
      b, loc, cmp(arith::CmpFPredicate::OLT, minusHalf),
      arith::AndIOp::create(b, loc, cmp(arith::CmpFPredicate::OEQ, minusHalf),
                            odd));
  Value adjusted = arith::AddIOp::create(
      b, loc, truncated, arith::ExtUIOp::create(b, loc, i32, up));
  return arith::SubIOp::create(b, loc, adjusted,
                               arith::ExtUIOp::create(b, loc, i32, down));
}

namespace {

/// nn.quantize -> linalg.generic: sat(z + roundeven(x / s)).
struct QuantizeLowering : public OpConversionPattern<nn::QuantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::QuantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    QuantParams storage =
        getStorageParams(getQuantizedElementType(op.getType()));
    ChannelOperands c = getChannelOperands(rewriter, loc, op.getType());
    SmallVector<Value> inputs = {adaptor.getInput()};
    inputs.append(c.inputs);
    SmallVector<AffineMap> maps = {
        rewriter.getMultiDimIdentityMap(resultType.getRank())};
    maps.append(c.maps);
    Value result = createElementwise(
        rewriter, loc, inputs, maps, resultType,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          auto [scale, zeroPoint] = getElementParams(b, l, c, args, 1);
          Value scaled = arith::DivFOp::create(b, l, args[0], scale);
          Value rounded = createRoundHalfEven(b, l, scaled);
          Value shifted = arith::AddIOp::create(b, l, rounded, zeroPoint);
          return {saturateToStorage(b, l, shifted, storage)};
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// nn.dequantize -> linalg.generic: (f32)(q - z) * s.
struct DequantizeLowering : public OpConversionPattern<nn::DequantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::DequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inputType = cast<RankedTensorType>(op.getInput().getType());
    quant::QuantizedType quantized = getQuantizedElementType(inputType);
    bool isSigned = quantized.isSigned();
    unsigned width = quantized.getStorageTypeIntegralWidth() >= 32 ? 64 : 32;
    ChannelOperands c = getChannelOperands(rewriter, loc, inputType);
    SmallVector<Value> inputs = {adaptor.getInput()};
    inputs.append(c.inputs);
    SmallVector<AffineMap> maps = {
        rewriter.getMultiDimIdentityMap(inputType.getRank())};
    maps.append(c.maps);
    Value result = createElementwise(
        rewriter, loc, inputs, maps, op.getType(),
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          auto [scale, zeroPoint] = getElementParams(b, l, c, args, 1);
          Value q = extendStorage(b, l, args[0], isSigned, width);
          Value z = extendStorage(b, l, zeroPoint, /*isSigned=*/true, width);
          Value centered = arith::SubIOp::create(b, l, q, z);
          Value real = arith::SIToFPOp::create(b, l, b.getF32Type(), centered);
          return {arith::MulFOp::create(b, l, real, scale)};
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// nn.requantize -> linalg.generic: sat(z_out + MBQM(q - z_in, s_in/s_out)).
struct RequantizeLowering : public OpConversionPattern<nn::RequantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::RequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    std::optional<QuantParams> in = getPerTensorParams(op.getInput().getType());
    std::optional<QuantParams> out = getPerTensorParams(op.getType());
    if (!in || !out)
      return rewriter.notifyMatchFailure(op, "expects per-tensor quantization");
    Value result = createElementwise(
        rewriter, loc, adaptor.getInput(),
        rewriter.getMultiDimIdentityMap(resultType.getRank()), resultType,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Type i32 = b.getI32Type();
          Value centered = arith::SubIOp::create(
              b, l, extendStorage(b, l, args[0], in->isSigned),
              createIntConstant(b, l, i32, in->zeroPoint));
          if (in->scale != out->scale)
            centered = createMBQM(b, l, centered, in->scale / out->scale);
          Value shifted = arith::AddIOp::create(
              b, l, centered, createIntConstant(b, l, i32, out->zeroPoint));
          return {saturateToStorage(b, l, shifted, *out)};
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void nnlowering::populateQuantizationPatterns(const TypeConverter &converter,
                                              RewritePatternSet &patterns) {
  patterns.add<QuantizeLowering, DequantizeLowering, RequantizeLowering>(
      converter, patterns.getContext());
}
