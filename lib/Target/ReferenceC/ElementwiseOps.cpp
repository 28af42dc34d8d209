//===- ElementwiseOps.cpp - Element-wise and quantization calls -----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// nn.add and nn.mul (flat when no operand broadcasts, else TFLite's 4-D
// broadcast), nn.clamp that no kernel absorbed, the activation functions
// (256-entry tables when quantized) and quantize, dequantize, requantize.
// Multipliers and tables are computed as convert-nn-to-linalg computes them.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"
#include "morsel/Support/FixedPoint.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <functional>

using namespace mlir;
using namespace morsel;
using namespace morsel::referencec;

/// TFLite's left shift of add operands.
static constexpr int kAddLeftShift = 20;

/// The most dimensions a broadcasting kernel walks.
static constexpr size_t kBroadcastRank = 4;

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

/// Returns the number of elements of a tensor.
static int64_t countOf(Value value) {
  return cast<ShapedType>(value.getType()).getNumElements();
}

/// Writes `  kernel(args...);`.
static void emitCall(FunctionWriter &writer, StringRef kernel,
                     ArrayRef<std::string> args) {
  raw_ostream &os = writer.getSource().body();
  os << "  " << kernel << "(";
  llvm::interleaveComma(args, os);
  os << ");\n";
}

/// Fails with a diagnostic on an operator that mixes float and quantized
/// tensors or has per-channel activations.
static LogicalResult emitMixedError(Operation *op) {
  return op->emitOpError()
         << "mixes float and quantized tensors or has per-channel "
            "activations; the reference C backend expects all f32 or all "
            "per-tensor quantized";
}

//===----------------------------------------------------------------------===//
// Binary operators
//===----------------------------------------------------------------------===//

/// Returns `shape` padded with leading 1s to `rank` dimensions.
static SmallVector<int64_t> padShape(ArrayRef<int64_t> shape, size_t rank) {
  SmallVector<int64_t> padded(rank - shape.size(), 1);
  padded.append(shape.begin(), shape.end());
  return padded;
}

/// Returns the 4-D strides through which an operand of `shape` is read
/// while walking `output`: row-major, 0 along the dimensions it broadcasts.
static SmallVector<int64_t> getBroadcastStrides(ArrayRef<int64_t> shape,
                                                ArrayRef<int64_t> output) {
  SmallVector<int64_t> padded = padShape(shape, kBroadcastRank);
  SmallVector<int64_t> strides(kBroadcastRank, 0);
  int64_t stride = 1;
  for (int64_t d = kBroadcastRank - 1; d >= 0; --d) {
    strides[d] = padded[d] == 1 && output[d] != 1 ? 0 : stride;
    stride *= padded[d];
  }
  return strides;
}

