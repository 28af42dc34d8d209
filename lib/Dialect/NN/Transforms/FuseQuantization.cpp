//===- FuseQuantization.cpp - Fold QDQ islands into quantized ops ---------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// ONNX QDQ models express int8 inference as float operators between
// nn.dequantize and nn.quantize. The patterns here rewrite each island into
// the quantized operator whose integer semantics docs/quantization.md
// defines, and leave an operator in float whenever its inputs or users do
// not make it an island.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/IR/NNTypeChecks.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"
#include "morsel/Support/FixedPoint.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <limits>

namespace morsel::nn {
#define GEN_PASS_DEF_NNFUSEQUANTIZATION
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"
} // namespace morsel::nn

using namespace mlir;
using namespace morsel;
using namespace morsel::nn;

//===----------------------------------------------------------------------===//
// Matching helpers
//===----------------------------------------------------------------------===//

/// Returns the per-tensor 8-bit quantized type of an activation tensor, or
/// null if `type` is not one.
static quant::UniformQuantizedType getActivationType(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return {};
  auto quantized =
      dyn_cast<quant::UniformQuantizedType>(tensor.getElementType());
  if (!quantized || quantized.getStorageTypeIntegralWidth() != 8 ||
      !quantized.getExpressedType().isF32())
    return {};
  return quantized;
}

/// Returns `x` if `value` is `nn.dequantize %x` of a per-tensor 8-bit
/// activation, else null.
static Value getQuantizedActivation(Value value) {
  auto dequantize = value.getDefiningOp<DequantizeOp>();
  if (!dequantize || !getActivationType(dequantize.getInput().getType()))
    return {};
  return dequantize.getInput();
}

/// Returns `w` if `value` is `nn.dequantize %w` of 8-bit weights quantized
/// per tensor or per channel along dimension 0, else null.
static Value getQuantizedWeights(Value value) {
  auto dequantize = value.getDefiningOp<DequantizeOp>();
  if (!dequantize)
    return {};
  Value weights = dequantize.getInput();
  Type element = cast<RankedTensorType>(weights.getType()).getElementType();
  auto quantized = dyn_cast<quant::QuantizedType>(element);
  if (!quantized || quantized.getStorageTypeIntegralWidth() != 8)
    return {};
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element))
    if (perAxis.getQuantizedDimension() != 0)
      return {};
  return weights;
}

/// The quantize op that ends an island, with the clamp between them, if any.
struct IslandEnd {
  QuantizeOp quantize;
  ClampOp clamp;
};

/// Returns the end of the island that `result` starts: its only user is an
/// nn.quantize to a per-tensor 8-bit type, or an nn.clamp whose only user is.
static std::optional<IslandEnd> getIslandEnd(Value result) {
  if (!result.hasOneUse())
    return std::nullopt;
  Operation *user = *result.getUsers().begin();
  IslandEnd end;
  if ((end.clamp = dyn_cast<ClampOp>(user))) {
    if (!end.clamp.getResult().hasOneUse())
      return std::nullopt;
    user = *end.clamp.getResult().getUsers().begin();
  }
  end.quantize = dyn_cast<QuantizeOp>(user);
  if (!end.quantize || !getActivationType(end.quantize.getType()))
    return std::nullopt;
  return end;
}

/// Replaces the island end by `quantized`, the quantized result of the
/// island's operator, re-applying the island's clamp on it.
static void replaceIslandEnd(PatternRewriter &rewriter, IslandEnd end,
                             Value quantized) {
  if (end.clamp) {
    quantized = ClampOp::create(rewriter, end.clamp.getLoc(),
                                quantized.getType(), quantized,
                                end.clamp.getMinAttr(), end.clamp.getMaxAttr());
    rewriter.replaceOp(end.quantize, quantized);
    rewriter.eraseOp(end.clamp);
    return;
  }
  rewriter.replaceOp(end.quantize, quantized);
}

//===----------------------------------------------------------------------===//
// Bias quantization
//===----------------------------------------------------------------------===//

/// Returns the real values of a bias: an f32 nn.constant, or nn.dequantize
/// of an i32 quantized nn.constant. Returns std::nullopt otherwise.
static std::optional<SmallVector<double>> getRealBias(Value bias) {
  Value stored = bias;
  quant::QuantizedType quantized;
  if (auto dequantize = bias.getDefiningOp<DequantizeOp>()) {
    stored = dequantize.getInput();
    quantized = dyn_cast<quant::QuantizedType>(
        cast<RankedTensorType>(stored.getType()).getElementType());
  }
  auto constant = stored.getDefiningOp<ConstantOp>();
  if (!constant)
    return std::nullopt;
  auto values = dyn_cast<DenseElementsAttr>(constant.getValue());
  if (!values)
    return std::nullopt;
  SmallVector<double> real;
  if (!quantized) {
    if (!values.getElementType().isF32())
      return std::nullopt;
    for (APFloat value : values.getValues<APFloat>())
      real.push_back(value.convertToDouble());
    return real;
  }
  if (quantized.getStorageTypeIntegralWidth() != 32)
    return std::nullopt;
  int64_t channel = 0;
  for (APInt value : values.getValues<APInt>()) {
    int64_t zeroPoint = 0;
    if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(quantized))
      zeroPoint = perAxis.getZeroPoints()[channel];
    else
      zeroPoint = cast<quant::UniformQuantizedType>(quantized).getZeroPoint();
    real.push_back(getChannelScale(quantized, channel) *
                   static_cast<double>(value.getSExtValue() - zeroPoint));
    ++channel;
  }
  return real;
}

