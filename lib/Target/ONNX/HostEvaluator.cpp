//===- HostEvaluator.cpp - Folding of constant ONNX subgraphs -------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Exporters compute shapes, pads and quantized biases with small subgraphs of
// Shape, Gather, Concat, Cast, arithmetic and the like. When every input of
// such a node is known at import time the importer evaluates it here, on the
// host, so that it yields a constant instead of nn operations.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "morsel/Support/ShapeUtils.h"

#include "onnx/onnx_pb.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace morsel;
using namespace morsel::onnx_import;

bool morsel::onnx_import::canEvaluateOnHost(StringRef opType) {
  static const llvm::StringSet<> operators = {"Add",
                                              "Cast",
                                              "Concat",
                                              "Constant",
                                              "ConstantOfShape",
                                              "Div",
                                              "Equal",
                                              "Expand",
                                              "Flatten",
                                              "Gather",
                                              "Mul",
                                              "Neg",
                                              "QuantizeLinear",
                                              "Range",
                                              "Reshape",
                                              "Slice",
                                              "Squeeze",
                                              "Sub",
                                              "Transpose",
                                              "Unsqueeze",
                                              "Where"};
  return operators.contains(opType);
}

namespace {
/// The host inputs of one node, with the node for diagnostics.
struct HostNode {
  GraphImporter &importer;
  const onnx::NodeProto &node;
  ArrayRef<const HostTensor *> inputs;

  /// Returns input `index`, which must be present.
  FailureOr<const HostTensor *> input(int index) const {
    if (index >= static_cast<int>(inputs.size()) || !inputs[index])
      return importer.emitNodeError(node) << "needs input " << index;
    return inputs[index];
  }
  /// Starts a diagnostic about the node.
  InFlightDiagnostic error() const { return importer.emitNodeError(node); }
};
} // namespace

/// Returns `source` with a new shape (same element count).
static HostTensor withShape(const HostTensor &source, ArrayRef<int64_t> shape) {
  HostTensor result = source;
  result.shape.assign(shape.begin(), shape.end());
  return result;
}

