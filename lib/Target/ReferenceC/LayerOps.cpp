//===- LayerOps.cpp - Convolution, pooling and reduction calls ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// nn.conv2d (a depthwise kernel when groups equal the input channels),
// nn.fully_connected, pooling, nn.mean and nn.softmax: each becomes one
// parameter struct and one kernel call. The requantization multipliers,
// tables and rounding constants are computed exactly as convert-nn-to-linalg
// computes them (include/morsel/Support/FixedPoint.h, docs/quantization.md).
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"
#include "morsel/Support/FixedPoint.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::referencec;

/// The fractional bits of the quantized softmax's exp table.
static constexpr int kSoftmaxExpBits = 20;

/// The most dimensions a mean over axes that are not adjacent walks.
static constexpr size_t kMaxReduceRank = 6;

/// Returns the shape of a tensor.
static ArrayRef<int64_t> shapeOf(Value value) {
  return cast<ShapedType>(value.getType()).getShape();
}

/// Returns the element kind of a tensor (checked before emission).
static ElementKind kindOf(Value value) {
  return *getElementKind(value.getType());
}

/// Returns the C type of a tensor's elements.
static std::string cTypeOf(Value value) {
  return getCTypeName(kindOf(value)).str();
}

/// Returns the product of `dims`.
static int64_t product(ArrayRef<int64_t> dims) {
  int64_t result = 1;
  for (int64_t dim : dims)
    result *= dim;
  return result;
}

/// Writes `  kernel(args...);`.
static void emitCall(FunctionWriter &writer, StringRef kernel,
                     ArrayRef<std::string> args) {
  raw_ostream &os = writer.getSource().body();
  os << "  " << kernel << "(";
  llvm::interleaveComma(args, os);
  os << ");\n";
}

//===----------------------------------------------------------------------===//
// Convolution and fully-connected
//===----------------------------------------------------------------------===//

/// The quantization of a contraction: per-tensor input and output, and
/// per-channel (or per-tensor) weights.
struct ContractionQuantization {
  QuantParams input, output;
  SmallVector<double> weightScales;
  SmallVector<int64_t> weightZeroPoints;
};

/// Reads the quantization of a contraction whose output has `channels`
/// channels, or fails with a diagnostic.
static FailureOr<ContractionQuantization>
getContractionQuantization(Operation *op, Value input, Value weights,
                           Value bias, int64_t channels) {
  ContractionQuantization q;
  std::optional<QuantParams> in = getPerTensorParams(input.getType());
  std::optional<QuantParams> out =
      getPerTensorParams(op->getResult(0).getType());
  auto weightType = dyn_cast<quant::QuantizedType>(
      cast<ShapedType>(weights.getType()).getElementType());
  if (!in || !out || !weightType)
    return op->emitOpError()
           << "mixes float and quantized tensors; the reference C backend "
              "expects per-tensor quantized activations and quantized weights";
  if (bias && kindOf(bias) != ElementKind::S32)
    return op->emitOpError() << "has a bias of type " << bias.getType()
                             << "; a quantized operator takes an i32 bias";
  q.input = *in;
  q.output = *out;
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(weightType)) {
    if (perAxis.getQuantizedDimension() != 0 ||
        static_cast<int64_t>(perAxis.getScales().size()) != channels)
      return op->emitOpError() << "has weights quantized along dimension "
                               << perAxis.getQuantizedDimension()
                               << "; the reference C backend expects the "
                                  "output channels (dimension 0)";
    q.weightScales.assign(perAxis.getScales().begin(),
                          perAxis.getScales().end());
    q.weightZeroPoints.assign(perAxis.getZeroPoints().begin(),
                              perAxis.getZeroPoints().end());
  } else {
    auto uniform = cast<quant::UniformQuantizedType>(weightType);
    q.weightScales.assign(channels, uniform.getScale());
    q.weightZeroPoints.assign(channels, uniform.getZeroPoint());
  }
  return q;
}

