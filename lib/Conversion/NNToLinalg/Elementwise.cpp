//===- Elementwise.cpp - Lower nn element-wise operators ------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// add and mul broadcast as NumPy through the indexing maps of one
// linalg.generic (size-1 operand dimensions read index 0). Quantized add
// follows TFLite's 20-bit left-shift algorithm and mul a single MBQM.
// Quantized sigmoid, hard_sigmoid and hard_swish read a 256-entry table that
// the compiler computes in double precision (tensor.extract from a constant).
//
//===----------------------------------------------------------------------===//

#include "FixedPointBuilder.h"
#include "LoweringUtils.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

/// TFLite's left shift of add operands.
static constexpr int kAddLeftShift = 20;

/// Returns ext(q) - z as i32.
static Value centered(OpBuilder &b, Location loc, Value q,
                      const QuantParams &params) {
  return arith::SubIOp::create(
      b, loc, extendStorage(b, loc, q, params.isSigned),
      createIntConstant(b, loc, b.getI32Type(), params.zeroPoint));
}

/// Returns sat(z_out + value) in the storage type.
static Value offsetAndSaturate(OpBuilder &b, Location loc, Value value,
                               const QuantParams &output) {
  Value sum = arith::AddIOp::create(
      b, loc, value,
      createIntConstant(b, loc, b.getI32Type(), output.zeroPoint));
  return saturateToStorage(b, loc, sum, output);
}

//===----------------------------------------------------------------------===//
// Binary operators
//===----------------------------------------------------------------------===//

/// Builds the scalar body of a quantized binary operator.
using QuantizedBinaryBody = std::function<Value(
    OpBuilder &, Location, Value, Value, const QuantParams &,
    const QuantParams &, const QuantParams &)>;

/// The quantized add of docs/quantization.md.
static Value createQuantizedAdd(OpBuilder &b, Location loc, Value lhs,
                                Value rhs, const QuantParams &l,
                                const QuantParams &r, const QuantParams &out) {
  Type i32 = b.getI32Type();
  double twiceMax = 2.0 * std::max(l.scale, r.scale);
  Value shift = createIntConstant(b, loc, i32, kAddLeftShift);
  Value a1 = createMBQM(
      b, loc, arith::ShLIOp::create(b, loc, centered(b, loc, lhs, l), shift),
      l.scale / twiceMax);
  Value a2 = createMBQM(
      b, loc, arith::ShLIOp::create(b, loc, centered(b, loc, rhs, r), shift),
      r.scale / twiceMax);
  Value sum = arith::AddIOp::create(b, loc, a1, a2);
  Value scaled = createMBQM(
      b, loc, sum,
      twiceMax / (static_cast<double>(1 << kAddLeftShift) * out.scale));
  return offsetAndSaturate(b, loc, scaled, out);
}

/// The quantized mul of docs/quantization.md.
static Value createQuantizedMul(OpBuilder &b, Location loc, Value lhs,
                                Value rhs, const QuantParams &l,
                                const QuantParams &r, const QuantParams &out) {
  Value product = arith::MulIOp::create(b, loc, centered(b, loc, lhs, l),
                                        centered(b, loc, rhs, r));
  Value scaled = createMBQM(b, loc, product, l.scale * r.scale / out.scale);
  return offsetAndSaturate(b, loc, scaled, out);
}

/// Lowers a broadcasting binary operator to one linalg.generic.
template <typename OpTy, typename FloatOpTy>
static LogicalResult lowerBinary(OpTy op, Value lhs, Value rhs,
                                 const TypeConverter &converter,
                                 ConversionPatternRewriter &rewriter,
                                 const QuantizedBinaryBody &quantizedBody) {
  Location loc = op.getLoc();
  auto resultType =
      dyn_cast_or_null<RankedTensorType>(converter.convertType(op.getType()));
  if (!resultType)
    return rewriter.notifyMatchFailure(op, "cannot convert the result type");
  ArrayRef<int64_t> shape = resultType.getShape();
  MLIRContext *context = rewriter.getContext();
  SmallVector<AffineMap> maps = {
      getBroadcastMap(cast<RankedTensorType>(lhs.getType()).getShape(), shape,
                      context),
      getBroadcastMap(cast<RankedTensorType>(rhs.getType()).getShape(), shape,
                      context)};
  Value result;
  if (!getQuantizedElementType(op.getType())) {
    result = createElementwise(
        rewriter, loc, {lhs, rhs}, maps, resultType,
        [](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          return {FloatOpTy::create(b, l, args[0], args[1])};
        });
  } else {
    std::optional<QuantParams> l = getPerTensorParams(op.getLhs().getType());
    std::optional<QuantParams> r = getPerTensorParams(op.getRhs().getType());
    std::optional<QuantParams> out = getPerTensorParams(op.getType());
    if (!l || !r || !out)
      return rewriter.notifyMatchFailure(op, "expects per-tensor quantization");
    result = createElementwise(
        rewriter, loc, {lhs, rhs}, maps, resultType,
        [&](OpBuilder &b, Location loc, ValueRange args) -> SmallVector<Value> {
          return {quantizedBody(b, loc, args[0], args[1], *l, *r, *out)};
        });
  }
  rewriter.replaceOp(op, result);
  return success();
}

