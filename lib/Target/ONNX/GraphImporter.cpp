//===- GraphImporter.cpp - Translation of one ONNX graph to nn ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Support/ShapeUtils.h"

#include "mlir/IR/Verifier.h"
#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::onnx_import;

/// The function attribute that carries ONNX tensor names.
static constexpr llvm::StringLiteral kNameAttr = "morsel.name";

/// Returns the cache key of a host value: its address, which every alias of
/// the value shares.
static std::string getKeyOf(const HostTensor *tensor) {
  return "host@" + std::to_string(reinterpret_cast<uintptr_t>(tensor));
}

//===----------------------------------------------------------------------===//
// Construction
//===----------------------------------------------------------------------===//

GraphImporter::GraphImporter(const onnx::ModelProto &model, StringRef fileName,
                             int64_t opsetVersion, MLIRContext *context)
    : model(model), fileName(fileName.str()), opsetVersion(opsetVersion),
      context(context), fileLoc(FileLineColLoc::get(context, fileName, 0, 0)),
      builder(context) {
  addConvPoolImporters(importers);
  addMathImporters(importers);
  addShapeImporters(importers);
  addQuantImporters(importers);
  const onnx::GraphProto &graph = model.graph();
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &input : node.input())
      if (!input.empty())
        ++useCounts[input];
  for (const onnx::ValueInfoProto &output : graph.output())
    ++useCounts[output.name()];
}

OwningOpRef<ModuleOp> GraphImporter::importModel() {
  module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());
  if (failed(importInitializers()) || failed(createMainFunction()) ||
      failed(importNodes()) || failed(createReturn()))
    return nullptr;
  if (failed(verify(*module)))
    return nullptr;
  return std::move(module);
}

//===----------------------------------------------------------------------===//
// Diagnostics and bookkeeping
//===----------------------------------------------------------------------===//

std::string morsel::onnx_import::getNodeName(const onnx::NodeProto &node) {
  if (!node.name().empty())
    return node.name();
  if (node.output_size() > 0)
    return node.output(0);
  return "<unnamed>";
}

Location GraphImporter::getLoc(const onnx::NodeProto &node) {
  return NameLoc::get(StringAttr::get(context, getNodeName(node)), fileLoc);
}

InFlightDiagnostic GraphImporter::emitNodeError(const onnx::NodeProto &node) {
  return emitError(fileLoc)
         << "node '" << getNodeName(node) << "' (" << node.op_type() << "): ";
}

unsigned GraphImporter::getUseCount(StringRef name) const {
  return useCounts.lookup(name);
}

const GraphImporter::TensorInfo *GraphImporter::lookup(StringRef name) const {
  auto it = tensors.find(name);
  return it == tensors.end() ? nullptr : &it->second;
}

//===----------------------------------------------------------------------===//
// Graph inputs and initializers
//===----------------------------------------------------------------------===//

LogicalResult GraphImporter::importInitializers() {
  const onnx::GraphProto &graph = model.graph();
  if (graph.sparse_initializer_size() > 0)
    return emitError(fileLoc) << "sparse initializer '"
                              << graph.sparse_initializer(0).values().name()
                              << "' is not supported";
  for (const onnx::TensorProto &proto : graph.initializer()) {
    llvm::Expected<HostTensor> tensor = readTensorProto(proto);
    if (!tensor)
      return emitError(fileLoc) << "initializer '" << proto.name()
                                << "': " << llvm::toString(tensor.takeError());
    tensors[proto.name()].host =
        std::make_shared<const HostTensor>(std::move(*tensor));
  }
  return success();
}

