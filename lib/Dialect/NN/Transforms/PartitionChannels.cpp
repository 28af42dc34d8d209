//===- PartitionChannels.cpp - Partial execution along channels -----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Finds the channel chains of a function (ChannelChain.h), chooses how many
// chunks each runs in with the cost model of ChannelPartitionCost.h, and
// wraps the chosen ones in nn.channel_partition.
//
// Memory is modelled as nn-reorder-for-memory does: every activation costs
// its bytes from the operator that writes it to its last reader (weights,
// arguments, fused clamps and folded transposes cost nothing); a
// partitioned chain is two
// steps, its loop (input, slices, accumulators) and the requantization
// (accumulators, output). The search raises the chunk count of the chain
// at the peak while that lowers the function's peak and the instructions
// added stay within the bound, then lowers every count again as far as the
// peak allows.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/Analysis/OpCost.h"
#include "morsel/Dialect/NN/IR/ChannelChain.h"
#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"
#include "morsel/Support/ChannelPartitionCost.h"
#include "morsel/Support/OperatorOrder.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

#include <numeric>

namespace morsel::nn {
#define GEN_PASS_DEF_NNPARTITIONCHANNELS
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"
} // namespace morsel::nn

using namespace mlir;
using namespace morsel;
using namespace morsel::nn;

namespace {

/// A chain and the chunks it runs in (1: not partitioned).
struct Candidate {
  ChannelChain chain;
  ChainSizes sizes;
  int64_t chunks = 1;
};

/// The function's peak of live activation bytes and the chain that sets it
/// (-1: none).
struct PeakModel {
  int64_t peakBytes = 0;
  int64_t peakChain = -1;
};

} // namespace

/// Returns the number of pixels (all but the channel dimension) of `value`.
static int64_t getPixels(Value value) {
  ArrayRef<int64_t> shape = cast<RankedTensorType>(value.getType()).getShape();
  return std::accumulate(shape.begin(), shape.end() - 1, int64_t{1},
                         std::multiplies<int64_t>());
}

/// Returns the sizes of `chain` for the cost model.
static ChainSizes getChainSizes(const ChannelChain &chain) {
  ChainSizes sizes;
  sizes.channels = chain.channels;
  sizes.inputBytes = getTensorBytes(chain.producer->getOperand(0).getType());
  for (Operation *op : chain.getOperations()) {
    if (isa<ClampOp>(op))
      continue;
    Value result = op->getResult(0);
    sizes.kernelPixels.push_back(getPixels(result));
    if (op != chain.consumer)
      sizes.wideBytesPerChannel.push_back(getTensorBytes(result.getType()) /
                                          chain.channels);
  }
  auto outputType = cast<RankedTensorType>(chain.consumer->getResultTypes()[0]);
  sizes.outputElements = outputType.getNumElements();
  sizes.outputBytes = getTensorBytes(outputType);
  sizes.accumulatorBytes = 4 * sizes.outputElements;
  return sizes;
}

/// Returns true if the lowering fuses clamp `op` into the convolution or
/// fully connected layer it reads (the only reader, same type).
static bool isFusedClamp(Operation *op) {
  auto clamp = dyn_cast<ClampOp>(op);
  if (!clamp)
    return false;
  Value input = clamp.getInput();
  return isa_and_present<Conv2DOp, FullyConnectedOp>(input.getDefiningOp()) &&
         input.hasOneUse() && input.getType() == clamp.getType();
}

/// Returns true if the lowering of `op` declares an access order that lets
/// its output overlap the input it has consumed: convolutions and
/// element-wise operators (not fully connected layers, which read their
/// whole input at every step).
static bool overlapsInput(Operation *op) {
  return isa<Conv2DOp, AddOp, MulOp, ClampOp, HardSwishOp, HardSigmoidOp,
             SigmoidOp, QuantizeOp, DequantizeOp, RequantizeOp>(op);
}

