//===- OperatorOrderTest.cpp - Tests of the memory-aware operator order ---===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/OperatorOrder.h"

#include "gtest/gtest.h"

#include <functional>
#include <limits>
#include <numeric>
#include <random>

using namespace morsel;

namespace {

/// The operators in the order they were added.
llvm::SmallVector<size_t> getAddedOrder(const OperatorGraph &graph) {
  llvm::SmallVector<size_t> order(graph.operators.size());
  std::iota(order.begin(), order.end(), 0);
  return order;
}

/// The lowest peak over every valid order, by enumerating them all.
int64_t findOptimalPeakByEnumeration(const OperatorGraph &graph) {
  size_t count = graph.operators.size();
  llvm::SmallVector<size_t> order;
  llvm::SmallVector<bool> ran(count, false);
  int64_t best = std::numeric_limits<int64_t>::max();
  std::function<void()> extend = [&] {
    if (order.size() == count) {
      best = std::min(best, computeOrderPeakBytes(graph, order));
      return;
    }
    for (size_t op = 0; op < count; ++op) {
      if (ran[op])
        continue;
      bool canStart = true;
      for (size_t input : graph.operators[op].inputs)
        for (size_t before = 0; before < count; ++before)
          if (!ran[before] &&
              llvm::is_contained(graph.operators[before].outputs, input))
            canStart = false;
      if (!canStart)
        continue;
      order.push_back(op);
      ran[op] = true;
      extend();
      ran[op] = false;
      order.pop_back();
    }
  };
  extend();
  return best;
}

/// A ResNet bottleneck that halves the resolution, in the order torch's
/// forward() writes it: main path first, then the projection shortcut.
///
///   x(400) -> c1 -> a(100) -> c2 -> a2(100) -> c3 -> b(200) -+-> add -> y
///   x      -> projection -> s(200) --------------------------+
///
/// Main path first holds x through the whole path: 800 bytes at the
/// projection (x, b and s). The projection first (or right after c1) frees
/// x early: 700 bytes, at the step that reads x last.
OperatorGraph makeDownsamplingBottleneck() {
  OperatorGraph graph;
  size_t x = graph.addGraphInput(400);
  size_t c1 = graph.addOperator({x}, {100});
  size_t c2 = graph.addOperator({graph.getOutput(c1)}, {100});
  size_t c3 = graph.addOperator({graph.getOutput(c2)}, {200});
  size_t projection = graph.addOperator({x}, {200});
  size_t add = graph.addOperator(
      {graph.getOutput(c3), graph.getOutput(projection)}, {200});
  graph.markGraphOutput(graph.getOutput(add));
  return graph;
}

/// Three inception-like branches that shrink, expand and shrink back,
/// concatenated; added breadth first (all reductions, all expansions, all
/// projections), as some exporters list them.
///
///   x(100) -> reduce_i(50) -> expand_i(400) -> project_i(50) -> concat(150)
OperatorGraph makeInceptionBlock() {
  OperatorGraph graph;
  size_t x = graph.addGraphInput(100);
  size_t reduce[3], expand[3], project[3];
  for (size_t &op : reduce)
    op = graph.addOperator({x}, {50});
  for (int i = 0; i < 3; ++i)
    expand[i] = graph.addOperator({graph.getOutput(reduce[i])}, {400});
  for (int i = 0; i < 3; ++i)
    project[i] = graph.addOperator({graph.getOutput(expand[i])}, {50});
  size_t concat = graph.addOperator({graph.getOutput(project[0]),
                                     graph.getOutput(project[1]),
                                     graph.getOutput(project[2])},
                                    {150});
  graph.markGraphOutput(graph.getOutput(concat));
  return graph;
}

/// A random DAG: each operator reads one to three earlier tensors (the
/// recent ones more often) and writes one or two; unread tensors are
/// graph outputs.
OperatorGraph makeRandomGraph(std::mt19937 &random, size_t operatorCount) {
  OperatorGraph graph;
  llvm::SmallVector<size_t> available = {graph.addGraphInput(1000)};
  for (size_t i = 0; i < operatorCount; ++i) {
    llvm::SmallVector<size_t> inputs;
    size_t inputCount = 1 + random() % 3;
    for (size_t k = 0; k < inputCount; ++k) {
      size_t window = std::min<size_t>(available.size(), 6);
      size_t pick = random() % 4 == 0
                        ? random() % available.size()
                        : available.size() - 1 - random() % window;
      inputs.push_back(available[pick]);
    }
    llvm::SmallVector<int64_t> sizes = {
        static_cast<int64_t>(100 + random() % 5000)};
    if (random() % 5 == 0)
      sizes.push_back(100 + random() % 5000);
    size_t op = graph.addOperator(inputs, sizes);
    for (size_t tensor : graph.operators[op].outputs)
      available.push_back(tensor);
  }
  llvm::SmallVector<bool> isRead(graph.tensors.size(), false);
  for (const OperatorGraph::Operator &op : graph.operators)
    for (size_t tensor : op.inputs)
      isRead[tensor] = true;
  for (size_t tensor = 0; tensor < graph.tensors.size(); ++tensor)
    if (!isRead[tensor])
      graph.markGraphOutput(tensor);
  return graph;
}

TEST(OperatorOrder, PeakCountsInputsOutputsAndEverythingLive) {
  OperatorGraph graph = makeDownsamplingBottleneck();
  // c1: x + a; c2: x + a + a2; c3: x + a2 + b; projection: x + b + s;
  // add: b + s + y.
  EXPECT_EQ(computeOrderPeakBytes(graph, {0, 1, 2, 3, 4}), 800);
  // projection: x + s; c1: x + s + a; then x is dead.
  EXPECT_EQ(computeOrderPeakBytes(graph, {3, 0, 1, 2, 4}), 700);
  llvm::SmallVector<BufferLifetime> lifetimes =
      computeTensorLifetimes(graph, {3, 0, 1, 2, 4});
  // x: steps 0-1; the result stays to the end.
  EXPECT_EQ(lifetimes[0].firstUse, 0);
  EXPECT_EQ(lifetimes[0].lastUse, 1);
  EXPECT_EQ(lifetimes.back().firstUse, 4);
  EXPECT_EQ(lifetimes.back().lastUse, 4);
}

TEST(OperatorOrder, ValidOrdersRespectDependencies) {
  OperatorGraph graph = makeDownsamplingBottleneck();
  EXPECT_TRUE(isValidOperatorOrder(graph, {0, 1, 2, 3, 4}));
  EXPECT_TRUE(isValidOperatorOrder(graph, {3, 0, 1, 2, 4}));
  EXPECT_FALSE(isValidOperatorOrder(graph, {1, 0, 2, 3, 4}));
  EXPECT_FALSE(isValidOperatorOrder(graph, {0, 1, 2, 3}));
  EXPECT_FALSE(isValidOperatorOrder(graph, {0, 1, 2, 3, 3}));
  EXPECT_FALSE(isValidOperatorOrder(graph, {0, 1, 2, 3, 9}));
  // A tensor nobody writes.
  OperatorGraph dangling;
  dangling.tensors.push_back({});
  dangling.addOperator({0}, {8});
  EXPECT_FALSE(isValidOperatorOrder(dangling, {0}));
}

TEST(OperatorOrder, ResidualBlockRunsTheShortcutFirst) {
  OperatorGraph graph = makeDownsamplingBottleneck();
  OperatorOrderResult result =
      findMemoryMinimizingOrder(graph, getAddedOrder(graph));
  EXPECT_TRUE(isValidOperatorOrder(graph, result.order));
  EXPECT_EQ(result.peakBytes, 700);
  EXPECT_EQ(computeOrderPeakBytes(graph, result.order), 700);
  EXPECT_EQ(findOptimalPeakByEnumeration(graph), 700);
  EXPECT_TRUE(result.isOptimal);
}

TEST(OperatorOrder, InceptionBlockRunsBranchesOneAtATime) {
  OperatorGraph graph = makeInceptionBlock();
  // Breadth first holds all three expansions: 50 + 3 x 400.
  EXPECT_EQ(computeOrderPeakBytes(graph, getAddedOrder(graph)), 1250);
  OperatorOrderResult result =
      findMemoryMinimizingOrder(graph, getAddedOrder(graph));
  EXPECT_TRUE(isValidOperatorOrder(graph, result.order));
  // All reductions first (x dies), then one branch at a time: the other
  // two reductions or projections plus one reduction and its expansion.
  EXPECT_EQ(result.peakBytes, 550);
  EXPECT_EQ(computeOrderPeakBytes(graph, result.order), 550);
  EXPECT_EQ(findOptimalPeakByEnumeration(graph), 550);
  EXPECT_TRUE(result.isOptimal);
}

TEST(OperatorOrder, BeamSearchStillImprovesWhenTheStatesRunOut) {
  OperatorGraph graph = makeInceptionBlock();
  OrderSearchOptions options;
  options.maxStatesPerStep = 1;
  OperatorOrderResult result =
      findMemoryMinimizingOrder(graph, getAddedOrder(graph), options);
  EXPECT_TRUE(isValidOperatorOrder(graph, result.order));
  EXPECT_LT(result.peakBytes, 1250);
  EXPECT_FALSE(result.isOptimal);
}

TEST(OperatorOrder, LinearChainKeepsItsOrder) {
  OperatorGraph graph;
  size_t tensor = graph.addGraphInput(64);
  for (int i = 0; i < 20; ++i)
    tensor = graph.getOutput(graph.addOperator({tensor}, {32 + 16 * (i % 5)}));
  graph.markGraphOutput(tensor);
  llvm::SmallVector<size_t> order = getAddedOrder(graph);
  OperatorOrderResult result = findMemoryMinimizingOrder(graph, order);
  EXPECT_EQ(result.order, order);
  EXPECT_EQ(result.peakBytes, computeOrderPeakBytes(graph, order));
  EXPECT_TRUE(result.isOptimal);
}

TEST(OperatorOrder, KeepsTheGivenOrderWhenNothingIsBetter) {
  OperatorGraph graph = makeDownsamplingBottleneck();
  llvm::SmallVector<size_t> order = {0, 3, 1, 2, 4};
  OperatorOrderResult result = findMemoryMinimizingOrder(graph, order);
  EXPECT_EQ(result.order, order);
  EXPECT_EQ(result.peakBytes, 700);
  EXPECT_TRUE(result.isOptimal);
}

TEST(OperatorOrder, MatchesEnumerationOnSmallRandomGraphs) {
  std::mt19937 random(5);
  int improved = 0;
  for (int trial = 0; trial < 30; ++trial) {
    OperatorGraph graph = makeRandomGraph(random, 3 + trial % 6);
    llvm::SmallVector<size_t> order = getAddedOrder(graph);
    OperatorOrderResult result = findMemoryMinimizingOrder(graph, order);
    ASSERT_TRUE(isValidOperatorOrder(graph, result.order));
    EXPECT_EQ(result.peakBytes, computeOrderPeakBytes(graph, result.order));
    EXPECT_TRUE(result.isOptimal);
    EXPECT_EQ(result.peakBytes, findOptimalPeakByEnumeration(graph))
        << "trial " << trial;
    improved += result.peakBytes < computeOrderPeakBytes(graph, order);
  }
  // The order they were added in is often not the best.
  EXPECT_GT(improved, 5);
}

TEST(OperatorOrder, LargeRandomGraphStaysWithinTheBound) {
  std::mt19937 random(11);
  OperatorGraph graph = makeRandomGraph(random, 200);
  llvm::SmallVector<size_t> order = getAddedOrder(graph);
  ASSERT_TRUE(isValidOperatorOrder(graph, order));
  OrderSearchOptions options;
  options.maxStatesPerStep = 256;
  OperatorOrderResult result = findMemoryMinimizingOrder(graph, order, options);
  EXPECT_TRUE(isValidOperatorOrder(graph, result.order));
  EXPECT_EQ(result.peakBytes, computeOrderPeakBytes(graph, result.order));
  EXPECT_LE(result.peakBytes, computeOrderPeakBytes(graph, order));
  EXPECT_LE(result.statesExpanded, 200 * options.maxStatesPerStep);
}

} // namespace
