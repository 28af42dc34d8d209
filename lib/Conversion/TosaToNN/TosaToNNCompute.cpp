//===- TosaToNNCompute.cpp - TOSA convolutions, pooling and reductions ----===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The patterns of convert-tosa-to-nn that compute: convolutions and matmul
// (with the tosa.rescale that ends their int8 form), average pooling, means,
// softmax, int8 tables and stand-alone requantization.
//
//===----------------------------------------------------------------------===//

#include "TosaToNNPatterns.h"

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/IR/NNTypeChecks.h"
#include "morsel/Support/FixedPoint.h"

#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::tosa_to_nn;

/// Relative tolerance between the factor of a mean and 1/N: frontends round
/// 1/N to f32.
static constexpr double kMeanFactorTolerance = 1e-6;

//===----------------------------------------------------------------------===//
// Accumulating operators: shared checks
//===----------------------------------------------------------------------===//

namespace {
/// The operands of a TOSA convolution or matmul that the checks share.
struct Accumulation {
  Value input, weight, bias, inputZp, weightZp, result;
  /// The accumulator type (null for matmul, which has none).
  Type accType;
  /// The number of output channels (the last dimension of the result).
  int64_t channels = 0;
};
} // namespace

/// Returns the value that the nn operator replaces: the TOSA result for
/// float, the result of the tosa.rescale that requantizes the int32
/// accumulator for int8.
static Value getReplacedValue(Value result) {
  if (isF32Tensor(result.getType()))
    return result;
  return getSingleRescaleUser(result).getOutput();
}

/// Replaces the value getReplacedValue(op's result) by `replacement` and
/// erases `op`.
static void replaceAccumulator(PatternRewriter &rewriter, Operation *op,
                               Value replacement) {
  Value result = op->getResult(0);
  Value replaced = getReplacedValue(result);
  if (replaced == result) {
    rewriter.replaceOp(op, replacement);
    return;
  }
  rewriter.replaceOp(replaced.getDefiningOp(), replacement);
  rewriter.eraseOp(op);
}

/// Checks a bias of [channels] elements, or of one constant element that is
/// broadcast.
static Reason checkBias(Value bias, int64_t channels, bool quantized) {
  auto type = cast<RankedTensorType>(bias.getType());
  Type element = type.getElementType();
  if (!quantized && !element.isF32())
    return because("the bias has type ", type,
                   "; a float operator needs an f32 bias");
  auto storage = dyn_cast<quant::QuantizedType>(element);
  if (quantized && !element.isSignlessInteger(32) &&
      !(storage && storage.getStorageTypeIntegralWidth() == 32))
    return because("the bias has type ", type,
                   "; an int8 operator needs an i32 bias");
  if (type.getRank() != 1 ||
      (type.getDimSize(0) != channels &&
       (type.getDimSize(0) != 1 ||
        !isa_and_nonnull<DenseElementsAttr>(getConstantElements(bias)))))
    return because("the bias of type ", type, " has neither ", channels,
                   " elements nor one constant element to broadcast");
  return std::nullopt;
}

/// Returns `bias` with `channels` elements, broadcasting a constant single
/// element.
static Value materializeBias(PatternRewriter &rewriter, Location loc,
                             Value bias, int64_t channels) {
  auto type = cast<RankedTensorType>(bias.getType());
  if (type.getDimSize(0) == channels)
    return bias;
  auto elements = cast<DenseElementsAttr>(getConstantElements(bias));
  return nn::ConstantOp::create(
      rewriter, loc, RankedTensorType::get({channels}, type.getElementType()),
      elements.resizeSplat(
          RankedTensorType::get({channels}, elements.getElementType())));
}

/// Checks the float form: f32 tensors, zero points 0, f32 accumulation.
static Reason checkFloatAccumulation(const Accumulation &acc) {
  for (Value value : {acc.input, acc.weight})
    if (!isF32Tensor(value.getType()))
      return because("mixes an f32 result with an operand of type ",
                     value.getType());
  if (acc.accType && !acc.accType.isF32())
    return because("accumulates in ", acc.accType,
                   "; nn accumulates float operators in f32");
  if (Reason why = checkFloatZeroPoint(acc.inputZp, "input zero point"))
    return why;
  if (Reason why = checkFloatZeroPoint(acc.weightZp, "weight zero point"))
    return why;
  if (acc.bias)
    return checkBias(acc.bias, acc.channels, /*quantized=*/false);
  return std::nullopt;
}

