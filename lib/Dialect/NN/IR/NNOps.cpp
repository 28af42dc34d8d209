//===- NNOps.cpp - Operations of the nn dialect ---------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/IR/ChannelChain.h"
#include "morsel/Dialect/NN/IR/NNTypeChecks.h"
#include "morsel/Support/ShapeUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace morsel;
using namespace morsel::nn;

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

static RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// Checks that every type in `types` has rank `rank`.
static LogicalResult verifyRanks(Location loc, TypeRange types, int64_t rank,
                                 StringRef what) {
  for (Type type : types)
    if (cast<RankedTensorType>(type).getRank() != rank)
      return emitError(loc) << "expects rank-" << rank << " " << what;
  return success();
}

/// Checks that `values` has `size` entries, each at least `minimum`.
static LogicalResult verifyArrayAttr(Location loc, ArrayRef<int64_t> values,
                                     size_t size, int64_t minimum,
                                     StringRef what) {
  if (values.size() != size ||
      llvm::any_of(values, [&](int64_t v) { return v < minimum; }))
    return emitError(loc) << "expects " << size << " "
                          << (minimum > 0 ? "positive" : "non-negative") << " "
                          << what;
  return success();
}

/// Checks the window attributes shared by convolution and pooling and
/// computes the spatial output size [OH, OW] of an NHWC input.
static FailureOr<SmallVector<int64_t, 2>>
inferWindowOutput(Location loc, RankedTensorType input,
                  ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                  ArrayRef<int64_t> dilations, ArrayRef<int64_t> pad) {
  if (failed(verifyArrayAttr(loc, kernel, 2, 1, "kernel sizes")) ||
      failed(verifyArrayAttr(loc, strides, 2, 1, "strides")) ||
      failed(verifyArrayAttr(loc, dilations, 2, 1, "dilations")) ||
      failed(verifyArrayAttr(loc, pad, 4, 0,
                             "pads [top, bottom, left, right]")))
    return failure();
  SmallVector<int64_t, 2> spatial;
  for (int d = 0; d < 2; ++d) {
    std::optional<int64_t> size =
        getWindowOutputSize(input.getDimSize(1 + d), kernel[d], strides[d],
                            dilations[d], pad[2 * d], pad[2 * d + 1]);
    if (!size)
      return emitError(loc) << "expects the window to fit in the padded input "
                               "along dimension "
                            << 1 + d;
    spatial.push_back(*size);
  }
  return spatial;
}

/// Checks that a pooling window never lies entirely in the padding.
static LogicalResult verifyPadsBelowKernel(Location loc,
                                           ArrayRef<int64_t> kernel,
                                           ArrayRef<int64_t> pad) {
  for (int i = 0; i < 4; ++i)
    if (pad[i] >= kernel[i / 2])
      return emitError(loc) << "expects every pad to be smaller than the "
                               "kernel along its dimension";
  return success();
}

/// Checks that `actual` has shape `expected`.
static LogicalResult verifyShape(Location loc, StringRef what,
                                 ArrayRef<int64_t> expected, Type actual) {
  ArrayRef<int64_t> shape = cast<RankedTensorType>(actual).getShape();
  if (shape != expected)
    return emitError(loc) << "expects " << what << " shape "
                          << formatShape(expected) << ", got "
                          << formatShape(shape);
  return success();
}