/// Writes the per-channel arrays of a quantized contraction (filter offsets,
/// multipliers of s_in * s_w[o] / s_out and their shifts) and adds them to
/// `params`.
static void addContractionQuantization(StructWriter &params,
                                       const ContractionQuantization &q,
                                       StringRef name, raw_ostream &data) {
  SmallVector<int64_t> filterOffsets, multipliers, shifts;
  for (auto [scale, zeroPoint] :
       llvm::zip_equal(q.weightScales, q.weightZeroPoints)) {
    QuantizedMultiplier m =
        quantizeMultiplier(q.input.scale * scale / q.output.scale);
    filterOffsets.push_back(-zeroPoint);
    multipliers.push_back(m.multiplier);
    shifts.push_back(m.shift);
  }
  writeIntArray(data, "int32_t", (name + "_filter_offset").str(),
                filterOffsets);
  writeIntArray(data, "int32_t", (name + "_output_multiplier").str(),
                multipliers);
  writeIntArray(data, "int32_t", (name + "_output_shift").str(), shifts);
  params.field("input_offset", Twine(-q.input.zeroPoint))
      .field("filter_offset", name + "_filter_offset")
      .field("output_offset", Twine(q.output.zeroPoint))
      .field("output_multiplier", name + "_output_multiplier")
      .field("output_shift", name + "_output_shift");
}

/// Checks that every tensor of a float operator is f32.
static LogicalResult checkAllFloat(Operation *op) {
  for (Value value : llvm::concat<Value>(op->getOperands(), op->getResults()))
    if (kindOf(value) != ElementKind::F32)
      return op->emitOpError()
             << "mixes float and quantized tensors (" << value.getType()
             << "); the reference C backend expects all f32 or quantized "
                "activations";
  return success();
}

/// nn.conv2d -> conv2d_* or depthwise_conv2d_*.
static LogicalResult emitConv2D(nn::Conv2DOp op, FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  raw_ostream &data = writer.getSource().data();
  Value input = op.getInput(), filter = op.getFilter(), bias = op.getBias();
  Value output = writer.getOutput(op);
  int64_t inputChannels = shapeOf(input)[3];
  int64_t groups = static_cast<int64_t>(op.getGroups());
  bool depthwise = groups > 1 && groups == inputChannels;
  ArrayRef<int64_t> strides = op.getStrides(), pad = op.getPad(),
                    dilations = op.getDilations();
  StructWriter params("conv_params", name);
  params.array("input", shapeOf(input))
      .array("filter", shapeOf(filter))
      .array("output", shapeOf(op.getResult()))
      .field("stride_height", Twine(strides[0]))
      .field("stride_width", Twine(strides[1]))
      .field("dilation_height", Twine(dilations[0]))
      .field("dilation_width", Twine(dilations[1]))
      .field("pad_top", Twine(pad[0]))
      .field("pad_left", Twine(pad[2]));

  std::string kernel;
  if (getPerTensorParams(input.getType()) || getPerTensorParams(op.getType())) {
    FailureOr<ContractionQuantization> q = getContractionQuantization(
        op, input, filter, bias, shapeOf(op.getResult())[3]);
    if (failed(q))
      return failure();
    addContractionQuantization(params, *q, name, data);
    kernel = writer.getSource().useKernel(
        depthwise ? Kernel::DepthwiseConvQuantized : Kernel::ConvQuantized,
        getKernelSuffix({kindOf(input), kindOf(filter), kindOf(output)}),
        {{"{X}", cTypeOf(input)},
         {"{W}", cTypeOf(filter)},
         {"{Y}", cTypeOf(output)}});
  } else {
    if (failed(checkAllFloat(op)))
      return failure();
    kernel = writer.getSource().useKernel(
        depthwise ? Kernel::DepthwiseConvFloat : Kernel::ConvFloat, "f32");
  }
  addActivationFields(params, op, writer);
  params.write(data);
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(filter),
            bias ? writer.getPointer(bias) : "NULL",
            writer.getPointer(output)});
  return success();
}