/// nn.add and nn.mul -> add_*, broadcast_add_*, mul_*, broadcast_mul_*.
static LogicalResult emitBinary(Operation *op, bool isAdd,
                                FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  Value output = writer.getOutput(op);
  ArrayRef<int64_t> shape = shapeOf(op->getResult(0));
  bool broadcast = shapeOf(lhs) != shape || shapeOf(rhs) != shape;
  StructWriter params("arithmetic_params", name);
  if (!broadcast) {
    params.field("size", Twine(countOf(output)));
  } else {
    if (shape.size() > kBroadcastRank)
      return op->emitOpError()
             << "broadcasts rank-" << shape.size()
             << " tensors; the reference C backend broadcasts up to rank "
             << kBroadcastRank;
    SmallVector<int64_t> dims = padShape(shape, kBroadcastRank);
    params.array("output_dims", dims)
        .array("input1_strides", getBroadcastStrides(shapeOf(lhs), dims))
        .array("input2_strides", getBroadcastStrides(shapeOf(rhs), dims));
  }

  std::optional<QuantParams> l = getPerTensorParams(lhs.getType());
  std::optional<QuantParams> r = getPerTensorParams(rhs.getType());
  std::optional<QuantParams> out = getPerTensorParams(op->getResultTypes()[0]);
  Kernel kernel;
  std::string suffix = "f32";
  SmallVector<std::pair<StringRef, std::string>> types;
  if (l && r && out) {
    params.field("input1_offset", Twine(-l->zeroPoint))
        .field("input2_offset", Twine(-r->zeroPoint))
        .field("output_offset", Twine(out->zeroPoint));
    if (isAdd) {
      // docs/quantization.md: both inputs to t = 2 max(s_1, s_2) after a
      // left shift by 20, the sum to the output scale.
      double twiceMax = 2.0 * std::max(l->scale, r->scale);
      QuantizedMultiplier m1 = quantizeMultiplier(l->scale / twiceMax);
      QuantizedMultiplier m2 = quantizeMultiplier(r->scale / twiceMax);
      QuantizedMultiplier mOut = quantizeMultiplier(
          twiceMax / (static_cast<double>(1 << kAddLeftShift) * out->scale));
      params.field("left_shift", Twine(kAddLeftShift))
          .field("input1_multiplier", Twine(m1.multiplier))
          .field("input1_shift", Twine(m1.shift))
          .field("input2_multiplier", Twine(m2.multiplier))
          .field("input2_shift", Twine(m2.shift))
          .field("output_multiplier", Twine(mOut.multiplier))
          .field("output_shift", Twine(mOut.shift));
      kernel = broadcast ? Kernel::BroadcastAddQuantized : Kernel::AddQuantized;
    } else {
      QuantizedMultiplier m =
          quantizeMultiplier(l->scale * r->scale / out->scale);
      params.field("output_multiplier", Twine(m.multiplier))
          .field("output_shift", Twine(m.shift));
      kernel = broadcast ? Kernel::BroadcastMulQuantized : Kernel::MulQuantized;
    }
    suffix = getKernelSuffix({kindOf(lhs), kindOf(rhs), kindOf(output)});
    types = {
        {"{L}", cTypeOf(lhs)}, {"{R}", cTypeOf(rhs)}, {"{Y}", cTypeOf(output)}};
  } else if (!l && !r && !out && kindOf(lhs) == ElementKind::F32 &&
             kindOf(rhs) == ElementKind::F32) {
    if (isAdd)
      kernel = broadcast ? Kernel::BroadcastAddFloat : Kernel::AddFloat;
    else
      kernel = broadcast ? Kernel::BroadcastMulFloat : Kernel::MulFloat;
  } else {
    return emitMixedError(op);
  }
  addActivationFields(params, op, writer);
  params.write(writer.getSource().data());
  emitCall(writer, writer.getSource().useKernel(kernel, suffix, types),
           {"&" + name, writer.getPointer(lhs), writer.getPointer(rhs),
            writer.getPointer(output)});
  return success();
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

/// nn.clamp (not fused into its producer) -> clamp_*.
static LogicalResult emitClamp(nn::ClampOp op, FunctionWriter &writer) {
  Value input = op.getInput(), output = op.getResult();
  float min = op.getMin().convertToFloat(), max = op.getMax().convertToFloat();
  std::string lo = formatFloat(min), hi = formatFloat(max);
  if (std::optional<QuantParams> params = getPerTensorParams(op.getType())) {
    lo = std::to_string(quantizeAway(min, *params));
    hi = std::to_string(quantizeAway(max, *params));
  } else if (kindOf(input) != ElementKind::F32) {
    return emitMixedError(op);
  }
  std::string kernel = writer.getSource().useKernel(
      kindOf(input) == ElementKind::F32 ? Kernel::ClampFloat
                                        : Kernel::ClampQuantized,
      getKindSuffix(kindOf(input)), {{"{T}", cTypeOf(input)}});
  emitCall(writer, kernel,
           {std::to_string(countOf(input)), lo, hi, writer.getPointer(input),
            writer.getPointer(output)});
  return success();
}

/// A real function that a quantized activation tabulates.
using RealFunction = std::function<double(double)>;

/// Quantized activations -> lookup_* with a 256-entry table of
/// sat(z_out + round_away(f(s_in (q - z_in)) / s_out)); float ones -> the
/// float kernel, called with `floatArgs` after the size.
static LogicalResult emitActivation(Operation *op, FunctionWriter &writer,
                                    const RealFunction &function,
                                    Kernel floatKernel,
                                    ArrayRef<std::string> floatArgs = {}) {
  std::string name = writer.getOpName(op);
  Value input = op->getOperand(0), output = op->getResult(0);
  std::optional<QuantParams> in = getPerTensorParams(input.getType());
  std::optional<QuantParams> out = getPerTensorParams(output.getType());
  std::string size = std::to_string(countOf(input));
  if (!in && !out && kindOf(input) == ElementKind::F32) {
    SmallVector<std::string> args = {size};
    args.append(floatArgs.begin(), floatArgs.end());
    args.push_back(writer.getPointer(input));
    args.push_back(writer.getPointer(output));
    emitCall(writer, writer.getSource().useKernel(floatKernel, "f32"), args);
    return success();
  }
  if (!in || !out)
    return emitMixedError(op);
  int64_t first = in->isSigned ? -128 : 0;
  SmallVector<int64_t> table;
  for (int64_t q = first; q < first + 256; ++q) {
    double real = in->scale * static_cast<double>(q - in->zeroPoint);
    table.push_back(quantizeAway(function(real), *out));
  }
  writeIntArray(writer.getSource().data(), cTypeOf(output), name + "_table",
                table);
  std::string kernel = writer.getSource().useKernel(
      Kernel::Lookup, getKernelSuffix({kindOf(input), kindOf(output)}),
      {{"{X}", cTypeOf(input)}, {"{Y}", cTypeOf(output)}});
  emitCall(writer, kernel,
           {size, name + "_table", std::to_string(-first),
            writer.getPointer(input), writer.getPointer(output)});
  return success();
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

/// Writes the channel_params of a (possibly per-channel) quantized tensor
/// `quantizedValue`, whose storage range bounds quantized results.
static void writeChannelParams(Value quantizedValue, StringRef name,
                               raw_ostream &data) {
  auto type = cast<RankedTensorType>(quantizedValue.getType());
  auto quantized = cast<quant::QuantizedType>(type.getElementType());
  int64_t outer = 1, channels = 1, inner = type.getNumElements();
  SmallVector<float> scales;
  SmallVector<int64_t> zeroPoints;
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(quantized)) {
    int64_t axis = perAxis.getQuantizedDimension();
    ArrayRef<int64_t> shape = type.getShape();
    outer = 1;
    for (int64_t d = 0; d < axis; ++d)
      outer *= shape[d];
    channels = shape[axis];
    inner = type.getNumElements() / (outer * channels);
    for (double scale : perAxis.getScales())
      scales.push_back(static_cast<float>(scale));
    zeroPoints.assign(perAxis.getZeroPoints().begin(),
                      perAxis.getZeroPoints().end());
  } else {
    auto uniform = cast<quant::UniformQuantizedType>(quantized);
    scales.push_back(static_cast<float>(uniform.getScale()));
    zeroPoints.push_back(uniform.getZeroPoint());
  }
  writeFloatArray(data, (name + "_scale").str(), scales);
  writeIntArray(data, "int32_t", (name + "_zero_point").str(), zeroPoints);
  StructWriter params("channel_params", name);
  params.field("outer", Twine(outer))
      .field("channels", Twine(channels))
      .field("inner", Twine(inner))
      .field("scale", name + "_scale")
      .field("zero_point", name + "_zero_point")
      .field("output_activation_min", Twine(quantized.getStorageTypeMin()))
      .field("output_activation_max", Twine(quantized.getStorageTypeMax()));
  params.write(data);
}

/// nn.quantize -> quantize_*.
static LogicalResult emitQuantize(nn::QuantizeOp op, FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  Value input = op.getInput(), output = op.getResult();
  writeChannelParams(output, name, writer.getSource().data());
  std::string kernel = writer.getSource().useKernel(
      Kernel::Quantize, getKindSuffix(kindOf(output)),
      {{"{Y}", cTypeOf(output)}});
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(output)});
  return success();
}