/// Returns the zero point that every channel of `type` shares, or
/// std::nullopt when channels differ.
static std::optional<int64_t> getSharedZeroPoint(quant::QuantizedType type) {
  if (auto perTensor = dyn_cast<quant::UniformQuantizedType>(type))
    return perTensor.getZeroPoint();
  ArrayRef<int64_t> zeroPoints =
      cast<quant::UniformQuantizedPerAxisType>(type).getZeroPoints();
  if (!llvm::all_equal(zeroPoints))
    return std::nullopt;
  return zeroPoints.front();
}

/// Checks the int8 form: 8-bit input and weights whose zero points are the
/// operands', an int32 accumulator, and a rescale to 8 bits that agrees with
/// the quantization scales.
static Reason checkQuantizedAccumulation(const Accumulation &acc) {
  auto input = getActivationQuantType(acc.input.getType());
  if (!input)
    return because("the input ", explainElementType(acc.input.getType()));
  auto weight = getQuantized8Type(acc.weight.getType());
  if (!weight)
    return because("the weights ", explainElementType(acc.weight.getType()));
  Type result = cast<RankedTensorType>(acc.result.getType()).getElementType();
  auto resultQuant = dyn_cast<quant::QuantizedType>(result);
  if (!result.isSignlessInteger(32) &&
      !(resultQuant && resultQuant.getStorageTypeIntegralWidth() == 32))
    return because("produces ", acc.result.getType(),
                   "; int8 operators accumulate in i32");
  if (acc.accType && !acc.accType.isSignlessInteger(32))
    return because("accumulates in ", acc.accType,
                   "; nn accumulates int8 operators in i32");
  if (Reason why =
          checkZeroPoint(acc.inputZp, "input zero point", input.getZeroPoint()))
    return why;
  std::optional<int64_t> weightZp = getSharedZeroPoint(weight);
  if (!weightZp)
    return std::string("the weight channels have different zero points");
  if (Reason why = checkZeroPoint(acc.weightZp, "weight zero point", *weightZp))
    return why;
  if (acc.bias) {
    if (Reason why = checkBias(acc.bias, acc.channels, /*quantized=*/true))
      return why;
    auto bias = cast<RankedTensorType>(acc.bias.getType());
    if (isa<quant::QuantizedType>(bias.getElementType()))
      if (Reason why = captureReason(acc.bias.getContext(), [&] {
            return nn::verifyBias(
                acc.bias.getLoc(),
                RankedTensorType::get({acc.channels}, bias.getElementType()),
                acc.channels, acc.input.getType(), acc.weight.getType());
          }))
        return why;
  }
  return checkAccumulatorRescale(acc.result, acc.channels, [&](int64_t c) {
    return input.getScale() * nn::getChannelScale(weight, c);
  });
}

/// Checks a convolution or matmul in its float or int8 form.
static Reason checkAccumulation(const Accumulation &acc) {
  if (isF32Tensor(acc.result.getType()))
    return checkFloatAccumulation(acc);
  return checkQuantizedAccumulation(acc);
}

/// Checks that per-axis quantized weights have one scale per output channel
/// and, unless `foldable`, are not quantized per channel at all (only
/// constants can change the quantized dimension).
static Reason checkPerAxisWeights(Value weight, int64_t channels,
                                  bool foldable) {
  auto perAxis = dyn_cast_or_null<quant::UniformQuantizedPerAxisType>(
      getQuantized8Type(weight.getType()));
  if (!perAxis)
    return std::nullopt;
  if (static_cast<int64_t>(perAxis.getScales().size()) != channels)
    return because("the weights have ", perAxis.getScales().size(),
                   " per-channel scales for ", channels, " output channels");
  if (!foldable)
    return std::string("the per-channel quantized weights are not a dense "
                       "constant, so their layout cannot be changed");
  return std::nullopt;
}

/// Returns true if `value` is a dense constant whose layout can be folded.
static bool isDenseConstant(Value value) {
  return isa_and_nonnull<DenseElementsAttr>(getConstantElements(value));
}

