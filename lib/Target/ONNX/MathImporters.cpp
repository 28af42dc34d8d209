//===- MathImporters.cpp - Gemm, MatMul, activations, arithmetic ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Operators that are layout-agnostic in nn and are emitted directly on the
// ONNX tensors: fully-connected layers, element-wise activations, NumPy
// broadcasting arithmetic, Softmax and ReduceMean.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Support/ShapeUtils.h"

#include "onnx/onnx_pb.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace morsel;
using namespace morsel::onnx_import;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Returns a FLOAT host tensor of `shape` filled with `value`.
static HostTensor makeFloatTensor(ArrayRef<int64_t> shape, float value) {
  HostTensor tensor;
  tensor.dataType = onnx::TensorProto::FLOAT;
  tensor.shape.assign(shape.begin(), shape.end());
  tensor.floats.assign(getElementCount(shape).value_or(0), value);
  return tensor;
}

/// Returns `tensor` with every value multiplied by `factor`.
static HostTensor scaleTensor(HostTensor tensor, float factor) {
  for (float &value : tensor.floats)
    value *= factor;
  return tensor;
}

/// Creates nn.add or nn.mul of two values with NumPy broadcasting.
template <typename OpTy>
static FailureOr<Value> createBroadcastOp(GraphImporter &importer,
                                          const onnx::NodeProto &node,
                                          Value lhs, Value rhs) {
  std::optional<SmallVector<int64_t>> shape =
      getBroadcastShape(getShape(lhs), getShape(rhs));
  if (!shape)
    return importer.emitNodeError(node)
           << "operand shapes " << formatShape(getShape(lhs)) << " and "
           << formatShape(getShape(rhs)) << " do not broadcast";
  return OpTy::create(importer.getBuilder(), importer.getLoc(node),
                      getTypeLike(lhs, *shape), lhs, rhs)
      .getResult();
}

/// Returns an nn.constant holding the scalar `value` as a [1] tensor.
static Value createScalar(GraphImporter &importer, const onnx::NodeProto &node,
                          float value) {
  return importer.getOrCreateConstant(makeFloatTensor({1}, value), "",
                                      importer.getLoc(node));
}

//===----------------------------------------------------------------------===//
// Gemm and MatMul
//===----------------------------------------------------------------------===//

/// Returns the [N, K] weights of a fully-connected layer from input `index`,
/// which holds [K, N] weights (or [N, K] when `transposed`), scaled by `alpha`
/// when they are a host constant. `scaled` tells whether alpha was applied.
static FailureOr<Value> getFCWeights(GraphImporter &importer,
                                     const onnx::NodeProto &node, int index,
                                     bool transposed, float alpha,
                                     bool &scaled) {
  Location loc = importer.getLoc(node);
  std::shared_ptr<const HostTensor> host =
      importer.getSharedHostInput(node, index);
  if (host) {
    if (host->dataType != onnx::TensorProto::FLOAT)
      return importer.emitNodeError(node) << "the weights must be FLOAT, got "
                                          << getDataTypeName(host->dataType);
    std::string key =
        importer.getHostKey(node, index) + "@FC" + (transposed ? "" : "^T");
    if (alpha != 1.0f)
      key += "*" + std::to_string(alpha);
    std::shared_ptr<const HostTensor> weights =
        importer.getOrCreateDerivedTensor(key, [&] {
          HostTensor result = transposed ? *host : transposeHost(*host, {1, 0});
          return scaleTensor(std::move(result), alpha);
        });
    scaled = true;
    return importer.getOrCreateConstant(*weights, key, loc);
  }
  if (!importer.isConstantInput(node, index))
    return importer.emitNodeError(node)
           << "the weights (input " << index
           << ") must be constant (an initializer or the DequantizeLinear "
              "of one)";
  FailureOr<Value> weights = importer.getTensorInput(node, index);
  if (failed(weights))
    return failure();
  scaled = alpha == 1.0f;
  if (transposed)
    return *weights;
  return createTranspose(importer.getBuilder(), loc, *weights, {1, 0});
}

namespace {
/// The C operand of a Gemm, split into what fits the nn.fully_connected bias
/// and what needs a separate nn.add after it.
struct GemmBias {
  Value bias;
  Value addend;
};
} // namespace

