//===- OperatorOrder.h - Operator orders that lower peak memory -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The order in which a graph's operators run decides which tensors are live
// together, and so the memory any placement needs. This file measures the
// peak of an order and searches for an order that lowers it.
//
// Memory model (full materialisation, as the arena planners assume): a
// graph input is live from the first step; an operator's outputs from its
// step; a tensor stays live through the step of its last consumer, or to
// the end if it is a graph output (an output nobody reads dies after its
// own step). During an operator's step its inputs, its outputs and every
// other live tensor count; the peak of an order is the largest such sum.
//
// The search is Serenity's dynamic program (Ahn et al., "Ordering Chaos:
// Memory-Aware Scheduling of Irregular Wired Neural Networks for Edge
// Devices", MLSys 2020). A state is the set of operators already run; the
// bytes live after it depend on the set alone, not on the order that led
// there, so the best peak to reach a set is a function of the set:
//
//   best(S + {v}) = min over ready v of max(best(S), live(S) + out(v))
//
// The states are expanded one step at a time (all sets of k operators, then
// k + 1), the same set reached twice keeps its lower peak, and a state whose
// peak already reaches the peak of the given order is dropped, since it
// cannot lead to a better one. Exact while every step holds at most
// `maxStatesPerStep` states; wider graphs (the number of sets can grow
// exponentially with the graph's width) keep the most promising states of
// each step, lowest peak so far then fewest live bytes, which turns the
// dynamic program into a beam search (width 1 is the greedy choice of the
// cheapest next operator). The work is bounded by steps x width x
// operators, and deterministic: no clock, no randomness, ties broken by
// the order states are generated in.
//
// HMCOS (Wang et al., 2022) partitions the graph hierarchically to scale
// the same search; that, and Serenity's graph rewriting, are not done here.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_OPERATORORDER_H
#define MORSEL_SUPPORT_OPERATORORDER_H

#include "morsel/Support/BufferPlacement.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace morsel {

/// A dataflow graph: operators that read and write tensors of known sizes.
/// Tensors and operators are numbered in the order they were added.
struct OperatorGraph {
  /// A tensor: its bytes, and whether the graph receives it (live from the
  /// first step) or returns it (live to the last).
  struct Tensor {
    int64_t size = 0;
    bool isGraphInput = false;
    bool isGraphOutput = false;
  };

  /// An operator: the tensors it reads and the tensors it writes.
  struct Operator {
    llvm::SmallVector<size_t, 4> inputs;
    llvm::SmallVector<size_t, 1> outputs;
  };

  llvm::SmallVector<Tensor> tensors;
  llvm::SmallVector<Operator> operators;

  /// Adds a graph input of `size` bytes; returns its tensor number.
  size_t addGraphInput(int64_t size);
  /// Adds an operator reading `inputs` and writing new tensors of
  /// `outputSizes` bytes; returns its operator number.
  size_t addOperator(llvm::ArrayRef<size_t> inputs,
                     llvm::ArrayRef<int64_t> outputSizes);
  /// The tensor number of output `index` of operator `op`.
  size_t getOutput(size_t op, size_t index = 0) const {
    return operators[op].outputs[index];
  }
  /// Marks a tensor as returned by the graph.
  void markGraphOutput(size_t tensor) { tensors[tensor].isGraphOutput = true; }
};

/// Returns true if `order` runs every operator exactly once, each after the
/// operators that write its inputs, in a graph where each tensor is either
/// a graph input or written by exactly one operator.
bool isValidOperatorOrder(const OperatorGraph &graph,
                          llvm::ArrayRef<size_t> order);

/// The lifetime of every tensor (in tensor order) when the operators run in
/// `order` (a valid order): steps are positions in `order`. The lifetimes
/// feed the arena planners of BufferPlacement.h directly.
llvm::SmallVector<BufferLifetime>
computeTensorLifetimes(const OperatorGraph &graph,
                       llvm::ArrayRef<size_t> order);

/// The peak of `order` (a valid order): the most tensor bytes live during
/// one operator's step (see the file comment).
int64_t computeOrderPeakBytes(const OperatorGraph &graph,
                              llvm::ArrayRef<size_t> order);

/// Bounds of the order search.
struct OrderSearchOptions {
  /// Sets of run operators kept per step; beyond it the search keeps the
  /// most promising ones and is no longer exact.
  size_t maxStatesPerStep = 2048;
};

/// An order the search settled on.
struct OperatorOrderResult {
  /// A valid order of all operators.
  llvm::SmallVector<size_t> order;
  /// computeOrderPeakBytes of `order`.
  int64_t peakBytes = 0;
  /// True if no step ran out of room, so no order has a lower peak.
  bool isOptimal = false;
  /// States the search expanded, over all steps.
  size_t statesExpanded = 0;
};

/// Searches for an order of `graph`'s operators with a lower peak than
/// `initialOrder` (which must be valid) by Serenity's dynamic program (see
/// the file comment). Returns `initialOrder` itself unless the search found
/// a strictly lower peak.
OperatorOrderResult
findMemoryMinimizingOrder(const OperatorGraph &graph,
                          llvm::ArrayRef<size_t> initialOrder,
                          const OrderSearchOptions &options = {});

} // namespace morsel

#endif // MORSEL_SUPPORT_OPERATORORDER_H
