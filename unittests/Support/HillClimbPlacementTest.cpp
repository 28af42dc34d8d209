//===- HillClimbPlacementTest.cpp - Tests of the USMP hill climb ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/HillClimbPlacement.h"

#include "gtest/gtest.h"

#include <random>

using namespace morsel;

namespace {

/// Random lifetimes over `steps` steps, each at most `span` steps long.
std::vector<BufferLifetime> makeRandomBuffers(std::mt19937 &random, int count,
                                              int steps, int span) {
  std::vector<BufferLifetime> buffers;
  for (int i = 0; i < count; ++i) {
    int64_t first = random() % steps;
    buffers.push_back({static_cast<int64_t>(1 + random() % 20000), first,
                       first + static_cast<int64_t>(random() % span)});
  }
  return buffers;
}

TEST(HillClimbPlacement, BeatsGreedyWhereLargestFirstStrandsABuffer) {
  // Three buffers live at step 0 (B, C, D: 160 bytes, the lower bound).
  // Greedy places A (largest) at 0 and B beside it at 0; C overlaps both
  // and goes above A at 80, so D no longer fits under it and lands at 128:
  // 176 bytes. Placing C first lets B and D stack on top of it.
  std::vector<BufferLifetime> buffers = {
      {80, 2, 4}, {64, 0, 1}, {48, 0, 2}, {48, 0, 0}, {32, 3, 3}};
  BufferPlacement greedy = placeGreedyBySize(buffers, 16);
  EXPECT_EQ(greedy.arenaBytes, 176);
  BufferPlacement climbed = placeUsmpHillClimb(buffers, 16);
  EXPECT_TRUE(isValidPlacement(buffers, climbed));
  EXPECT_EQ(climbed.arenaBytes, 160);
  EXPECT_EQ(computeLiveBytesLowerBound(buffers, 16), 160);
}

TEST(HillClimbPlacement, KeepsGreedyWhenItIsOptimal) {
  // A chain: greedy already meets the lower bound; nothing to climb.
  std::vector<BufferLifetime> buffers = {{100, 0, 1}, {50, 1, 2}, {100, 2, 3}};
  BufferPlacement greedy = placeGreedyBySize(buffers, 4);
  BufferPlacement climbed = placeUsmpHillClimb(buffers, 4);
  EXPECT_EQ(climbed.offsets, greedy.offsets);
  EXPECT_EQ(climbed.arenaBytes, greedy.arenaBytes);
}

TEST(HillClimbPlacement, ValidAndNeverWorseThanGreedyOnRandomLifetimes) {
  std::mt19937 random(42);
  int improved = 0;
  for (int trial = 0; trial < 100; ++trial) {
    std::vector<BufferLifetime> buffers =
        makeRandomBuffers(random, 1 + random() % 60, 40, 1 + trial % 12);
    BufferPlacement greedy = placeGreedyBySize(buffers, 16);
    BufferPlacement climbed = placeUsmpHillClimb(buffers, 16);
    ASSERT_TRUE(isValidPlacement(buffers, climbed)) << "trial " << trial;
    EXPECT_LE(climbed.arenaBytes, greedy.arenaBytes) << "trial " << trial;
    EXPECT_GE(climbed.arenaBytes, computeLiveBytesLowerBound(buffers, 16));
    improved += climbed.arenaBytes < greedy.arenaBytes;
  }
  // Greedy-by-size misses the bound often on random lifetimes.
  EXPECT_GT(improved, 10);
}

TEST(HillClimbPlacement, IsReproducible) {
  std::mt19937 random(7);
  std::vector<BufferLifetime> buffers = makeRandomBuffers(random, 80, 60, 20);
  BufferPlacement first = placeUsmpHillClimb(buffers, 16);
  BufferPlacement second = placeUsmpHillClimb(buffers, 16);
  EXPECT_EQ(first.offsets, second.offsets);
  EXPECT_EQ(first.arenaBytes, second.arenaBytes);
}

TEST(HillClimbPlacement, ZeroAttemptsIsGreedy) {
  std::mt19937 random(3);
  std::vector<BufferLifetime> buffers = makeRandomBuffers(random, 40, 30, 10);
  HillClimbOptions options;
  options.maxAttempts = 0;
  BufferPlacement climbed = placeUsmpHillClimb(buffers, 16, options);
  EXPECT_EQ(climbed.offsets, placeGreedyBySize(buffers, 16).offsets);
}

TEST(HillClimbPlacement, HandlesNoBuffers) {
  BufferPlacement empty = placeUsmpHillClimb({}, 16);
  EXPECT_TRUE(empty.offsets.empty());
  EXPECT_EQ(empty.arenaBytes, 0);
}

} // namespace