/// Returns `weight` with its dimensions permuted by `perm` and reshaped to
/// `shape`, quantized (if per channel) along dimension 0 of the result:
/// folded into an nn.constant when it is a dense constant, else as nn ops.
static Value relayoutWeights(PatternRewriter &rewriter, Location loc,
                             Value weight, ArrayRef<int64_t> perm,
                             ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(weight.getType());
  Type element = withQuantizedDimension(type.getElementType(), 0);
  auto resultType = RankedTensorType::get(shape, element);
  if (auto dense =
          dyn_cast_or_null<DenseElementsAttr>(getConstantElements(weight))) {
    DenseElementsAttr permuted = permuteElements(dense, perm);
    return nn::ConstantOp::create(
        rewriter, loc, resultType,
        permuted.reshape(RankedTensorType::get(shape, dense.getElementType())));
  }
  SmallVector<int64_t> permutedShape;
  for (int64_t dim : perm)
    permutedShape.push_back(type.getDimSize(dim));
  Value moved = nn::TransposeOp::create(
      rewriter, loc, RankedTensorType::get(permutedShape, element), weight,
      rewriter.getDenseI64ArrayAttr(perm));
  return nn::ReshapeOp::create(rewriter, loc, resultType, moved);
}

//===----------------------------------------------------------------------===//
// Convolutions and matmul
//===----------------------------------------------------------------------===//

namespace {
/// tosa.conv2d (+ tosa.rescale for int8) -> nn.conv2d.
struct Conv2DLowering : CheckedPattern<Conv2DLowering, tosa::Conv2DOp> {
  using CheckedPattern::CheckedPattern;

  static Accumulation getAccumulation(tosa::Conv2DOp op) {
    return {op.getInput(),
            op.getWeight(),
            op.getBias(),
            op.getInputZp(),
            op.getWeightZp(),
            op.getOutput(),
            op.getAccType(),
            cast<RankedTensorType>(op.getWeight().getType()).getDimSize(0)};
  }

  static Reason check(tosa::Conv2DOp op) {
    if (Reason why = checkStaticShapes(op))
      return why;
    auto perAxis = dyn_cast_or_null<quant::UniformQuantizedPerAxisType>(
        getQuantized8Type(op.getWeight().getType()));
    if (perAxis && perAxis.getQuantizedDimension() != 0)
      return because("the weights are quantized along dimension ",
                     perAxis.getQuantizedDimension(),
                     "; conv2d weights [OC, KH, KW, IC] need dimension 0");
    return checkAccumulation(getAccumulation(op));
  }

  static void rewrite(tosa::Conv2DOp op, PatternRewriter &rewriter) {
    Accumulation acc = getAccumulation(op);
    Value bias = materializeBias(rewriter, op.getLoc(), acc.bias, acc.channels);
    Value conv = nn::Conv2DOp::create(
        rewriter, op.getLoc(), getReplacedValue(acc.result).getType(),
        acc.input, acc.weight, bias, op.getStride(), op.getPad(),
        op.getDilation(), /*groups=*/1);
    replaceAccumulator(rewriter, op, conv);
  }
};

/// tosa.depthwise_conv2d (+ tosa.rescale) -> nn.conv2d with groups = C.
struct DepthwiseConv2DLowering
    : CheckedPattern<DepthwiseConv2DLowering, tosa::DepthwiseConv2DOp> {
  using CheckedPattern::CheckedPattern;

  static Accumulation getAccumulation(tosa::DepthwiseConv2DOp op) {
    auto weight = cast<RankedTensorType>(op.getWeight().getType());
    return {op.getInput(),    op.getWeight(),
            op.getBias(),     op.getInputZp(),
            op.getWeightZp(), op.getOutput(),
            op.getAccType(),  weight.getDimSize(2) * weight.getDimSize(3)};
  }

  static Reason check(tosa::DepthwiseConv2DOp op) {
    if (Reason why = checkStaticShapes(op))
      return why;
    Accumulation acc = getAccumulation(op);
    if (Reason why = checkPerAxisWeights(acc.weight, acc.channels,
                                         isDenseConstant(acc.weight)))
      return why;
    return checkAccumulation(acc);
  }

  static void rewrite(tosa::DepthwiseConv2DOp op, PatternRewriter &rewriter) {
    Accumulation acc = getAccumulation(op);
    auto weight = cast<RankedTensorType>(acc.weight.getType());
    int64_t kh = weight.getDimSize(0), kw = weight.getDimSize(1);
    // [KH, KW, C, M] -> [C, M, KH, KW] -> [C * M, KH, KW, 1]: output channel
    // c * M + m of group c, as TOSA numbers them.
    Value filter = relayoutWeights(rewriter, op.getLoc(), acc.weight,
                                   {2, 3, 0, 1}, {acc.channels, kh, kw, 1});
    Value bias = materializeBias(rewriter, op.getLoc(), acc.bias, acc.channels);
    Value conv = nn::Conv2DOp::create(
        rewriter, op.getLoc(), getReplacedValue(acc.result).getType(),
        acc.input, filter, bias, op.getStride(), op.getPad(), op.getDilation(),
        /*groups=*/weight.getDimSize(2));
    replaceAccumulator(rewriter, op, conv);
  }
};

/// tosa.matmul with a constant right operand (+ tosa.rescale) ->
/// nn.reshape, nn.fully_connected, nn.reshape.
struct MatMulLowering : CheckedPattern<MatMulLowering, tosa::MatMulOp> {
  using CheckedPattern::CheckedPattern;