FailureOr<RankedTensorType>
GraphImporter::getGraphInputType(const onnx::ValueInfoProto &input) {
  auto fail = [&]() {
    return emitError(fileLoc) << "graph input '" << input.name() << "' ";
  };
  if (!input.type().has_tensor_type())
    return fail() << "is not a tensor";
  const onnx::TypeProto::Tensor &tensorType = input.type().tensor_type();
  int32_t elementType = tensorType.elem_type();
  if (elementType == onnx::TensorProto::INT8 ||
      elementType == onnx::TensorProto::UINT8)
    return fail() << "has element type " << getDataTypeName(elementType)
                  << "; only FLOAT graph inputs are supported (quantize "
                     "inside the model with QuantizeLinear)";
  if (elementType != onnx::TensorProto::FLOAT)
    return fail() << "has element type " << getDataTypeName(elementType)
                  << "; only FLOAT graph inputs are supported";
  if (!tensorType.has_shape())
    return fail() << "has no shape; only static shapes are supported";
  SmallVector<int64_t, 4> shape;
  for (const auto &[index, dim] : llvm::enumerate(tensorType.shape().dim())) {
    if (dim.has_dim_param())
      return fail() << "has symbolic dimension '" << dim.dim_param()
                    << "' at index " << index
                    << "; only static shapes are supported";
    if (!dim.has_dim_value() || dim.dim_value() <= 0)
      return fail() << "has dynamic dimension at index " << index
                    << "; only static, positive sizes are supported";
    shape.push_back(dim.dim_value());
  }
  if (!getElementCount(shape))
    return fail() << "has too many elements";
  return RankedTensorType::get(shape, Float32Type::get(context));
}

LogicalResult GraphImporter::createMainFunction() {
  SmallVector<const onnx::ValueInfoProto *> inputs;
  SmallVector<Type> inputTypes;
  for (const onnx::ValueInfoProto &input : model.graph().input()) {
    if (lookup(input.name()))
      continue; // An initializer (a default value); not an argument.
    FailureOr<RankedTensorType> type = getGraphInputType(input);
    if (failed(type))
      return failure();
    inputs.push_back(&input);
    inputTypes.push_back(*type);
  }
  mainFunc = func::FuncOp::create(builder, fileLoc, "main",
                                  builder.getFunctionType(inputTypes, {}));
  Block *body = mainFunc.addEntryBlock();
  for (auto [index, input] : llvm::enumerate(inputs)) {
    mainFunc.setArgAttr(index, kNameAttr, builder.getStringAttr(input->name()));
    tensors[input->name()].value = body->getArgument(index);
  }
  builder.setInsertionPointToEnd(body);
  return success();
}

//===----------------------------------------------------------------------===//
// Nodes
//===----------------------------------------------------------------------===//

namespace {
/// Collects the operations created while one node is imported.
struct CreatedOpsListener : public OpBuilder::Listener {
  void notifyOperationInserted(Operation *op, OpBuilder::InsertPoint) override {
    ops.push_back(op);
  }
  SmallVector<Operation *> ops;
};
} // namespace

LogicalResult GraphImporter::importNodes() {
  for (const onnx::NodeProto &node : model.graph().node())
    if (failed(importNode(node)))
      return failure();
  return success();
}

LogicalResult GraphImporter::importNode(const onnx::NodeProto &node) {
  CreatedOpsListener listener;
  builder.setListener(&listener);
  LogicalResult result = dispatchNode(node);
  builder.setListener(nullptr);
  if (failed(result))
    return failure();
  for (const auto &[index, output] : llvm::enumerate(node.output()))
    if (!output.empty() && !lookup(output))
      return emitNodeError(node)
             << "output " << index << " ('" << output << "') is not supported";
  return verifyCreatedOps(node, listener.ops);
}

LogicalResult GraphImporter::dispatchNode(const onnx::NodeProto &node) {
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return emitNodeError(node)
           << "unsupported operator of domain '" << node.domain() << "'";
  SmallVector<const HostTensor *> hostInputs;
  bool allHost = true;
  for (int i = 0; i < node.input_size(); ++i) {
    if (!hasInput(node, i)) {
      hostInputs.push_back(nullptr);
      continue;
    }
    const TensorInfo *info = lookup(node.input(i));
    if (!info)
      return emitNodeError(node)
             << "input " << i << " ('" << node.input(i) << "') is undefined";
    hostInputs.push_back(info->host.get());
    allHost &= info->host != nullptr;
  }
  StringRef opType = node.op_type();
  if (allHost && canEvaluateOnHost(opType))
    return evaluateOnHost(*this, node, hostInputs);
  auto it = importers.find(opType);
  if (it == importers.end())
    return emitNodeError(node) << "unsupported operator";
  return it->second(*this, node);
}

