//===- ChannelPartitionCostTest.cpp - Tests of the Pex cost model ---------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/ChannelPartitionCost.h"

#include "gtest/gtest.h"

using namespace morsel;

namespace {

/// MobileNetV2 0.35's second block at 144x144, int8: input 72x72x8, expand
/// to 48 channels, depthwise 3x3 stride 2 to 36x36, project to 8 channels.
ChainSizes getMobileNetBlock() {
  ChainSizes chain;
  chain.channels = 48;
  chain.inputBytes = 72 * 72 * 8;
  chain.wideBytesPerChannel = {72 * 72, 36 * 36};
  chain.kernelPixels = {72 * 72, 36 * 36, 36 * 36};
  chain.outputElements = 36 * 36 * 8;
  chain.outputBytes = 36 * 36 * 8;
  chain.accumulatorBytes = 4 * 36 * 36 * 8;
  return chain;
}

TEST(ChannelPartitionCostTest, LoopHoldsInputAccumulatorsAndOneSlice) {
  ChainSizes chain = getMobileNetBlock();
  // One chunk: both wide tensors whole.
  EXPECT_EQ(getPartitionedChainBytes(chain, 1),
            41472 + 41472 + 48 * (5184 + 1296));
  // 48 chunks: one channel of each (the figure the arena reaches).
  EXPECT_EQ(getPartitionedChainBytes(chain, 48), 41472 + 41472 + 5184 + 1296);
  EXPECT_EQ(getPartitionedChainBytes(chain, 48), 89424);
}

TEST(ChannelPartitionCostTest, RequantizationCanSetTheBytes) {
  // A chain with a tiny input and wide tensors: the requantization step,
  // accumulators plus output, is what remains.
  ChainSizes chain;
  chain.channels = 4;
  chain.inputBytes = 16;
  chain.wideBytesPerChannel = {8};
  chain.kernelPixels = {8, 8};
  chain.outputElements = 100;
  chain.outputBytes = 100;
  chain.accumulatorBytes = 400;
  EXPECT_EQ(getPartitionedChainBytes(chain, 4), 500);
}

TEST(ChannelPartitionCostTest, OverheadGrowsWithChunks) {
  ChainSizes chain = getMobileNetBlock();
  PartitionCostParams params;
  EXPECT_EQ(getPartitionOverhead(chain, 1, params), 0);
  int64_t pixels = 72 * 72 + 2 * 36 * 36;
  int64_t accumulators = 36 * 36 * 8;
  EXPECT_EQ(getPartitionOverhead(chain, 2, params),
            pixels * params.perPixel +
                accumulators * params.perAccumulatorPerChunk +
                accumulators * params.perAccumulator);
  int64_t previous = 0;
  for (int64_t chunks : getChunkCounts(chain)) {
    int64_t overhead = getPartitionOverhead(chain, chunks, params);
    EXPECT_GT(overhead, previous);
    previous = overhead;
  }
}

TEST(ChannelPartitionCostTest, ChunkCountsDivideTheChannels) {
  ChainSizes chain = getMobileNetBlock();
  EXPECT_EQ(getChunkCounts(chain),
            (llvm::SmallVector<int64_t>{2, 3, 4, 6, 8, 12, 16, 24, 48}));
  chain.channels = 7;
  EXPECT_EQ(getChunkCounts(chain), (llvm::SmallVector<int64_t>{7}));
  chain.channels = 1;
  EXPECT_TRUE(getChunkCounts(chain).empty());
}

} // namespace