namespace {

/// nn.add -> linalg.generic (f32 addf, or TFLite's quantized add).
struct AddLowering : public OpConversionPattern<nn::AddOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::AddOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerBinary<nn::AddOp, arith::AddFOp>(
        op, adaptor.getLhs(), adaptor.getRhs(), *getTypeConverter(), rewriter,
        createQuantizedAdd);
  }
};

/// nn.mul -> linalg.generic (f32 mulf, or the quantized product and MBQM).
struct MulLowering : public OpConversionPattern<nn::MulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::MulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerBinary<nn::MulOp, arith::MulFOp>(
        op, adaptor.getLhs(), adaptor.getRhs(), *getTypeConverter(), rewriter,
        createQuantizedMul);
  }
};

/// nn.clamp -> linalg.generic (maximumf/minimumf, or integer bounds).
struct ClampLowering : public OpConversionPattern<nn::ClampOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::ClampOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(adaptor.getInput().getType());
    AffineMap identity = rewriter.getMultiDimIdentityMap(resultType.getRank());
    float min = op.getMin().convertToFloat(),
          max = op.getMax().convertToFloat();
    Value result;
    if (std::optional<QuantParams> params = getPerTensorParams(op.getType())) {
      // lo and hi are saturated to the storage range, so that bounds outside
      // it clamp to the representable extremes.
      int64_t lo = quantizeAway(min, *params);
      int64_t hi = quantizeAway(max, *params);
      result = createElementwise(
          rewriter, loc, adaptor.getInput(), identity, resultType,
          [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
            Value wide = extendStorage(b, l, args[0], params->isSigned);
            Value clamped = clampSigned(b, l, wide, lo, hi);
            return {
                arith::TruncIOp::create(b, l, params->storageType, clamped)};
          });
    } else {
      result = createElementwise(
          rewriter, loc, adaptor.getInput(), identity, resultType,
          [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
            Value lower = arith::MaximumFOp::create(
                b, l, args[0], createF32Constant(b, l, min));
            return {arith::MinimumFOp::create(b, l, lower,
                                              createF32Constant(b, l, max))};
          });
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// Unary operators with lookup tables
//===----------------------------------------------------------------------===//

/// A real function evaluated at compile time for the tables.
using RealFunction = std::function<double(double)>;

/// Builds the f32 body of a unary operator from one scalar argument.
using FloatBody = std::function<Value(OpBuilder &, Location, Value)>;

/// Returns the 256-entry table of a quantized unary operator, indexed by the
/// input's stored value minus the storage type's minimum.
static Value createLookupTable(OpBuilder &b, Location loc,
                               const QuantParams &input,
                               const QuantParams &output,
                               const RealFunction &function) {
  int64_t first = input.isSigned ? -128 : 0;
  unsigned width = output.storageType.getIntOrFloatBitWidth();
  SmallVector<APInt> entries;
  for (int64_t q = first; q < first + 256; ++q) {
    double real = input.scale * static_cast<double>(q - input.zeroPoint);
    int64_t value = quantizeAway(function(real), output);
    entries.push_back(APInt(width, static_cast<uint64_t>(value),
                            /*isSigned=*/false, /*implicitTrunc=*/true));
  }
  auto type = RankedTensorType::get({256}, output.storageType);
  return arith::ConstantOp::create(b, loc,
                                   DenseIntElementsAttr::get(type, entries));
}

/// Lowers a unary operator: f32 math, or a table lookup for quantized types.
static LogicalResult lowerUnary(Operation *op, Value input,
                                const TypeConverter &converter,
                                ConversionPatternRewriter &rewriter,
                                const FloatBody &floatBody,
                                const RealFunction &function) {
  Location loc = op->getLoc();
  auto resultType = dyn_cast_or_null<RankedTensorType>(
      converter.convertType(op->getResult(0).getType()));
  if (!resultType)
    return rewriter.notifyMatchFailure(op, "cannot convert the result type");
  AffineMap identity = rewriter.getMultiDimIdentityMap(resultType.getRank());
  Type originalInput = op->getOperand(0).getType();
  Value result;
  if (!getQuantizedElementType(originalInput)) {
    result = createElementwise(
        rewriter, loc, input, identity, resultType,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          return {floatBody(b, l, args[0])};
        });
    rewriter.replaceOp(op, result);
    return success();
  }
  std::optional<QuantParams> in = getPerTensorParams(originalInput);
  std::optional<QuantParams> out =
      getPerTensorParams(op->getResult(0).getType());
  if (!in || !out || in->storageType.getIntOrFloatBitWidth() != 8)
    return rewriter.notifyMatchFailure(
        op, "expects per-tensor quantization with 8-bit storage");
  Value table = createLookupTable(rewriter, loc, *in, *out, function);
  int64_t offset = in->isSigned ? 128 : 0;
  bool isSigned = in->isSigned;
  result = createElementwise(
      rewriter, loc, input, identity, resultType,
      [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
        Value wide = extendStorage(b, l, args[0], isSigned);
        Value shifted = arith::AddIOp::create(
            b, l, wide, createIntConstant(b, l, b.getI32Type(), offset));
        Value index =
            arith::IndexCastOp::create(b, l, b.getIndexType(), shifted);
        return {tensor::ExtractOp::create(b, l, table, index)};
      });
  rewriter.replaceOp(op, result);
  return success();
}

