//===- HostTensor.cpp - ONNX tensors known at import time -----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "HostTensor.h"

#include "morsel/Support/ShapeUtils.h"

#include "mlir/IR/BuiltinTypes.h"
#include "onnx/onnx_pb.h"

#include <cmath>
#include <cstring>
#include <limits>

using namespace mlir;
using namespace morsel;
using namespace morsel::onnx_import;

using DataType = onnx::TensorProto_DataType;

//===----------------------------------------------------------------------===//
// Data types
//===----------------------------------------------------------------------===//

bool morsel::onnx_import::isFloatDataType(int32_t dataType) {
  return dataType == onnx::TensorProto::FLOAT ||
         dataType == onnx::TensorProto::DOUBLE;
}

/// Returns the size in bytes of one element of a supported data type in
/// `raw_data`, or 0 for an unsupported one.
static size_t getRawElementSize(int32_t dataType) {
  switch (dataType) {
  case onnx::TensorProto::BOOL:
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::UINT8:
    return 1;
  case onnx::TensorProto::INT16:
  case onnx::TensorProto::UINT16:
    return 2;
  case onnx::TensorProto::FLOAT:
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::UINT32:
    return 4;
  case onnx::TensorProto::DOUBLE:
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::UINT64:
    return 8;
  default:
    return 0;
  }
}

bool morsel::onnx_import::isSupportedDataType(int32_t dataType) {
  return getRawElementSize(dataType) != 0;
}

std::string morsel::onnx_import::getDataTypeName(int32_t dataType) {
  if (!onnx::TensorProto_DataType_IsValid(dataType))
    return "data type " + std::to_string(dataType);
  return onnx::TensorProto_DataType_Name(static_cast<DataType>(dataType));
}

//===----------------------------------------------------------------------===//
// HostTensor
//===----------------------------------------------------------------------===//

bool HostTensor::isFloat() const { return isFloatDataType(dataType); }

int64_t HostTensor::getNumElements() const {
  return isFloat() ? static_cast<int64_t>(floats.size())
                   : static_cast<int64_t>(ints.size());
}

double HostTensor::getAsDouble(int64_t index) const {
  return isFloat() ? static_cast<double>(floats[index])
                   : static_cast<double>(ints[index]);
}

int64_t HostTensor::getAsInt(int64_t index) const {
  if (!isFloat())
    return ints[index];
  double value = std::trunc(static_cast<double>(floats[index]));
  if (std::isnan(value))
    return 0;
  if (value >= 9.2233720368547758e18)
    return std::numeric_limits<int64_t>::max();
  if (value <= -9.2233720368547758e18)
    return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(value);
}

llvm::Expected<HostTensor>
morsel::onnx_import::makeHostTensor(int32_t dataType, ArrayRef<int64_t> shape) {
  std::optional<int64_t> count = getElementCount(shape);
  if (!count)
    return llvm::createStringError("has invalid dimensions " +
                                   formatShape(shape));
  if (*count > kMaxHostElements)
    return llvm::createStringError(
        "has " + std::to_string(*count) +
        " elements, more than the importer evaluates on the host (" +
        std::to_string(kMaxHostElements) + ")");
  HostTensor tensor;
  tensor.dataType = dataType;
  tensor.shape.assign(shape.begin(), shape.end());
  if (tensor.isFloat())
    tensor.floats.assign(*count, 0.0f);
  else
    tensor.ints.assign(*count, 0);
  return tensor;
}

//===----------------------------------------------------------------------===//
// Reading TensorProto
//===----------------------------------------------------------------------===//