  static Accumulation getAccumulation(tosa::MatMulOp op) {
    return {
        op.getA(),   op.getB(),
        Value(),     op.getAZp(),
        op.getBZp(), op.getOutput(),
        Type(),      cast<RankedTensorType>(op.getB().getType()).getDimSize(2)};
  }

  static Reason check(tosa::MatMulOp op) {
    if (Reason why = checkStaticShapes(op))
      return why;
    if (!getConstantElements(op.getB()))
      return std::string("the right operand is not a constant; nn has no "
                         "product of two activations, only fully_connected");
    if (cast<RankedTensorType>(op.getB().getType()).getDimSize(0) != 1)
      return std::string("the constant right operand has a batch dimension "
                         "larger than 1");
    Accumulation acc = getAccumulation(op);
    auto perAxis = dyn_cast_or_null<quant::UniformQuantizedPerAxisType>(
        getQuantized8Type(acc.weight.getType()));
    if (perAxis && perAxis.getQuantizedDimension() != 2)
      return because("the right operand is quantized along dimension ",
                     perAxis.getQuantizedDimension(),
                     "; only its output-channel dimension 2 converts");
    if (Reason why = checkPerAxisWeights(acc.weight, acc.channels,
                                         isDenseConstant(acc.weight)))
      return why;
    return checkAccumulation(acc);
  }

