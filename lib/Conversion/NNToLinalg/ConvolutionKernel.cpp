//===- ConvolutionKernel.cpp - Convolutions as explicit loop nests --------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "ConvolutionKernel.h"
#include "morsel/Dialect/Seg/IR/SegOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <functional>

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

namespace {

/// The kernel window of one output pixel, clamped to the input: kernel rows
/// [rowBegin, rowEnd) and columns [columnBegin, columnEnd), and the input
/// position of kernel tap (0, 0), which may lie in the padding.
struct Window {
  Value rowBegin, rowEnd, columnBegin, columnEnd;
  Value inputRow, inputColumn;
};

/// Builds the loop nest of one ConvolutionKernel.
class KernelBuilder {
public:
  KernelBuilder(OpBuilder &b, Location loc, const ConvolutionKernel &kernel,
                Value input, RankedTensorType resultType)
      : b(b), loc(loc), k(kernel), input(input), resultType(resultType) {}

  /// Returns the result tensor.
  Value build();
  /// Returns `accumulators` plus the products of the input, a slice of
  /// input channels starting at `offset` (buildPartialConvolution).
  Value buildPartial(Value offset, Value accumulators);
  /// Returns accumulators of `resultType` holding the biases.
  Value buildAccumulatorInit();
  /// Returns the output computed from complete `accumulators`.
  Value buildAccumulatorOutput(Value accumulators);

private:
  Value index(int64_t value) {
    return arith::ConstantIndexOp::create(b, loc, value);
  }
  bool isQuantized() const { return k.input.has_value(); }
  bool hasPadding() const {
    return k.padTop || k.padBottom || k.padLeft || k.padRight;
  }
  bool isPartial() const { return accumulators != nullptr; }
  /// Returns the global output channel of loop index `channel`.
  Value getGlobalChannel(Value channel) {
    return k.channelOffset && !isPartial()
               ? Value(arith::AddIOp::create(b, loc, k.channelOffset, channel))
               : channel;
  }
  /// The bias partial sums start from: quantized kernels with padding
  /// subtract the input zero point in every multiply-accumulate then.
  Value getAccumulatorBias() { return hasPadding() ? borderBias : interiorBias; }
  /// Builds loops over the elements of `resultType`, the pixels (rows and
  /// columns) marked as steps that read `source` (if any) pixel by pixel,
  /// and returns the tensor whose elements `element(indices, channel)`
  /// gives.
  Value buildPointwise(
      Value source,
      llvm::function_ref<Value(ArrayRef<Value> indices, Value channel)>
          element);

  /// Materializes the weights, biases and per-channel parameters.
  void createConstants();
  /// Returns the window of output row `outputRow`, column `outputColumn`.
  Window createWindow(Value outputRow, Value outputColumn);
  /// Returns `tensor` with the output channels of one pixel computed.
  /// `interior`: the window is known to lie inside the input.
  Value createChannelLoop(Value tensor, Value batch, Value outputRow,
                          Value outputColumn, const Window &window,
                          bool interior);
  /// Returns the accumulator of output channel `channel` after the
  /// multiply-accumulates of `window`.
  Value createReduction(Value accumulator, Value batch, Value channel,
                        Value channelBase, const Window &window,
                        bool interior);
  /// Returns acc + x * w for one input and one weight element.
  Value createMultiplyAccumulate(Value accumulator, Value x, Value w,
                                 Value weightZero, bool subtractInputZero);
  /// Returns the output element of an accumulator: requantized for
  /// quantized operators.
  Value createOutputValue(Value accumulator, Value channel);
  /// The access order of the kernel: one step per output pixel.
  seg::WindowAccessAttr getAccessOrder();
  /// Marks `loop` as one of the loops whose iterations are the steps.
  void markStepLoop(scf::ForOp loop);

  OpBuilder &b;
  Location loc;
  const ConvolutionKernel &k;
  Value input;
  RankedTensorType resultType;
  /// Partial sums: the accumulators and the input channel offset.
  Value accumulators, inputChannelOffset;

  Value weights;
  /// Quantized: the bias of interior pixels (zero point folded in) and of
  /// border pixels. f32: both are the bias. Null: no bias.
  Value interiorBias, borderBias;
  /// Per-channel weight zero points, or null when they are all equal.
  Value weightZeroPoints;
  /// Per-channel multipliers, or null when they are all equal.
  Value multipliers, leftShifts, rightShifts;
};

} // namespace