/// Decodes `count` little-endian elements of `dataType` from `raw` into
/// `tensor`.
static void decodeRawData(const std::string &raw, int32_t dataType,
                          int64_t count, HostTensor &tensor) {
  const char *bytes = raw.data();
  auto load = [&](auto sample, int64_t index) {
    decltype(sample) value;
    std::memcpy(&value, bytes + index * sizeof(value), sizeof(value));
    return value;
  };
  for (int64_t i = 0; i < count; ++i) {
    switch (dataType) {
    case onnx::TensorProto::FLOAT:
      tensor.floats[i] = load(float(), i);
      break;
    case onnx::TensorProto::DOUBLE:
      tensor.floats[i] = static_cast<float>(load(double(), i));
      break;
    case onnx::TensorProto::BOOL:
      tensor.ints[i] = load(uint8_t(), i) != 0;
      break;
    case onnx::TensorProto::INT8:
      tensor.ints[i] = load(int8_t(), i);
      break;
    case onnx::TensorProto::UINT8:
      tensor.ints[i] = load(uint8_t(), i);
      break;
    case onnx::TensorProto::INT16:
      tensor.ints[i] = load(int16_t(), i);
      break;
    case onnx::TensorProto::UINT16:
      tensor.ints[i] = load(uint16_t(), i);
      break;
    case onnx::TensorProto::INT32:
      tensor.ints[i] = load(int32_t(), i);
      break;
    case onnx::TensorProto::UINT32:
      tensor.ints[i] = load(uint32_t(), i);
      break;
    case onnx::TensorProto::INT64:
      tensor.ints[i] = load(int64_t(), i);
      break;
    case onnx::TensorProto::UINT64:
      tensor.ints[i] = static_cast<int64_t>(load(uint64_t(), i));
      break;
    default:
      break;
    }
  }
}

/// Returns the number of values a TensorProto stores in its typed field for
/// `dataType`.
static int64_t getTypedFieldSize(const onnx::TensorProto &proto,
                                 int32_t dataType) {
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
    return proto.float_data_size();
  case onnx::TensorProto::DOUBLE:
    return proto.double_data_size();
  case onnx::TensorProto::INT64:
    return proto.int64_data_size();
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
    return proto.uint64_data_size();
  default:
    return proto.int32_data_size();
  }
}

/// Copies the typed field of a TensorProto into `tensor`.
static void decodeTypedData(const onnx::TensorProto &proto, int32_t dataType,
                            int64_t count, HostTensor &tensor) {
  for (int64_t i = 0; i < count; ++i) {
    switch (dataType) {
    case onnx::TensorProto::FLOAT:
      tensor.floats[i] = proto.float_data(i);
      break;
    case onnx::TensorProto::DOUBLE:
      tensor.floats[i] = static_cast<float>(proto.double_data(i));
      break;
    case onnx::TensorProto::INT64:
      tensor.ints[i] = proto.int64_data(i);
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      tensor.ints[i] = static_cast<int64_t>(proto.uint64_data(i));
      break;
    case onnx::TensorProto::INT8:
      tensor.ints[i] = static_cast<int8_t>(proto.int32_data(i));
      break;
    case onnx::TensorProto::UINT8:
      tensor.ints[i] = static_cast<uint8_t>(proto.int32_data(i));
      break;
    case onnx::TensorProto::BOOL:
      tensor.ints[i] = proto.int32_data(i) != 0;
      break;
    default:
      tensor.ints[i] = proto.int32_data(i);
      break;
    }
  }
}

llvm::Expected<HostTensor>
morsel::onnx_import::readTensorProto(const onnx::TensorProto &proto) {
  if (proto.data_location() == onnx::TensorProto::EXTERNAL ||
      proto.external_data_size() > 0)
    return llvm::createStringError(
        "stores its data in an external file, which the importer does not "
        "support (save the model with the data inside the .onnx file)");
  if (proto.has_segment())
    return llvm::createStringError("is segmented, which is not supported");
  int32_t dataType = proto.data_type();
  if (!isSupportedDataType(dataType))
    return llvm::createStringError("has unsupported element type " +
                                   getDataTypeName(dataType));
  SmallVector<int64_t, 4> shape(proto.dims().begin(), proto.dims().end());
  llvm::Expected<HostTensor> tensor = makeHostTensor(dataType, shape);
  if (!tensor)
    return tensor.takeError();
  int64_t count = tensor->getNumElements();
  if (proto.has_raw_data()) {
    size_t elementSize = getRawElementSize(dataType);
    const std::string &raw = proto.raw_data();
    if (raw.size() != static_cast<uint64_t>(count) * elementSize)
      return llvm::createStringError(
          "holds " + std::to_string(raw.size()) + " bytes of data but its " +
          getDataTypeName(dataType) + " dimensions " + formatShape(shape) +
          " need " + std::to_string(count * elementSize));
    decodeRawData(raw, dataType, count, *tensor);
    return tensor;
  }
  int64_t stored = getTypedFieldSize(proto, dataType);
  if (stored != count)
    return llvm::createStringError(
        "holds " + std::to_string(stored) + " values but its dimensions " +
        formatShape(shape) + " need " + std::to_string(count));
  decodeTypedData(proto, dataType, count, *tensor);
  return tensor;
}