  static void rewrite(tosa::MatMulOp op, PatternRewriter &rewriter) {
    Location loc = op.getLoc();
    auto a = cast<RankedTensorType>(op.getA().getType());
    auto b = cast<RankedTensorType>(op.getB().getType());
    int64_t rows = a.getDimSize(0) * a.getDimSize(1);
    int64_t depth = b.getDimSize(1), channels = b.getDimSize(2);
    Value input = nn::ReshapeOp::create(
        rewriter, loc, RankedTensorType::get({rows, depth}, a.getElementType()),
        op.getA());
    // [1, C, W] -> [1, W, C] -> [W, C].
    Value weights =
        relayoutWeights(rewriter, loc, op.getB(), {0, 2, 1}, {channels, depth});
    auto output =
        cast<RankedTensorType>(getReplacedValue(op.getOutput()).getType());
    Value product = nn::FullyConnectedOp::create(
        rewriter, loc,
        RankedTensorType::get({rows, channels}, output.getElementType()), input,
        weights, Value());
    Value result = nn::ReshapeOp::create(rewriter, loc, output, product);
    replaceAccumulator(rewriter, op, result);
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Average pooling and requantization
//===----------------------------------------------------------------------===//

namespace {
/// tosa.avg_pool2d -> nn.avg_pool2d with count_include_pad = false.
struct AvgPool2DLowering
    : CheckedPattern<AvgPool2DLowering, tosa::AvgPool2dOp> {
  using CheckedPattern::CheckedPattern;

  static Reason checkQuantized(tosa::AvgPool2dOp op) {
    auto input = getActivationQuantType(op.getInput().getType());
    auto output = getActivationQuantType(op.getOutput().getType());
    if (!op.getAccType().isSignlessInteger(32))
      return because("accumulates in ", op.getAccType(),
                     "; nn accumulates int8 pooling in i32");
    if (Reason why = checkZeroPoint(op.getInputZp(), "input zero point",
                                    input.getZeroPoint()))
      return why;
    if (Reason why = checkZeroPoint(op.getOutputZp(), "output zero point",
                                    output.getZeroPoint()))
      return why;
    if (input.getScale() != output.getScale())
      return because("has input scale ", input.getScale(), " and output scale ",
                     output.getScale(),
                     ", but TOSA average pooling does not rescale");
    return std::nullopt;
  }

  static Reason check(tosa::AvgPool2dOp op) {
    if (Reason why = checkStaticShapes(op))
      return why;
    if (Reason why = checkSameActivationKind({op.getInput(), op.getOutput()}))
      return why;
    for (int i = 0; i < 4; ++i)
      if (op.getPad()[i] >= op.getKernel()[i / 2])
        return std::string("a pad is not smaller than the kernel");
    if (getActivationQuantType(op.getInput().getType()))
      return checkQuantized(op);
    if (!op.getAccType().isF32())
      return because("accumulates in ", op.getAccType(),
                     "; nn accumulates float pooling in f32");
    if (Reason why = checkFloatZeroPoint(op.getInputZp(), "input zero point"))
      return why;
    return checkFloatZeroPoint(op.getOutputZp(), "output zero point");
  }

  static void rewrite(tosa::AvgPool2dOp op, PatternRewriter &rewriter) {
    // TOSA divides by the number of window positions inside the input.
    rewriter.replaceOpWithNewOp<nn::AvgPool2DOp>(
        op, op.getType(), op.getInput(), op.getKernel(), op.getStride(),
        op.getPad(), /*count_include_pad=*/false);
  }
};

/// tosa.rescale between 8-bit activations -> nn.requantize.
struct RescaleLowering : CheckedPattern<RescaleLowering, tosa::RescaleOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::RescaleOp op) {
    if (Reason why = checkStaticShapes(op))
      return why;
    auto input = getActivationQuantType(op.getInput().getType());
    auto output = getActivationQuantType(op.getOutput().getType());
    if (!input || !output)
      return because(
          "rescales ", op.getInput().getType(), " to ", op.getType(),
          "; only 8-bit to 8-bit quantized rescales convert on their own "
          "(int32 rescales convert with the int8 conv2d, depthwise_conv2d or "
          "matmul they end)");
    if (op.getInputUnsigned() == input.isSigned() ||
        op.getOutputUnsigned() == output.isSigned())
      return std::string("has input_unsigned/output_unsigned flags that "
                         "contradict the quantized types");
    RescaleScales scales;
    if (Reason why = readRescale(op, scales))
      return why;
    if (scales.scales.size() != 1)
      return std::string("rescales per channel; nn.requantize has one scale");
    if (scales.inputZeroPoint != input.getZeroPoint() ||
        scales.outputZeroPoint != output.getZeroPoint())
      return because("has zero points ", scales.inputZeroPoint, " and ",
                     scales.outputZeroPoint, " but the quantized types state ",
                     input.getZeroPoint(), " and ", output.getZeroPoint());
    return checkScaleRatio("the input", scales.scales.front(),
                           input.getScale() / output.getScale());
  }

  static void rewrite(tosa::RescaleOp op, PatternRewriter &rewriter) {
    rewriter.replaceOpWithNewOp<nn::RequantizeOp>(op, op.getType(),
                                                  op.getInput());
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Mean and softmax
//===----------------------------------------------------------------------===//

/// Returns the other operand of a binary operator.
static Value getOtherOperand(Operation *op, Value operand) {
  return op->getOperand(0) == operand ? op->getOperand(1) : op->getOperand(0);
}

namespace {
/// tosa.mul(tosa.reduce_sum(...(x)), 1/N) -> nn.mean (keep_dims).
struct MeanLowering : CheckedPattern<MeanLowering, tosa::MulOp> {
  using CheckedPattern::CheckedPattern;

  /// Finds the reduce_sum chain (innermost input and sorted axes) of `op`.
  static Reason match(tosa::MulOp op, Value &input,
                      SmallVector<int64_t> &axes) {
    if (!isF32Tensor(op.getType()))
      return std::string("is not a float mean");
    Value sum = op.getInput1();
    if (!sum.getDefiningOp<tosa::ReduceSumOp>())
      sum = op.getInput2();
    Value factor = getOtherOperand(op, sum);
    double count = 1;
    input = sum;
    while (auto reduce = input.getDefiningOp<tosa::ReduceSumOp>()) {
      int64_t axis = reduce.getAxis();
      count *=
          cast<RankedTensorType>(reduce.getInput().getType()).getDimSize(axis);
      axes.push_back(axis);
      input = reduce.getInput();
    }
    if (axes.empty())
      return std::string("has no tosa.reduce_sum operand");
    llvm::sort(axes);
    axes.erase(llvm::unique(axes), axes.end());
    auto elements =
        dyn_cast_or_null<DenseFPElementsAttr>(getConstantElements(factor));
    if (!elements || !elements.isSplat() ||
        cast<RankedTensorType>(op.getType()) != sum.getType())
      return std::string("does not multiply the sum by a constant splat");
    double value = elements.getSplatValue<APFloat>().convertToDouble();
    if (std::abs(value * count - 1.0) > kMeanFactorTolerance)
      return because("multiplies a sum of ", count, " elements by ", value);
    if (Reason why = checkStaticShapes(op))
      return why;
    return std::nullopt;
  }

  static Reason check(tosa::MulOp op) {
    Value input;
    SmallVector<int64_t> axes;
    return match(op, input, axes);
  }

  static void rewrite(tosa::MulOp op, PatternRewriter &rewriter) {
    Value input;
    SmallVector<int64_t> axes;
    (void)match(op, input, axes);
    rewriter.replaceOpWithNewOp<nn::MeanOp>(op, op.getType(), input, axes,
                                            /*keep_dims=*/true);
  }
};

/// tosa.mul(exp(x'), reciprocal(reduce_sum(exp(x')))), with x' = x or
/// x - reduce_max(x) along the same axis -> nn.softmax.
struct SoftmaxLowering : CheckedPattern<SoftmaxLowering, tosa::MulOp> {
  using CheckedPattern::CheckedPattern;

  /// Finds the logits and the axis of the softmax that `op` ends.
  static Reason match(tosa::MulOp op, Value &logits, int64_t &axis) {
    if (!isF32Tensor(op.getType()))
      return std::string("is not a float softmax");
    Value inverse = op.getInput1();
    if (!inverse.getDefiningOp<tosa::ReciprocalOp>())
      inverse = op.getInput2();
    auto reciprocal = inverse.getDefiningOp<tosa::ReciprocalOp>();
    Value exponential = getOtherOperand(op, inverse);
    auto exp = exponential.getDefiningOp<tosa::ExpOp>();
    if (!reciprocal || !exp)
      return std::string("is not exp(x) * reciprocal(sum(exp(x)))");
    auto sum = reciprocal.getInput1().getDefiningOp<tosa::ReduceSumOp>();
    if (!sum || sum.getInput() != exponential)
      return std::string("does not divide by the sum of the same exp");
    axis = sum.getAxis();
    logits = exp.getInput1();
    if (auto sub = logits.getDefiningOp<tosa::SubOp>()) {
      auto max = sub.getInput2().getDefiningOp<tosa::ReduceMaxOp>();
      if (max && max.getInput() == sub.getInput1() && max.getAxis() == axis)
        logits = sub.getInput1();
    }
    if (logits.getType() != op.getType())
      return std::string("changes the shape of the logits");
    if (getConstantInt(op.getShift(), false) != 0)
      return std::string("has a non-zero shift");
    return checkStaticShapes(op);
  }

  static Reason check(tosa::MulOp op) {
    Value logits;
    int64_t axis;
    return match(op, logits, axis);
  }

  static void rewrite(tosa::MulOp op, PatternRewriter &rewriter) {
    Value logits;
    int64_t axis = 0;
    (void)match(op, logits, axis);
    rewriter.replaceOpWithNewOp<nn::SoftmaxOp>(op, op.getType(), logits,
                                               rewriter.getI64IntegerAttr(axis),
                                               rewriter.getF32FloatAttr(1.0f));
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

namespace {
/// The functions whose int8 tables convert, and their nn operators.
enum class TableFunction { Sigmoid, HardSwish };

/// tosa.table holding the int8 table of sigmoid or hard swish for the
/// quantized types -> nn.sigmoid / nn.hard_swish.
struct TableLowering : CheckedPattern<TableLowering, tosa::TableOp> {
  using CheckedPattern::CheckedPattern;

  /// Evaluates a function at `x` in double, as docs/quantization.md states.
  static double evaluate(TableFunction function, double x) {
    if (function == TableFunction::Sigmoid)
      return 1.0 / (1.0 + std::exp(-x));
    return x * std::min(std::max(x + 3.0, 0.0), 6.0) / 6.0;
  }

  /// Returns true if `table` is nn's table of `function` for the types.
  static bool matches(TableFunction function, DenseIntElementsAttr table,
                      quant::UniformQuantizedType in,
                      quant::UniformQuantizedType out) {
    int64_t index = 0;
    for (const APInt &entry : table) {
      int64_t q = index++ - 128;
      double y = evaluate(function, in.getScale() * (q - in.getZeroPoint()));
      int32_t expected =
          roundAndClamp(out.getZeroPoint() + std::round(y / out.getScale()),
                        out.getStorageTypeMin(), out.getStorageTypeMax());
      if (entry.getSExtValue() != expected)
        return false;
    }
    return true;
  }

  /// Finds the function whose table `op` holds.
  static Reason match(tosa::TableOp op, TableFunction &function) {
    if (Reason why = checkStaticShapes(op))
      return why;
    auto in = getActivationQuantType(op.getInput1().getType());
    auto out = getActivationQuantType(op.getOutput().getType());
    if (!in || !out || !in.isSigned())
      return std::string("is not an int8 table between quantized types; "
                         "their scales are needed to recognise the function");
    auto table = dyn_cast_or_null<DenseIntElementsAttr>(
        getConstantElements(op.getTable()));
    if (!table || table.getNumElements() != 256)
      return std::string("does not hold a constant 256-entry table");
    for (TableFunction candidate :
         {TableFunction::Sigmoid, TableFunction::HardSwish}) {
      if (matches(candidate, table, in, out)) {
        function = candidate;
        return std::nullopt;
      }
    }
    return std::string("holds a table that is neither sigmoid nor hard swish "
                       "of the quantized types");
  }

  static Reason check(tosa::TableOp op) {
    TableFunction function;
    return match(op, function);
  }

  static void rewrite(tosa::TableOp op, PatternRewriter &rewriter) {
    TableFunction function = TableFunction::Sigmoid;
    (void)match(op, function);
    if (function == TableFunction::Sigmoid)
      rewriter.replaceOpWithNewOp<nn::SigmoidOp>(op, op.getType(),
                                                 op.getInput1());
    else
      rewriter.replaceOpWithNewOp<nn::HardSwishOp>(op, op.getType(),
                                                   op.getInput1());
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void tosa_to_nn::populateComputePatterns(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<Conv2DLowering, DepthwiseConv2DLowering, MatMulLowering,
               AvgPool2DLowering, RescaleLowering, TableLowering>(context);
  // Before the plain multiplication they end.
  patterns.add<MeanLowering, SoftmaxLowering>(context, /*benefit=*/2);
}

std::optional<Reason> tosa_to_nn::explainComputeOp(Operation *op) {
  return TypeSwitch<Operation *, std::optional<Reason>>(op)
      .Case([](tosa::Conv2DOp op) { return Conv2DLowering::check(op); })
      .Case([](tosa::DepthwiseConv2DOp op) {
        return DepthwiseConv2DLowering::check(op);
      })
      .Case([](tosa::MatMulOp op) { return MatMulLowering::check(op); })
      .Case([](tosa::AvgPool2dOp op) { return AvgPool2DLowering::check(op); })
      .Case([](tosa::RescaleOp op) { return RescaleLowering::check(op); })
      .Case([](tosa::TableOp op) { return TableLowering::check(op); })
      .Case([](tosa::ReduceSumOp) {
        return Reason("converts only in a mean: reduce_sum ops followed by a "
                      "tosa.mul by the constant 1/N");
      })
      .Case<tosa::ExpOp, tosa::ReciprocalOp>([](Operation *) {
        return Reason("converts only in a softmax: mul(exp(x), "
                      "reciprocal(reduce_sum(exp(x)))), x optionally minus "
                      "its reduce_max");
      })
      .Default([](Operation *) { return std::nullopt; });
}