/// Returns the i32 tensor constant of `values`.
static Value createI32Tensor(OpBuilder &b, Location loc,
                             ArrayRef<int64_t> values) {
  SmallVector<int32_t> narrowed;
  for (int64_t value : values)
    narrowed.push_back(static_cast<int32_t>(static_cast<uint32_t>(value)));
  return createI32TensorConstant(b, loc, narrowed);
}

void KernelBuilder::createConstants() {
  weights = arith::ConstantOp::create(b, loc, k.weights);
  int64_t channels = k.outputChannels;
  if (!isQuantized()) {
    if (k.bias)
      interiorBias = borderBias = arith::ConstantOp::create(b, loc, k.bias);
    return;
  }

  // bias'[o] = bias[o] - zx * sum_k (w[o, k] - zw[o]), modulo 2^32.
  SmallVector<int64_t> bias(channels, 0), folded(channels, 0);
  if (k.bias)
    for (auto [o, value] : llvm::enumerate(k.bias.getValues<APInt>()))
      bias[o] = value.getSExtValue();
  int64_t perChannel = k.weights.getNumElements() / channels;
  int64_t flat = 0;
  SmallVector<int64_t> sums(channels, 0);
  for (APInt value : k.weights.getValues<APInt>()) {
    int64_t o = flat++ / perChannel;
    int64_t w = k.weightsSigned ? value.getSExtValue() : value.getZExtValue();
    sums[o] += w - k.weightZeroPoints[o];
  }
  for (int64_t o = 0; o < channels; ++o)
    folded[o] = static_cast<int64_t>(
        static_cast<uint64_t>(bias[o]) -
        static_cast<uint64_t>(k.input->zeroPoint) *
            static_cast<uint64_t>(sums[o]));
  interiorBias = createI32Tensor(b, loc, folded);
  if (hasPadding())
    borderBias = createI32Tensor(b, loc, bias);

  if (!llvm::all_equal(k.weightZeroPoints))
    weightZeroPoints = createI32Tensor(b, loc, k.weightZeroPoints);
  auto sameMultiplier = [&](const MultiplierConstants &m) {
    const MultiplierConstants &first = k.multipliers.front();
    return m.multiplier == first.multiplier &&
           m.leftShift == first.leftShift && m.rightShift == first.rightShift;
  };
  if (!llvm::all_of(k.multipliers, sameMultiplier)) {
    SmallVector<int64_t> m, left, right;
    for (const MultiplierConstants &c : k.multipliers) {
      m.push_back(c.multiplier);
      left.push_back(c.leftShift);
      right.push_back(c.rightShift);
    }
    multipliers = createI32Tensor(b, loc, m);
    leftShifts = createI32Tensor(b, loc, left);
    rightShifts = createI32Tensor(b, loc, right);
  }
}

/// Returns the index range [begin, end) of kernel taps t with
/// 0 <= origin + t * dilation < size, within [0, taps).
static std::pair<Value, Value> clampTaps(OpBuilder &b, Location loc,
                                         Value origin, int64_t size,
                                         int64_t taps, int64_t dilation) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value dil = arith::ConstantIndexOp::create(b, loc, dilation);
  Value negOrigin = arith::SubIOp::create(b, loc, zero, origin);
  Value begin = arith::MaxSIOp::create(
      b, loc, zero, arith::CeilDivSIOp::create(b, loc, negOrigin, dil));
  Value remaining = arith::SubIOp::create(
      b, loc, arith::ConstantIndexOp::create(b, loc, size), origin);
  Value end = arith::MinSIOp::create(
      b, loc, arith::ConstantIndexOp::create(b, loc, taps),
      arith::CeilDivSIOp::create(b, loc, remaining, dil));
  // An empty window (possible only with padding larger than the kernel)
  // must not run backwards.
  end = arith::MaxSIOp::create(b, loc, begin, end);
  return {begin, end};
}