//===----------------------------------------------------------------------===//
// Index arithmetic
//===----------------------------------------------------------------------===//

SmallVector<int64_t, 4>
morsel::onnx_import::getStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t, 4> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

HostTensor morsel::onnx_import::gatherElements(const HostTensor &source,
                                               ArrayRef<int64_t> shape,
                                               ArrayRef<int64_t> indices) {
  HostTensor result;
  result.dataType = source.dataType;
  result.shape.assign(shape.begin(), shape.end());
  if (source.isFloat()) {
    result.floats.reserve(indices.size());
    for (int64_t index : indices)
      result.floats.push_back(source.floats[index]);
  } else {
    result.ints.reserve(indices.size());
    for (int64_t index : indices)
      result.ints.push_back(source.ints[index]);
  }
  return result;
}

/// Calls `visit(outputIndex, multiIndex)` for every element of `shape` in
/// row-major order.
template <typename Fn>
static void forEachIndex(ArrayRef<int64_t> shape, Fn visit) {
  int64_t count = getElementCount(shape).value_or(0);
  SmallVector<int64_t, 4> index(shape.size(), 0);
  for (int64_t flat = 0; flat < count; ++flat) {
    visit(flat, ArrayRef<int64_t>(index));
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
}

HostTensor morsel::onnx_import::transposeHost(const HostTensor &source,
                                              ArrayRef<int64_t> perm) {
  SmallVector<int64_t, 4> shape;
  for (int64_t dim : perm)
    shape.push_back(source.shape[dim]);
  SmallVector<int64_t, 4> sourceStrides = getStrides(source.shape);
  std::vector<int64_t> indices(source.getNumElements());
  forEachIndex(shape, [&](int64_t flat, ArrayRef<int64_t> index) {
    int64_t offset = 0;
    for (size_t k = 0; k < perm.size(); ++k)
      offset += index[k] * sourceStrides[perm[k]];
    indices[flat] = offset;
  });
  return gatherElements(source, shape, indices);
}

HostTensor morsel::onnx_import::sliceHost(const HostTensor &source,
                                          ArrayRef<int64_t> offsets,
                                          ArrayRef<int64_t> sizes,
                                          ArrayRef<int64_t> strides) {
  SmallVector<int64_t, 4> sourceStrides = getStrides(source.shape);
  std::vector<int64_t> indices(getElementCount(sizes).value_or(0));
  forEachIndex(sizes, [&](int64_t flat, ArrayRef<int64_t> index) {
    int64_t position = 0;
    for (size_t d = 0; d < sizes.size(); ++d)
      position += (offsets[d] + index[d] * strides[d]) * sourceStrides[d];
    indices[flat] = position;
  });
  return gatherElements(source, sizes, indices);
}

std::vector<int64_t>
morsel::onnx_import::getBroadcastIndices(ArrayRef<int64_t> sourceShape,
                                         ArrayRef<int64_t> resultShape) {
  SmallVector<int64_t, 4> sourceStrides = getStrides(sourceShape);
  size_t offset = resultShape.size() - sourceShape.size();
  std::vector<int64_t> indices(getElementCount(resultShape).value_or(0));
  forEachIndex(resultShape, [&](int64_t flat, ArrayRef<int64_t> index) {
    int64_t position = 0;
    for (size_t d = 0; d < sourceShape.size(); ++d)
      if (sourceShape[d] != 1)
        position += index[offset + d] * sourceStrides[d];
    indices[flat] = position;
  });
  return indices;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

DenseElementsAttr morsel::onnx_import::getFloatAttr(const HostTensor &tensor,
                                                    MLIRContext *context) {
  auto type = RankedTensorType::get(tensor.shape, Float32Type::get(context));
  return DenseElementsAttr::get(type, ArrayRef<float>(tensor.floats));
}

DenseElementsAttr morsel::onnx_import::getIntegerAttr(const HostTensor &tensor,
                                                      unsigned bitWidth,
                                                      MLIRContext *context) {
  auto type =
      RankedTensorType::get(tensor.shape, IntegerType::get(context, bitWidth));
  SmallVector<APInt> values;
  values.reserve(tensor.ints.size());
  for (int64_t value : tensor.ints)
    values.push_back(APInt(bitWidth, static_cast<uint64_t>(value),
                           /*isSigned=*/false, /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, values);
}