LogicalResult GraphImporter::verifyCreatedOps(const onnx::NodeProto &node,
                                              ArrayRef<Operation *> ops) {
  for (Operation *op : ops) {
    std::string message;
    LogicalResult result = success();
    {
      ScopedDiagnosticHandler capture(context, [&](Diagnostic &diag) {
        if (message.empty())
          message = diag.str();
        return success();
      });
      result = verify(op, /*verifyRecursively=*/false);
    }
    if (failed(result))
      return emitNodeError(node) << "cannot be expressed in the nn dialect ('"
                                 << op->getName() << "': " << message << ")";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Graph outputs
//===----------------------------------------------------------------------===//

LogicalResult
GraphImporter::checkDeclaredOutput(const onnx::ValueInfoProto &output,
                                   Type type) {
  if (!output.type().has_tensor_type())
    return success();
  const onnx::TypeProto::Tensor &declared = output.type().tensor_type();
  auto tensorType = cast<RankedTensorType>(type);
  bool isFloat = tensorType.getElementType().isF32();
  int32_t elementType = declared.elem_type();
  if (isFloat && elementType != onnx::TensorProto::FLOAT &&
      elementType != onnx::TensorProto::UNDEFINED)
    return emitError(fileLoc)
           << "graph output '" << output.name() << "' is declared "
           << getDataTypeName(elementType) << " but computes FLOAT";
  if (!declared.has_shape())
    return success();
  ArrayRef<int64_t> shape = tensorType.getShape();
  bool mismatch = declared.shape().dim_size() != tensorType.getRank();
  for (int d = 0; !mismatch && d < declared.shape().dim_size(); ++d) {
    const auto &dim = declared.shape().dim(d);
    mismatch = dim.has_dim_value() && dim.dim_value() != shape[d];
  }
  if (mismatch)
    return emitError(fileLoc) << "graph output '" << output.name()
                              << "' is declared with a shape that disagrees "
                                 "with the computed shape "
                              << formatShape(shape);
  return success();
}

LogicalResult GraphImporter::createReturn() {
  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : model.graph().output()) {
    const TensorInfo *info = lookup(output.name());
    if (!info)
      return emitError(fileLoc)
             << "graph output '" << output.name() << "' is never computed";
    if (!info->value && !info->host->isFloat())
      return emitError(fileLoc)
             << "graph output '" << output.name() << "' is a constant of type "
             << getDataTypeName(info->host->dataType)
             << "; only FLOAT outputs are supported";
    FailureOr<Value> value = materialize(output.name(), fileLoc);
    if (failed(value) || failed(checkDeclaredOutput(output, value->getType())))
      return failure();
    results.push_back(*value);
  }
  func::ReturnOp::create(builder, fileLoc, results);
  mainFunc.setType(builder.getFunctionType(mainFunc.getArgumentTypes(),
                                           ValueRange(results).getTypes()));
  for (const auto &[index, output] : llvm::enumerate(model.graph().output()))
    mainFunc.setResultAttr(index, kNameAttr,
                           builder.getStringAttr(output.name()));
  return success();
}

//===----------------------------------------------------------------------===//
// Node inputs and outputs
//===----------------------------------------------------------------------===//

bool GraphImporter::hasInput(const onnx::NodeProto &node, int index) const {
  return index < node.input_size() && !node.input(index).empty();
}

StringRef GraphImporter::getInputName(const onnx::NodeProto &node,
                                      int index) const {
  return hasInput(node, index) ? StringRef(node.input(index)) : StringRef();
}

const HostTensor *GraphImporter::getHostInput(const onnx::NodeProto &node,
                                              int index) const {
  return getSharedHostInput(node, index).get();
}

std::shared_ptr<const HostTensor>
GraphImporter::getSharedHostInput(const onnx::NodeProto &node,
                                  int index) const {
  if (!hasInput(node, index))
    return nullptr;
  const TensorInfo *info = lookup(node.input(index));
  return info ? info->host : nullptr;
}

FailureOr<const HostTensor *>
GraphImporter::requireHostInput(const onnx::NodeProto &node, int index,
                                StringRef what) {
  if (!hasInput(node, index))
    return emitNodeError(node)
           << "needs input " << index << " (" << what << ")";
  if (const HostTensor *tensor = getHostInput(node, index))
    return tensor;
  return emitNodeError(node) << "input " << index << " (" << what
                             << ") must be a constant known at import time";
}

FailureOr<Value> GraphImporter::materialize(StringRef name, Location loc) {
  auto it = tensors.find(name);
  if (it == tensors.end())
    return emitError(fileLoc) << "tensor '" << name << "' is undefined";
  TensorInfo &info = it->second;
  if (info.value)
    return info.value;
  if (!info.host->isFloat() || info.host->dataType != onnx::TensorProto::FLOAT)
    return emitError(fileLoc)
           << "tensor '" << name << "' is a constant of type "
           << getDataTypeName(info.host->dataType)
           << " where the nn dialect needs FLOAT values";
  info.value = getOrCreateConstant(*info.host, getKeyOf(info.host.get()), loc);
  info.isConstant = true;
  return info.value;
}

FailureOr<Value> GraphImporter::getTensorInput(const onnx::NodeProto &node,
                                               int index) {
  if (!hasInput(node, index))
    return emitNodeError(node) << "needs input " << index;
  const TensorInfo *info = lookup(node.input(index));
  if (info && !info->value && !info->host->isFloat())
    return emitNodeError(node)
           << "input " << index << " ('" << node.input(index)
           << "') is a constant of type "
           << getDataTypeName(info->host->dataType)
           << " where the nn dialect needs FLOAT values";
  return materialize(node.input(index), getLoc(node));
}

ArrayRef<int64_t> GraphImporter::getInputShape(const onnx::NodeProto &node,
                                               int index) const {
  const TensorInfo *info =
      hasInput(node, index) ? lookup(node.input(index)) : nullptr;
  if (!info)
    return {};
  if (info->value)
    return getShape(info->value);
  return info->host->shape;
}

bool GraphImporter::isConstantInput(const onnx::NodeProto &node,
                                    int index) const {
  if (!hasInput(node, index))
    return false;
  const TensorInfo *info = lookup(node.input(index));
  return info && (info->host || info->isConstant);
}

void GraphImporter::setOutput(const onnx::NodeProto &node, int index,
                              Value value, bool isConstant) {
  TensorInfo &info = tensors[node.output(index)];
  info.value = value;
  info.isConstant = isConstant;
}

void GraphImporter::setHostOutput(const onnx::NodeProto &node, int index,
                                  HostTensor tensor) {
  TensorInfo &info = tensors[node.output(index)];
  info.host = std::make_shared<const HostTensor>(std::move(tensor));
}

void GraphImporter::aliasOutput(const onnx::NodeProto &node, int index,
                                int inputIndex) {
  if (!hasInput(node, inputIndex))
    return; // The output stays undefined, which importNode reports.
  const TensorInfo *info = lookup(node.input(inputIndex));
  if (!info)
    return;
  TensorInfo copy = *info; // tensors[] below may move the entries.
  tensors[node.output(index)] = std::move(copy);
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

std::string GraphImporter::getHostKey(const onnx::NodeProto &node,
                                      int index) const {
  return getKeyOf(getHostInput(node, index));
}

Value GraphImporter::getOrCreateConstant(const HostTensor &tensor,
                                         StringRef key, Location loc) {
  if (!key.empty())
    if (Value cached = constantCache.lookup(key))
      return cached;
  DenseElementsAttr attr = getFloatAttr(tensor, context);
  Value constant = nn::ConstantOp::create(builder, loc, attr.getType(), attr);
  if (!key.empty())
    constantCache[key] = constant;
  return constant;
}

void GraphImporter::forgetConstant(Value constant) {
  SmallVector<StringRef> keys;
  for (const auto &entry : constantCache)
    if (entry.second == constant)
      keys.push_back(entry.first());
  for (StringRef key : keys)
    constantCache.erase(key);
  for (auto &entry : tensors)
    if (entry.second.value == constant && entry.second.host)
      entry.second.value = Value();
}

std::shared_ptr<const HostTensor>
GraphImporter::getOrCreateDerivedTensor(StringRef key,
                                        llvm::function_ref<HostTensor()> make) {
  std::shared_ptr<const HostTensor> &entry = derivedTensors[key];
  if (!entry)
    entry = std::make_shared<const HostTensor>(make());
  return entry;
}

void GraphImporter::recordConv(StringRef name, ConvRecord record) {
  convRecords[name] = std::move(record);
}

ConvRecord *GraphImporter::lookupConv(StringRef name) {
  auto it = convRecords.find(name);
  return it == convRecords.end() ? nullptr : &it->second;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

const onnx::AttributeProto *
morsel::onnx_import::findAttribute(const onnx::NodeProto &node,
                                   StringRef name) {
  for (const onnx::AttributeProto &attribute : node.attribute())
    if (attribute.name() == name)
      return &attribute;
  return nullptr;
}

/// Checks that `attribute` has ONNX attribute type `type`.
static LogicalResult checkAttributeType(GraphImporter &importer,
                                        const onnx::NodeProto &node,
                                        const onnx::AttributeProto &attribute,
                                        int type, StringRef expected) {
  if (attribute.type() == type)
    return success();
  return importer.emitNodeError(node)
         << "attribute '" << attribute.name() << "' must be " << expected;
}

FailureOr<int64_t>
morsel::onnx_import::getIntAttribute(GraphImporter &importer,
                                     const onnx::NodeProto &node,
                                     StringRef name, int64_t defaultValue) {
  const onnx::AttributeProto *attribute = findAttribute(node, name);
  if (!attribute)
    return defaultValue;
  if (failed(checkAttributeType(importer, node, *attribute,
                                onnx::AttributeProto::INT, "an integer")))
    return failure();
  return attribute->i();
}

FailureOr<float>
morsel::onnx_import::getFloatAttribute(GraphImporter &importer,
                                       const onnx::NodeProto &node,
                                       StringRef name, float defaultValue) {
  const onnx::AttributeProto *attribute = findAttribute(node, name);
  if (!attribute)
    return defaultValue;
  if (failed(checkAttributeType(importer, node, *attribute,
                                onnx::AttributeProto::FLOAT, "a float")))
    return failure();
  return attribute->f();
}

FailureOr<std::string> morsel::onnx_import::getStringAttribute(
    GraphImporter &importer, const onnx::NodeProto &node, StringRef name,
    StringRef defaultValue) {
  const onnx::AttributeProto *attribute = findAttribute(node, name);
  if (!attribute)
    return defaultValue.str();
  if (failed(checkAttributeType(importer, node, *attribute,
                                onnx::AttributeProto::STRING, "a string")))
    return failure();
  return attribute->s();
}

FailureOr<std::optional<SmallVector<int64_t, 4>>>
morsel::onnx_import::getIntsAttribute(GraphImporter &importer,
                                      const onnx::NodeProto &node,
                                      StringRef name) {
  const onnx::AttributeProto *attribute = findAttribute(node, name);
  if (!attribute)
    return std::optional<SmallVector<int64_t, 4>>();
  if (failed(checkAttributeType(importer, node, *attribute,
                                onnx::AttributeProto::INTS,
                                "a list of integers")))
    return failure();
  return std::optional<SmallVector<int64_t, 4>>(SmallVector<int64_t, 4>(
      attribute->ints().begin(), attribute->ints().end()));
}

//===----------------------------------------------------------------------===//
// Shapes and types
//===----------------------------------------------------------------------===//

ArrayRef<int64_t> morsel::onnx_import::getShape(Value value) {
  return cast<RankedTensorType>(value.getType()).getShape();
}

RankedTensorType morsel::onnx_import::getTypeLike(Value like,
                                                  ArrayRef<int64_t> shape) {
  return RankedTensorType::get(
      shape, cast<RankedTensorType>(like.getType()).getElementType());
}

std::optional<int64_t> morsel::onnx_import::normalizeAxis(int64_t axis,
                                                          int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

Value morsel::onnx_import::createTranspose(OpBuilder &builder, Location loc,
                                           Value input,
                                           ArrayRef<int64_t> perm) {
  ArrayRef<int64_t> shape = getShape(input);
  SmallVector<int64_t, 4> resultShape;
  for (int64_t dim : perm)
    resultShape.push_back(shape[dim]);
  return nn::TransposeOp::create(builder, loc, getTypeLike(input, resultShape),
                                 input, perm);
}

Value morsel::onnx_import::createReshape(OpBuilder &builder, Location loc,
                                         Value input, ArrayRef<int64_t> shape) {
  if (getShape(input) == shape)
    return input;
  return nn::ReshapeOp::create(builder, loc, getTypeLike(input, shape), input);
}