/// nn.dequantize -> dequantize_*.
static LogicalResult emitDequantize(nn::DequantizeOp op,
                                    FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  Value input = op.getInput(), output = op.getResult();
  writeChannelParams(input, name, writer.getSource().data());
  // 32-bit storage minus its zero point needs 64 bits.
  std::string wide = kindOf(input) == ElementKind::S32 ? "int64_t" : "int32_t";
  std::string kernel = writer.getSource().useKernel(
      Kernel::Dequantize, getKindSuffix(kindOf(input)),
      {{"{X}", cTypeOf(input)}, {"{ACC}", wide}});
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(output)});
  return success();
}

/// nn.requantize -> requantize_*.
static LogicalResult emitRequantize(nn::RequantizeOp op,
                                    FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  Value input = op.getInput(), output = op.getResult();
  std::optional<QuantParams> in = getPerTensorParams(input.getType());
  std::optional<QuantParams> out = getPerTensorParams(output.getType());
  if (!in || !out)
    return emitMixedError(op);
  StructWriter params("requantize_params", name);
  params.field("size", Twine(countOf(input)))
      .field("input_offset", Twine(-in->zeroPoint))
      .field("output_offset", Twine(out->zeroPoint));
  if (in->scale != out->scale) {
    QuantizedMultiplier m = quantizeMultiplier(in->scale / out->scale);
    params.field("rescale", "1")
        .field("output_multiplier", Twine(m.multiplier))
        .field("output_shift", Twine(m.shift));
  }
  params.field("output_activation_min", Twine(out->qmin))
      .field("output_activation_max", Twine(out->qmax));
  params.write(writer.getSource().data());
  std::string kernel = writer.getSource().useKernel(
      Kernel::Requantize, getKernelSuffix({kindOf(input), kindOf(output)}),
      {{"{X}", cTypeOf(input)}, {"{Y}", cTypeOf(output)}});
  emitCall(writer, kernel,
           {"&" + name, writer.getPointer(input), writer.getPointer(output)});
  return success();
}

