//===- QuantImporters.cpp - QuantizeLinear and DequantizeLinear -----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// QDQ graphs are translated literally: QuantizeLinear becomes nn.quantize,
// DequantizeLinear nn.dequantize, with `!quant.uniform` types built from the
// scale and zero-point constants. A DequantizeLinear of a constant becomes an
// nn.constant of the stored integers (with the quantized type) followed by
// nn.dequantize. Fusing the resulting islands into quantized operators is the
// job of nn-fuse-quantization.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Support/ShapeUtils.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "onnx/onnx_pb.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::onnx_import;

namespace {
/// The quantization that a QuantizeLinear / DequantizeLinear node describes.
struct QuantParams {
  /// One scale per tensor, or one per index of `axis`.
  SmallVector<double, 1> scales;
  /// The zero points, one per scale.
  SmallVector<int64_t, 1> zeroPoints;
  /// The quantized dimension of per-axis quantization.
  std::optional<int32_t> axis;
  /// The ONNX storage type: INT8, UINT8 or INT32.
  int32_t storage = onnx::TensorProto::UINT8;
};
} // namespace

/// Returns the bit width of an ONNX storage type.
static unsigned getStorageWidth(int32_t storage) {
  return storage == onnx::TensorProto::INT32 ? 32 : 8;
}

/// Returns true if an ONNX storage type is signed.
static bool isSignedStorage(int32_t storage) {
  return storage != onnx::TensorProto::UINT8;
}

/// Returns the ONNX storage type of a quantized element type, or 0.
static int32_t getStorageDataType(quant::QuantizedType type) {
  unsigned width = type.getStorageTypeIntegralWidth();
  if (width == 32 && type.isSigned())
    return onnx::TensorProto::INT32;
  if (width == 8)
    return type.isSigned() ? onnx::TensorProto::INT8 : onnx::TensorProto::UINT8;
  return 0;
}

/// Reads the zero points (input 2) of `node` into `params`, checking them
/// against the storage type `storage` (if known).
static LogicalResult readZeroPoints(GraphImporter &importer,
                                    const onnx::NodeProto &node,
                                    std::optional<int32_t> storage,
                                    QuantParams &params) {
  const HostTensor *zeroPoint = nullptr;
  if (importer.hasInput(node, 2)) {
    auto read = importer.requireHostInput(node, 2, "zero point");
    if (failed(read))
      return failure();
    zeroPoint = *read;
  }
  params.storage = storage.value_or(zeroPoint ? zeroPoint->dataType
                                              : onnx::TensorProto::UINT8);
  if (params.storage != onnx::TensorProto::INT8 &&
      params.storage != onnx::TensorProto::UINT8 &&
      params.storage != onnx::TensorProto::INT32)
    return importer.emitNodeError(node)
           << "quantized type " << getDataTypeName(params.storage)
           << " is not supported (INT8, UINT8 or INT32)";
  if (!zeroPoint) {
    params.zeroPoints.assign(params.scales.size(), 0);
    return success();
  }
  if (zeroPoint->dataType != params.storage)
    return importer.emitNodeError(node)
           << "the zero point is " << getDataTypeName(zeroPoint->dataType)
           << " but the quantized tensor is "
           << getDataTypeName(params.storage);
  if (zeroPoint->getNumElements() != static_cast<int64_t>(params.scales.size()))
    return importer.emitNodeError(node)
           << "the zero point must have as many elements as the scale";
  params.zeroPoints.assign(zeroPoint->ints.begin(), zeroPoint->ints.end());
  return success();
}

