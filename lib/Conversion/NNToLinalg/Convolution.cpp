//===- Convolution.cpp - Lower nn.conv2d and nn.fully_connected -----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// With constant weights (every imported model), both operators become the
// explicit loop nests of ConvolutionKernel.h. Otherwise each becomes one
// reduction linalg.generic that accumulates into a tensor initialized with
// the bias (f32, or i32 for quantized operators).
// Quantized operators then requantize every accumulator with the
// per-output-channel multiplier s_in * s_w[o] / s_out (MBQM) in a second,
// element-wise linalg.generic. Convolution padding is a tensor.pad with 0.0
// or with the input zero point, so that padding contributes nothing.
//
//===----------------------------------------------------------------------===//

#include "ConvolutionKernel.h"
#include "FixedPointBuilder.h"
#include "LoweringUtils.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

namespace {

/// The iteration space of a convolution-like contraction. The output
/// occupies the first `outputRank` loops and its last dimension is the
/// output channel.
struct Contraction {
  Value input;
  Value weights;
  Value bias;
  AffineMap inputMap;
  AffineMap weightMap;
  SmallVector<utils::IteratorType> iterators;
  RankedTensorType inputType;
  RankedTensorType weightType;
  RankedTensorType outputType;
};

} // namespace

/// Returns the map from the contraction loops to the output channel.
static AffineMap getChannelMap(const Contraction &c, MLIRContext *context) {
  unsigned channel = c.outputType.getRank() - 1;
  return AffineMap::get(c.iterators.size(), 0,
                        getAffineDimExpr(channel, context), context);
}

/// Returns the map from the contraction loops to the output.
static AffineMap getOutputMap(const Contraction &c, MLIRContext *context) {
  return AffineMap::getMultiDimIdentityMap(c.iterators.size(), context)
      .getMajorSubMap(c.outputType.getRank());
}

/// Returns the accumulator initialized with the bias broadcast along the
/// output channels, or with zeros.
static Value createAccumulatorInit(OpBuilder &b, Location loc,
                                   const Contraction &c, Type accType) {
  ArrayRef<int64_t> shape = c.outputType.getShape();
  if (!c.bias) {
    TypedAttr zero = isa<FloatType>(accType)
                         ? TypedAttr(b.getFloatAttr(accType, 0.0))
                         : TypedAttr(b.getIntegerAttr(accType, 0));
    return createFilled(b, loc, shape, arith::ConstantOp::create(b, loc, zero));
  }
  unsigned rank = shape.size();
  AffineMap biasMap = AffineMap::get(
      rank, 0, getAffineDimExpr(rank - 1, b.getContext()), b.getContext());
  return createElementwise(
      b, loc, c.bias, biasMap, RankedTensorType::get(shape, accType),
      [](OpBuilder &, Location, ValueRange args) -> SmallVector<Value> {
        return {args[0]};
      });
}

/// Builds the f32 contraction: acc += input * weight.
static Value createFloatContraction(OpBuilder &b, Location loc,
                                    const Contraction &c) {
  MLIRContext *context = b.getContext();
  Value init = createAccumulatorInit(b, loc, c, b.getF32Type());
  return createGeneric(
             b, loc, {c.input, c.weights}, init,
             {c.inputMap, c.weightMap, getOutputMap(c, context)}, c.iterators,
             [](OpBuilder &nb, Location nl,
                ValueRange args) -> SmallVector<Value> {
               Value product = arith::MulFOp::create(nb, nl, args[0], args[1]);
               return {arith::AddFOp::create(nb, nl, args[2], product)};
             })
      .front();
}

/// Builds the i32 contraction: acc += (q_in - z_in) * (q_w - z_w[o]).
static Value createQuantizedContraction(OpBuilder &b, Location loc,
                                        const Contraction &c,
                                        const QuantParams &input,
                                        quant::QuantizedType weightType) {
  MLIRContext *context = b.getContext();
  Type i32 = b.getI32Type();
  int64_t channels = c.outputType.getShape().back();
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  getChannelParams(weightType, channels, scales, zeroPoints);
  bool weightSigned = weightType.isSigned();
  bool uniformZeroPoint = llvm::all_equal(zeroPoints);

  SmallVector<Value> inputs = {c.input, c.weights};
  SmallVector<AffineMap> maps = {c.inputMap, c.weightMap};
  if (!uniformZeroPoint) {
    SmallVector<int32_t> values(zeroPoints.begin(), zeroPoints.end());
    inputs.push_back(createI32TensorConstant(b, loc, values));
    maps.push_back(getChannelMap(c, context));
  }
  maps.push_back(getOutputMap(c, context));
  Value init = createAccumulatorInit(b, loc, c, i32);
  int64_t inputZero = input.zeroPoint, weightZero = zeroPoints.front();
  bool inputSigned = input.isSigned;
  return createGeneric(
             b, loc, inputs, init, maps, c.iterators,
             [&](OpBuilder &nb, Location nl,
                 ValueRange args) -> SmallVector<Value> {
               Value x = arith::SubIOp::create(
                   nb, nl, extendStorage(nb, nl, args[0], inputSigned),
                   createIntConstant(nb, nl, i32, inputZero));
               Value wZero = uniformZeroPoint
                                 ? createIntConstant(nb, nl, i32, weightZero)
                                 : args[2];
               Value w = arith::SubIOp::create(
                   nb, nl, extendStorage(nb, nl, args[1], weightSigned), wZero);
               Value product = arith::MulIOp::create(nb, nl, x, w);
               return {arith::AddIOp::create(nb, nl, args.back(), product)};
             })
      .front();
}

