//===- ChannelPartitionCost.cpp - What partial execution costs ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/ChannelPartitionCost.h"

#include <algorithm>

using namespace morsel;

int64_t morsel::getPartitionedChainBytes(const ChainSizes &chain,
                                         int64_t chunks) {
  int64_t slice = chain.channels / chunks;
  int64_t loop = chain.inputBytes + chain.accumulatorBytes;
  for (int64_t perChannel : chain.wideBytesPerChannel)
    loop += perChannel * slice;
  return std::max(loop, chain.accumulatorBytes + chain.outputBytes);
}

int64_t morsel::getPartitionOverhead(const ChainSizes &chain, int64_t chunks,
                                     const PartitionCostParams &params) {
  if (chunks <= 1)
    return 0;
  int64_t pixels = 0;
  for (int64_t kernel : chain.kernelPixels)
    pixels += kernel;
  return (chunks - 1) * (pixels * params.perPixel +
                         chain.outputElements * params.perAccumulatorPerChunk) +
         chain.outputElements * params.perAccumulator;
}

llvm::SmallVector<int64_t> morsel::getChunkCounts(const ChainSizes &chain) {
  llvm::SmallVector<int64_t> counts;
  for (int64_t chunks = 2; chunks <= chain.channels; ++chunks)
    if (chain.channels % chunks == 0)
      counts.push_back(chunks);
  return counts;
}