/// Models the live bytes of `body` with `candidates` partitioned as their
/// chunk counts say.
static PeakModel modelPeak(Block &body, ArrayRef<Candidate> candidates,
                           const DenseMap<Operation *, int64_t> &chainOf) {
  OperatorGraph graph;
  SmallVector<int64_t> chainOfOperator;
  // For operators whose output may overlap the input it consumes (kernels
  // that declare their access order), that input's tensor.
  SmallVector<std::optional<size_t>> overlappedInput;
  DenseMap<Value, size_t> tensorOf;
  for (BlockArgument argument : body.getArguments())
    tensorOf[argument] = graph.addGraphInput(0);
  auto add = [&](ArrayRef<size_t> inputs, ArrayRef<int64_t> outputs,
                 int64_t chain, bool overlaps) {
    chainOfOperator.push_back(chain);
    overlappedInput.push_back(overlaps && inputs.size() >= 1
                                  ? std::optional<size_t>(inputs.front())
                                  : std::nullopt);
    return graph.addOperator(inputs, outputs);
  };
  for (Operation &op : body) {
    if (op.hasTrait<OpTrait::ConstantLike>())
      continue;
    if (isa<func::ReturnOp>(op)) {
      for (Value value : op.getOperands())
        if (auto it = tensorOf.find(value); it != tensorOf.end())
          graph.markGraphOutput(it->second);
      continue;
    }
    SmallVector<size_t> inputs;
    for (Value operand : op.getOperands())
      if (auto it = tensorOf.find(operand); it != tensorOf.end())
        inputs.push_back(it->second);
    int64_t chain = chainOf.lookup(&op) - 1;
    if (chain >= 0 && candidates[chain].chunks > 1) {
      const Candidate &candidate = candidates[chain];
      if (&op != candidate.chain.producer)
        continue;
      int64_t slices = 0;
      for (int64_t perChannel : candidate.sizes.wideBytesPerChannel)
        slices += perChannel * (candidate.sizes.channels / candidate.chunks);
      size_t loop = add(inputs, {candidate.sizes.accumulatorBytes, slices},
                        chain, /*overlaps=*/false);
      size_t output = add({graph.getOutput(loop)},
                          {candidate.sizes.outputBytes}, chain,
                          /*overlaps=*/true);
      tensorOf[candidate.chain.getResult()] = graph.getOutput(output);
      continue;
    }
    // Views, fused clamps, and transposes read by one operator (the
    // lowering reads their input through the reader's indexing).
    bool transposeView = isa<TransposeOp>(op) && op.getResult(0).hasOneUse();
    if ((isFusedClamp(&op) || isa<ReshapeOp>(op) || transposeView) &&
        !inputs.empty()) {
      tensorOf[op.getResult(0)] = inputs.front();
      continue;
    }
    SmallVector<int64_t> outputs;
    for (Value result : op.getResults())
      outputs.push_back(getTensorBytes(result.getType()));
    size_t index = add(inputs, outputs, chain, overlapsInput(&op));
    for (auto [i, result] : llvm::enumerate(op.getResults()))
      tensorOf[result] = graph.getOutput(index, i);
  }

  SmallVector<size_t> order(graph.operators.size());
  std::iota(order.begin(), order.end(), 0);
  SmallVector<int64_t> live(order.size() + 1, 0);
  SmallVector<BufferLifetime> lifetimes =
      computeTensorLifetimes(graph, order);
  for (const BufferLifetime &lifetime : lifetimes)
    for (int64_t step = lifetime.firstUse;
         step <= lifetime.lastUse && step < static_cast<int64_t>(live.size());
         ++step)
      live[step] += lifetime.size;
  // An output overlaps the input that dies where it is written (the overlap
  // planner's lower bound, approximately).
  for (auto [step, input] : llvm::enumerate(overlappedInput)) {
    if (!input || lifetimes[*input].lastUse != static_cast<int64_t>(step))
      continue;
    int64_t output = lifetimes[graph.getOutput(step)].size;
    live[step] -= std::min(lifetimes[*input].size, output);
  }
  PeakModel model;
  for (auto [step, bytes] : llvm::enumerate(live)) {
    if (bytes <= model.peakBytes)
      continue;
    model.peakBytes = bytes;
    model.peakChain =
        step < chainOfOperator.size() ? chainOfOperator[step] : -1;
  }
  return model;
}

