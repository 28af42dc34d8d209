//===- TosaToNNUtils.cpp - Helpers of the TOSA to nn conversion -----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "TosaToNNUtils.h"

#include "morsel/Dialect/NN/IR/NNOps.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::tosa_to_nn;

/// Relative tolerance between a rescale's real scale (a 31-bit mantissa and a
/// shift) and the ratio of quantization scales nn recomputes: frontends
/// derive the former from the latter, so they differ by rounding only.
static constexpr double kScaleRatioTolerance = 1e-6;

Reason tosa_to_nn::captureReason(MLIRContext *context,
                                 function_ref<LogicalResult()> check) {
  std::string message;
  ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  if (succeeded(check()))
    return std::nullopt;
  return message;
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

RankedTensorType tosa_to_nn::getStaticTensorType(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return {};
  return type;
}

bool tosa_to_nn::isF32Tensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType().isF32();
}

quant::QuantizedType tosa_to_nn::getQuantized8Type(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return {};
  auto quantized = dyn_cast<quant::QuantizedType>(tensor.getElementType());
  if (!quantized || quantized.getStorageTypeIntegralWidth() != 8 ||
      !quantized.getExpressedType().isF32() ||
      !isa<quant::UniformQuantizedType, quant::UniformQuantizedPerAxisType>(
          quantized))
    return {};
  return quantized;
}

quant::UniformQuantizedType tosa_to_nn::getActivationQuantType(Type type) {
  return dyn_cast_or_null<quant::UniformQuantizedType>(getQuantized8Type(type));
}

Reason tosa_to_nn::checkStaticShapes(Operation *op) {
  auto check = [](Type type) -> Reason {
    auto tensor = dyn_cast<TensorType>(type);
    if (tensor && !tensor.hasStaticShape())
      return because("an operand or result has the dynamic or unranked "
                     "type ",
                     type, "; nn needs static shapes");
    return std::nullopt;
  };
  for (Type type : op->getOperandTypes())
    if (Reason why = check(type))
      return why;
  for (Type type : op->getResultTypes())
    if (Reason why = check(type))
      return why;
  return std::nullopt;
}

std::string tosa_to_nn::explainElementType(Type type) {
  Type element = cast<ShapedType>(type).getElementType();
  if (isa<IntegerType>(element))
    return because(
        "is ", type,
        ", a plain integer tensor without quantization scales; nn needs "
        "!quant.uniform types, and tosa.rescale multipliers only give ratios "
        "of scales, so the scales cannot be recovered (keep the frontend's "
        "quantized types)");
  if (auto quantized = dyn_cast<quant::QuantizedType>(element))
    return because("is ", type,
                   "; nn supports 8-bit quantized types expressing f32");
  return because("is ", type,
                 "; nn supports f32 and 8-bit quantized "
                 "tensors");
}