/// Returns min(max(x, lo), hi) on f32 values.
static Value clampFloat(OpBuilder &b, Location loc, Value x, float lo,
                        float hi) {
  Value lower =
      arith::MaximumFOp::create(b, loc, x, createF32Constant(b, loc, lo));
  return arith::MinimumFOp::create(b, loc, lower,
                                   createF32Constant(b, loc, hi));
}

namespace {

/// nn.sigmoid -> linalg.generic (1 / (1 + exp(-x)), or a table).
struct SigmoidLowering : public OpConversionPattern<nn::SigmoidOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::SigmoidOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerUnary(
        op, adaptor.getInput(), *getTypeConverter(), rewriter,
        [](OpBuilder &b, Location loc, Value x) -> Value {
          Value one = createF32Constant(b, loc, 1.0f);
          Value e =
              math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
          return arith::DivFOp::create(b, loc, one,
                                       arith::AddFOp::create(b, loc, one, e));
        },
        [](double x) { return 1.0 / (1.0 + std::exp(-x)); });
  }
};

/// nn.hard_sigmoid -> linalg.generic (max(0, min(1, alpha x + beta)), or a
/// table).
struct HardSigmoidLowering : public OpConversionPattern<nn::HardSigmoidOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::HardSigmoidOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    float alpha = op.getAlpha().convertToFloat();
    float beta = op.getBeta().convertToFloat();
    return lowerUnary(
        op, adaptor.getInput(), *getTypeConverter(), rewriter,
        [=](OpBuilder &b, Location loc, Value x) -> Value {
          Value scaled = arith::MulFOp::create(
              b, loc, createF32Constant(b, loc, alpha), x);
          Value shifted = arith::AddFOp::create(
              b, loc, scaled, createF32Constant(b, loc, beta));
          Value upper = arith::MinimumFOp::create(
              b, loc, createF32Constant(b, loc, 1.0f), shifted);
          return arith::MaximumFOp::create(
              b, loc, createF32Constant(b, loc, 0.0f), upper);
        },
        [=](double x) {
          return std::max(0.0, std::min(1.0, static_cast<double>(alpha) * x +
                                                 static_cast<double>(beta)));
        });
  }
};

/// nn.hard_swish -> linalg.generic (x * min(max(x + 3, 0), 6) / 6, or a
/// table).
struct HardSwishLowering : public OpConversionPattern<nn::HardSwishOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::HardSwishOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerUnary(
        op, adaptor.getInput(), *getTypeConverter(), rewriter,
        [](OpBuilder &b, Location loc, Value x) -> Value {
          Value shifted =
              arith::AddFOp::create(b, loc, x, createF32Constant(b, loc, 3.0f));
          Value relu6 = clampFloat(b, loc, shifted, 0.0f, 6.0f);
          Value product = arith::MulFOp::create(b, loc, x, relu6);
          return arith::DivFOp::create(b, loc, product,
                                       createF32Constant(b, loc, 6.0f));
        },
        [](double x) {
          return x * std::min(std::max(x + 3.0, 0.0), 6.0) / 6.0;
        });
  }
};

} // namespace

void nnlowering::populateElementwisePatterns(const TypeConverter &converter,
                                             RewritePatternSet &patterns) {
  patterns.add<AddLowering, MulLowering, ClampLowering, SigmoidLowering,
               HardSigmoidLowering, HardSwishLowering>(converter,
                                                       patterns.getContext());
}