/// Reads the scale, zero point and axis of `node` for a tensor of `shape`.
/// `storage` is the ONNX type of the quantized tensor when it is known.
static FailureOr<QuantParams> readQuantParams(GraphImporter &importer,
                                              const onnx::NodeProto &node,
                                              ArrayRef<int64_t> shape,
                                              std::optional<int32_t> storage) {
  FailureOr<const HostTensor *> scale =
      importer.requireHostInput(node, 1, "scale");
  if (failed(scale))
    return failure();
  if ((*scale)->dataType != onnx::TensorProto::FLOAT ||
      (*scale)->shape.size() > 1 || (*scale)->getNumElements() == 0)
    return importer.emitNodeError(node)
           << "the scale must be a FLOAT scalar or 1-D tensor";
  QuantParams params;
  for (float value : (*scale)->floats) {
    if (!std::isfinite(value) || value <= 0.0f)
      return importer.emitNodeError(node)
             << "scale " << value << " is not positive and finite";
    params.scales.push_back(value);
  }
  if (params.scales.size() > 1) {
    FailureOr<int64_t> axisAttr = getIntAttribute(importer, node, "axis", 1);
    if (failed(axisAttr))
      return failure();
    std::optional<int64_t> axis = normalizeAxis(*axisAttr, shape.size());
    if (!axis)
      return importer.emitNodeError(node)
             << "axis " << *axisAttr << " is out of range for rank "
             << shape.size();
    if (shape[*axis] != static_cast<int64_t>(params.scales.size()))
      return importer.emitNodeError(node)
             << "per-axis quantization along axis " << *axis << " of size "
             << shape[*axis] << " needs as many scales, got "
             << params.scales.size();
    params.axis = static_cast<int32_t>(*axis);
  }
  if (failed(readZeroPoints(importer, node, storage, params)))
    return failure();
  return params;
}

/// Returns the `!quant.uniform` element type of `params`, or null after a
/// diagnostic.
static Type getQuantizedType(GraphImporter &importer,
                             const onnx::NodeProto &node,
                             const QuantParams &params) {
  MLIRContext *context = importer.getContext();
  bool isSigned = isSignedStorage(params.storage);
  unsigned width = getStorageWidth(params.storage);
  unsigned flags = isSigned ? quant::QuantizationFlags::Signed : 0;
  Type storageType = IntegerType::get(context, width);
  Type expressed = Float32Type::get(context);
  int64_t min =
      quant::QuantizedType::getDefaultMinimumForInteger(isSigned, width);
  int64_t max =
      quant::QuantizedType::getDefaultMaximumForInteger(isSigned, width);
  for (int64_t zeroPoint : params.zeroPoints)
    if (zeroPoint < min || zeroPoint > max) {
      importer.emitNodeError(node)
          << "zero point " << zeroPoint << " is outside [" << min << ", " << max
          << "]";
      return Type();
    }
  auto emitDiag = [&] { return importer.emitNodeError(node); };
  if (!params.axis)
    return quant::UniformQuantizedType::getChecked(
        emitDiag, flags, storageType, expressed, params.scales.front(),
        params.zeroPoints.front(), min, max);
  return quant::UniformQuantizedPerAxisType::getChecked(
      emitDiag, flags, storageType, expressed, params.scales, params.zeroPoints,
      *params.axis, min, max);
}

/// Imports QuantizeLinear of an f32 value as nn.quantize.
static LogicalResult importQuantizeLinear(GraphImporter &importer,
                                          const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  if (!cast<RankedTensorType>(input->getType()).getElementType().isF32())
    return importer.emitNodeError(node) << "the input must be FLOAT";
  ArrayRef<int64_t> shape = getShape(*input);
  FailureOr<QuantParams> params =
      readQuantParams(importer, node, shape, std::nullopt);
  if (failed(params))
    return failure();
  if (params->storage == onnx::TensorProto::INT32)
    return importer.emitNodeError(node) << "INT32 outputs are not supported";
  Type element = getQuantizedType(importer, node, *params);
  if (!element)
    return failure();
  importer.setOutput(
      node, 0,
      nn::QuantizeOp::create(importer.getBuilder(), importer.getLoc(node),
                             RankedTensorType::get(shape, element), *input));
  return success();
}

