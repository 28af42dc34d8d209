//===- ShapeImporters.cpp - Reshape, Concat, Slice, Pad and friends -------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Data-movement operators. Their shape rules are shared with the host
// evaluator, which applies the same operators to constant shape tensors.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Support/ShapeUtils.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "onnx/onnx_pb.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace mlir;
using namespace morsel;
using namespace morsel::onnx_import;

//===----------------------------------------------------------------------===//
// Shape rules
//===----------------------------------------------------------------------===//

/// Reads input `index` of `node` as a list of integers (a 0-D or 1-D integer
/// constant).
static FailureOr<SmallVector<int64_t, 4>>
readIntegerList(GraphImporter &importer, const onnx::NodeProto &node, int index,
                StringRef what) {
  FailureOr<const HostTensor *> tensor =
      importer.requireHostInput(node, index, what);
  if (failed(tensor))
    return failure();
  if ((*tensor)->isFloat() || (*tensor)->shape.size() > 1)
    return importer.emitNodeError(node) << "input " << index << " (" << what
                                        << ") must be a 1-D integer tensor";
  return SmallVector<int64_t, 4>((*tensor)->ints.begin(),
                                 (*tensor)->ints.end());
}

/// Reads the axes of Squeeze / Unsqueeze: an attribute before opset 13, input
/// 1 from 13 on; std::nullopt when absent.
static FailureOr<std::optional<SmallVector<int64_t, 4>>>
readAxes(GraphImporter &importer, const onnx::NodeProto &node) {
  if (importer.getOpsetVersion() < 13)
    return getIntsAttribute(importer, node, "axes");
  if (!importer.hasInput(node, 1))
    return std::optional<SmallVector<int64_t, 4>>();
  auto axes = readIntegerList(importer, node, 1, "axes");
  if (failed(axes))
    return failure();
  return std::optional<SmallVector<int64_t, 4>>(*axes);
}

/// Normalizes `axes` for rank `rank`; fails on repeated or out-of-range ones.
static FailureOr<SmallVector<int64_t, 4>>
normalizeAxes(GraphImporter &importer, const onnx::NodeProto &node,
              ArrayRef<int64_t> axes, int64_t rank) {
  SmallVector<int64_t, 4> result;
  for (int64_t axis : axes) {
    std::optional<int64_t> normalized = normalizeAxis(axis, rank);
    if (!normalized || llvm::is_contained(result, *normalized))
      return importer.emitNodeError(node)
             << "axes " << formatShape(axes)
             << " must be distinct and in range for rank " << rank;
    result.push_back(*normalized);
  }
  return result;
}

FailureOr<SmallVector<int64_t, 4>>
morsel::onnx_import::getReshapeShape(GraphImporter &importer,
                                     const onnx::NodeProto &node,
                                     ArrayRef<int64_t> shape) {
  auto target = readIntegerList(importer, node, 1, "shape");
  auto allowZero = getIntAttribute(importer, node, "allowzero", 0);
  if (failed(target) || failed(allowZero))
    return failure();
  SmallVector<int64_t, 4> result;
  std::optional<size_t> inferred;
  for (auto [index, size] : llvm::enumerate(*target)) {
    if (size == 0 && !*allowZero) {
      if (index >= shape.size())
        return importer.emitNodeError(node)
               << "shape entry " << index << " is 0 but the input has rank "
               << shape.size();
      result.push_back(shape[index]);
    } else if (size == -1 && !inferred) {
      inferred = index;
      result.push_back(1);
    } else if (size <= 0) {
      return importer.emitNodeError(node)
             << "shape " << formatShape(*target) << " is not supported"
             << (size == 0 ? " (zero-sized tensors)" : "");
    } else {
      result.push_back(size);
    }
  }
  std::optional<int64_t> total = getElementCount(shape);
  std::optional<int64_t> known = getElementCount(result);
  if (!total || !known)
    return importer.emitNodeError(node) << "shape is too large";
  if (inferred) {
    if (*total % *known != 0)
      return importer.emitNodeError(node)
             << "cannot reshape " << formatShape(shape) << " to "
             << formatShape(*target);
    result[*inferred] = *total / *known;
  } else if (*known != *total) {
    return importer.emitNodeError(node)
           << "cannot reshape " << formatShape(shape) << " to "
           << formatShape(*target);
  }
  return result;
}