/// Checks activations that keep the input shape: same shape, same numeric
/// kind, per-tensor quantization.
static LogicalResult verifyShapePreservingActivation(Operation *op) {
  Location loc = op->getLoc();
  Type input = op->getOperand(0).getType();
  Type output = op->getResult(0).getType();
  if (failed(verifyShape(loc, "output", cast<ShapedType>(input).getShape(),
                         output)) ||
      failed(verifySameNumericKind(loc, {input, output})) ||
      failed(verifyActivation(loc, "input", input)) ||
      failed(verifyActivation(loc, "output", output)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::verify() {
  auto valueType = dyn_cast<RankedTensorType>(getValue().getType());
  if (!valueType)
    return emitOpError("expects a tensor value, got ") << getValue().getType();
  RankedTensorType resultType = getType();
  if (valueType.getShape() != resultType.getShape())
    return emitOpError("expects the value shape ")
           << formatShape(valueType.getShape()) << " to match the result shape "
           << formatShape(resultType.getShape());
  Type expected = resultType.getElementType();
  if (auto quantized = dyn_cast<quant::QuantizedType>(expected))
    expected = quantized.getStorageType();
  if (valueType.getElementType() != expected)
    return emitOpError("expects value elements of type ")
           << expected << ", got " << valueType.getElementType();
  return verifyQuantizedTensor(getLoc(), "result", resultType);
}

OpFoldResult ConstantOp::fold(FoldAdaptor) {
  // A ConstantLike op must always fold to its value. For quantized results
  // the value holds the stored integers (as tosa.const does); the dialect's
  // materializer rebuilds the op from such a value.
  return getValue();
}

//===----------------------------------------------------------------------===//
// Conv2DOp
//===----------------------------------------------------------------------===//

LogicalResult Conv2DOp::verify() {
  Location loc = getLoc();
  RankedTensorType input = getTensorType(getInput());
  RankedTensorType filter = getTensorType(getFilter());
  RankedTensorType output = getType();
  if (failed(verifyRanks(loc, {input, filter, output}, 4,
                         "input, filter and output")))
    return failure();
  int64_t groups = getGroups();
  if (groups <= 0)
    return emitOpError("expects a positive group count, got ") << groups;
  int64_t inChannels = input.getDimSize(3);
  int64_t outChannels = filter.getDimSize(0);
  if (inChannels % groups != 0)
    return emitOpError("expects input channels (")
           << inChannels << ") divisible by groups (" << groups << ")";
  if (outChannels % groups != 0)
    return emitOpError("expects output channels (")
           << outChannels << ") divisible by groups (" << groups << ")";
  if (filter.getDimSize(3) * groups != inChannels)
    return emitOpError("expects filter input channels (")
           << filter.getDimSize(3) << ") x groups (" << groups
           << ") to equal input channels (" << inChannels << ")";

  FailureOr<SmallVector<int64_t, 2>> spatial = inferWindowOutput(
      loc, input, filter.getShape().slice(1, 2), getStrides(), getDilations(),
      getPad());
  if (failed(spatial))
    return failure();
  SmallVector<int64_t> expected = {input.getDimSize(0), (*spatial)[0],
                                   (*spatial)[1], outChannels};
  if (failed(verifyShape(loc, "output", expected, output)))
    return failure();

  if (failed(verifySameNumericKind(loc, {input, filter, output})) ||
      failed(verifyActivation(loc, "input", input)) ||
      failed(verifyActivation(loc, "output", output)) ||
      failed(verifyWeights(loc, "filter", filter)))
    return failure();
  if (getBias())
    return verifyBias(loc, getBias().getType(), outChannels, input, filter);
  return success();
}

//===----------------------------------------------------------------------===//
// FullyConnectedOp
//===----------------------------------------------------------------------===//

LogicalResult FullyConnectedOp::verify() {
  Location loc = getLoc();
  RankedTensorType input = getTensorType(getInput());
  RankedTensorType weights = getTensorType(getWeights());
  RankedTensorType output = getType();
  if (failed(verifyRanks(loc, {input, weights, output}, 2,
                         "input, weights and output")))
    return failure();
  if (weights.getDimSize(1) != input.getDimSize(1))
    return emitOpError("expects weights for ")
           << weights.getDimSize(1) << " input features, but the input has "
           << input.getDimSize(1);
  int64_t outChannels = weights.getDimSize(0);
  if (failed(verifyShape(loc, "output", {input.getDimSize(0), outChannels},
                         output)) ||
      failed(verifySameNumericKind(loc, {input, weights, output})) ||
      failed(verifyActivation(loc, "input", input)) ||
      failed(verifyActivation(loc, "output", output)) ||
      failed(verifyWeights(loc, "weights", weights)))
    return failure();
  if (getBias())
    return verifyBias(loc, getBias().getType(), outChannels, input, weights);
  return success();
}

//===----------------------------------------------------------------------===//
// Element-wise operators
//===----------------------------------------------------------------------===//

/// Checks a binary element-wise operator with NumPy broadcasting.
static LogicalResult verifyBroadcastingBinaryOp(Operation *op) {
  Location loc = op->getLoc();
  auto lhs = cast<RankedTensorType>(op->getOperand(0).getType());
  auto rhs = cast<RankedTensorType>(op->getOperand(1).getType());
  Type output = op->getResult(0).getType();
  std::optional<SmallVector<int64_t>> shape =
      getBroadcastShape(lhs.getShape(), rhs.getShape());
  if (!shape)
    return emitError(loc) << "expects broadcast-compatible operand shapes, got "
                          << formatShape(lhs.getShape()) << " and "
                          << formatShape(rhs.getShape());
  if (failed(verifyShape(loc, "output (broadcast)", *shape, output)) ||
      failed(verifySameNumericKind(loc, {lhs, rhs, output})) ||
      failed(verifyActivation(loc, "lhs", lhs)) ||
      failed(verifyActivation(loc, "rhs", rhs)) ||
      failed(verifyActivation(loc, "output", output)))
    return failure();
  return success();
}

LogicalResult AddOp::verify() { return verifyBroadcastingBinaryOp(*this); }
LogicalResult MulOp::verify() { return verifyBroadcastingBinaryOp(*this); }

LogicalResult ClampOp::verify() {
  float min = getMin().convertToFloat(), max = getMax().convertToFloat();
  if (std::isnan(min) || std::isnan(max) || min > max)
    return emitOpError("expects min <= max, got min = ")
           << min << " and max = " << max;
  return verifyActivation(getLoc(), "input", getType());
}

LogicalResult HardSwishOp::verify() {
  return verifyShapePreservingActivation(*this);
}

LogicalResult HardSigmoidOp::verify() {
  if (getAlpha().convertToFloat() == 0.0f)
    return emitOpError("expects a non-zero alpha");
  return verifyShapePreservingActivation(*this);
}

LogicalResult SigmoidOp::verify() {
  return verifyShapePreservingActivation(*this);
}

//===----------------------------------------------------------------------===//
// Pooling and reductions
//===----------------------------------------------------------------------===//

LogicalResult MaxPool2DOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  MLIRContext *context = adaptor.getInput().getContext();
  Location loc = location.value_or(UnknownLoc::get(context));
  // Without a location the caller only asks; it must not see diagnostics.
  std::optional<ScopedDiagnosticHandler> silence;
  if (!location)
    silence.emplace(context, [](Diagnostic &) { return success(); });
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  if (input.getRank() != 4)
    return emitOptionalError(location, "expects a rank-4 input");
  if (failed(verifyActivation(loc, "input", input)))
    return failure();
  FailureOr<SmallVector<int64_t, 2>> spatial =
      inferWindowOutput(loc, input, adaptor.getKernel(), adaptor.getStrides(),
                        {1, 1}, adaptor.getPad());
  if (failed(spatial) ||
      failed(verifyPadsBelowKernel(loc, adaptor.getKernel(), adaptor.getPad())))
    return failure();
  inferredReturnTypes.push_back(RankedTensorType::get(
      {input.getDimSize(0), (*spatial)[0], (*spatial)[1], input.getDimSize(3)},
      input.getElementType()));
  return success();
}

LogicalResult AvgPool2DOp::verify() {
  Location loc = getLoc();
  RankedTensorType input = getTensorType(getInput());
  RankedTensorType output = getType();
  if (failed(verifyRanks(loc, {input, output}, 4, "input and output")))
    return failure();
  FailureOr<SmallVector<int64_t, 2>> spatial = inferWindowOutput(
      loc, input, getKernel(), getStrides(), {1, 1}, getPad());
  if (failed(spatial) ||
      failed(verifyPadsBelowKernel(loc, getKernel(), getPad())))
    return failure();
  SmallVector<int64_t> expected = {input.getDimSize(0), (*spatial)[0],
                                   (*spatial)[1], input.getDimSize(3)};
  if (failed(verifyShape(loc, "output", expected, output)) ||
      failed(verifySameNumericKind(loc, {input, output})) ||
      failed(verifyActivation(loc, "input", input)) ||
      failed(verifyActivation(loc, "output", output)))
    return failure();
  return success();
}

LogicalResult MeanOp::verify() {
  RankedTensorType input = getTensorType(getInput());
  ArrayRef<int64_t> axes = getAxes();
  if (axes.empty() || !isStrictlyIncreasingInRange(axes, input.getRank()))
    return emitOpError("expects non-empty, strictly increasing axes in [0, ")
           << input.getRank() << ")";
  SmallVector<int64_t> expected;
  for (auto [dim, size] : llvm::enumerate(input.getShape())) {
    if (!llvm::is_contained(axes, static_cast<int64_t>(dim)))
      expected.push_back(size);
    else if (getKeepDims())
      expected.push_back(1);
  }
  if (failed(verifyShape(getLoc(), "output", expected, getType())) ||
      failed(verifySameNumericKind(getLoc(), {input, getType()})) ||
      failed(verifyActivation(getLoc(), "input", input)) ||
      failed(verifyActivation(getLoc(), "output", getType())))
    return failure();
  return success();
}

LogicalResult SoftmaxOp::verify() {
  RankedTensorType input = getTensorType(getInput());
  int64_t axis = getAxis();
  if (axis < 0 || axis >= input.getRank())
    return emitOpError("expects axis in [0, ")
           << input.getRank() << "), got " << axis;
  if (!(getBeta().convertToFloat() > 0.0f))
    return emitOpError("expects a positive beta");
  return verifyShapePreservingActivation(*this);
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::verify() {
  RankedTensorType input = getTensorType(getInput());
  RankedTensorType output = getType();
  std::optional<int64_t> inCount = getElementCount(input.getShape());
  std::optional<int64_t> outCount = getElementCount(output.getShape());
  if (!inCount || !outCount || *inCount != *outCount)
    return emitOpError("expects the same number of elements, got ")
           << (inCount ? std::to_string(*inCount) : "too many") << " and "
           << (outCount ? std::to_string(*outCount) : "too many");
  if (input.getElementType() != output.getElementType())
    return emitOpError("expects the same element type, got ")
           << input.getElementType() << " and " << output.getElementType();
  return verifyActivation(getLoc(), "input", input);
}

OpFoldResult ReshapeOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  // reshape(reshape(x)) is reshape(x).
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  return {};
}

LogicalResult TransposeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> perm = adaptor.getPerm();
  if (static_cast<int64_t>(perm.size()) != input.getRank() ||
      !isPermutation(perm))
    return emitOptionalError(location, "expects perm to be a permutation of [0, ",
                             input.getRank(), ")");
  if (location && failed(verifyActivation(*location, "input", input)))
    return failure();
  SmallVector<int64_t> shape;
  for (int64_t dim : perm)
    shape.push_back(input.getDimSize(dim));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

/// Returns true if `perm` maps every dimension to itself.
static bool isIdentityPermutation(ArrayRef<int64_t> perm) {
  for (auto [index, dim] : llvm::enumerate(perm))
    if (static_cast<int64_t>(index) != dim)
      return false;
  return true;
}

RankedTensorType TransposeOp::getPermutedType(RankedTensorType type,
                                              ArrayRef<int64_t> perm) {
  SmallVector<int64_t> shape;
  for (int64_t dim : perm)
    shape.push_back(type.getDimSize(dim));
  Type elementType = type.getElementType();
  if (auto perAxis =
          dyn_cast<quant::UniformQuantizedPerAxisType>(elementType)) {
    const auto *axis = llvm::find(perm, perAxis.getQuantizedDimension());
    elementType = quant::UniformQuantizedPerAxisType::get(
        perAxis.getFlags(), perAxis.getStorageType(),
        perAxis.getExpressedType(), perAxis.getScales(),
        perAxis.getZeroPoints(), std::distance(perm.begin(), axis),
        perAxis.getStorageTypeMin(), perAxis.getStorageTypeMax());
  }
  return RankedTensorType::get(shape, elementType);
}

/// Returns the raw bytes of dense or blob-backed elements, or std::nullopt.
static std::optional<ArrayRef<char>> getRawElementData(ElementsAttr value) {
  if (auto dense = dyn_cast<DenseElementsAttr>(value))
    return dense.getRawData();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    if (AsmResourceBlob *blob = resource.getRawHandle().getBlob())
      return blob->getData();
  return std::nullopt;
}

DenseElementsAttr TransposeOp::permuteElements(ElementsAttr value,
                                               ArrayRef<int64_t> shape,
                                               ArrayRef<int64_t> perm) {
  Type elementType = value.getElementType();
  SmallVector<int64_t> outShape;
  for (int64_t dim : perm)
    outShape.push_back(shape[dim]);
  auto outType = RankedTensorType::get(outShape, elementType);
  std::optional<ArrayRef<char>> raw = getRawElementData(value);
  if (!raw || !elementType.isIntOrFloat() ||
      elementType.getIntOrFloatBitWidth() % 8 != 0)
    return {};
  unsigned bits = elementType.getIntOrFloatBitWidth();
  if (value.isSplat())
    return DenseElementsAttr::getFromRawBuffer(outType, *raw);
  size_t width = bits / 8;
  int64_t count = outType.getNumElements();
  if (static_cast<int64_t>(raw->size()) != count * static_cast<int64_t>(width))
    return {};
  // Input stride of each output dimension, then an odometer over the output.
  int64_t rank = shape.size();
  SmallVector<int64_t> inStrides(rank, 1), step(rank);
  for (int64_t d = rank - 2; d >= 0; --d)
    inStrides[d] = inStrides[d + 1] * shape[d + 1];
  for (int64_t k = 0; k < rank; ++k)
    step[k] = inStrides[perm[k]];
  std::vector<char> out(raw->size());
  SmallVector<int64_t> index(rank, 0);
  int64_t source = 0;
  for (int64_t i = 0; i < count; ++i) {
    std::memcpy(&out[i * width], &(*raw)[source * width], width);
    for (int64_t k = rank - 1; k >= 0; --k) {
      if (++index[k] < outShape[k]) {
        source += step[k];
        break;
      }
      source -= step[k] * (outShape[k] - 1);
      index[k] = 0;
    }
  }
  return DenseElementsAttr::getFromRawBuffer(outType, out);
}

OpFoldResult TransposeOp::fold(FoldAdaptor) {
  ArrayRef<int64_t> perm = getPerm();
  if (isIdentityPermutation(perm))
    return getInput();
  // transpose(transpose(x)) is one transpose of x, or x itself.
  if (auto producer = getInput().getDefiningOp<TransposeOp>()) {
    SmallVector<int64_t> composed;
    for (int64_t dim : perm)
      composed.push_back(producer.getPerm()[dim]);
    if (isIdentityPermutation(composed))
      return producer.getInput();
    getInputMutable().assign(producer.getInput());
    setPerm(composed);
    return getResult();
  }
  // An f32 constant that nothing else reads (or a splat) is permuted in place.
  // The value is read from the op: quantized constants have no attribute
  // form, so the fold adaptor does not describe them reliably.
  auto constant = getInput().getDefiningOp<ConstantOp>();
  if (!constant || constant.getValue().getType() != getInput().getType() ||
      !(constant.getValue().isSplat() || getInput().hasOneUse()))
    return {};
  return permuteElements(constant.getValue(), getInput().getType().getShape(),
                         perm);
}

namespace {
/// Folds a transpose of a constant, possibly seen through single-use
/// dequantize/quantize/requantize ops, into a permuted constant.
struct FoldTransposeOfConstant : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<Operation *> chain;
    Value value = op.getInput();
    while (Operation *def = value.getDefiningOp()) {
      if (!isa<DequantizeOp, QuantizeOp, RequantizeOp>(def))
        break;
      if (!value.hasOneUse())
        return failure();
      chain.push_back(def);
      value = def->getOperand(0);
    }
    auto constant = value.getDefiningOp<ConstantOp>();
    if (!constant || !(value.hasOneUse() || constant.getValue().isSplat()))
      return failure();
    ArrayRef<int64_t> perm = op.getPerm();
    DenseElementsAttr data = TransposeOp::permuteElements(
        constant.getValue(), constant.getType().getShape(), perm);
    if (!data)
      return failure();
    Value result = ConstantOp::create(
        rewriter, constant.getLoc(),
        TransposeOp::getPermutedType(constant.getType(), perm), data);
    for (Operation *def : llvm::reverse(chain)) {
      auto type = cast<RankedTensorType>(def->getResult(0).getType());
      OperationState state(def->getLoc(), def->getName(), result,
                           TransposeOp::getPermutedType(type, perm),
                           def->getAttrs());
      result = rewriter.create(state)->getResult(0);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};
} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<FoldTransposeOfConstant>(context);
}

LogicalResult ConcatOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return emitOptionalError(location, "expects at least one input");
  auto first = cast<RankedTensorType>(inputs.front().getType());
  int64_t rank = first.getRank();
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= rank)
    return emitOptionalError(location, "expects axis in [0, ", rank, "), got ",
                             axis);
  if (location && failed(verifyActivation(*location, "input 0", first)))
    return failure();
  SmallVector<int64_t> shape(first.getShape());
  for (auto [index, value] : llvm::enumerate(inputs.drop_front())) {
    auto type = cast<RankedTensorType>(value.getType());
    if (type.getElementType() != first.getElementType())
      return emitOptionalError(location, "expects input ", index + 1,
                               " to have the element type of input 0");
    if (type.getRank() != rank)
      return emitOptionalError(location, "expects input ", index + 1,
                               " to have rank ", rank);
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && type.getDimSize(d) != first.getDimSize(d))
        return emitOptionalError(location, "expects input ", index + 1,
                                 " to match input 0 in dimension ", d);
    if (llvm::AddOverflow(shape[axis], type.getDimSize(axis), shape[axis]))
      return emitOptionalError(location, "expects the concatenated size to "
                                         "fit in 64 bits");
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, first.getElementType()));
  return success();
}