/// Requantizes i32 accumulators: out = sat(z_out + MBQM(acc, M[o])) with
/// M[o] = s_in * s_w[o] / s_out.
static Value createRequantization(OpBuilder &b, Location loc, Value acc,
                                  const QuantParams &input,
                                  quant::QuantizedType weightType,
                                  const QuantParams &output,
                                  RankedTensorType resultType) {
  int64_t rank = resultType.getRank();
  int64_t channels = resultType.getShape().back();
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  getChannelParams(weightType, channels, scales, zeroPoints);
  SmallVector<int32_t> multipliers, leftShifts, rightShifts;
  for (double scale : scales) {
    MultiplierConstants m =
        getMultiplierConstants(input.scale * scale / output.scale);
    multipliers.push_back(m.multiplier);
    leftShifts.push_back(m.leftShift);
    rightShifts.push_back(m.rightShift);
  }
  bool uniform = llvm::all_equal(multipliers) && llvm::all_equal(leftShifts) &&
                 llvm::all_equal(rightShifts);
  MLIRContext *context = b.getContext();
  SmallVector<Value> inputs = {acc};
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank)};
  if (!uniform) {
    AffineMap channelMap =
        AffineMap::get(rank, 0, getAffineDimExpr(rank - 1, context), context);
    for (ArrayRef<int32_t> values :
         {ArrayRef<int32_t>(multipliers), ArrayRef<int32_t>(leftShifts),
          ArrayRef<int32_t>(rightShifts)}) {
      inputs.push_back(createI32TensorConstant(b, loc, values));
      maps.push_back(channelMap);
    }
  }
  MultiplierConstants first = {multipliers.front(), leftShifts.front(),
                               rightShifts.front()};
  return createElementwise(
      b, loc, inputs, maps, resultType,
      [&](OpBuilder &nb, Location nl, ValueRange args) -> SmallVector<Value> {
        MultiplierOperands m =
            uniform ? createMultiplierOperands(nb, nl, first)
                    : MultiplierOperands{args[1], args[2], args[3]};
        Value scaled = createMBQM(nb, nl, args[0], m);
        Value shifted = arith::AddIOp::create(
            nb, nl, scaled,
            createIntConstant(nb, nl, nb.getI32Type(), output.zeroPoint));
        return {saturateToStorage(nb, nl, shifted, output)};
      });
}

/// Lowers a contraction, float or quantized, and returns the result.
static FailureOr<Value> lowerContraction(ConversionPatternRewriter &rewriter,
                                         Operation *op, const Contraction &c,
                                         RankedTensorType resultType) {
  Location loc = op->getLoc();
  if (!getQuantizedElementType(c.inputType))
    return createFloatContraction(rewriter, loc, c);
  std::optional<QuantParams> input = getPerTensorParams(c.inputType);
  std::optional<QuantParams> output = getPerTensorParams(c.outputType);
  quant::QuantizedType weightType = getQuantizedElementType(c.weightType);
  if (!input || !output || !weightType)
    return rewriter.notifyMatchFailure(
        op, "expects per-tensor activations and quantized weights");
  Value acc = createQuantizedContraction(rewriter, loc, c, *input, weightType);
  return createRequantization(rewriter, loc, acc, *input, weightType, *output,
                              resultType);
}

/// Returns the value of `constant` if it is an nn.constant with dense
/// elements, else null.
static DenseElementsAttr getConstantElements(Value constant) {
  auto op = constant.getDefiningOp<nn::ConstantOp>();
  return op ? dyn_cast<DenseElementsAttr>(op.getValue()) : DenseElementsAttr();
}