/// Reads input C of a Gemm whose product is [M, N], scaled by `beta`.
static FailureOr<GemmBias> getGemmBias(GraphImporter &importer,
                                       const onnx::NodeProto &node, int64_t n,
                                       float beta) {
  GemmBias result;
  if (!importer.hasInput(node, 2) || beta == 0.0f)
    return result;
  Location loc = importer.getLoc(node);
  ArrayRef<int64_t> shape = importer.getInputShape(node, 2);
  bool isRow = (shape.size() == 1 && shape[0] == n) ||
               (shape.size() == 2 && shape[0] == 1 && shape[1] == n);
  if (const HostTensor *host = importer.getHostInput(node, 2)) {
    if (host->dataType != onnx::TensorProto::FLOAT)
      return importer.emitNodeError(node) << "input C must be FLOAT";
    if (!isRow && host->getNumElements() != 1) {
      result.addend =
          importer.getOrCreateConstant(scaleTensor(*host, beta), "", loc);
      return result;
    }
    HostTensor bias = makeFloatTensor({n}, 0.0f);
    for (int64_t i = 0; i < n; ++i)
      bias.floats[i] = beta * host->floats[isRow ? i : 0];
    std::string key =
        importer.getHostKey(node, 2) + "@bias*" + std::to_string(beta);
    result.bias = importer.getOrCreateConstant(bias, key, loc);
    return result;
  }
  FailureOr<Value> c = importer.getTensorInput(node, 2);
  if (failed(c))
    return failure();
  Value value = *c;
  if (beta != 1.0f) {
    FailureOr<Value> scaled = createBroadcastOp<nn::MulOp>(
        importer, node, value, createScalar(importer, node, beta));
    if (failed(scaled))
      return failure();
    value = *scaled;
  }
  if (shape.size() == 1 && shape[0] == n && beta == 1.0f)
    result.bias = value;
  else
    result.addend = value;
  return result;
}

/// Imports Gemm (alpha * A' * B' + beta * C) as nn.fully_connected with
/// [N, K] weights, plus nn.mul / nn.add for what the bias cannot hold.
static LogicalResult importGemm(GraphImporter &importer,
                                const onnx::NodeProto &node) {
  auto transA = getIntAttribute(importer, node, "transA", 0);
  auto transB = getIntAttribute(importer, node, "transB", 0);
  auto alpha = getFloatAttribute(importer, node, "alpha", 1.0f);
  auto beta = getFloatAttribute(importer, node, "beta", 1.0f);
  FailureOr<Value> a = importer.getTensorInput(node, 0);
  if (failed(transA) || failed(transB) || failed(alpha) || failed(beta) ||
      failed(a))
    return failure();
  ArrayRef<int64_t> bShape = importer.getInputShape(node, 1);
  if (getShape(*a).size() != 2 || bShape.size() != 2)
    return importer.emitNodeError(node) << "A and B must have rank 2";
  OpBuilder &builder = importer.getBuilder();
  Location loc = importer.getLoc(node);
  Value input = *transA ? createTranspose(builder, loc, *a, {1, 0}) : *a;
  int64_t m = getShape(input)[0], k = getShape(input)[1];
  int64_t n = *transB ? bShape[0] : bShape[1];
  if ((*transB ? bShape[1] : bShape[0]) != k)
    return importer.emitNodeError(node)
           << "A' has " << k << " columns but B' is " << formatShape(bShape)
           << (*transB ? " (transposed)" : "");
  bool scaled = false;
  FailureOr<Value> weights =
      getFCWeights(importer, node, 1, *transB != 0, *alpha, scaled);
  FailureOr<GemmBias> bias = getGemmBias(importer, node, n, *beta);
  if (failed(weights) || failed(bias))
    return failure();
  if (!scaled && bias->bias)
    std::swap(bias->bias, bias->addend);

  Value result = nn::FullyConnectedOp::create(
      builder, loc, getTypeLike(input, {m, n}), input, *weights, bias->bias);
  if (!scaled) {
    FailureOr<Value> product = createBroadcastOp<nn::MulOp>(
        importer, node, result, createScalar(importer, node, *alpha));
    if (failed(product))
      return failure();
    result = *product;
  }
  if (bias->addend) {
    FailureOr<Value> sum =
        createBroadcastOp<nn::AddOp>(importer, node, result, bias->addend);
    if (failed(sum))
      return failure();
    if (getShape(*sum) != getShape(result))
      return importer.emitNodeError(node)
             << "C does not broadcast to [" << m << ", " << n << "]";
    result = *sum;
  }
  importer.setOutput(node, 0, result);
  return success();
}

