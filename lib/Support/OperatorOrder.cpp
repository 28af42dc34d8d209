//===- OperatorOrder.cpp - Operator orders that lower peak memory ---------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/OperatorOrder.h"

#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

using namespace morsel;

size_t OperatorGraph::addGraphInput(int64_t size) {
  tensors.push_back({size, /*isGraphInput=*/true, /*isGraphOutput=*/false});
  return tensors.size() - 1;
}

size_t OperatorGraph::addOperator(llvm::ArrayRef<size_t> inputs,
                                  llvm::ArrayRef<int64_t> outputSizes) {
  Operator op;
  op.inputs.assign(inputs.begin(), inputs.end());
  for (int64_t size : outputSizes) {
    tensors.push_back({size, false, false});
    op.outputs.push_back(tensors.size() - 1);
  }
  operators.push_back(std::move(op));
  return operators.size() - 1;
}

//===----------------------------------------------------------------------===//
// Orders and their peaks
//===----------------------------------------------------------------------===//

namespace {

/// Who writes and who reads every tensor.
struct TensorUses {
  /// The operator that writes each tensor; -1 for none.
  llvm::SmallVector<int64_t> producer;
  /// The distinct operators that read each tensor.
  llvm::SmallVector<llvm::SmallVector<size_t, 2>> consumers;
  /// False if a tensor has two producers or refers to a missing tensor.
  bool isWellFormed = true;
};

} // namespace

static TensorUses computeTensorUses(const OperatorGraph &graph) {
  TensorUses uses;
  size_t tensorCount = graph.tensors.size();
  uses.producer.assign(tensorCount, -1);
  uses.consumers.resize(tensorCount);
  for (auto [op, node] : llvm::enumerate(graph.operators)) {
    for (size_t tensor : node.outputs) {
      if (tensor >= tensorCount || uses.producer[tensor] != -1) {
        uses.isWellFormed = false;
        continue;
      }
      uses.producer[tensor] = op;
    }
    for (size_t tensor : node.inputs) {
      if (tensor >= tensorCount) {
        uses.isWellFormed = false;
        continue;
      }
      if (!llvm::is_contained(uses.consumers[tensor], op))
        uses.consumers[tensor].push_back(op);
    }
  }
  return uses;
}

bool morsel::isValidOperatorOrder(const OperatorGraph &graph,
                                  llvm::ArrayRef<size_t> order) {
  TensorUses uses = computeTensorUses(graph);
  if (!uses.isWellFormed || order.size() != graph.operators.size())
    return false;
  for (auto [tensor, info] : llvm::enumerate(graph.tensors))
    if (info.isGraphInput == (uses.producer[tensor] != -1))
      return false;
  constexpr size_t notRun = ~size_t(0);
  llvm::SmallVector<size_t> position(graph.operators.size(), notRun);
  for (auto [step, op] : llvm::enumerate(order)) {
    if (op >= graph.operators.size() || position[op] != notRun)
      return false;
    position[op] = step;
  }
  for (size_t op : order)
    for (size_t tensor : graph.operators[op].inputs) {
      int64_t producer = uses.producer[tensor];
      if (producer != -1 && position[producer] >= position[op])
        return false;
    }
  return true;
}

llvm::SmallVector<BufferLifetime>
morsel::computeTensorLifetimes(const OperatorGraph &graph,
                               llvm::ArrayRef<size_t> order) {
  TensorUses uses = computeTensorUses(graph);
  llvm::SmallVector<int64_t> position(graph.operators.size());
  for (auto [step, op] : llvm::enumerate(order))
    position[op] = step;
  int64_t lastStep = static_cast<int64_t>(order.size()) - 1;

  llvm::SmallVector<BufferLifetime> lifetimes;
  for (auto [tensor, info] : llvm::enumerate(graph.tensors)) {
    int64_t producer = uses.producer[tensor];
    BufferLifetime lifetime;
    lifetime.size = info.size;
    lifetime.firstUse = producer == -1 ? 0 : position[producer];
    lifetime.lastUse = lifetime.firstUse;
    for (size_t consumer : uses.consumers[tensor])
      lifetime.lastUse = std::max(lifetime.lastUse, position[consumer]);
    if (info.isGraphOutput)
      lifetime.lastUse = std::max(lifetime.lastUse, lastStep);
    lifetimes.push_back(lifetime);
  }
  return lifetimes;
}