LogicalResult SliceOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> offsets = adaptor.getOffsets();
  ArrayRef<int64_t> sizes = adaptor.getSizes();
  ArrayRef<int64_t> strides = adaptor.getStrides();
  size_t rank = input.getRank();
  if (offsets.size() != rank || sizes.size() != rank || strides.size() != rank)
    return emitOptionalError(location, "expects ", rank,
                             " offsets, sizes and strides");
  for (size_t d = 0; d < rank; ++d) {
    if (offsets[d] < 0 || sizes[d] <= 0 || strides[d] <= 0)
      return emitOptionalError(location,
                               "expects non-negative offsets and positive "
                               "sizes and strides");
    // offsets + (sizes - 1) * strides < dim, without overflow.
    int64_t room = input.getDimSize(d) - 1 - offsets[d];
    if (room < 0 || (sizes[d] - 1) > room / strides[d])
      return emitOptionalError(location, "expects the slice to stay inside "
                                         "the input along dimension ",
                               d);
  }
  if (location && failed(verifyActivation(*location, "input", input)))
    return failure();
  inferredReturnTypes.push_back(
      RankedTensorType::get(sizes, input.getElementType()));
  return success();
}

OpFoldResult SliceOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType() &&
      llvm::all_of(getStrides(), [](int64_t s) { return s == 1; }))
    return getInput();
  return {};
}