/// Imports MatMul with a constant 2-D right operand as nn.fully_connected,
/// flattening the leading dimensions of the left operand.
static LogicalResult importMatMul(GraphImporter &importer,
                                  const onnx::NodeProto &node) {
  FailureOr<Value> a = importer.getTensorInput(node, 0);
  if (failed(a))
    return failure();
  ArrayRef<int64_t> aShape = getShape(*a);
  ArrayRef<int64_t> bShape = importer.getInputShape(node, 1);
  if (aShape.size() < 2 || bShape.size() != 2)
    return importer.emitNodeError(node)
           << "only a left operand of rank >= 2 times a 2-D constant is "
              "supported, got "
           << formatShape(aShape) << " x " << formatShape(bShape);
  int64_t k = aShape.back(), n = bShape[1];
  if (bShape[0] != k)
    return importer.emitNodeError(node)
           << "operand shapes " << formatShape(aShape) << " and "
           << formatShape(bShape) << " do not multiply";
  bool scaled = false;
  FailureOr<Value> weights =
      getFCWeights(importer, node, 1, /*transposed=*/false, 1.0f, scaled);
  if (failed(weights))
    return failure();
  OpBuilder &builder = importer.getBuilder();
  Location loc = importer.getLoc(node);
  int64_t rows = *getElementCount(aShape.drop_back());
  Value input = createReshape(builder, loc, *a, {rows, k});
  Value product = nn::FullyConnectedOp::create(
      builder, loc, getTypeLike(input, {rows, n}), input, *weights, Value());
  SmallVector<int64_t, 4> resultShape(aShape.drop_back());
  resultShape.push_back(n);
  importer.setOutput(node, 0,
                     createReshape(builder, loc, product, resultShape));
  return success();
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

/// Creates nn.clamp with bounds `min` and `max` on input 0 of `node`.
static LogicalResult createClamp(GraphImporter &importer,
                                 const onnx::NodeProto &node, float min,
                                 float max) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  if (std::isnan(min) || std::isnan(max) || min > max)
    return importer.emitNodeError(node)
           << "bounds min = " << min << ", max = " << max
           << " are not supported (need min <= max)";
  OpBuilder &builder = importer.getBuilder();
  importer.setOutput(node, 0,
                     nn::ClampOp::create(builder, importer.getLoc(node), *input,
                                         builder.getF32FloatAttr(min),
                                         builder.getF32FloatAttr(max)));
  return success();
}

/// Imports Relu as nn.clamp [0, +inf].
static LogicalResult importRelu(GraphImporter &importer,
                                const onnx::NodeProto &node) {
  return createClamp(importer, node, 0.0f,
                     std::numeric_limits<float>::infinity());
}

/// Reads the optional scalar bound `index` of Clip (absent is `fallback`).
static FailureOr<float> readClipBound(GraphImporter &importer,
                                      const onnx::NodeProto &node, int index,
                                      float fallback) {
  if (!importer.hasInput(node, index))
    return fallback;
  FailureOr<const HostTensor *> bound =
      importer.requireHostInput(node, index, index == 1 ? "min" : "max");
  if (failed(bound))
    return failure();
  if (!(*bound)->isFloat() || (*bound)->getNumElements() != 1)
    return importer.emitNodeError(node)
           << "input " << index << " must be a float scalar";
  return (*bound)->floats[0];
}

/// Imports Clip (bounds as inputs, opset >= 11) as nn.clamp.
static LogicalResult importClip(GraphImporter &importer,
                                const onnx::NodeProto &node) {
  float infinity = std::numeric_limits<float>::infinity();
  FailureOr<float> min = readClipBound(importer, node, 1, -infinity);
  FailureOr<float> max = readClipBound(importer, node, 2, infinity);
  if (failed(min) || failed(max))
    return failure();
  return createClamp(importer, node, *min, *max);
}