int64_t morsel::computeOrderPeakBytes(const OperatorGraph &graph,
                                      llvm::ArrayRef<size_t> order) {
  return computeLiveBytesLowerBound(computeTensorLifetimes(graph, order));
}

//===----------------------------------------------------------------------===//
// Serenity's dynamic program
//===----------------------------------------------------------------------===//

namespace {

/// A set of operators, one bit each.
using OperatorSet = llvm::SmallVector<uint64_t, 2>;

struct OperatorSetHash {
  size_t operator()(const OperatorSet &set) const {
    return llvm::hash_combine_range(set.begin(), set.end());
  }
};

/// The sets of operators already run, one step at a time.
class OrderSearch {
public:
  OrderSearch(const OperatorGraph &graph, const OrderSearchOptions &options);

  OperatorOrderResult run(llvm::ArrayRef<size_t> initialOrder);

private:
  /// A set of run operators, the lowest peak found to reach it, the bytes
  /// live after it, and how it was reached (index of the previous state in
  /// its step, and the operator run last).
  struct State {
    OperatorSet ran;
    int64_t peak = 0;
    int64_t live = 0;
    uint32_t parent = 0;
    uint32_t op = 0;
  };

  static bool contains(const OperatorSet &set, size_t op) {
    return set[op / 64] >> (op % 64) & 1;
  }
  bool isReady(const OperatorSet &ran, size_t op) const;
  /// Bytes that die once `op` has run after the operators of `ran`.
  int64_t bytesFreedBy(const OperatorSet &ran, size_t op) const;
  /// Keeps the most promising states of a step; returns false if some had
  /// to go.
  bool truncate(std::vector<State> &states) const;

  const OperatorGraph &graph;
  const OrderSearchOptions &options;
  TensorUses uses;
  /// Per operator: the operators it waits for, its distinct inputs, the
  /// bytes it writes, and the bytes of its inputs and outputs together.
  llvm::SmallVector<llvm::SmallVector<size_t, 4>> predecessors;
  llvm::SmallVector<llvm::SmallVector<size_t, 4>> distinctInputs;
  llvm::SmallVector<int64_t> outputBytes;
  llvm::SmallVector<int64_t> ownBytes;
  /// Graph inputs that someone reads or the graph returns (live before the
  /// first step), and those nobody reads (live during the first step only).
  int64_t initialLiveBytes = 0;
  int64_t unreadInputBytes = 0;
};

} // namespace

OrderSearch::OrderSearch(const OperatorGraph &graph,
                         const OrderSearchOptions &options)
    : graph(graph), options(options), uses(computeTensorUses(graph)) {
  for (auto [tensor, info] : llvm::enumerate(graph.tensors)) {
    if (!info.isGraphInput)
      continue;
    if (uses.consumers[tensor].empty() && !info.isGraphOutput)
      unreadInputBytes += info.size;
    else
      initialLiveBytes += info.size;
  }
  for (const OperatorGraph::Operator &node : graph.operators) {
    llvm::SmallVector<size_t, 4> waitsFor, inputs;
    int64_t written = 0, read = 0;
    for (size_t tensor : node.inputs) {
      if (llvm::is_contained(inputs, tensor))
        continue;
      inputs.push_back(tensor);
      read += graph.tensors[tensor].size;
      int64_t producer = uses.producer[tensor];
      if (producer != -1 && !llvm::is_contained(waitsFor, producer))
        waitsFor.push_back(producer);
    }
    for (size_t tensor : node.outputs)
      written += graph.tensors[tensor].size;
    predecessors.push_back(std::move(waitsFor));
    distinctInputs.push_back(std::move(inputs));
    outputBytes.push_back(written);
    ownBytes.push_back(read + written);
  }
}

bool OrderSearch::isReady(const OperatorSet &ran, size_t op) const {
  if (contains(ran, op))
    return false;
  return llvm::all_of(predecessors[op],
                      [&](size_t before) { return contains(ran, before); });
}