/// nn.fully_connected -> fully_connected_*.
static LogicalResult emitFullyConnected(nn::FullyConnectedOp op,
                                        FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  raw_ostream &data = writer.getSource().data();
  Value input = op.getInput(), weights = op.getWeights(), bias = op.getBias();
  Value output = writer.getOutput(op);
  StructWriter params("fully_connected_params", name);
  params.field("batches", Twine(shapeOf(input)[0]))
      .field("input_depth", Twine(shapeOf(input)[1]))
      .field("output_depth", Twine(shapeOf(weights)[0]));
  std::string kernel;
  if (getPerTensorParams(input.getType()) || getPerTensorParams(op.getType())) {
    FailureOr<ContractionQuantization> q = getContractionQuantization(
        op, input, weights, bias, shapeOf(weights)[0]);
    if (failed(q))
      return failure();
    addContractionQuantization(params, *q, name, data);
    kernel = writer.getSource().useKernel(
        Kernel::FullyConnectedQuantized,
        getKernelSuffix({kindOf(input), kindOf(weights), kindOf(output)}),
        {{"{X}", cTypeOf(input)},
         {"{W}", cTypeOf(weights)},
         {"{Y}", cTypeOf(output)}});
  } else {
    if (failed(checkAllFloat(op)))
      return failure();
    kernel = writer.getSource().useKernel(Kernel::FullyConnectedFloat, "f32");
  }
  addActivationFields(params, op, writer);
  params.write(data);
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(weights),
            bias ? writer.getPointer(bias) : "NULL",
            writer.getPointer(output)});
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// Returns the window fields of pooling parameters.
static StructWriter getPoolParams(Operation *op, StringRef name,
                                  ArrayRef<int64_t> kernelSize,
                                  ArrayRef<int64_t> strides,
                                  ArrayRef<int64_t> pad) {
  StructWriter params("pool_params", name);
  params.array("input", shapeOf(op->getOperand(0)))
      .array("output", shapeOf(op->getResult(0)))
      .field("filter_height", Twine(kernelSize[0]))
      .field("filter_width", Twine(kernelSize[1]))
      .field("stride_height", Twine(strides[0]))
      .field("stride_width", Twine(strides[1]))
      .field("pad_top", Twine(pad[0]))
      .field("pad_left", Twine(pad[2]));
  return params;
}

/// nn.max_pool2d -> max_pool2d_*.
static LogicalResult emitMaxPool2D(nn::MaxPool2DOp op, FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  Value input = op.getInput(), output = writer.getOutput(op);
  StructWriter params =
      getPoolParams(op, name, op.getKernel(), op.getStrides(), op.getPad());
  std::string kernel;
  if (std::optional<QuantParams> q = getPerTensorParams(input.getType())) {
    kernel = writer.getSource().useKernel(
        Kernel::MaxPoolQuantized, getKindSuffix(kindOf(input)),
        {{"{T}", cTypeOf(input)}, {"{LOWEST}", std::to_string(q->qmin)}});
  } else {
    if (failed(checkAllFloat(op)))
      return failure();
    kernel = writer.getSource().useKernel(Kernel::MaxPoolFloat, "f32");
  }
  addActivationFields(params, op, writer);
  params.write(writer.getSource().data());
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(output)});
  return success();
}