FailureOr<SmallVector<int64_t, 4>>
morsel::onnx_import::getFlattenShape(GraphImporter &importer,
                                     const onnx::NodeProto &node,
                                     ArrayRef<int64_t> shape) {
  FailureOr<int64_t> axis = getIntAttribute(importer, node, "axis", 1);
  if (failed(axis))
    return failure();
  int64_t rank = shape.size();
  if (*axis < -rank || *axis > rank)
    return importer.emitNodeError(node)
           << "axis " << *axis << " is out of range for rank " << rank;
  int64_t split = *axis < 0 ? *axis + rank : *axis;
  return SmallVector<int64_t, 4>{*getElementCount(shape.take_front(split)),
                                 *getElementCount(shape.drop_front(split))};
}

FailureOr<SmallVector<int64_t, 4>>
morsel::onnx_import::getSqueezeShape(GraphImporter &importer,
                                     const onnx::NodeProto &node,
                                     ArrayRef<int64_t> shape) {
  auto axes = readAxes(importer, node);
  if (failed(axes))
    return failure();
  int64_t rank = shape.size();
  SmallVector<int64_t, 4> squeezed;
  if (*axes) {
    auto normalized = normalizeAxes(importer, node, **axes, rank);
    if (failed(normalized))
      return failure();
    squeezed = *normalized;
  } else {
    for (int64_t d = 0; d < rank; ++d)
      if (shape[d] == 1)
        squeezed.push_back(d);
  }
  SmallVector<int64_t, 4> result;
  for (int64_t d = 0; d < rank; ++d) {
    if (!llvm::is_contained(squeezed, d))
      result.push_back(shape[d]);
    else if (shape[d] != 1)
      return importer.emitNodeError(node)
             << "cannot squeeze dimension " << d << " of size " << shape[d];
  }
  return result;
}

FailureOr<SmallVector<int64_t, 4>>
morsel::onnx_import::getUnsqueezeShape(GraphImporter &importer,
                                       const onnx::NodeProto &node,
                                       ArrayRef<int64_t> shape) {
  auto axes = readAxes(importer, node);
  if (failed(axes))
    return failure();
  if (!*axes)
    return importer.emitNodeError(node) << "needs axes";
  int64_t rank = shape.size() + (*axes)->size();
  auto inserted = normalizeAxes(importer, node, **axes, rank);
  if (failed(inserted))
    return failure();
  SmallVector<int64_t, 4> result;
  const int64_t *next = shape.begin();
  for (int64_t d = 0; d < rank; ++d)
    result.push_back(llvm::is_contained(*inserted, d) ? 1 : *next++);
  return result;
}

FailureOr<SmallVector<int64_t, 4>> morsel::onnx_import::getTransposePerm(
    GraphImporter &importer, const onnx::NodeProto &node, int64_t rank) {
  auto perm = getIntsAttribute(importer, node, "perm");
  if (failed(perm))
    return failure();
  if (!*perm) {
    SmallVector<int64_t, 4> reversed;
    for (int64_t d = rank - 1; d >= 0; --d)
      reversed.push_back(d);
    return reversed;
  }
  if (static_cast<int64_t>((*perm)->size()) != rank || !isPermutation(**perm))
    return importer.emitNodeError(node)
           << "perm " << formatShape(**perm) << " is not a permutation of rank "
           << rank;
  return **perm;
}

/// Clamps a Slice start or end index into [0, size] after adding `size` to
/// negative values.
static int64_t clampSliceIndex(int64_t index, int64_t size) {
  if (index < 0)
    index = index < -size ? 0 : index + size;
  return std::min(index, size);
}

FailureOr<SliceBox>
morsel::onnx_import::getSliceBox(GraphImporter &importer,
                                 const onnx::NodeProto &node,
                                 ArrayRef<int64_t> shape) {
  int64_t rank = shape.size();
  auto starts = readIntegerList(importer, node, 1, "starts");
  auto ends = readIntegerList(importer, node, 2, "ends");
  if (failed(starts) || failed(ends))
    return failure();
  size_t count = starts->size();
  SmallVector<int64_t, 4> axes, steps(count, 1);
  for (size_t i = 0; i < count; ++i)
    axes.push_back(i);
  if (importer.hasInput(node, 3)) {
    auto read = readIntegerList(importer, node, 3, "axes");
    if (failed(read))
      return failure();
    axes = *read;
  }
  if (importer.hasInput(node, 4)) {
    auto read = readIntegerList(importer, node, 4, "steps");
    if (failed(read))
      return failure();
    steps = *read;
  }
  if (ends->size() != count || axes.size() != count || steps.size() != count)
    return importer.emitNodeError(node)
           << "starts, ends, axes and steps must have the same length";
  auto normalized = normalizeAxes(importer, node, axes, rank);
  if (failed(normalized))
    return failure();
  SliceBox box{SmallVector<int64_t, 4>(rank, 0), SmallVector<int64_t, 4>(shape),
               SmallVector<int64_t, 4>(rank, 1)};
  for (size_t i = 0; i < count; ++i) {
    int64_t axis = (*normalized)[i], step = steps[i], size = shape[axis];
    if (step <= 0)
      return importer.emitNodeError(node)
             << (step == 0 ? "step 0 is invalid"
                           : "negative steps are not supported");
    int64_t start = clampSliceIndex((*starts)[i], size);
    int64_t end = clampSliceIndex((*ends)[i], size);
    if (end <= start)
      return importer.emitNodeError(node)
             << "the slice of dimension " << axis
             << " is empty, which is not supported";
    box.offsets[axis] = start;
    box.sizes[axis] = (end - start - 1) / step + 1;
    box.strides[axis] = step;
  }
  return box;
}

