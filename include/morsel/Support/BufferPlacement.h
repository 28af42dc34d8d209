//===- BufferPlacement.h - Offsets of buffers in one arena ------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Places buffers with known sizes and lifetimes at offsets of one arena.
// Plain C++ so that planners can be unit-tested and compared on the same
// inputs; the arena placement pass feeds it buffers of the IR.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_BUFFERPLACEMENT_H
#define MORSEL_SUPPORT_BUFFERPLACEMENT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace morsel {

/// A buffer to place: its size and the steps (inclusive) during which it
/// holds live data.
struct BufferLifetime {
  int64_t size = 0;
  int64_t firstUse = 0;
  int64_t lastUse = 0;
};

/// Where the buffers went, in input order, and the arena they need.
struct BufferPlacement {
  llvm::SmallVector<int64_t> offsets;
  int64_t arenaBytes = 0;
};

/// Places the buffers one at a time in `order` (indices into `buffers`, each
/// once): each goes into the lowest gap, among the already placed buffers
/// whose lifetimes overlap its own, that holds it, else after the last of
/// them. Sizes are rounded up to `alignment`. The greedy planners differ
/// only in the order they hand to this first fit.
BufferPlacement placeFirstFitInOrder(llvm::ArrayRef<BufferLifetime> buffers,
                                     llvm::ArrayRef<size_t> order,
                                     int64_t alignment);

/// Gives every buffer its own slot, in input order: no reuse.
BufferPlacement placeNaive(llvm::ArrayRef<BufferLifetime> buffers,
                           int64_t alignment);

/// TensorFlow Lite Micro's GreedyMemoryPlanner: buffers by size, largest
/// first (ties in input order); each goes into the lowest gap, among the
/// already placed buffers whose lifetimes overlap its own, that holds it,
/// else after the last of them. Sizes are rounded up to `alignment`.
BufferPlacement placeGreedyBySize(llvm::ArrayRef<BufferLifetime> buffers,
                                  int64_t alignment);

/// The order placeGreedyBySize places buffers in: by size, largest first,
/// ties in input order.
llvm::SmallVector<size_t>
getGreedyBySizeOrder(llvm::ArrayRef<BufferLifetime> buffers);

/// The step with the most live bytes and how many: the sum of the sizes
/// (rounded up to `alignment`) of the buffers whose lifetimes contain it.
/// The earliest such step wins ties; step is -1 when nothing is live.
struct LiveBytesPeak {
  int64_t bytes = 0;
  int64_t step = -1;
};

/// Sweeps the lifetimes for the step with the most live bytes.
LiveBytesPeak findLiveBytesPeak(llvm::ArrayRef<BufferLifetime> buffers,
                                int64_t alignment = 1);

/// The op-level lower bound of any placement: the most bytes live at one
/// step. No planner that gives each buffer its own bytes for its whole
/// lifetime can use a smaller arena.
int64_t computeLiveBytesLowerBound(llvm::ArrayRef<BufferLifetime> buffers,
                                   int64_t alignment = 1);

/// Returns true if no two buffers with overlapping lifetimes share a byte.
bool isValidPlacement(llvm::ArrayRef<BufferLifetime> buffers,
                      const BufferPlacement &placement);

} // namespace morsel

#endif // MORSEL_SUPPORT_BUFFERPLACEMENT_H