/// nn.avg_pool2d -> avg_pool2d_*.
static LogicalResult emitAvgPool2D(nn::AvgPool2DOp op, FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  Value input = op.getInput(), output = writer.getOutput(op);
  StructWriter params =
      getPoolParams(op, name, op.getKernel(), op.getStrides(), op.getPad());
  params.field("count_include_pad", Twine(op.getCountIncludePad() ? 1 : 0));
  std::optional<QuantParams> in = getPerTensorParams(input.getType());
  std::optional<QuantParams> out = getPerTensorParams(op.getType());
  std::string kernel;
  if (in && out) {
    params.field("input_offset", Twine(-in->zeroPoint))
        .field("output_offset", Twine(out->zeroPoint));
    if (in->scale != out->scale) {
      QuantizedMultiplier m = quantizeMultiplier(in->scale / out->scale);
      params.field("rescale", "1")
          .field("output_multiplier", Twine(m.multiplier))
          .field("output_shift", Twine(m.shift));
    }
    kernel = writer.getSource().useKernel(
        Kernel::AvgPoolQuantized,
        getKernelSuffix({kindOf(input), kindOf(output)}),
        {{"{X}", cTypeOf(input)}, {"{Y}", cTypeOf(output)}});
  } else {
    if (failed(checkAllFloat(op)))
      return failure();
    kernel = writer.getSource().useKernel(Kernel::AvgPoolFloat, "f32");
  }
  addActivationFields(params, op, writer);
  params.write(writer.getSource().data());
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(output)});
  return success();
}

//===----------------------------------------------------------------------===//
// Mean and softmax
//===----------------------------------------------------------------------===//

namespace {
/// A tensor seen as [outer, depth, inner] around the dimensions an operator
/// reduces.
struct ReductionShape {
  int64_t outer = 1, depth = 1, inner = 1;
};
} // namespace

/// Views `shape` as [outer, depth, inner] with depth the product of `axes`,
/// or fails if the reduced dimensions of size above 1 are not adjacent
/// (ignoring dimensions of size 1): those need the any-axes kernel.
static FailureOr<ReductionShape> getReductionShape(ArrayRef<int64_t> shape,
                                                   ArrayRef<int64_t> axes) {
  ReductionShape result;
  int64_t first = -1, last = -1;
  for (int64_t axis : axes) {
    result.depth *= shape[axis];
    if (shape[axis] != 1) {
      first = first < 0 ? axis : first;
      last = axis;
    }
  }
  for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d) {
    if (llvm::is_contained(axes, d))
      continue;
    if (first >= 0 && d > first && d < last && shape[d] != 1)
      return failure();
    if (first < 0 || d < first)
      result.outer *= shape[d];
    else
      result.inner *= shape[d];
  }
  return result;
}

/// nn.mean -> mean_* (adjacent axes) or mean_any_axes_*.
static LogicalResult emitMean(nn::MeanOp op, FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  Value input = op.getInput(), output = op.getResult();
  ArrayRef<int64_t> inputShape = shapeOf(input), axes = op.getAxes();
  FailureOr<ReductionShape> shape = getReductionShape(inputShape, axes);
  StructWriter params("reduce_params", name);
  bool anyAxes = failed(shape);
  if (anyAxes) {
    if (inputShape.size() > kMaxReduceRank)
      return op.emitOpError()
             << "reduces a rank-" << inputShape.size()
             << " tensor over axes that are not adjacent; the reference C "
                "backend supports up to rank "
             << kMaxReduceRank;
    size_t offset = kMaxReduceRank - inputShape.size();
    SmallVector<int64_t> dims(offset, 1), reduced(kMaxReduceRank, 0);
    dims.append(inputShape.begin(), inputShape.end());
    int64_t depth = 1;
    for (int64_t axis : axes) {
      reduced[offset + axis] = 1;
      depth *= inputShape[axis];
    }
    shape = ReductionShape{1, depth, 1};
    params.field("depth", Twine(depth))
        .array("dims", dims)
        .array("reduced", reduced);
  } else {
    params.field("outer", Twine(shape->outer))
        .field("depth", Twine(shape->depth))
        .field("inner", Twine(shape->inner));
  }
  std::optional<QuantParams> in = getPerTensorParams(input.getType());
  std::optional<QuantParams> out = getPerTensorParams(output.getType());
  std::string kernel;
  if (in && out) {
    QuantizedMultiplier m = quantizeMultiplier(
        in->scale / (out->scale * static_cast<double>(shape->depth)));
    params.field("input_offset", Twine(-in->zeroPoint))
        .field("output_offset", Twine(out->zeroPoint))
        .field("output_multiplier", Twine(m.multiplier))
        .field("output_shift", Twine(m.shift))
        .field("output_activation_min", Twine(out->qmin))
        .field("output_activation_max", Twine(out->qmax));
    kernel = writer.getSource().useKernel(
        anyAxes ? Kernel::MeanAnyAxesQuantized : Kernel::MeanQuantized,
        getKernelSuffix({kindOf(input), kindOf(output)}),
        {{"{X}", cTypeOf(input)}, {"{Y}", cTypeOf(output)}});
  } else {
    if (failed(checkAllFloat(op)))
      return failure();
    kernel = writer.getSource().useKernel(
        anyAxes ? Kernel::MeanAnyAxesFloat : Kernel::MeanFloat, "f32");
  }
  params.write(writer.getSource().data());
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(output)});
  return success();
}