Reason tosa_to_nn::checkSameActivationKind(ValueRange values) {
  std::optional<bool> quantized;
  for (Value value : values) {
    Type type = value.getType();
    bool isQuantized = static_cast<bool>(getActivationQuantType(type));
    if (!isQuantized && !isF32Tensor(type)) {
      if (getQuantized8Type(type))
        return because("an operand or result is ", type,
                       "; nn needs per-tensor quantization for activations");
      return "an operand or result " + explainElementType(type);
    }
    if (quantized && *quantized != isQuantized)
      return std::string("mixes f32 and quantized tensors");
    quantized = isQuantized;
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

ElementsAttr tosa_to_nn::getConstantElements(Value value) {
  if (auto constant = value.getDefiningOp<tosa::ConstOp>())
    return constant.getValues();
  if (auto constant = value.getDefiningOp<nn::ConstantOp>())
    return constant.getValue();
  return {};
}

std::optional<int64_t> tosa_to_nn::getConstantInt(Value value,
                                                  bool isUnsigned) {
  auto elements =
      dyn_cast_or_null<DenseIntElementsAttr>(getConstantElements(value));
  if (!elements || elements.getNumElements() != 1)
    return std::nullopt;
  APInt v = *elements.begin();
  return isUnsigned ? static_cast<int64_t>(v.getZExtValue()) : v.getSExtValue();
}

Reason tosa_to_nn::checkFloatZeroPoint(Value zeroPoint, StringRef name) {
  auto elements =
      dyn_cast_or_null<DenseFPElementsAttr>(getConstantElements(zeroPoint));
  if (!elements || elements.getNumElements() != 1)
    return because("the ", name, " is not a constant");
  if (!(*elements.begin()).isZero())
    return because("the ", name, " must be 0 for float tensors");
  return std::nullopt;
}

Reason tosa_to_nn::checkZeroPoint(Value zeroPoint, StringRef name,
                                  int64_t expected, bool isUnsigned) {
  std::optional<int64_t> actual = getConstantInt(zeroPoint, isUnsigned);
  if (!actual)
    return because("the ", name, " is not a constant");
  if (*actual != expected)
    return because("the ", name, " is ", *actual,
                   " but the quantized type states ", expected);
  return std::nullopt;
}

DenseElementsAttr tosa_to_nn::permuteElements(DenseElementsAttr attr,
                                              ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(attr.getType());
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> permuted;
  for (int64_t dim : perm)
    permuted.push_back(shape[dim]);
  auto resultType = RankedTensorType::get(permuted, type.getElementType());
  if (attr.isSplat())
    return attr.resizeSplat(resultType);

  // Row-major strides of the input, visited in the order of the result.
  int64_t rank = shape.size();
  SmallVector<int64_t> strides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  SmallVector<Attribute> values(attr.getValues<Attribute>());
  SmallVector<Attribute> result;
  result.reserve(values.size());
  SmallVector<int64_t> index(rank, 0);
  for (size_t n = 0; n < values.size(); ++n) {
    int64_t offset = 0;
    for (int64_t k = 0; k < rank; ++k)
      offset += index[k] * strides[perm[k]];
    result.push_back(values[offset]);
    for (int64_t k = rank - 1; k >= 0; --k) {
      if (++index[k] < permuted[k])
        break;
      index[k] = 0;
    }
  }
  return DenseElementsAttr::get(resultType, result);
}

Type tosa_to_nn::withQuantizedDimension(Type type, int32_t axis) {
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type);
  if (!perAxis)
    return type;
  return quant::UniformQuantizedPerAxisType::get(
      perAxis.getFlags(), perAxis.getStorageType(), perAxis.getExpressedType(),
      perAxis.getScales(), perAxis.getZeroPoints(), axis,
      perAxis.getStorageTypeMin(), perAxis.getStorageTypeMax());
}

//===----------------------------------------------------------------------===//
// Rescale
//===----------------------------------------------------------------------===//

/// Reads the integers of a constant 1-D tensor.
static std::optional<SmallVector<int64_t>> getConstantInts(Value value) {
  auto elements =
      dyn_cast_or_null<DenseIntElementsAttr>(getConstantElements(value));
  if (!elements)
    return std::nullopt;
  SmallVector<int64_t> result;
  for (const APInt &v : elements)
    result.push_back(v.getSExtValue());
  return result;
}

Reason tosa_to_nn::readRescale(tosa::RescaleOp op, RescaleScales &result) {
  if (!op.getScale32())
    return std::string("uses a 16-bit multiplier (scale32 = false); nn "
                       "requantizes with 32-bit multipliers");
  if (op.getRoundingMode() != tosa::RoundingMode::DOUBLE_ROUND)
    return because("uses rounding_mode ",
                   tosa::stringifyRoundingMode(op.getRoundingMode()),
                   "; nn requantizes with TFLite's double rounding, which "
                   "TOSA expresses as DOUBLE_ROUND");
  std::optional<SmallVector<int64_t>> multipliers =
      getConstantInts(op.getMultiplier());
  std::optional<SmallVector<int64_t>> shifts = getConstantInts(op.getShift());
  if (!multipliers || !shifts || multipliers->size() != shifts->size())
    return std::string("has multipliers or shifts that are not constants");
  std::optional<int64_t> inputZp =
      getConstantInt(op.getInputZp(), op.getInputUnsigned());
  std::optional<int64_t> outputZp =
      getConstantInt(op.getOutputZp(), op.getOutputUnsigned());
  if (!inputZp || !outputZp)
    return std::string("has zero points that are not constants");
  result.scales.clear();
  for (auto [multiplier, shift] : llvm::zip(*multipliers, *shifts))
    result.scales.push_back(
        std::ldexp(static_cast<double>(multiplier), -static_cast<int>(shift)));
  result.inputZeroPoint = *inputZp;
  result.outputZeroPoint = *outputZp;
  return std::nullopt;
}

Reason tosa_to_nn::checkScaleRatio(StringRef what, double actual,
                                   double expected) {
  if (std::abs(actual - expected) <= kScaleRatioTolerance * expected)
    return std::nullopt;
  return because("rescales ", what, " by ", actual,
                 " but the quantized types give ", expected,
                 "; the types and the multipliers disagree");
}

tosa::RescaleOp tosa_to_nn::getSingleRescaleUser(Value value) {
  if (!value.hasOneUse())
    return {};
  return dyn_cast<tosa::RescaleOp>(*value.getUsers().begin());
}

Reason
tosa_to_nn::checkAccumulatorRescale(Value acc, int64_t channels,
                                    function_ref<double(int64_t)> accScale) {
  tosa::RescaleOp rescale = getSingleRescaleUser(acc);
  if (!rescale)
    return std::string("produces an int32 accumulator that is not used by "
                       "exactly one tosa.rescale to 8 bits");
  auto output = getActivationQuantType(rescale.getType());
  if (!output || !getStaticTensorType(rescale.getOutput()))
    return because("is requantized to ", rescale.getType(),
                   ", not a static tensor of per-tensor 8-bit quantized "
                   "values");
  if (rescale.getInputUnsigned() ||
      rescale.getOutputUnsigned() == output.isSigned())
    return std::string("is requantized with input_unsigned/output_unsigned "
                       "flags that contradict the quantized types");
  RescaleScales scales;
  if (Reason why = readRescale(rescale, scales))
    return because("is requantized by a tosa.rescale that ", *why);
  if (scales.inputZeroPoint != 0)
    return std::string("is requantized with a non-zero input zero point");
  if (scales.outputZeroPoint != output.getZeroPoint())
    return because("is requantized to zero point ", scales.outputZeroPoint,
                   " but the result type states ", output.getZeroPoint());
  int64_t count = scales.scales.size();
  if (count != 1 && count != channels)
    return because("is requantized with ", count, " multipliers for ", channels,
                   " channels");
  for (int64_t c = 0; c < channels; ++c) {
    double actual = scales.scales[count == 1 ? 0 : c];
    if (Reason why = checkScaleRatio(because("output channel ", c), actual,
                                     accScale(c) / output.getScale()))
      return why;
  }
  return std::nullopt;
}