/// Quantizes real bias values to the i32 type that a quantized convolution or
/// fully-connected operator with these input and weight types needs: scale
/// input scale x weight scale (per channel), zero point 0.
static Value buildQuantizedBias(PatternRewriter &rewriter, Location loc,
                                ArrayRef<double> real,
                                quant::UniformQuantizedType input,
                                quant::QuantizedType weights) {
  MLIRContext *context = rewriter.getContext();
  int64_t channels = real.size();
  SmallVector<double> scales;
  SmallVector<int32_t> stored;
  for (int64_t c = 0; c < channels; ++c) {
    double scale = input.getScale() * getChannelScale(weights, c);
    scales.push_back(scale);
    stored.push_back(roundAndClamp(real[c] / scale,
                                   std::numeric_limits<int32_t>::min(),
                                   std::numeric_limits<int32_t>::max()));
  }
  IntegerType i32 = IntegerType::get(context, 32);
  Type f32 = Float32Type::get(context);
  int32_t lo = std::numeric_limits<int32_t>::min();
  int32_t hi = std::numeric_limits<int32_t>::max();
  Type element;
  if (isa<quant::UniformQuantizedPerAxisType>(weights))
    element = quant::UniformQuantizedPerAxisType::get(
        quant::QuantizationFlags::Signed, i32, f32, scales,
        SmallVector<int64_t>(channels, 0), /*quantizedDimension=*/0, lo, hi);
  else
    element = quant::UniformQuantizedType::get(
        quant::QuantizationFlags::Signed, i32, f32, scales.front(), 0, lo, hi);
  auto storage = RankedTensorType::get({channels}, i32);
  return ConstantOp::create(rewriter, loc,
                            RankedTensorType::get({channels}, element),
                            DenseIntElementsAttr::get(storage, stored));
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {

/// Folds dequantize -> conv2d / fully_connected (-> clamp) -> quantize.
template <typename OpTy>
struct FuseWeightedOp : public OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Value input = getQuantizedActivation(op->getOperand(0));
    Value weights = getQuantizedWeights(op->getOperand(1));
    std::optional<IslandEnd> end = getIslandEnd(op.getResult());
    if (!input || !weights || !end)
      return rewriter.notifyMatchFailure(op, "not a QDQ island");
    auto inputType = getActivationType(input.getType());
    auto weightType = cast<quant::QuantizedType>(
        cast<RankedTensorType>(weights.getType()).getElementType());
    Value bias;
    if (op.getBias()) {
      std::optional<SmallVector<double>> real = getRealBias(op.getBias());
      if (!real)
        return rewriter.notifyMatchFailure(op, "bias is not constant");
      bias = buildQuantizedBias(rewriter, op.getLoc(), *real, inputType,
                                weightType);
    }
    Operation *fused = rewriter.clone(*op);
    fused->setOperand(0, input);
    fused->setOperand(1, weights);
    if (bias)
      fused->setOperand(2, bias);
    fused->getResult(0).setType(end->quantize.getType());
    replaceIslandEnd(rewriter, *end, fused->getResult(0));
    rewriter.eraseOp(op);
    return success();
  }
};

/// Folds dequantize -> add / mul (-> clamp) -> quantize.
template <typename OpTy>
struct FuseBinaryOp : public OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Value lhs = getQuantizedActivation(op.getLhs());
    Value rhs = getQuantizedActivation(op.getRhs());
    std::optional<IslandEnd> end = getIslandEnd(op.getResult());
    if (!lhs || !rhs || !end)
      return rewriter.notifyMatchFailure(op, "not a QDQ island");
    auto fused = OpTy::create(rewriter, op.getLoc(), end->quantize.getType(),
                              lhs, rhs);
    replaceIslandEnd(rewriter, *end, fused.getResult());
    rewriter.eraseOp(op);
    return success();
  }
};

/// Folds dequantize -> op (-> clamp) -> quantize for operators that compute
/// on one activation and may change quantization parameters (activations,
/// pooling, reductions, softmax).
template <typename OpTy>
struct FuseUnaryOp : public OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Value input = getQuantizedActivation(op->getOperand(0));
    std::optional<IslandEnd> end = getIslandEnd(op->getResult(0));
    if (!input || !end)
      return rewriter.notifyMatchFailure(op, "not a QDQ island");
    Operation *fused = rewriter.clone(*op);
    fused->setOperand(0, input);
    fused->getResult(0).setType(end->quantize.getType());
    replaceIslandEnd(rewriter, *end, fused->getResult(0));
    rewriter.eraseOp(op);
    return success();
  }
};