Window KernelBuilder::createWindow(Value outputRow, Value outputColumn) {
  Window window;
  window.inputRow = arith::SubIOp::create(
      b, loc, arith::MulIOp::create(b, loc, outputRow, index(k.strideHeight)),
      index(k.padTop));
  window.inputColumn = arith::SubIOp::create(
      b, loc,
      arith::MulIOp::create(b, loc, outputColumn, index(k.strideWidth)),
      index(k.padLeft));
  std::tie(window.rowBegin, window.rowEnd) =
      clampTaps(b, loc, window.inputRow, k.inputHeight, k.kernelHeight,
                k.dilationHeight);
  std::tie(window.columnBegin, window.columnEnd) =
      clampTaps(b, loc, window.inputColumn, k.inputWidth, k.kernelWidth,
                k.dilationWidth);
  return window;
}

Value KernelBuilder::createMultiplyAccumulate(Value accumulator, Value x,
                                              Value w, Value weightZero,
                                              bool subtractInputZero) {
  if (!isQuantized())
    return arith::AddFOp::create(b, loc, accumulator,
                                 arith::MulFOp::create(b, loc, x, w));
  Type i32 = b.getI32Type();
  Value xi = extendStorage(b, loc, x, k.input->isSigned);
  if (subtractInputZero && k.input->zeroPoint != 0)
    xi = arith::SubIOp::create(
        b, loc, xi, createIntConstant(b, loc, i32, k.input->zeroPoint));
  Value wi = extendStorage(b, loc, w, k.weightsSigned);
  if (weightZero)
    wi = arith::SubIOp::create(b, loc, wi, weightZero);
  return arith::AddIOp::create(b, loc, accumulator,
                               arith::MulIOp::create(b, loc, xi, wi));
}

Value KernelBuilder::createReduction(Value accumulator, Value batch,
                                     Value channel, Value channelBase,
                                     const Window &window, bool interior) {
  Value weightZero;
  if (isQuantized()) {
    if (weightZeroPoints)
      weightZero = tensor::ExtractOp::create(b, loc, weightZeroPoints,
                                             ValueRange{channel});
    else if (k.weightZeroPoints.front() != 0)
      weightZero = createIntConstant(b, loc, b.getI32Type(),
                                     k.weightZeroPoints.front());
  }
  bool subtractInputZero = !interior || (isPartial() && hasPadding());
  Value zero = index(0), one = index(1);
  auto weightInputChannel = [&](Value i) {
    return inputChannelOffset
               ? Value(arith::AddIOp::create(b, loc, inputChannelOffset, i))
               : i;
  };
  Value inputChannels = index(k.groupInputChannels);

  // Fully connected: one loop over the input features.
  if (k.fullyConnected) {
    auto loop = scf::ForOp::create(
        b, loc, zero, inputChannels, one, ValueRange{accumulator},
        [&](OpBuilder &, Location, Value i, ValueRange acc) {
          Value x =
              tensor::ExtractOp::create(b, loc, input, ValueRange{batch, i});
          Value w = tensor::ExtractOp::create(
              b, loc, weights, ValueRange{channel, weightInputChannel(i)});
          scf::YieldOp::create(
              b, loc,
              createMultiplyAccumulate(acc.front(), x, w, weightZero,
                                       subtractInputZero));
        });
    return loop.getResult(0);
  }

  Value rowBegin = interior ? zero : window.rowBegin;
  Value rowEnd = interior ? index(k.kernelHeight) : window.rowEnd;
  Value columnBegin = interior ? zero : window.columnBegin;
  Value columnEnd = interior ? index(k.kernelWidth) : window.columnEnd;
  auto rows = scf::ForOp::create(
      b, loc, rowBegin, rowEnd, one, ValueRange{accumulator},
      [&](OpBuilder &, Location, Value kh, ValueRange rowAcc) {
        Value ih = arith::AddIOp::create(
            b, loc, window.inputRow,
            arith::MulIOp::create(b, loc, kh, index(k.dilationHeight)));
        auto columns = scf::ForOp::create(
            b, loc, columnBegin, columnEnd, one, rowAcc,
            [&](OpBuilder &, Location, Value kw, ValueRange columnAcc) {
              Value iw = arith::AddIOp::create(
                  b, loc, window.inputColumn,
                  arith::MulIOp::create(b, loc, kw, index(k.dilationWidth)));
              auto channels = scf::ForOp::create(
                  b, loc, zero, inputChannels, one, columnAcc,
                  [&](OpBuilder &, Location, Value ic, ValueRange acc) {
                    Value c = arith::AddIOp::create(b, loc, channelBase, ic);
                    Value x = tensor::ExtractOp::create(
                        b, loc, input, ValueRange{batch, ih, iw, c});
                    Value w = tensor::ExtractOp::create(
                        b, loc, weights,
                        ValueRange{channel, kh, kw, weightInputChannel(ic)});
                    scf::YieldOp::create(
                        b, loc,
                        createMultiplyAccumulate(acc.front(), x, w, weightZero,
                                                 subtractInputZero));
                  });
              scf::YieldOp::create(b, loc, channels.getResults());
            });
        scf::YieldOp::create(b, loc, columns.getResults());
      });
  return rows.getResult(0);
}

