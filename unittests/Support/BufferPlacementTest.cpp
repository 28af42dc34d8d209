//===- BufferPlacementTest.cpp - Tests of the arena planners --------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/BufferPlacement.h"

#include "gtest/gtest.h"

#include <random>

using namespace morsel;

namespace {

TEST(BufferPlacement, NaiveGivesEveryBufferItsOwnSlot) {
  BufferPlacement p = placeNaive({{20, 0, 1}, {3, 0, 1}, {16, 5, 6}}, 16);
  EXPECT_EQ(p.offsets, llvm::SmallVector<int64_t>({0, 32, 48}));
  EXPECT_EQ(p.arenaBytes, 64);
}

TEST(BufferPlacement, GreedyReusesDeadBuffers) {
  // A chain a -> b -> c: a and c never live together.
  BufferPlacement p =
      placeGreedyBySize({{100, 0, 1}, {50, 1, 2}, {100, 2, 3}}, 4);
  EXPECT_EQ(p.offsets[0], 0);
  EXPECT_EQ(p.offsets[2], 0);
  EXPECT_EQ(p.offsets[1], 100);
  EXPECT_EQ(p.arenaBytes, 152); // 50 rounds up to 52.
}

TEST(BufferPlacement, GreedyFillsGaps) {
  // Two large buffers at 0 and 64 with a gap between their neighbours.
  std::vector<BufferLifetime> buffers = {
      {64, 0, 2}, {64, 0, 0}, {32, 1, 2}, {32, 2, 2}};
  BufferPlacement p = placeGreedyBySize(buffers, 16);
  EXPECT_TRUE(isValidPlacement(buffers, p));
  // Buffer 1 dies at step 0, so 2 and 3 fit where it was.
  EXPECT_EQ(p.arenaBytes, 128);
}

TEST(BufferPlacement, ValidatorCatchesOverlaps) {
  std::vector<BufferLifetime> buffers = {{16, 0, 1}, {16, 1, 2}};
  BufferPlacement bad;
  bad.offsets = {0, 8};
  bad.arenaBytes = 24;
  EXPECT_FALSE(isValidPlacement(buffers, bad));
}

TEST(BufferPlacement, FirstFitInOrderFollowsTheOrder) {
  // Two buffers live together: whichever goes first takes offset 0.
  std::vector<BufferLifetime> buffers = {{16, 0, 1}, {32, 0, 1}};
  EXPECT_EQ(placeFirstFitInOrder(buffers, {0, 1}, 16).offsets,
            llvm::SmallVector<int64_t>({0, 16}));
  EXPECT_EQ(placeFirstFitInOrder(buffers, {1, 0}, 16).offsets,
            llvm::SmallVector<int64_t>({32, 0}));
  EXPECT_EQ(getGreedyBySizeOrder(buffers), llvm::SmallVector<size_t>({1, 0}));
}

TEST(BufferPlacement, LiveBytesPeakIsTheMostBytesLiveAtOneStep) {
  // Steps 0..3: 10, 30, 50 (b + c + d), 20.
  std::vector<BufferLifetime> buffers = {
      {10, 0, 1}, {20, 1, 3}, {25, 2, 2}, {5, 2, 2}};
  LiveBytesPeak peak = findLiveBytesPeak(buffers);
  EXPECT_EQ(peak.bytes, 50);
  EXPECT_EQ(peak.step, 2);
  // Rounded up to 16: 32 + 32 + 16 at step 2.
  EXPECT_EQ(computeLiveBytesLowerBound(buffers, 16), 80);
  // A buffer that ends at a step does not overlap one that starts after.
  EXPECT_EQ(computeLiveBytesLowerBound({{8, 0, 0}, {8, 1, 1}}), 8);
  EXPECT_EQ(findLiveBytesPeak({}).step, -1);
}

TEST(BufferPlacement, GreedyIsValidOnRandomGraphs) {
  std::mt19937 random(42);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<BufferLifetime> buffers;
    int count = 1 + random() % 30;
    for (int i = 0; i < count; ++i) {
      int64_t first = random() % 20;
      buffers.push_back({static_cast<int64_t>(1 + random() % 5000), first,
                         first + static_cast<int64_t>(random() % 6)});
    }
    BufferPlacement greedy = placeGreedyBySize(buffers, 16);
    BufferPlacement naive = placeNaive(buffers, 16);
    EXPECT_TRUE(isValidPlacement(buffers, greedy));
    EXPECT_LE(greedy.arenaBytes, naive.arenaBytes);
    EXPECT_GE(greedy.arenaBytes, computeLiveBytesLowerBound(buffers, 16));
  }
}

} // namespace