/// Checks that a result of `shape` stays within the host size limit.
static LogicalResult checkResultSize(const HostNode &host,
                                     ArrayRef<int64_t> shape) {
  std::optional<int64_t> count = getElementCount(shape);
  if (!count || *count > kMaxHostElements)
    return host.error() << "the constant result of shape " << formatShape(shape)
                        << " is too large to evaluate at import time";
  return success();
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

/// Evaluates Constant (value, value_float(s), value_int(s)).
static FailureOr<HostTensor> evaluateConstant(const HostNode &host) {
  if (host.node.attribute_size() != 1)
    return host.error() << "needs exactly one attribute";
  const onnx::AttributeProto &attribute = host.node.attribute(0);
  HostTensor result;
  const std::string &name = attribute.name();
  if (name == "value") {
    llvm::Expected<HostTensor> tensor = readTensorProto(attribute.t());
    if (!tensor)
      return host.error() << "value " << llvm::toString(tensor.takeError());
    return std::move(*tensor);
  }
  if (name == "value_float" || name == "value_floats") {
    result.dataType = onnx::TensorProto::FLOAT;
    if (name == "value_float")
      result.floats.push_back(attribute.f());
    else
      result.floats.assign(attribute.floats().begin(),
                           attribute.floats().end());
    if (name == "value_floats")
      result.shape = {static_cast<int64_t>(result.floats.size())};
    return result;
  }
  if (name == "value_int" || name == "value_ints") {
    result.dataType = onnx::TensorProto::INT64;
    if (name == "value_int")
      result.ints.push_back(attribute.i());
    else
      result.ints.assign(attribute.ints().begin(), attribute.ints().end());
    if (name == "value_ints")
      result.shape = {static_cast<int64_t>(result.ints.size())};
    return result;
  }
  return host.error() << "attribute '" << name << "' is not supported";
}

/// Evaluates ConstantOfShape.
static FailureOr<HostTensor> evaluateConstantOfShape(const HostNode &host) {
  FailureOr<const HostTensor *> shape = host.input(0);
  if (failed(shape))
    return failure();
  if ((*shape)->isFloat() || (*shape)->shape.size() != 1 ||
      llvm::any_of((*shape)->ints, [](int64_t d) { return d < 0; }))
    return host.error() << "input must be a 1-D tensor of non-negative sizes";
  HostTensor fill;
  fill.dataType = onnx::TensorProto::FLOAT;
  fill.floats = {0.0f};
  if (const onnx::AttributeProto *value = findAttribute(host.node, "value")) {
    llvm::Expected<HostTensor> tensor = readTensorProto(value->t());
    if (!tensor)
      return host.error() << "value " << llvm::toString(tensor.takeError());
    if (tensor->getNumElements() != 1)
      return host.error() << "value must hold one element";
    fill = std::move(*tensor);
  }
  if (failed(checkResultSize(host, (*shape)->ints)))
    return failure();
  llvm::Expected<HostTensor> result =
      makeHostTensor(fill.dataType, (*shape)->ints);
  if (!result)
    return host.error() << "result " << llvm::toString(result.takeError());
  if (result->isFloat())
    result->floats.assign(result->floats.size(), fill.floats[0]);
  else
    result->ints.assign(result->ints.size(), fill.ints[0]);
  return std::move(*result);
}

/// Evaluates Range.
static FailureOr<HostTensor> evaluateRange(const HostNode &host) {
  FailureOr<const HostTensor *> start = host.input(0), limit = host.input(1),
                                delta = host.input(2);
  if (failed(start) || failed(limit) || failed(delta))
    return failure();
  if ((*start)->getNumElements() != 1 || (*limit)->getNumElements() != 1 ||
      (*delta)->getNumElements() != 1)
    return host.error() << "start, limit and delta must be scalars";
  double first = (*start)->getAsDouble(0), step = (*delta)->getAsDouble(0);
  double count = std::ceil(((*limit)->getAsDouble(0) - first) / step);
  if (step == 0 || !std::isfinite(count))
    return host.error() << "delta must be non-zero";
  int64_t size = static_cast<int64_t>(std::max(0.0, count));
  if (failed(checkResultSize(host, {size})))
    return failure();
  HostTensor result;
  result.dataType = (*start)->dataType;
  result.shape = {size};
  for (int64_t i = 0; i < size; ++i) {
    if (result.isFloat())
      result.floats.push_back(static_cast<float>(first + i * step));
    else
      result.ints.push_back((*start)->ints[0] + i * (*delta)->ints[0]);
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Casts and element-wise arithmetic
//===----------------------------------------------------------------------===//

/// Wraps an integer into the range of an ONNX integer type, as a C cast does.
static int64_t wrapInteger(int64_t value, int32_t dataType) {
  switch (dataType) {
  case onnx::TensorProto::INT8:
    return static_cast<int8_t>(value);
  case onnx::TensorProto::UINT8:
    return static_cast<uint8_t>(value);
  case onnx::TensorProto::INT16:
    return static_cast<int16_t>(value);
  case onnx::TensorProto::UINT16:
    return static_cast<uint16_t>(value);
  case onnx::TensorProto::INT32:
    return static_cast<int32_t>(value);
  case onnx::TensorProto::UINT32:
    return static_cast<uint32_t>(value);
  case onnx::TensorProto::BOOL:
    return value != 0;
  default:
    return value;
  }
}

/// Evaluates Cast.
static FailureOr<HostTensor> evaluateCast(const HostNode &host) {
  FailureOr<const HostTensor *> input = host.input(0);
  FailureOr<int64_t> to = getIntAttribute(host.importer, host.node, "to", 0);
  if (failed(input) || failed(to))
    return failure();
  if (!isSupportedDataType(*to))
    return host.error() << "cast to " << getDataTypeName(*to)
                        << " is not supported";
  HostTensor result;
  result.dataType = *to;
  result.shape = (*input)->shape;
  for (int64_t i = 0, e = (*input)->getNumElements(); i < e; ++i) {
    if (result.isFloat())
      result.floats.push_back(static_cast<float>((*input)->getAsDouble(i)));
    else if (*to == onnx::TensorProto::BOOL)
      result.ints.push_back((*input)->getAsDouble(i) != 0.0);
    else
      result.ints.push_back(wrapInteger((*input)->getAsInt(i), *to));
  }
  return result;
}

/// Applies a binary integer operator; returns std::nullopt on division by
/// zero or overflow.
static std::optional<int64_t> applyInteger(StringRef op, int64_t a, int64_t b) {
  auto wrap = [](uint64_t value) { return static_cast<int64_t>(value); };
  if (op == "Add")
    return wrap(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
  if (op == "Sub")
    return wrap(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
  if (op == "Mul")
    return wrap(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
  if (op == "Equal")
    return a == b;
  if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1))
    return std::nullopt;
  return a / b;
}

/// Applies a binary float operator in f32, as ONNX runtimes do.
static float applyFloat(StringRef op, float a, float b) {
  if (op == "Add")
    return a + b;
  if (op == "Sub")
    return a - b;
  if (op == "Mul")
    return a * b;
  if (op == "Equal")
    return a == b;
  return a / b;
}

/// Evaluates Add, Sub, Mul, Div and Equal with NumPy broadcasting.
static FailureOr<HostTensor> evaluateBinary(const HostNode &host) {
  FailureOr<const HostTensor *> lhs = host.input(0), rhs = host.input(1);
  if (failed(lhs) || failed(rhs))
    return failure();
  if ((*lhs)->dataType != (*rhs)->dataType)
    return host.error() << "operands have different types";
  std::optional<SmallVector<int64_t>> shape =
      getBroadcastShape((*lhs)->shape, (*rhs)->shape);
  if (!shape)
    return host.error() << "operand shapes " << formatShape((*lhs)->shape)
                        << " and " << formatShape((*rhs)->shape)
                        << " do not broadcast";
  if (failed(checkResultSize(host, *shape)))
    return failure();
  StringRef op = host.node.op_type();
  std::vector<int64_t> left = getBroadcastIndices((*lhs)->shape, *shape);
  std::vector<int64_t> right = getBroadcastIndices((*rhs)->shape, *shape);
  bool isEqual = op == "Equal";
  HostTensor result;
  result.dataType = isEqual ? onnx::TensorProto::BOOL : (*lhs)->dataType;
  result.shape.assign(shape->begin(), shape->end());
  for (size_t i = 0; i < left.size(); ++i) {
    if ((*lhs)->isFloat()) {
      float value =
          applyFloat(op, (*lhs)->floats[left[i]], (*rhs)->floats[right[i]]);
      if (isEqual)
        result.ints.push_back(value != 0.0f);
      else
        result.floats.push_back(value);
      continue;
    }
    std::optional<int64_t> value =
        applyInteger(op, (*lhs)->ints[left[i]], (*rhs)->ints[right[i]]);
    if (!value)
      return host.error() << "integer division by zero or overflow";
    result.ints.push_back(*value);
  }
  return result;
}

/// Evaluates Neg.
static FailureOr<HostTensor> evaluateNeg(const HostNode &host) {
  FailureOr<const HostTensor *> input = host.input(0);
  if (failed(input))
    return failure();
  HostTensor result = **input;
  for (float &value : result.floats)
    value = -value;
  for (int64_t &value : result.ints)
    value = static_cast<int64_t>(0 - static_cast<uint64_t>(value));
  return result;
}

/// Evaluates Where with NumPy broadcasting of all three inputs.
static FailureOr<HostTensor> evaluateWhere(const HostNode &host) {
  FailureOr<const HostTensor *> cond = host.input(0), x = host.input(1),
                                y = host.input(2);
  if (failed(cond) || failed(x) || failed(y))
    return failure();
  if ((*x)->dataType != (*y)->dataType || (*cond)->isFloat())
    return host.error() << "input types are inconsistent";
  std::optional<SmallVector<int64_t>> partial =
      getBroadcastShape((*cond)->shape, (*x)->shape);
  std::optional<SmallVector<int64_t>> shape =
      partial ? getBroadcastShape(*partial, (*y)->shape) : std::nullopt;
  if (!shape)
    return host.error() << "input shapes do not broadcast";
  if (failed(checkResultSize(host, *shape)))
    return failure();
  std::vector<int64_t> c = getBroadcastIndices((*cond)->shape, *shape);
  std::vector<int64_t> a = getBroadcastIndices((*x)->shape, *shape);
  std::vector<int64_t> b = getBroadcastIndices((*y)->shape, *shape);
  HostTensor result;
  result.dataType = (*x)->dataType;
  result.shape.assign(shape->begin(), shape->end());
  for (size_t i = 0; i < c.size(); ++i) {
    bool pick = (*cond)->ints[c[i]] != 0;
    if (result.isFloat())
      result.floats.push_back(pick ? (*x)->floats[a[i]] : (*y)->floats[b[i]]);
    else
      result.ints.push_back(pick ? (*x)->ints[a[i]] : (*y)->ints[b[i]]);
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

/// Evaluates Gather along `axis` with possibly negative indices.
static FailureOr<HostTensor> evaluateGather(const HostNode &host) {
  FailureOr<const HostTensor *> data = host.input(0), indices = host.input(1);
  FailureOr<int64_t> axisAttr =
      getIntAttribute(host.importer, host.node, "axis", 0);
  if (failed(data) || failed(indices) || failed(axisAttr))
    return failure();
  ArrayRef<int64_t> shape = (*data)->shape;
  std::optional<int64_t> axis = normalizeAxis(*axisAttr, shape.size());
  if (!axis || (*indices)->isFloat())
    return host.error() << "needs integer indices and an axis in range";
  SmallVector<int64_t, 4> resultShape(shape.take_front(*axis));
  llvm::append_range(resultShape, (*indices)->shape);
  llvm::append_range(resultShape, shape.drop_front(*axis + 1));
  if (failed(checkResultSize(host, resultShape)))
    return failure();
  int64_t outer = *getElementCount(shape.take_front(*axis));
  int64_t inner = *getElementCount(shape.drop_front(*axis + 1));
  int64_t size = shape[*axis];
  std::vector<int64_t> positions;
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t index : (*indices)->ints) {
      if (index < -size || index >= size)
        return host.error() << "index " << index << " is out of range for "
                            << "size " << size;
      int64_t row = index < 0 ? index + size : index;
      for (int64_t i = 0; i < inner; ++i)
        positions.push_back((o * size + row) * inner + i);
    }
  }
  return gatherElements(**data, resultShape, positions);
}

/// Evaluates Concat.
static FailureOr<HostTensor> evaluateConcat(const HostNode &host) {
  SmallVector<SmallVector<int64_t, 4>> shapes;
  for (int i = 0, e = host.inputs.size(); i < e; ++i) {
    FailureOr<const HostTensor *> input = host.input(i);
    if (failed(input))
      return failure();
    if ((*input)->dataType != host.inputs.front()->dataType)
      return host.error() << "inputs have different types";
    shapes.push_back((*input)->shape);
  }
  FailureOr<int64_t> axis = getConcatAxis(host.importer, host.node, shapes);
  if (failed(axis))
    return failure();
  HostTensor result;
  result.dataType = host.inputs.front()->dataType;
  result.shape = shapes.front();
  result.shape[*axis] = 0;
  for (const SmallVector<int64_t, 4> &shape : shapes)
    result.shape[*axis] += shape[*axis];
  int64_t outer = *getElementCount(ArrayRef(result.shape).take_front(*axis));
  for (int64_t o = 0; o < outer; ++o) {
    for (const HostTensor *input : host.inputs) {
      int64_t chunk = input->getNumElements() / std::max<int64_t>(outer, 1);
      if (input->isFloat())
        result.floats.insert(result.floats.end(),
                             input->floats.begin() + o * chunk,
                             input->floats.begin() + (o + 1) * chunk);
      else
        result.ints.insert(result.ints.end(), input->ints.begin() + o * chunk,
                           input->ints.begin() + (o + 1) * chunk);
    }
  }
  return result;
}

/// Evaluates Reshape, Flatten, Squeeze and Unsqueeze, whose result shape
/// `getResultShape` computes.
static FailureOr<HostTensor> evaluateReshapeLike(
    const HostNode &host,
    FailureOr<SmallVector<int64_t, 4>> (*getResultShape)(
        GraphImporter &, const onnx::NodeProto &, ArrayRef<int64_t>)) {
  FailureOr<const HostTensor *> input = host.input(0);
  if (failed(input))
    return failure();
  auto shape = getResultShape(host.importer, host.node, (*input)->shape);
  if (failed(shape))
    return failure();
  return withShape(**input, *shape);
}

/// Evaluates Transpose.
static FailureOr<HostTensor> evaluateTranspose(const HostNode &host) {
  FailureOr<const HostTensor *> input = host.input(0);
  if (failed(input))
    return failure();
  auto perm =
      getTransposePerm(host.importer, host.node, (*input)->shape.size());
  if (failed(perm))
    return failure();
  return transposeHost(**input, *perm);
}

/// Evaluates Slice.
static FailureOr<HostTensor> evaluateSlice(const HostNode &host) {
  FailureOr<const HostTensor *> input = host.input(0);
  if (failed(input))
    return failure();
  FailureOr<SliceBox> box =
      getSliceBox(host.importer, host.node, (*input)->shape);
  if (failed(box))
    return failure();
  return sliceHost(**input, box->offsets, box->sizes, box->strides);
}

/// Evaluates Expand (bidirectional broadcasting to a shape).
static FailureOr<HostTensor> evaluateExpand(const HostNode &host) {
  FailureOr<const HostTensor *> input = host.input(0), shape = host.input(1);
  if (failed(input) || failed(shape))
    return failure();
  if ((*shape)->isFloat() || (*shape)->shape.size() != 1)
    return host.error() << "the shape must be a 1-D integer tensor";
  std::optional<SmallVector<int64_t>> result =
      getBroadcastShape((*input)->shape, (*shape)->ints);
  if (!result)
    return host.error() << "cannot expand " << formatShape((*input)->shape)
                        << " to " << formatShape((*shape)->ints);
  if (failed(checkResultSize(host, *result)))
    return failure();
  return gatherElements(**input, *result,
                        getBroadcastIndices((*input)->shape, *result));
}

/// Evaluates QuantizeLinear of a float constant.
static FailureOr<HostTensor> evaluateQuantize(const HostNode &host) {
  FailureOr<const HostTensor *> input = host.input(0);
  if (failed(input))
    return failure();
  return quantizeOnHost(host.importer, host.node, **input);
}

//===----------------------------------------------------------------------===//
// Dispatch
//===----------------------------------------------------------------------===//

/// Evaluates the single output of `host`'s node.
static FailureOr<HostTensor> evaluate(const HostNode &host) {
  StringRef op = host.node.op_type();
  if (op == "Constant")
    return evaluateConstant(host);
  if (op == "ConstantOfShape")
    return evaluateConstantOfShape(host);
  if (op == "Range")
    return evaluateRange(host);
  if (op == "Cast")
    return evaluateCast(host);
  if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div" || op == "Equal")
    return evaluateBinary(host);
  if (op == "Neg")
    return evaluateNeg(host);
  if (op == "Where")
    return evaluateWhere(host);
  if (op == "Gather")
    return evaluateGather(host);
  if (op == "Concat")
    return evaluateConcat(host);
  if (op == "Reshape")
    return evaluateReshapeLike(host, getReshapeShape);
  if (op == "Flatten")
    return evaluateReshapeLike(host, getFlattenShape);
  if (op == "Squeeze")
    return evaluateReshapeLike(host, getSqueezeShape);
  if (op == "Unsqueeze")
    return evaluateReshapeLike(host, getUnsqueezeShape);
  if (op == "Transpose")
    return evaluateTranspose(host);
  if (op == "Slice")
    return evaluateSlice(host);
  if (op == "Expand")
    return evaluateExpand(host);
  if (op == "QuantizeLinear")
    return evaluateQuantize(host);
  return host.error() << "cannot be evaluated at import time";
}

LogicalResult
morsel::onnx_import::evaluateOnHost(GraphImporter &importer,
                                    const onnx::NodeProto &node,
                                    ArrayRef<const HostTensor *> inputs) {
  FailureOr<HostTensor> result = evaluate(HostNode{importer, node, inputs});
  if (failed(result))
    return failure();
  if (node.output_size() > 1)
    return importer.emitNodeError(node) << "only one output is supported";
  if (node.output_size() == 1)
    importer.setHostOutput(node, 0, std::move(*result));
  return success();
}