std::optional<LogicalResult>
referencec::emitElementwiseOp(Operation *op, FunctionWriter &writer) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](nn::AddOp) { return emitBinary(op, /*isAdd=*/true, writer); })
      .Case([&](nn::MulOp) { return emitBinary(op, /*isAdd=*/false, writer); })
      .Case([&](nn::ClampOp clamp) { return emitClamp(clamp, writer); })
      .Case([&](nn::SigmoidOp) {
        return emitActivation(
            op, writer, [](double x) { return 1.0 / (1.0 + std::exp(-x)); },
            Kernel::SigmoidFloat);
      })
      .Case([&](nn::HardSigmoidOp hardSigmoid) {
        float alpha = hardSigmoid.getAlpha().convertToFloat();
        float beta = hardSigmoid.getBeta().convertToFloat();
        return emitActivation(
            op, writer,
            [=](double x) {
              return std::max(0.0,
                              std::min(1.0, static_cast<double>(alpha) * x +
                                                static_cast<double>(beta)));
            },
            Kernel::HardSigmoidFloat, {formatFloat(alpha), formatFloat(beta)});
      })
      .Case([&](nn::HardSwishOp) {
        return emitActivation(
            op, writer,
            [](double x) {
              return x * std::min(std::max(x + 3.0, 0.0), 6.0) / 6.0;
            },
            Kernel::HardSwishFloat);
      })
      .Case([&](nn::QuantizeOp quantize) {
        return emitQuantize(quantize, writer);
      })
      .Case([&](nn::DequantizeOp dequantize) {
        return emitDequantize(dequantize, writer);
      })
      .Case([&](nn::RequantizeOp requantize) {
        return emitRequantize(requantize, writer);
      })
      .Default([](Operation *) { return std::nullopt; });
}