Value KernelBuilder::createOutputValue(Value accumulator, Value channel) {
  if (!isQuantized()) {
    if (!k.floatClamp)
      return accumulator;
    Value lower = arith::MaximumFOp::create(
        b, loc, accumulator, createF32Constant(b, loc, k.floatClamp->first));
    return arith::MinimumFOp::create(
        b, loc, lower, createF32Constant(b, loc, k.floatClamp->second));
  }
  MultiplierOperands m;
  if (multipliers) {
    m.multiplier =
        tensor::ExtractOp::create(b, loc, multipliers, ValueRange{channel});
    m.leftShift =
        tensor::ExtractOp::create(b, loc, leftShifts, ValueRange{channel});
    m.rightShift =
        tensor::ExtractOp::create(b, loc, rightShifts, ValueRange{channel});
  } else {
    m = createMultiplierOperands(b, loc, k.multipliers.front());
  }
  Value scaled = createMBQM(b, loc, accumulator, m);
  Value shifted = arith::AddIOp::create(
      b, loc, scaled,
      createIntConstant(b, loc, b.getI32Type(), k.output->zeroPoint));
  QuantParams range = *k.output;
  if (k.quantizedClamp) {
    range.qmin = k.quantizedClamp->first;
    range.qmax = k.quantizedClamp->second;
  }
  return saturateToStorage(b, loc, shifted, range);
}

Value KernelBuilder::createChannelLoop(Value tensor, Value batch,
                                       Value outputRow, Value outputColumn,
                                       const Window &window, bool interior) {
  Value bias = interior ? interiorBias : borderBias;
  Type accumulatorType =
      isQuantized() ? Type(b.getI32Type()) : Type(b.getF32Type());
  int64_t channels =
      k.sliceChannels && !isPartial() ? k.sliceChannels : k.outputChannels;
  auto loop = scf::ForOp::create(
      b, loc, index(0), index(channels), index(1), ValueRange{tensor},
      [&](OpBuilder &, Location, Value oc, ValueRange iter) {
        SmallVector<Value> indices =
            k.fullyConnected
                ? SmallVector<Value>{batch, oc}
                : SmallVector<Value>{batch, outputRow, outputColumn, oc};
        Value channel = getGlobalChannel(oc);
        Value channelBase = index(0);
        if (k.groupOutputChannels != k.outputChannels)
          channelBase = arith::MulIOp::create(
              b, loc,
              arith::DivUIOp::create(b, loc, oc,
                                     index(k.groupOutputChannels)),
              index(k.groupInputChannels));
        Value init;
        if (isPartial())
          init = tensor::ExtractOp::create(b, loc, iter.front(), indices);
        else if (bias)
          init = tensor::ExtractOp::create(b, loc, bias, ValueRange{channel});
        else
          init = arith::ConstantOp::create(b, loc,
                                           b.getZeroAttr(accumulatorType));
        Value acc = createReduction(init, batch, channel, channelBase, window,
                                    interior);
        Value value = isPartial() ? acc : createOutputValue(acc, channel);
        scf::YieldOp::create(
            b, loc,
            Value(tensor::InsertOp::create(b, loc, value, iter.front(),
                                           indices)));
      });
  return loop.getResult(0);
}

/// Bytes of one element of `type` (quantized types: their storage).
static int64_t getElementBytes(Type type) {
  if (auto quantized = dyn_cast<quant::QuantizedType>(type))
    type = quantized.getStorageType();
  return (type.getIntOrFloatBitWidth() + 7) / 8;
}