LogicalResult PadOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> low = adaptor.getLow(), high = adaptor.getHigh();
  size_t rank = input.getRank();
  if (low.size() != rank || high.size() != rank ||
      llvm::any_of(low, [](int64_t p) { return p < 0; }) ||
      llvm::any_of(high, [](int64_t p) { return p < 0; }))
    return emitOptionalError(location, "expects ", rank,
                             " non-negative low and high pads");
  if (location && failed(verifyActivation(*location, "input", input)))
    return failure();
  SmallVector<int64_t> shape(rank);
  for (size_t d = 0; d < rank; ++d)
    if (llvm::AddOverflow(input.getDimSize(d), low[d], shape[d]) ||
        llvm::AddOverflow(shape[d], high[d], shape[d]))
      return emitOptionalError(location, "expects the padded size to fit in "
                                         "64 bits");
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

LogicalResult QuantizeOp::verify() {
  RankedTensorType input = getTensorType(getInput());
  if (failed(verifyShape(getLoc(), "output", input.getShape(), getType())) ||
      failed(verifyQuantizedTensor(getLoc(), "output", getType())))
    return failure();
  auto quantized = cast<quant::QuantizedType>(getType().getElementType());
  if (quantized.getStorageTypeIntegralWidth() != 8)
    return emitOpError("expects 8-bit storage for output, got ")
           << quantized.getStorageType();
  return success();
}