/// Fills the weights, bias and quantization parameters of `kernel` from a
/// convolution-like operator. Fails if the weights are not constant or the
/// quantization is not per-tensor for activations.
static LogicalResult initializeKernel(ConvolutionKernel &kernel,
                                      Value weights, Value bias,
                                      Type inputType, Type outputType) {
  kernel.weights = getConstantElements(weights);
  if (!kernel.weights || (bias && !(kernel.bias = getConstantElements(bias))))
    return failure();
  if (!getQuantizedElementType(inputType))
    return success();
  kernel.input = getPerTensorParams(inputType);
  kernel.output = getPerTensorParams(outputType);
  quant::QuantizedType weightType = getQuantizedElementType(weights.getType());
  if (!kernel.input || !kernel.output || !weightType)
    return failure();
  kernel.weightsSigned = weightType.isSigned();
  SmallVector<double> scales;
  getChannelParams(weightType, kernel.outputChannels, scales,
                   kernel.weightZeroPoints);
  if (kernel.weightZeroPoints.size() == 1)
    kernel.weightZeroPoints.assign(kernel.outputChannels,
                                   kernel.weightZeroPoints.front());
  if (scales.size() == 1)
    scales.assign(kernel.outputChannels, scales.front());
  for (double scale : scales)
    kernel.multipliers.push_back(getMultiplierConstants(
        kernel.input->scale * scale / kernel.output->scale));
  return success();
}

/// Builds the ConvolutionKernel of `op`, or fails if it has no constant
/// weights.
static FailureOr<ConvolutionKernel> getConvolutionKernel(nn::Conv2DOp op) {
  auto inputType = cast<RankedTensorType>(op.getInput().getType());
  auto weightType = cast<RankedTensorType>(op.getFilter().getType());
  RankedTensorType outputType = op.getType();
  ConvolutionKernel kernel;
  kernel.batch = inputType.getDimSize(0);
  kernel.inputHeight = inputType.getDimSize(1);
  kernel.inputWidth = inputType.getDimSize(2);
  kernel.outputHeight = outputType.getDimSize(1);
  kernel.outputWidth = outputType.getDimSize(2);
  kernel.outputChannels = outputType.getDimSize(3);
  kernel.kernelHeight = weightType.getDimSize(1);
  kernel.kernelWidth = weightType.getDimSize(2);
  kernel.strideHeight = op.getStrides()[0];
  kernel.strideWidth = op.getStrides()[1];
  kernel.dilationHeight = op.getDilations()[0];
  kernel.dilationWidth = op.getDilations()[1];
  ArrayRef<int64_t> pad = op.getPad();
  kernel.padTop = pad[0];
  kernel.padBottom = pad[1];
  kernel.padLeft = pad[2];
  kernel.padRight = pad[3];
  kernel.groupInputChannels = weightType.getDimSize(3);
  kernel.groupOutputChannels = kernel.outputChannels / op.getGroups();
  if (failed(initializeKernel(kernel, op.getFilter(), op.getBias(), inputType,
                              outputType)))
    return failure();
  return kernel;
}

/// Builds the ConvolutionKernel of `op`, or fails if it has no constant
/// weights.
static FailureOr<ConvolutionKernel>
getConvolutionKernel(nn::FullyConnectedOp op) {
  auto inputType = cast<RankedTensorType>(op.getInput().getType());
  RankedTensorType outputType = op.getType();
  ConvolutionKernel kernel;
  kernel.fullyConnected = true;
  kernel.batch = inputType.getDimSize(0);
  kernel.outputChannels = outputType.getDimSize(1);
  kernel.groupInputChannels = inputType.getDimSize(1);
  kernel.groupOutputChannels = kernel.outputChannels;
  if (failed(initializeKernel(kernel, op.getWeights(), op.getBias(),
                              inputType, outputType)))
    return failure();
  return kernel;
}

FailureOr<ConvolutionKernel> nnlowering::getConvolutionKernel(Operation *op) {
  if (auto conv = dyn_cast<nn::Conv2DOp>(op))
    return ::getConvolutionKernel(conv);
  if (auto fullyConnected = dyn_cast<nn::FullyConnectedOp>(op))
    return ::getConvolutionKernel(fullyConnected);
  return failure();
}

LogicalResult nnlowering::fuseClampIntoKernel(Operation *op,
                                              ConvolutionKernel &kernel) {
  auto clamp = dyn_cast<nn::ClampOp>(op);
  if (!clamp)
    return failure();
  float min = clamp.getMin().convertToFloat();
  float max = clamp.getMax().convertToFloat();
  if (!kernel.output) {
    kernel.floatClamp = {min, max};
    return success();
  }
  int64_t lo = std::max(kernel.output->qmin, quantizeAway(min, *kernel.output));
  int64_t hi = std::min(kernel.output->qmax, quantizeAway(max, *kernel.output));
  if (lo > hi)
    return failure();
  kernel.quantizedClamp = {lo, hi};
  return success();
}