seg::WindowAccessAttr KernelBuilder::getAccessOrder() {
  auto inputType = cast<RankedTensorType>(input.getType());
  ArrayRef<int64_t> in = inputType.getShape(), out = resultType.getShape();
  int64_t inputPixel = in.back() * getElementBytes(inputType.getElementType());
  int64_t outputPixel =
      out.back() * getElementBytes(resultType.getElementType());
  if (k.fullyConnected)
    return seg::WindowAccessAttr::get(b.getContext(), {k.batch, 1, 1, inputPixel},
                                      {k.batch, 1, 1, outputPixel}, {1, 1},
                                      {1, 1}, {1, 1}, {0, 0});
  return seg::WindowAccessAttr::get(
      b.getContext(), {k.batch, k.inputHeight, k.inputWidth, inputPixel},
      {k.batch, k.outputHeight, k.outputWidth, outputPixel},
      {k.kernelHeight, k.kernelWidth}, {k.strideHeight, k.strideWidth},
      {k.dilationHeight, k.dilationWidth}, {k.padTop, k.padLeft});
}

void KernelBuilder::markStepLoop(scf::ForOp loop) {
  // Every step loop declares the order: canonicalization removes loops of
  // one iteration, and the outermost that remains is the kernel.
  loop->setAttr(seg::kAccessAttrName, getAccessOrder());
  loop->setAttr(seg::kStepLoopAttrName, b.getUnitAttr());
}

Value KernelBuilder::build() {
  createConstants();
  Value init = isPartial() ? accumulators
                           : createEmpty(b, loc, resultType.getShape(),
                                         resultType.getElementType());
  Value zero = index(0), one = index(1);
  auto batches = scf::ForOp::create(
      b, loc, zero, index(k.batch), one, ValueRange{init},
      [&](OpBuilder &, Location, Value n, ValueRange batchIter) {
        if (k.fullyConnected) {
          scf::YieldOp::create(b, loc,
                               createChannelLoop(batchIter.front(), n, {}, {},
                                                 Window(), /*interior=*/true));
          return;
        }
        auto rows = scf::ForOp::create(
            b, loc, zero, index(k.outputHeight), one, batchIter,
            [&](OpBuilder &, Location, Value oh, ValueRange rowIter) {
              auto columns = scf::ForOp::create(
                  b, loc, zero, index(k.outputWidth), one, rowIter,
                  [&](OpBuilder &, Location, Value ow, ValueRange iter) {
                    Window window = createWindow(oh, ow);
                    Value tensor = iter.front();
                    if (!hasPadding()) {
                      scf::YieldOp::create(
                          b, loc,
                          createChannelLoop(tensor, n, oh, ow, window, true));
                      return;
                    }
                    auto equals = [&](Value value, int64_t constant) {
                      return arith::CmpIOp::create(b, loc,
                                                   arith::CmpIPredicate::eq,
                                                   value, index(constant));
                    };
                    Value inside = arith::AndIOp::create(
                        b, loc,
                        arith::AndIOp::create(
                            b, loc, equals(window.rowBegin, 0),
                            equals(window.rowEnd, k.kernelHeight)),
                        arith::AndIOp::create(
                            b, loc, equals(window.columnBegin, 0),
                            equals(window.columnEnd, k.kernelWidth)));
                    auto branch = scf::IfOp::create(
                        b, loc, inside,
                        [&](OpBuilder &, Location) {
                          scf::YieldOp::create(
                              b, loc,
                              createChannelLoop(tensor, n, oh, ow, window,
                                                /*interior=*/true));
                        },
                        [&](OpBuilder &, Location) {
                          scf::YieldOp::create(
                              b, loc,
                              createChannelLoop(tensor, n, oh, ow, window,
                                                /*interior=*/false));
                        });
                    scf::YieldOp::create(b, loc, branch.getResults());
                  });
              markStepLoop(columns);
              scf::YieldOp::create(b, loc, columns.getResults());
            });
        markStepLoop(rows);
        scf::YieldOp::create(b, loc, rows.getResults());
      });
  markStepLoop(batches);
  return batches.getResult(0);
}

Value KernelBuilder::buildPartial(Value offset, Value partialSums) {
  inputChannelOffset = offset;
  accumulators = partialSums;
  return build();
}