/// Wraps the operators of `chain` in an nn.channel_partition of `chunks`.
static void partition(const ChannelChain &chain, int64_t chunks) {
  SmallVector<Operation *> ops = chain.getOperations();
  Operation *last = ops.back();
  Value input = chain.producer->getOperand(0);
  Value result = chain.getResult();
  OpBuilder builder(last);
  auto partition = ChannelPartitionOp::create(
      builder, chain.producer->getLoc(), result.getType(), input,
      builder.getI64IntegerAttr(chunks));
  result.replaceAllUsesWith(partition.getResult());
  Block *body = builder.createBlock(&partition.getBody(), {},
                                    {input.getType()}, {input.getLoc()});
  for (Operation *op : ops)
    op->moveBefore(body, body->end());
  chain.producer->setOperand(0, body->getArgument(0));
  builder.setInsertionPointToEnd(body);
  YieldOp::create(builder, last->getLoc(), result);
}

namespace {
struct NNPartitionChannelsPass
    : public morsel::nn::impl::NNPartitionChannelsBase<
          NNPartitionChannelsPass> {
  using NNPartitionChannelsBase::NNPartitionChannelsBase;

  void runOnOperation() override {
    func::FuncOp function = getOperation();
    if (!function.getBody().hasOneBlock())
      return markAllAnalysesPreserved();
    Block &body = function.getBody().front();

    // Chains in source order; each operator belongs to one at most.
    std::vector<Candidate> candidates;
    DenseMap<Operation *, int64_t> chainOf; // chain index + 1
    int64_t macs = 0;
    for (Operation &op : body) {
      macs += getOpCost(&op).macs;
      if (chainOf.count(&op) || !isChannelProducer(&op))
        continue;
      std::string whyNot;
      FailureOr<ChannelChain> chain = matchChannelChain(&op, whyNot);
      if (failed(chain) ||
          llvm::any_of(chain->getOperations(),
                       [&](Operation *member) { return chainOf.count(member); }))
        continue;
      candidates.push_back({*chain, getChainSizes(*chain)});
      for (Operation *member : chain->getOperations())
        chainOf[member] = candidates.size();
    }
    if (candidates.empty())
      return markAllAnalysesPreserved();

    if (chunks > 0) {
      for (Candidate &candidate : candidates)
        if (candidate.sizes.channels % chunks == 0)
          candidate.chunks = chunks;
    } else {
      choose(body, candidates, chainOf, macs);
    }
    bool changed = false;
    for (const Candidate &candidate : candidates) {
      if (candidate.chunks <= 1)
        continue;
      partition(candidate.chain, candidate.chunks);
      changed = true;
    }
    if (!changed)
      markAllAnalysesPreserved();
  }

  /// Chooses the chunk counts of `candidates` with the cost model.
  void choose(Block &body, MutableArrayRef<Candidate> candidates,
              const DenseMap<Operation *, int64_t> &chainOf, int64_t macs) {
    // The unpartitioned function's instructions, at least: the cost model
    // charges 4 per multiply-accumulate.
    double budget = maxOverhead * 4.0 * static_cast<double>(macs);
    auto overhead = [&]() {
      int64_t total = 0;
      for (const Candidate &candidate : candidates)
        total += getPartitionOverhead(candidate.sizes, candidate.chunks);
      return total;
    };
    // Raise the chunks of the chain at the peak while the peak drops.
    while (true) {
      PeakModel model = modelPeak(body, candidates, chainOf);
      if (model.peakChain < 0)
        break;
      Candidate &candidate = candidates[model.peakChain];
      int64_t previous = candidate.chunks;
      bool lowered = false;
      for (int64_t count : getChunkCounts(candidate.sizes)) {
        if (count <= previous)
          continue;
        candidate.chunks = count;
        if (overhead() > budget)
          break;
        if (modelPeak(body, candidates, chainOf).peakBytes < model.peakBytes) {
          lowered = true;
          break;
        }
      }
      if (!lowered) {
        candidate.chunks = previous;
        break;
      }
    }
    // Fewer chunks wherever the peak stays the same.
    int64_t peak = modelPeak(body, candidates, chainOf).peakBytes;
    for (Candidate &candidate : candidates) {
      int64_t chosen = candidate.chunks;
      SmallVector<int64_t> counts = {1};
      llvm::append_range(counts, getChunkCounts(candidate.sizes));
      for (int64_t count : counts) {
        if (count >= chosen)
          break;
        candidate.chunks = count;
        if (modelPeak(body, candidates, chainOf).peakBytes <= peak)
          break;
        candidate.chunks = chosen;
      }
    }
  }
};
} // namespace
