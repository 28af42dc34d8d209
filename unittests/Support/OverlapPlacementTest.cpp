//===- OverlapPlacementTest.cpp - Tests of the overlap planner ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/OverlapPlacement.h"

#include "gtest/gtest.h"

using namespace morsel;

namespace {

/// A chain of `count` kernels over buffers of `size` bytes: kernel i reads
/// buffer i and writes buffer i + 1 at step i + 1 (step 0 writes buffer 0).
struct Chain {
  llvm::SmallVector<BufferLifetime> buffers;
  llvm::SmallVector<OverlapCandidate> candidates;
};

Chain makeChain(int64_t count, int64_t size, int64_t below, int64_t above) {
  Chain chain;
  for (int64_t i = 0; i <= count; ++i)
    chain.buffers.push_back({size, i, i + 1});
  for (int64_t i = 0; i < count; ++i)
    chain.candidates.push_back({static_cast<size_t>(i),
                                static_cast<size_t>(i + 1), i + 1, below,
                                above});
  return chain;
}

TEST(OverlapPlacementTest, ChainZigzagsInsideOneBand) {
  Chain chain = makeChain(6, 1024, 64, 64);
  OverlapPlacement result =
      placeWithOverlap(chain.buffers, chain.candidates, 16);
  EXPECT_TRUE(isValidOverlapPlacement(chain.buffers, chain.candidates, result,
                                      16));
  // Greedy needs two buffers; overlap one and a displacement.
  EXPECT_EQ(placeGreedyBySize(chain.buffers, 16).arenaBytes, 2048);
  EXPECT_EQ(computeOverlapLowerBound(chain.buffers, chain.candidates, 16),
            1024 + 64);
  EXPECT_EQ(result.placement.arenaBytes, 1024 + 64);
  // Drifting down would need 1024 + 6 x 64: some kernels run backwards.
  EXPECT_FALSE(result.reversedSteps.empty());
}

TEST(OverlapPlacementTest, NoCandidatesMeansGreedy) {
  Chain chain = makeChain(4, 256, 0, 0);
  chain.candidates.clear();
  OverlapPlacement result =
      placeWithOverlap(chain.buffers, chain.candidates, 16);
  EXPECT_EQ(result.placement.arenaBytes, 512);
  EXPECT_TRUE(result.reversedSteps.empty());
  EXPECT_EQ(computeOverlapLowerBound(chain.buffers, chain.candidates, 16),
            512);
}

TEST(OverlapPlacementTest, LiveSkipTensorStaysApart) {
  // Buffer 0 is read at step 1 and again at step 3 (a residual).
  llvm::SmallVector<BufferLifetime> buffers = {
      {512, 0, 3}, {512, 1, 2}, {512, 2, 3}, {512, 3, 4}};
  llvm::SmallVector<OverlapCandidate> candidates = {
      {0, 1, 1, 16, 16}, // not a relation: buffer 0 outlives step 1
      {1, 2, 2, 16, 16},
      {2, 3, 3, 16, 16},
      {0, 3, 3, 16, 16}};
  OverlapPlacement result = placeWithOverlap(buffers, candidates, 16);
  EXPECT_TRUE(isValidOverlapPlacement(buffers, candidates, result, 16));
  EXPECT_EQ(computeOverlapLowerBound(buffers, candidates, 16), 512 + 528);
  EXPECT_LE(result.placement.arenaBytes, 512 + 528 + 16);
}

TEST(OverlapPlacementTest, ValidityChecksTheDirection) {
  Chain chain = makeChain(1, 256, 32, 48);
  OverlapPlacement forwards;
  forwards.placement.offsets = {32, 0};
  forwards.placement.arenaBytes = 288;
  EXPECT_TRUE(isValidOverlapPlacement(chain.buffers, chain.candidates,
                                      forwards, 16));
  forwards.placement.offsets = {16, 0};
  EXPECT_FALSE(isValidOverlapPlacement(chain.buffers, chain.candidates,
                                       forwards, 16));
  OverlapPlacement backwards;
  backwards.placement.offsets = {0, 48};
  backwards.placement.arenaBytes = 304;
  backwards.reversedSteps = {1};
  EXPECT_TRUE(isValidOverlapPlacement(chain.buffers, chain.candidates,
                                      backwards, 16));
  backwards.reversedSteps.clear();
  EXPECT_FALSE(isValidOverlapPlacement(chain.buffers, chain.candidates,
                                       backwards, 16));
}

} // namespace