FailureOr<int64_t>
morsel::onnx_import::getConcatAxis(GraphImporter &importer,
                                   const onnx::NodeProto &node,
                                   ArrayRef<SmallVector<int64_t, 4>> shapes) {
  FailureOr<int64_t> axisAttr = getIntAttribute(importer, node, "axis", 0);
  if (failed(axisAttr))
    return failure();
  if (!findAttribute(node, "axis"))
    return importer.emitNodeError(node) << "needs attribute 'axis'";
  if (shapes.empty())
    return importer.emitNodeError(node) << "needs at least one input";
  int64_t rank = shapes.front().size();
  std::optional<int64_t> axis = normalizeAxis(*axisAttr, rank);
  if (!axis)
    return importer.emitNodeError(node)
           << "axis " << *axisAttr << " is out of range for rank " << rank;
  for (const auto &[index, shape] : llvm::enumerate(shapes)) {
    bool mismatch = static_cast<int64_t>(shape.size()) != rank;
    for (int64_t d = 0; !mismatch && d < rank; ++d)
      mismatch = d != *axis && shape[d] != shapes.front()[d];
    if (mismatch)
      return importer.emitNodeError(node)
             << "input " << index << " of shape " << formatShape(shape)
             << " does not match input 0 of shape "
             << formatShape(shapes.front()) << " outside axis " << *axis;
  }
  return *axis;
}

FailureOr<SmallVector<int64_t, 4>>
morsel::onnx_import::getSplitSizes(GraphImporter &importer,
                                   const onnx::NodeProto &node,
                                   ArrayRef<int64_t> shape, int64_t &axis) {
  FailureOr<int64_t> axisAttr = getIntAttribute(importer, node, "axis", 0);
  if (failed(axisAttr))
    return failure();
  std::optional<int64_t> normalized = normalizeAxis(*axisAttr, shape.size());
  if (!normalized)
    return importer.emitNodeError(node)
           << "axis " << *axisAttr << " is out of range for rank "
           << shape.size();
  axis = *normalized;
  int64_t size = shape[axis], parts = node.output_size();
  FailureOr<std::optional<SmallVector<int64_t, 4>>> split =
      std::optional<SmallVector<int64_t, 4>>();
  if (importer.getOpsetVersion() < 13)
    split = getIntsAttribute(importer, node, "split");
  else if (importer.hasInput(node, 1))
    split = readIntegerList(importer, node, 1, "split");
  if (failed(split))
    return failure();
  if (!*split) {
    if (parts == 0 || size % parts != 0)
      return importer.emitNodeError(node)
             << "cannot split size " << size << " into " << parts
             << " equal parts";
    return SmallVector<int64_t, 4>(parts, size / parts);
  }
  std::optional<int64_t> total = 0;
  for (int64_t part : **split)
    total = part > 0 && total ? std::optional<int64_t>(*total + part)
                              : std::nullopt;
  if (static_cast<int64_t>((*split)->size()) != parts || total != size)
    return importer.emitNodeError(node)
           << "split " << formatShape(**split) << " must have " << parts
           << " positive sizes adding up to " << size;
  return **split;
}

//===----------------------------------------------------------------------===//
// Importers
//===----------------------------------------------------------------------===//

/// Imports Identity as an alias of its input.
static LogicalResult importIdentity(GraphImporter &importer,
                                    const onnx::NodeProto &node) {
  importer.aliasOutput(node, 0, 0);
  return success();
}

/// Imports a reshaping operator whose result shape `getResultShape` computes
/// as nn.reshape.
template <FailureOr<SmallVector<int64_t, 4>> (*getResultShape)(
    GraphImporter &, const onnx::NodeProto &, ArrayRef<int64_t>)>