/// Folds dequantize -> clamp -> quantize: the clamp runs on the quantized
/// input, followed by a requantization if the output parameters differ.
struct FuseClamp : public OpRewritePattern<ClampOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ClampOp op,
                                PatternRewriter &rewriter) const override {
    Value input = getQuantizedActivation(op.getInput());
    if (!input || !op.getResult().hasOneUse())
      return rewriter.notifyMatchFailure(op, "not a QDQ island");
    auto quantize = dyn_cast<QuantizeOp>(*op.getResult().getUsers().begin());
    if (!quantize || !getActivationType(quantize.getType()))
      return rewriter.notifyMatchFailure(op, "not a QDQ island");
    Value clamped =
        ClampOp::create(rewriter, op.getLoc(), input.getType(), input,
                        op.getMinAttr(), op.getMaxAttr());
    if (clamped.getType() != quantize.getType())
      clamped = RequantizeOp::create(rewriter, op.getLoc(), quantize.getType(),
                                     clamped);
    rewriter.replaceOp(quantize, clamped);
    rewriter.eraseOp(op);
    return success();
  }
};

/// Moves dequantize below operators that only move data (reshape,
/// transpose, slice, pad, max pooling): they then move the stored integers,
/// whose quantization parameters they keep.
template <typename OpTy>
struct SinkDequantize : public OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto dequantize = op->getOperand(0).template getDefiningOp<DequantizeOp>();
    if (!dequantize || !getActivationType(dequantize.getInput().getType()))
      return rewriter.notifyMatchFailure(op, "input is not dequantized");
    Value input = dequantize.getInput();
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    Operation *moved = rewriter.clone(*op);
    moved->setOperand(0, input);
    moved->getResult(0).setType(resultType.clone(
        cast<RankedTensorType>(input.getType()).getElementType()));
    rewriter.replaceOpWithNewOp<DequantizeOp>(op, resultType,
                                              moved->getResult(0));
    return success();
  }
};

/// Moves dequantize below a concat whose inputs are all dequantized, after
/// requantizing every input to the parameters of the first.
struct SinkDequantizeThroughConcat : public OpRewritePattern<ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConcatOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<Value> inputs;
    for (Value operand : op.getInputs()) {
      Value input = getQuantizedActivation(operand);
      if (!input)
        return rewriter.notifyMatchFailure(op, "an input is not dequantized");
      inputs.push_back(input);
    }
    Type element =
        cast<RankedTensorType>(inputs.front().getType()).getElementType();
    for (Value &input : inputs) {
      auto type = cast<RankedTensorType>(input.getType());
      if (type.getElementType() != element)
        input = RequantizeOp::create(rewriter, op.getLoc(),
                                     type.clone(element), input);
    }
    Value concat = ConcatOp::create(rewriter, op.getLoc(), inputs,
                                    op.getAxisAttr());
    rewriter.replaceOpWithNewOp<DequantizeOp>(op, op.getType(), concat);
    return success();
  }
};

/// Folds quantize(dequantize(x)) into x, or into a requantization of x when
/// the parameters differ.
struct FoldQuantizeOfDequantize : public OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(QuantizeOp op,
                                PatternRewriter &rewriter) const override {
    Value input = getQuantizedActivation(op.getInput());
    if (!input || !getActivationType(op.getType()))
      return rewriter.notifyMatchFailure(op, "not quantize(dequantize)");
    if (input.getType() == op.getType()) {
      rewriter.replaceOp(op, input);
      return success();
    }
    rewriter.replaceOpWithNewOp<RequantizeOp>(op, op.getType(), input);
    return success();
  }
};

struct NNFuseQuantizationPass
    : public morsel::nn::impl::NNFuseQuantizationBase<NNFuseQuantizationPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    patterns.add<FuseWeightedOp<Conv2DOp>, FuseWeightedOp<FullyConnectedOp>,
                 FuseBinaryOp<AddOp>, FuseBinaryOp<MulOp>, FuseClamp,
                 FuseUnaryOp<HardSwishOp>, FuseUnaryOp<HardSigmoidOp>,
                 FuseUnaryOp<SigmoidOp>, FuseUnaryOp<SoftmaxOp>,
                 FuseUnaryOp<AvgPool2DOp>, FuseUnaryOp<MeanOp>,
                 SinkDequantize<ReshapeOp>, SinkDequantize<TransposeOp>,
                 SinkDequantize<SliceOp>, SinkDequantize<PadOp>,
                 SinkDequantize<MaxPool2DOp>, SinkDequantizeThroughConcat,
                 FoldQuantizeOfDequantize>(context);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
