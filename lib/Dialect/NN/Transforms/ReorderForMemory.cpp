//===- ReorderForMemory.cpp - Run nn operators in a lower-peak order ------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Turns a function body into an OperatorGraph whose tensor sizes are the
// bytes the lowering places in the arena, asks OperatorOrder.h for an order
// with a lower peak, and moves the operations into it when it is strictly
// lower. The memory model is the one the pass description states.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/Analysis/OpCost.h"
#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"
#include "morsel/Support/OperatorOrder.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <numeric>

namespace morsel::nn {
#define GEN_PASS_DEF_NNREORDERFORMEMORY
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"
} // namespace morsel::nn

using namespace mlir;
using namespace morsel;
using namespace morsel::nn;

//===----------------------------------------------------------------------===//
// The function as an operator graph
//===----------------------------------------------------------------------===//

/// Returns the bytes a value of `type` occupies: a statically shaped tensor
/// of integers, floats or quantized values counts its elements, any other
/// non-tensor value nothing. Returns std::nullopt for a tensor of unknown
/// size.
static std::optional<int64_t> getValueBytes(Type type) {
  auto tensor = dyn_cast<TensorType>(type);
  if (!tensor)
    return 0;
  if (!tensor.hasStaticShape())
    return std::nullopt;
  Type element = tensor.getElementType();
  if (auto quantized = dyn_cast<quant::QuantizedType>(element))
    element = quantized.getStorageType();
  if (!element.isIntOrFloat())
    return std::nullopt;
  return getTensorBytes(tensor);
}

/// Returns true if the lowering fuses `op` into the operator it reads: a
/// clamp that is the only reader of a convolution or fully connected layer,
/// with the same type (NNToLinalg's fuseClamp), so that both write one
/// tensor.
static bool isFusedClamp(Operation *op) {
  auto clamp = dyn_cast<ClampOp>(op);
  if (!clamp)
    return false;
  Value input = clamp.getInput();
  Operation *producer = input.getDefiningOp();
  return isa_and_present<Conv2DOp, FullyConnectedOp>(producer) &&
         input.hasOneUse() && input.getType() == clamp.getType();
}

namespace {

/// The operations of one function body, sorted into the operators the
/// search orders and the operations that follow them.
struct BodyGraph {
  OperatorGraph graph;
  /// The operation of each graph operator, in source order.
  SmallVector<Operation *> operators;
  /// Constant-like operations (weights), in source order.
  SmallVector<Operation *> constants;
  /// Views and fused clamps, which are no operators of their own: for each
  /// operator, those that read it (directly or through one another), in
  /// source order; under null, those that read an argument or a weight.
  DenseMap<Operation *, SmallVector<Operation *>> followers;
};

} // namespace

/// Builds the graph of `body`, or fails if the body has an operation with
/// regions or side effects, or a tensor of unknown size.
static FailureOr<BodyGraph> buildBodyGraph(Block &body) {
  BodyGraph result;
  OperatorGraph &graph = result.graph;
  // The tensor each activation value is, or is a view of.
  DenseMap<Value, size_t> tensorOf;
  // The operator each view or fused clamp follows (null: none).
  DenseMap<Operation *, Operation *> leaderOf;

  // Arguments are the caller's buffers, not in the arena.
  for (BlockArgument argument : body.getArguments())
    tensorOf[argument] = graph.addGraphInput(0);

  for (Operation &op : body.without_terminator()) {
    if (op.getNumRegions() != 0 || !isMemoryEffectFree(&op))
      return failure();
    if (op.hasTrait<OpTrait::ConstantLike>()) {
      result.constants.push_back(&op);
      continue;
    }
    if (isa<ReshapeOp>(op) || isFusedClamp(&op)) {
      Value input = op.getOperand(0);
      if (auto it = tensorOf.find(input); it != tensorOf.end())
        tensorOf[op.getResult(0)] = it->second;
      Operation *leader = input.getDefiningOp();
      if (leader && leaderOf.contains(leader))
        leader = leaderOf.lookup(leader);
      else if (leader && leader->hasTrait<OpTrait::ConstantLike>())
        leader = nullptr;
      leaderOf[&op] = leader;
      result.followers[leader].push_back(&op);
      continue;
    }

    SmallVector<size_t, 4> inputs;
    for (Value operand : op.getOperands())
      if (auto it = tensorOf.find(operand); it != tensorOf.end())
        inputs.push_back(it->second);
    SmallVector<int64_t, 1> sizes;
    for (Type type : op.getResultTypes()) {
      std::optional<int64_t> bytes = getValueBytes(type);
      if (!bytes)
        return failure();
      sizes.push_back(*bytes);
    }
    size_t index = graph.addOperator(inputs, sizes);
    result.operators.push_back(&op);
    for (OpResult value : op.getResults())
      tensorOf[value] = graph.getOutput(index, value.getResultNumber());
  }

  // A tensor returned as it is becomes the caller's output buffer; one
  // returned through a view stays in the arena to the end (it is copied).
  Operation *terminator = body.getTerminator();
  for (Value value : terminator->getOperands()) {
    auto it = tensorOf.find(value);
    if (it == tensorOf.end())
      continue;
    graph.markGraphOutput(it->second);
    if (!value.getDefiningOp<ReshapeOp>())
      graph.tensors[it->second].size = 0;
  }
  return result;
}

/// Moves the operations of `body` into the order `order` of its operators:
/// the weights first, then each operator followed by its views and fused
/// clamps.
static void reorderBody(Block &body, const BodyGraph &bodyGraph,
                        ArrayRef<size_t> order) {
  SmallVector<Operation *> sequence(bodyGraph.constants);
  auto appendFollowers = [&](Operation *leader) {
    if (auto it = bodyGraph.followers.find(leader);
        it != bodyGraph.followers.end())
      sequence.append(it->second.begin(), it->second.end());
  };
  appendFollowers(nullptr);
  for (size_t index : order) {
    Operation *op = bodyGraph.operators[index];
    sequence.push_back(op);
    appendFollowers(op);
  }
  Operation *terminator = body.getTerminator();
  for (Operation *op : sequence)
    op->moveBefore(terminator);
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
struct NNReorderForMemoryPass
    : public morsel::nn::impl::NNReorderForMemoryBase<NNReorderForMemoryPass> {
  using NNReorderForMemoryBase::NNReorderForMemoryBase;

  void runOnOperation() override {
    func::FuncOp function = getOperation();
    if (!function.getBody().hasOneBlock()) {
      markAllAnalysesPreserved();
      return;
    }
    Block &body = function.getBody().front();
    FailureOr<BodyGraph> bodyGraph = buildBodyGraph(body);
    if (failed(bodyGraph) || bodyGraph->operators.size() < 2) {
      markAllAnalysesPreserved();
      return;
    }

    const OperatorGraph &graph = bodyGraph->graph;
    SmallVector<size_t> sourceOrder(graph.operators.size());
    std::iota(sourceOrder.begin(), sourceOrder.end(), 0);
    int64_t sourcePeak = computeOrderPeakBytes(graph, sourceOrder);
    OrderSearchOptions options;
    options.maxStatesPerStep = maxStatesPerStep;
    OperatorOrderResult found =
        findMemoryMinimizingOrder(graph, sourceOrder, options);
    if (found.peakBytes >= sourcePeak) {
      markAllAnalysesPreserved();
      return;
    }
    reorderBody(body, *bodyGraph, found.order);
  }
};
} // namespace