static LogicalResult importReshapeLike(GraphImporter &importer,
                                       const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  auto shape = getResultShape(importer, node, getShape(*input));
  if (failed(shape))
    return failure();
  importer.setOutput(node, 0,
                     createReshape(importer.getBuilder(), importer.getLoc(node),
                                   *input, *shape),
                     importer.isConstantInput(node, 0));
  return success();
}

/// Imports Transpose as nn.transpose.
static LogicalResult importTranspose(GraphImporter &importer,
                                     const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  auto perm = getTransposePerm(importer, node, getShape(*input).size());
  if (failed(perm))
    return failure();
  importer.setOutput(node, 0,
                     createTranspose(importer.getBuilder(),
                                     importer.getLoc(node), *input, *perm),
                     importer.isConstantInput(node, 0));
  return success();
}

/// Imports Concat as nn.concat.
static LogicalResult importConcat(GraphImporter &importer,
                                  const onnx::NodeProto &node) {
  SmallVector<Value> inputs;
  SmallVector<SmallVector<int64_t, 4>> shapes;
  for (int i = 0; i < node.input_size(); ++i) {
    FailureOr<Value> input = importer.getTensorInput(node, i);
    if (failed(input))
      return failure();
    if (!inputs.empty() &&
        cast<RankedTensorType>(input->getType()).getElementType() !=
            cast<RankedTensorType>(inputs.front().getType()).getElementType())
      return importer.emitNodeError(node)
             << "inputs have different element types";
    inputs.push_back(*input);
    shapes.emplace_back(getShape(*input));
  }
  FailureOr<int64_t> axis = getConcatAxis(importer, node, shapes);
  if (failed(axis))
    return failure();
  SmallVector<int64_t, 4> shape = shapes.front();
  shape[*axis] = 0;
  for (const SmallVector<int64_t, 4> &input : shapes)
    shape[*axis] += input[*axis];
  importer.setOutput(
      node, 0,
      nn::ConcatOp::create(importer.getBuilder(), importer.getLoc(node),
                           getTypeLike(inputs.front(), shape), inputs, *axis));
  return success();
}

/// Creates nn.slice of `input` reading `box`.
static Value createSlice(GraphImporter &importer, const onnx::NodeProto &node,
                         Value input, const SliceBox &box) {
  return nn::SliceOp::create(importer.getBuilder(), importer.getLoc(node),
                             getTypeLike(input, box.sizes), input, box.offsets,
                             box.sizes, box.strides);
}

/// Imports Slice (positive steps) as nn.slice.
static LogicalResult importSlice(GraphImporter &importer,
                                 const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  FailureOr<SliceBox> box = getSliceBox(importer, node, getShape(*input));
  if (failed(box))
    return failure();
  importer.setOutput(node, 0, createSlice(importer, node, *input, *box),
                     importer.isConstantInput(node, 0));
  return success();
}

/// Imports Split as one nn.slice per output.
static LogicalResult importSplit(GraphImporter &importer,
                                 const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  ArrayRef<int64_t> shape = getShape(*input);
  int64_t axis = 0;
  auto sizes = getSplitSizes(importer, node, shape, axis);
  if (failed(sizes))
    return failure();
  SliceBox box{SmallVector<int64_t, 4>(shape.size(), 0),
               SmallVector<int64_t, 4>(shape),
               SmallVector<int64_t, 4>(shape.size(), 1)};
  for (auto [index, size] : llvm::enumerate(*sizes)) {
    box.sizes[axis] = size;
    if (!node.output(index).empty())
      importer.setOutput(node, index, createSlice(importer, node, *input, box));
    box.offsets[axis] += size;
  }
  return success();
}