/// nn.softmax -> softmax_*.
static LogicalResult emitSoftmax(nn::SoftmaxOp op, FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  raw_ostream &data = writer.getSource().data();
  Value input = op.getInput(), output = op.getResult();
  int64_t axis = op.getAxis();
  ArrayRef<int64_t> shape = shapeOf(input);
  StructWriter params("reduce_params", name);
  params.field("outer", Twine(product(shape.take_front(axis))))
      .field("depth", Twine(shape[axis]))
      .field("inner", Twine(product(shape.drop_front(axis + 1))));
  std::optional<QuantParams> in = getPerTensorParams(input.getType());
  std::optional<QuantParams> out = getPerTensorParams(output.getType());
  std::string kernel;
  if (in && out) {
    // E[d] = round_away(exp(-beta * s_in * d) * 2^20) and
    // K = round_away(2^16 / s_out), as convert-nn-to-linalg computes them.
    double beta = op.getBeta().convertToDouble();
    SmallVector<int64_t> table;
    for (int d = 0; d < 256; ++d)
      table.push_back(static_cast<int32_t>(
          std::round(std::exp(-beta * in->scale * d) *
                     static_cast<double>(1 << kSoftmaxExpBits))));
    writeIntArray(data, "int32_t", name + "_exp_table", table);
    int64_t k = static_cast<int64_t>(std::round(65536.0 / out->scale));
    params.field("output_offset", Twine(out->zeroPoint))
        .field("exp_table", name + "_exp_table")
        .field("output_scale_q16", Twine(k))
        .field("output_activation_min", Twine(out->qmin))
        .field("output_activation_max", Twine(out->qmax));
    kernel = writer.getSource().useKernel(
        Kernel::SoftmaxQuantized,
        getKernelSuffix({kindOf(input), kindOf(output)}),
        {{"{X}", cTypeOf(input)}, {"{Y}", cTypeOf(output)}});
  } else {
    if (failed(checkAllFloat(op)))
      return failure();
    params.field("beta", formatFloat(op.getBeta().convertToFloat()));
    kernel = writer.getSource().useKernel(Kernel::SoftmaxFloat, "f32");
  }
  params.write(data);
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(output)});
  return success();
}

std::optional<LogicalResult> referencec::emitLayerOp(Operation *op,
                                                     FunctionWriter &writer) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](nn::Conv2DOp conv) { return emitConv2D(conv, writer); })
      .Case([&](nn::FullyConnectedOp fc) {
        return emitFullyConnected(fc, writer);
      })
      .Case([&](nn::MaxPool2DOp pool) { return emitMaxPool2D(pool, writer); })
      .Case([&](nn::AvgPool2DOp pool) { return emitAvgPool2D(pool, writer); })
      .Case([&](nn::MeanOp mean) { return emitMean(mean, writer); })
      .Case([&](nn::SoftmaxOp softmax) { return emitSoftmax(softmax, writer); })
      .Default([](Operation *) { return std::nullopt; });
}