/// Imports DequantizeLinear of a constant: nn.constant of the stored
/// integers with the quantized type, then nn.dequantize.
static LogicalResult importDequantizeConstant(GraphImporter &importer,
                                              const onnx::NodeProto &node,
                                              const HostTensor &input) {
  if (input.dataType != onnx::TensorProto::INT8 &&
      input.dataType != onnx::TensorProto::UINT8 &&
      input.dataType != onnx::TensorProto::INT32)
    return importer.emitNodeError(node)
           << "cannot dequantize a constant of type "
           << getDataTypeName(input.dataType);
  FailureOr<QuantParams> params =
      readQuantParams(importer, node, input.shape, input.dataType);
  if (failed(params))
    return failure();
  Type element = getQuantizedType(importer, node, *params);
  if (!element)
    return failure();
  OpBuilder &builder = importer.getBuilder();
  Location loc = importer.getLoc(node);
  DenseElementsAttr stored = getIntegerAttr(
      input, getStorageWidth(params->storage), importer.getContext());
  Value constant = nn::ConstantOp::create(
      builder, loc, RankedTensorType::get(input.shape, element), stored);
  Value dequantized = nn::DequantizeOp::create(
      builder, loc, RankedTensorType::get(input.shape, builder.getF32Type()),
      constant);
  importer.setOutput(node, 0, dequantized, /*isConstant=*/true);
  return success();
}

/// Imports DequantizeLinear: of a constant, or of a quantized value whose
/// type must match the node's scale and zero point.
static LogicalResult importDequantizeLinear(GraphImporter &importer,
                                            const onnx::NodeProto &node) {
  if (const HostTensor *host = importer.getHostInput(node, 0))
    return importDequantizeConstant(importer, node, *host);
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  auto type = cast<RankedTensorType>(input->getType());
  auto quantized = dyn_cast<quant::QuantizedType>(type.getElementType());
  int32_t storage = quantized ? getStorageDataType(quantized) : 0;
  if (!storage)
    return importer.emitNodeError(node)
           << "the input must be a quantized tensor (the result of "
              "QuantizeLinear), got "
           << type;
  FailureOr<QuantParams> params =
      readQuantParams(importer, node, type.getShape(), storage);
  if (failed(params))
    return failure();
  Type element = getQuantizedType(importer, node, *params);
  if (!element)
    return failure();
  if (element != quantized)
    return importer.emitNodeError(node)
           << "scale and zero point describe " << element
           << " but the input is " << quantized;
  importer.setOutput(
      node, 0,
      nn::DequantizeOp::create(
          importer.getBuilder(), importer.getLoc(node),
          RankedTensorType::get(type.getShape(),
                                importer.getBuilder().getF32Type()),
          *input),
      importer.isConstantInput(node, 0));
  return success();
}

FailureOr<HostTensor>
morsel::onnx_import::quantizeOnHost(GraphImporter &importer,
                                    const onnx::NodeProto &node,
                                    const HostTensor &input) {
  if (input.dataType != onnx::TensorProto::FLOAT)
    return importer.emitNodeError(node) << "the input must be FLOAT";
  FailureOr<QuantParams> params =
      readQuantParams(importer, node, input.shape, std::nullopt);
  if (failed(params))
    return failure();
  if (params->storage == onnx::TensorProto::INT32)
    return importer.emitNodeError(node) << "INT32 outputs are not supported";
  bool isSigned = isSignedStorage(params->storage);
  int64_t min = isSigned ? -128 : 0, max = isSigned ? 127 : 255;
  int64_t stride = 1, channels = 1;
  if (params->axis) {
    stride = getStrides(input.shape)[*params->axis];
    channels = input.shape[*params->axis];
  }
  HostTensor result;
  result.dataType = params->storage;
  result.shape = input.shape;
  for (int64_t i = 0, e = input.getNumElements(); i < e; ++i) {
    int64_t channel = (i / stride) % channels;
    float scaled =
        input.floats[i] / static_cast<float>(params->scales[channel]);
    float rounded = std::isnan(scaled) ? 0.0f : std::rint(scaled);
    double value =
        std::clamp<double>(rounded + params->zeroPoints[channel], min, max);
    result.ints.push_back(static_cast<int64_t>(value));
  }
  return result;
}

void morsel::onnx_import::addQuantImporters(NodeImporterTable &table) {
  table["QuantizeLinear"] = importQuantizeLinear;
  table["DequantizeLinear"] = importDequantizeLinear;
}