Value KernelBuilder::buildPointwise(
    Value source,
    llvm::function_ref<Value(ArrayRef<Value> indices, Value channel)>
        element) {
  ArrayRef<int64_t> shape = resultType.getShape();
  Value zero = index(0), one = index(1);
  Value init = createEmpty(b, loc, shape, resultType.getElementType());
  // One step per pixel, read and written in place (a 1x1 window).
  seg::WindowAccessAttr order;
  if (source) {
    auto sourceType = cast<RankedTensorType>(source.getType());
    int64_t height = k.fullyConnected ? 1 : shape[1];
    int64_t width = k.fullyConnected ? 1 : shape[2];
    order = seg::WindowAccessAttr::get(
        b.getContext(),
        {shape[0], height, width,
         shape.back() * getElementBytes(sourceType.getElementType())},
        {shape[0], height, width,
         shape.back() * getElementBytes(resultType.getElementType())},
        {1, 1}, {1, 1}, {1, 1}, {0, 0});
  }
  SmallVector<Value> indices;
  std::function<Value(unsigned, Value)> nest = [&](unsigned dim,
                                                    Value tensor) -> Value {
    auto loop = scf::ForOp::create(
        b, loc, zero, index(shape[dim]), one, ValueRange{tensor},
        [&](OpBuilder &, Location, Value iv, ValueRange iter) {
          indices.push_back(iv);
          Value result;
          if (dim + 1 == shape.size())
            result = tensor::InsertOp::create(
                b, loc, element(indices, iv), iter.front(), indices);
          else
            result = nest(dim + 1, iter.front());
          indices.pop_back();
          scf::YieldOp::create(b, loc, result);
        });
    if (order && dim + 1 < shape.size()) {
      loop->setAttr(seg::kAccessAttrName, order);
      loop->setAttr(seg::kStepLoopAttrName, b.getUnitAttr());
    }
    return loop.getResult(0);
  };
  return nest(0, init);
}

Value KernelBuilder::buildAccumulatorInit() {
  createConstants();
  Value bias = getAccumulatorBias();
  Type elementType = resultType.getElementType();
  return buildPointwise({}, [&](ArrayRef<Value>, Value channel) -> Value {
    if (!bias)
      return arith::ConstantOp::create(b, loc, b.getZeroAttr(elementType));
    return tensor::ExtractOp::create(b, loc, bias, ValueRange{channel});
  });
}

Value KernelBuilder::buildAccumulatorOutput(Value partialSums) {
  createConstants();
  return buildPointwise(partialSums,
                        [&](ArrayRef<Value> indices, Value channel) {
                          Value acc = tensor::ExtractOp::create(
                              b, loc, partialSums, indices);
                          return createOutputValue(acc, channel);
                        });
}

Value nnlowering::buildPartialConvolution(OpBuilder &b, Location loc,
                                          const ConvolutionKernel &kernel,
                                          Value inputSlice,
                                          Value inputChannelOffset,
                                          Value accumulators) {
  ConvolutionKernel slice = kernel;
  slice.groupInputChannels =
      cast<RankedTensorType>(inputSlice.getType()).getShape().back();
  return KernelBuilder(b, loc, slice, inputSlice,
                       cast<RankedTensorType>(accumulators.getType()))
      .buildPartial(inputChannelOffset, accumulators);
}

Value nnlowering::buildAccumulatorInit(OpBuilder &b, Location loc,
                                       const ConvolutionKernel &kernel,
                                       RankedTensorType type) {
  return KernelBuilder(b, loc, kernel, Value(), type).buildAccumulatorInit();
}

Value nnlowering::buildAccumulatorOutput(OpBuilder &b, Location loc,
                                         const ConvolutionKernel &kernel,
                                         Value accumulators,
                                         RankedTensorType resultType) {
  return KernelBuilder(b, loc, kernel, Value(), resultType)
      .buildAccumulatorOutput(accumulators);
}

Value nnlowering::buildConvolutionKernel(OpBuilder &b, Location loc,
                                         const ConvolutionKernel &kernel,
                                         Value input,
                                         RankedTensorType resultType) {
  return KernelBuilder(b, loc, kernel, input, resultType).build();
}