int64_t OrderSearch::bytesFreedBy(const OperatorSet &ran, size_t op) const {
  int64_t freed = 0;
  for (size_t tensor : graph.operators[op].outputs)
    if (uses.consumers[tensor].empty() && !graph.tensors[tensor].isGraphOutput)
      freed += graph.tensors[tensor].size;
  for (size_t tensor : distinctInputs[op]) {
    if (graph.tensors[tensor].isGraphOutput)
      continue;
    if (llvm::all_of(uses.consumers[tensor], [&](size_t reader) {
          return reader == op || contains(ran, reader);
        }))
      freed += graph.tensors[tensor].size;
  }
  return freed;
}

bool OrderSearch::truncate(std::vector<State> &states) const {
  if (states.size() <= options.maxStatesPerStep)
    return true;
  std::stable_sort(states.begin(), states.end(),
                   [](const State &a, const State &b) {
                     return std::tie(a.peak, a.live) < std::tie(b.peak, b.live);
                   });
  states.resize(std::max<size_t>(options.maxStatesPerStep, 1));
  return false;
}

OperatorOrderResult OrderSearch::run(llvm::ArrayRef<size_t> initialOrder) {
  OperatorOrderResult result;
  result.order.assign(initialOrder.begin(), initialOrder.end());
  result.peakBytes = computeOrderPeakBytes(graph, initialOrder);
  // No order beats an operator's own inputs and outputs.
  int64_t lowerBound = 0;
  for (int64_t bytes : ownBytes)
    lowerBound = std::max(lowerBound, bytes);
  result.isOptimal = result.peakBytes <= lowerBound;
  size_t operatorCount = graph.operators.size();
  if (result.isOptimal || operatorCount == 0)
    return result;

  bool exact = true;
  State start;
  start.ran.assign((operatorCount + 63) / 64, 0);
  start.live = initialLiveBytes;
  std::vector<State> states = {start};
  // How each step's states were reached, to rebuild the order at the end.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> history;
  for (size_t step = 0; step < operatorCount; ++step) {
    std::vector<State> next;
    std::unordered_map<OperatorSet, uint32_t, OperatorSetHash> seen;
    for (auto [index, state] : llvm::enumerate(states)) {
      for (size_t op = 0; op < operatorCount; ++op) {
        if (!isReady(state.ran, op))
          continue;
        int64_t during =
            state.live + outputBytes[op] + (step == 0 ? unreadInputBytes : 0);
        int64_t peak = std::max(state.peak, during);
        // Only strictly better orders than the given one are of interest.
        if (peak >= result.peakBytes)
          continue;
        OperatorSet ran = state.ran;
        ran[op / 64] |= uint64_t(1) << (op % 64);
        auto [it, isNew] = seen.try_emplace(ran, next.size());
        if (isNew) {
          int64_t live = during - (step == 0 ? unreadInputBytes : 0) -
                         bytesFreedBy(state.ran, op);
          next.push_back({std::move(ran), peak, live,
                          static_cast<uint32_t>(index),
                          static_cast<uint32_t>(op)});
        } else if (peak < next[it->second].peak) {
          State &known = next[it->second];
          known.peak = peak;
          known.parent = index;
          known.op = op;
        }
      }
    }
    result.statesExpanded += states.size();
    if (next.empty()) {
      // Every way on reaches the given order's peak.
      result.isOptimal = exact;
      return result;
    }
    exact &= truncate(next);
    std::vector<std::pair<uint32_t, uint32_t>> reached;
    for (const State &state : next)
      reached.push_back({state.parent, state.op});
    history.push_back(std::move(reached));
    states = std::move(next);
  }

  // One state is left: every operator run.
  result.peakBytes = states.front().peak;
  result.isOptimal = exact;
  result.order.assign(operatorCount, 0);
  uint32_t index = 0;
  for (size_t step = operatorCount; step-- > 0;) {
    result.order[step] = history[step][index].second;
    index = history[step][index].first;
  }
  return result;
}

OperatorOrderResult
morsel::findMemoryMinimizingOrder(const OperatorGraph &graph,
                                  llvm::ArrayRef<size_t> initialOrder,
                                  const OrderSearchOptions &options) {
  return OrderSearch(graph, options).run(initialOrder);
}