/// Imports HardSigmoid (alpha, beta) as nn.hard_sigmoid.
static LogicalResult importHardSigmoid(GraphImporter &importer,
                                       const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  auto alpha = getFloatAttribute(importer, node, "alpha", 0.2f);
  auto beta = getFloatAttribute(importer, node, "beta", 0.5f);
  if (failed(input) || failed(alpha) || failed(beta))
    return failure();
  if (*alpha == 0.0f)
    return importer.emitNodeError(node) << "alpha = 0 is not supported";
  OpBuilder &builder = importer.getBuilder();
  importer.setOutput(node, 0,
                     nn::HardSigmoidOp::create(builder, importer.getLoc(node),
                                               input->getType(), *input,
                                               builder.getF32FloatAttr(*alpha),
                                               builder.getF32FloatAttr(*beta)));
  return success();
}

/// Imports a unary activation with no attributes as `OpTy`.
template <typename OpTy>
static LogicalResult importUnary(GraphImporter &importer,
                                 const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  importer.setOutput(node, 0,
                     OpTy::create(importer.getBuilder(), importer.getLoc(node),
                                  input->getType(), *input));
  return success();
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

/// Imports Add or Mul as `OpTy` with NumPy broadcasting.
template <typename OpTy>
static LogicalResult importBinary(GraphImporter &importer,
                                  const onnx::NodeProto &node) {
  FailureOr<Value> lhs = importer.getTensorInput(node, 0);
  FailureOr<Value> rhs = importer.getTensorInput(node, 1);
  if (failed(lhs) || failed(rhs))
    return failure();
  FailureOr<Value> result = createBroadcastOp<OpTy>(importer, node, *lhs, *rhs);
  if (failed(result))
    return failure();
  importer.setOutput(node, 0, *result);
  return success();
}

/// Returns input `index` multiplied by -1 (a negated constant when it is
/// known on the host).
static FailureOr<Value> getNegatedInput(GraphImporter &importer,
                                        const onnx::NodeProto &node,
                                        int index) {
  const HostTensor *host = importer.getHostInput(node, index);
  if (host && host->dataType == onnx::TensorProto::FLOAT)
    return importer.getOrCreateConstant(scaleTensor(*host, -1.0f), "",
                                        importer.getLoc(node));
  FailureOr<Value> value = importer.getTensorInput(node, index);
  if (failed(value))
    return failure();
  return createBroadcastOp<nn::MulOp>(importer, node, *value,
                                      createScalar(importer, node, -1.0f));
}

/// Imports Sub as nn.add of the negated right operand.
static LogicalResult importSub(GraphImporter &importer,
                               const onnx::NodeProto &node) {
  FailureOr<Value> lhs = importer.getTensorInput(node, 0);
  if (failed(lhs))
    return failure();
  FailureOr<Value> rhs = getNegatedInput(importer, node, 1);
  if (failed(rhs))
    return failure();
  FailureOr<Value> result =
      createBroadcastOp<nn::AddOp>(importer, node, *lhs, *rhs);
  if (failed(result))
    return failure();
  importer.setOutput(node, 0, *result);
  return success();
}

/// Imports Div by a constant as nn.mul by its reciprocal.
static LogicalResult importDiv(GraphImporter &importer,
                               const onnx::NodeProto &node) {
  const HostTensor *divisor = importer.getHostInput(node, 1);
  if (!divisor || divisor->dataType != onnx::TensorProto::FLOAT)
    return importer.emitNodeError(node)
           << "only division by a FLOAT constant is supported";
  HostTensor reciprocal = *divisor;
  for (float &value : reciprocal.floats)
    value = 1.0f / value;
  FailureOr<Value> lhs = importer.getTensorInput(node, 0);
  if (failed(lhs))
    return failure();
  Value rhs =
      importer.getOrCreateConstant(reciprocal, "", importer.getLoc(node));
  FailureOr<Value> result =
      createBroadcastOp<nn::MulOp>(importer, node, *lhs, rhs);
  if (failed(result))
    return failure();
  importer.setOutput(node, 0, *result);
  return success();
}

//===----------------------------------------------------------------------===//
// Softmax and ReduceMean
//===----------------------------------------------------------------------===//

/// Returns the axis along which ONNX Softmax of opset < 13 (which flattens
/// dimensions [axis, rank) into one) normalizes, if that is a single axis:
/// at most one of the flattened dimensions may be larger than 1.
static std::optional<int64_t> getCoercedSoftmaxAxis(ArrayRef<int64_t> shape,
                                                    int64_t axis) {
  int64_t rank = shape.size();
  std::optional<int64_t> found;
  for (int64_t d = axis; d < rank; ++d) {
    if (shape[d] == 1)
      continue;
    if (found)
      return std::nullopt;
    found = d;
  }
  return found.value_or(rank - 1);
}

/// Imports Softmax as nn.softmax (beta 1) along one axis.
static LogicalResult importSoftmax(GraphImporter &importer,
                                   const onnx::NodeProto &node) {
  bool coerced = importer.getOpsetVersion() < 13;
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  auto axisAttr = getIntAttribute(importer, node, "axis", coerced ? 1 : -1);
  if (failed(input) || failed(axisAttr))
    return failure();
  ArrayRef<int64_t> shape = getShape(*input);
  std::optional<int64_t> axis = normalizeAxis(*axisAttr, shape.size());
  if (!axis)
    return importer.emitNodeError(node)
           << "axis " << *axisAttr << " is out of range for rank "
           << shape.size();
  if (coerced) {
    axis = getCoercedSoftmaxAxis(shape, *axis);
    if (!axis)
      return importer.emitNodeError(node)
             << "before opset 13 Softmax normalizes over the flattened "
                "dimensions from axis "
             << *axisAttr << " of " << formatShape(shape)
             << "; only supported when that equals a softmax along one axis";
  }
  OpBuilder &builder = importer.getBuilder();
  importer.setOutput(node, 0,
                     nn::SoftmaxOp::create(builder, importer.getLoc(node),
                                           input->getType(), *input, *axis,
                                           llvm::APFloat(1.0f)));
  return success();
}

/// Imports ReduceMean (axes attribute, keepdims) as nn.mean.
static LogicalResult importReduceMean(GraphImporter &importer,
                                      const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  auto axesAttr = getIntsAttribute(importer, node, "axes");
  auto keepDims = getIntAttribute(importer, node, "keepdims", 1);
  if (failed(input) || failed(axesAttr) || failed(keepDims))
    return failure();
  ArrayRef<int64_t> shape = getShape(*input);
  int64_t rank = shape.size();
  SmallVector<int64_t, 4> axes;
  if (!*axesAttr || (*axesAttr)->empty()) {
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  for (int64_t axis : axesAttr->value_or(SmallVector<int64_t, 4>())) {
    std::optional<int64_t> normalized = normalizeAxis(axis, rank);
    if (!normalized || llvm::is_contained(axes, *normalized))
      return importer.emitNodeError(node) << "axes must be distinct and in [-"
                                          << rank << ", " << rank << ")";
    axes.push_back(*normalized);
  }
  llvm::sort(axes);
  SmallVector<int64_t, 4> resultShape;
  for (int64_t d = 0; d < rank; ++d) {
    if (!llvm::is_contained(axes, d))
      resultShape.push_back(shape[d]);
    else if (*keepDims)
      resultShape.push_back(1);
  }
  importer.setOutput(node, 0,
                     nn::MeanOp::create(importer.getBuilder(),
                                        importer.getLoc(node),
                                        getTypeLike(*input, resultShape),
                                        *input, axes, *keepDims != 0));
  return success();
}

void morsel::onnx_import::addMathImporters(NodeImporterTable &table) {
  table["Gemm"] = importGemm;
  table["MatMul"] = importMatMul;
  table["Relu"] = importRelu;
  table["Clip"] = importClip;
  table["HardSigmoid"] = importHardSigmoid;
  table["HardSwish"] = importUnary<nn::HardSwishOp>;
  table["Sigmoid"] = importUnary<nn::SigmoidOp>;
  table["Add"] = importBinary<nn::AddOp>;
  table["Mul"] = importBinary<nn::MulOp>;
  table["Sub"] = importSub;
  table["Div"] = importDiv;
  table["Softmax"] = importSoftmax;
  table["ReduceMean"] = importReduceMean;
}