LogicalResult DequantizeOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  if (location && failed(verifyQuantizedTensor(*location, "input", input)))
    return failure();
  inferredReturnTypes.push_back(
      RankedTensorType::get(input.getShape(), Float32Type::get(context)));
  return success();
}

LogicalResult RequantizeOp::verify() {
  RankedTensorType input = getTensorType(getInput());
  if (failed(verifyShape(getLoc(), "output", input.getShape(), getType())) ||
      failed(verifyActivation(getLoc(), "input", input)) ||
      failed(verifyActivation(getLoc(), "output", getType())))
    return failure();
  return success();
}

#define GET_OP_CLASSES
#include "morsel/Dialect/NN/IR/NNOps.cpp.inc"

//===----------------------------------------------------------------------===//
// ChannelPartitionOp
//===----------------------------------------------------------------------===//

YieldOp ChannelPartitionOp::getYield() {
  return cast<YieldOp>(getBody().front().getTerminator());
}

LogicalResult ChannelPartitionOp::verifyRegions() {
  Block &body = getBody().front();
  if (body.getNumArguments() != 1 ||
      body.getArgument(0).getType() != getInput().getType())
    return emitOpError("expects one body argument of the input's type ")
           << getInput().getType();
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError("expects its body to end with nn.yield");
  if (yield.getValue().getType() != getType())
    return emitOpError("yields ")
           << yield.getValue().getType() << " but its result is "
           << getType();

  SmallVector<Operation *> chainOps;
  for (Operation &op : body.without_terminator())
    if (!isa<ConstantOp>(op))
      chainOps.push_back(&op);
  if (chainOps.empty())
    return emitOpError("expects a chain of operators in its body");
  Value argument = body.getArgument(0);
  Operation *producer = chainOps.front();
  if (!argument.hasOneUse() || argument.use_begin()->getOwner() != producer ||
      argument.use_begin()->getOperandNumber() != 0)
    return emitOpError("expects the body argument to be read once, as the "
                       "input of the first operator");
  std::string whyNot;
  FailureOr<ChannelChain> chain = matchChannelChain(producer, whyNot);
  if (failed(chain))
    return emitOpError("cannot run its body a slice of channels at a time: ")
           << whyNot;
  if (chain->getOperations() != ArrayRef<Operation *>(chainOps) ||
      chain->getResult() != yield.getValue())
    return emitOpError("expects its body to be exactly one chain, producer "
                       "to consumer, whose result it yields");
  int64_t chunks = getChunks();
  if (chunks < 1 || chain->channels % chunks != 0)
    return emitOpError("chunks = ")
           << chunks << " does not divide the " << chain->channels
           << " channels of the chain";
  return success();
}