/// Imports Pad (constant mode, pads and constant_value as inputs) as nn.pad.
static LogicalResult importPad(GraphImporter &importer,
                               const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  auto mode = getStringAttribute(importer, node, "mode", "constant");
  if (failed(input) || failed(mode))
    return failure();
  if (*mode != "constant")
    return importer.emitNodeError(node)
           << "mode '" << *mode << "' is not supported (only 'constant')";
  auto pads = readIntegerList(importer, node, 1, "pads");
  if (failed(pads))
    return failure();
  ArrayRef<int64_t> shape = getShape(*input);
  size_t rank = shape.size();
  if (pads->size() != 2 * rank)
    return importer.emitNodeError(node)
           << "pads must hold " << 2 * rank << " values";
  if (llvm::any_of(*pads, [](int64_t p) { return p < 0; }))
    return importer.emitNodeError(node) << "negative pads are not supported";
  float value = 0.0f;
  if (importer.hasInput(node, 2)) {
    auto constant = importer.requireHostInput(node, 2, "constant_value");
    if (failed(constant))
      return failure();
    if ((*constant)->getNumElements() != 1)
      return importer.emitNodeError(node) << "constant_value must be a scalar";
    value = static_cast<float>((*constant)->getAsDouble(0));
  }
  ArrayRef<int64_t> low = ArrayRef<int64_t>(*pads).take_front(rank);
  ArrayRef<int64_t> high = ArrayRef<int64_t>(*pads).drop_front(rank);
  SmallVector<int64_t, 4> result;
  for (size_t d = 0; d < rank; ++d) {
    int64_t size = 0;
    if (llvm::AddOverflow(shape[d], low[d], size) ||
        llvm::AddOverflow(size, high[d], size))
      return importer.emitNodeError(node) << "pads are too large";
    result.push_back(size);
  }
  OpBuilder &builder = importer.getBuilder();
  importer.setOutput(node, 0,
                     nn::PadOp::create(builder, importer.getLoc(node),
                                       getTypeLike(*input, result), *input, low,
                                       high, llvm::APFloat(value)));
  return success();
}

/// Imports Cast of an IR value: a no-op from f32 to FLOAT and from quantized
/// tensors to their own storage type (exporters cast QuantizeLinear's result
/// to UINT8); anything else is unsupported.
static LogicalResult importCast(GraphImporter &importer,
                                const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  FailureOr<int64_t> to = getIntAttribute(importer, node, "to", 0);
  if (failed(input) || failed(to))
    return failure();
  Type element = cast<RankedTensorType>(input->getType()).getElementType();
  bool noop = element.isF32() && *to == onnx::TensorProto::FLOAT;
  if (auto quantized = dyn_cast<quant::QuantizedType>(element)) {
    int64_t width = quantized.getStorageTypeIntegralWidth();
    bool isSigned = quantized.isSigned();
    noop = width == 8 && ((isSigned && *to == onnx::TensorProto::INT8) ||
                          (!isSigned && *to == onnx::TensorProto::UINT8));
  }
  if (!noop)
    return importer.emitNodeError(node)
           << "cast of a tensor of " << element << " to "
           << getDataTypeName(*to) << " is not supported";
  importer.aliasOutput(node, 0, 0);
  return success();
}

/// Imports Shape as a host INT64 tensor (start and end from opset 15).
static LogicalResult importShape(GraphImporter &importer,
                                 const onnx::NodeProto &node) {
  ArrayRef<int64_t> shape = importer.getInputShape(node, 0);
  int64_t rank = shape.size();
  auto start = getIntAttribute(importer, node, "start", 0);
  auto end = getIntAttribute(importer, node, "end", rank);
  if (failed(start) || failed(end))
    return failure();
  int64_t first =
      std::clamp<int64_t>(*start < 0 ? *start + rank : *start, 0, rank);
  int64_t last = std::clamp<int64_t>(*end < 0 ? *end + rank : *end, 0, rank);
  HostTensor result;
  result.dataType = onnx::TensorProto::INT64;
  result.shape = {std::max<int64_t>(0, last - first)};
  for (int64_t d = first; d < last; ++d)
    result.ints.push_back(shape[d]);
  importer.setHostOutput(node, 0, std::move(result));
  return success();
}

/// Imports Size as a host INT64 scalar.
static LogicalResult importSize(GraphImporter &importer,
                                const onnx::NodeProto &node) {
  HostTensor result;
  result.dataType = onnx::TensorProto::INT64;
  result.ints.push_back(*getElementCount(importer.getInputShape(node, 0)));
  importer.setHostOutput(node, 0, std::move(result));
  return success();
}

void morsel::onnx_import::addShapeImporters(NodeImporterTable &table) {
  table["Identity"] = importIdentity;
  table["Reshape"] = importReshapeLike<getReshapeShape>;
  table["Flatten"] = importReshapeLike<getFlattenShape>;
  table["Squeeze"] = importReshapeLike<getSqueezeShape>;
  table["Unsqueeze"] = importReshapeLike<getUnsqueezeShape>;
  table["Transpose"] = importTranspose;
  table["Concat"] = importConcat;
  table["Slice"] = importSlice;
  table["Split"] = importSplit;
  table["Pad"] = importPad;
  table["Cast"] = importCast;
  table["Shape"] = importShape;
  table["Size"] = importSize;
}