/// Returns the nn.clamp that is the only user of `op`'s result, with the
/// same type, if `kernel` can apply it to its output; fills the kernel's
/// clamp bounds. Clamping the saturated output to [lo, hi] is saturating it
/// to the intersection of the two ranges when they overlap.
static nn::ClampOp fuseClamp(Operation *op, ConvolutionKernel &kernel) {
  Value result = op->getResult(0);
  if (!result.hasOneUse())
    return {};
  auto clamp = dyn_cast<nn::ClampOp>(*result.getUsers().begin());
  if (!clamp || clamp.getType() != result.getType() ||
      failed(fuseClampIntoKernel(clamp, kernel)))
    return {};
  return clamp;
}

/// Replaces `op` (and the clamp fused into it) by the loop nest of `kernel`.
static void replaceWithKernel(ConversionPatternRewriter &rewriter,
                              Operation *op, ConvolutionKernel &kernel,
                              Value input, RankedTensorType resultType) {
  nn::ClampOp clamp = fuseClamp(op, kernel);
  Value result =
      buildConvolutionKernel(rewriter, op->getLoc(), kernel, input, resultType);
  if (clamp)
    rewriter.replaceOp(clamp, result);
  rewriter.replaceOp(op, result);
}

namespace {

/// nn.conv2d -> tensor.pad + linalg.generic (+ requantization).
struct Conv2DLowering : public OpConversionPattern<nn::Conv2DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::Conv2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "cannot convert the result type");
    if (FailureOr<ConvolutionKernel> kernel = getConvolutionKernel(op);
        succeeded(kernel)) {
      replaceWithKernel(rewriter, op, *kernel, adaptor.getInput(), resultType);
      return success();
    }
    Contraction c;
    c.inputType = cast<RankedTensorType>(op.getInput().getType());
    c.weightType = cast<RankedTensorType>(op.getFilter().getType());
    c.outputType = op.getType();
    ArrayRef<int64_t> pad = op.getPad(), strides = op.getStrides(),
                      dilations = op.getDilations();
    TypedAttr padValue = rewriter.getF32FloatAttr(0.0f);
    if (std::optional<QuantParams> input = getPerTensorParams(c.inputType))
      padValue = rewriter.getIntegerAttr(input->storageType, input->zeroPoint);
    c.input = padWithConstant(rewriter, loc, adaptor.getInput(),
                              {0, pad[0], pad[2], 0}, {0, pad[1], pad[3], 0},
                              padValue);
    c.weights = adaptor.getFilter();
    c.bias = adaptor.getBias();

    // Loops: n, oh, ow, oc, kh, kw, ic (ic within the group).
    int64_t groups = op.getGroups();
    int64_t groupInChannels = c.weightType.getDimSize(3);
    int64_t groupOutChannels = c.outputType.getDimSize(3) / groups;
    AffineExpr n, oh, ow, oc, kh, kw, ic;
    bindDims(context, n, oh, ow, oc, kh, kw, ic);
    AffineExpr channel = ic;
    if (groups != 1)
      channel = oc.floorDiv(groupOutChannels) * groupInChannels + ic;
    c.inputMap = AffineMap::get(7, 0,
                                {n, oh * strides[0] + kh * dilations[0],
                                 ow * strides[1] + kw * dilations[1], channel},
                                context);
    c.weightMap = AffineMap::get(7, 0, {oc, kh, kw, ic}, context);
    c.iterators = parallelIterators(4);
    c.iterators.append(3, utils::IteratorType::reduction);

    FailureOr<Value> result = lowerContraction(rewriter, op, c, resultType);
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

/// nn.fully_connected -> linalg.generic (+ requantization).
struct FullyConnectedLowering
    : public OpConversionPattern<nn::FullyConnectedOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::FullyConnectedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    MLIRContext *context = rewriter.getContext();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "cannot convert the result type");
    if (FailureOr<ConvolutionKernel> kernel = getConvolutionKernel(op);
        succeeded(kernel)) {
      replaceWithKernel(rewriter, op, *kernel, adaptor.getInput(), resultType);
      return success();
    }
    Contraction c;
    c.inputType = cast<RankedTensorType>(op.getInput().getType());
    c.weightType = cast<RankedTensorType>(op.getWeights().getType());
    c.outputType = op.getType();
    c.input = adaptor.getInput();
    c.weights = adaptor.getWeights();
    c.bias = adaptor.getBias();
    // Loops: n, o, i.
    AffineExpr n, o, i;
    bindDims(context, n, o, i);
    c.inputMap = AffineMap::get(3, 0, {n, i}, context);
    c.weightMap = AffineMap::get(3, 0, {o, i}, context);
    c.iterators = {utils::IteratorType::parallel, utils::IteratorType::parallel,
                   utils::IteratorType::reduction};
    FailureOr<Value> result = lowerContraction(rewriter, op, c, resultType);
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

} // namespace

void nnlowering::populateConvolutionPatterns(const TypeConverter &converter,
                                             RewritePatternSet &patterns) {
  patterns.add<Conv2DLowering, FullyConnectedLowering>(converter,
                                                       patterns.getContext());
}
