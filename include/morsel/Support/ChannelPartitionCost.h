//===- ChannelPartitionCost.h - What partial execution costs ----*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The cost model of partial execution along channels (Pex): for a chain
// run in N chunks, the bytes live while its loop runs (the chain's input,
// one slice of every wide tensor and the consumer's accumulators) and the
// instructions it adds to the unpartitioned chain (the pixel loops of every
// kernel re-run once per chunk, the accumulators are loaded and stored once
// per chunk, and initialized and requantized in passes of their own).
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_CHANNELPARTITIONCOST_H
#define MORSEL_SUPPORT_CHANNELPARTITIONCOST_H

#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace morsel {

/// The sizes of one chain that the cost model reads.
struct ChainSizes {
  /// Channels of the wide tensors.
  int64_t channels = 1;
  /// Bytes of the chain's input, read whole by every chunk.
  int64_t inputBytes = 0;
  /// Bytes of one channel of each wide tensor (the producer's result and
  /// each channel-wise convolution's).
  llvm::SmallVector<int64_t> wideBytesPerChannel;
  /// Pixels of each kernel whose loops run once per chunk: the producer,
  /// the channel-wise convolutions and the consumer.
  llvm::SmallVector<int64_t> kernelPixels;
  /// The consumer's output: elements and bytes, and the bytes of its
  /// accumulators (4 per element).
  int64_t outputElements = 0;
  int64_t outputBytes = 0;
  int64_t accumulatorBytes = 0;
};

/// Instructions the cost model charges (calibrated on cortex-m4 with QEMU's
/// instruction counts of the zoo; see docs/Partitioning.md).
struct PartitionCostParams {
  /// One pass over a kernel's pixels: loop control and window bounds.
  int64_t perPixel = 12;
  /// Loading, adding to and storing one accumulator once per chunk, with
  /// the reduction loop's own set-up.
  int64_t perAccumulatorPerChunk = 8;
  /// Initializing one accumulator and reading it back to requantize.
  int64_t perAccumulator = 6;
};

/// Returns the bytes live while the chain runs in `chunks` chunks: its
/// input, one slice of every wide tensor and the accumulators, or the
/// accumulators and the output while they are requantized, whichever is
/// larger.
int64_t getPartitionedChainBytes(const ChainSizes &chain, int64_t chunks);

/// Returns the instructions the chain run in `chunks` chunks adds to its
/// unpartitioned form (zero for one chunk).
int64_t getPartitionOverhead(const ChainSizes &chain, int64_t chunks,
                             const PartitionCostParams &params = {});

/// Returns the chunk counts the chain can run in (the divisors of its
/// channels greater than one), ascending.
llvm::SmallVector<int64_t> getChunkCounts(const ChainSizes &chain);

} // namespace morsel

#endif // MORSEL_SUPPORT_CHANNELPARTITIONCOST_H
