//===- HillClimbPlacement.h - TVM USMP's hill-climb planner -----*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The hill-climb algorithm of TVM's Unified Static Memory Planner
// (tvm/src/tir/usmp/algo/hill_climb.cc), over the same buffer lifetimes as
// the other planners of BufferPlacement.h.
//
// A greedy planner is a first fit in some order (placeFirstFitInOrder); the
// order is all that separates a good placement from a bad one, and the best
// order always exists (first fit in the order of the offsets of an optimal
// placement reproduces it or better). The hill climb searches the orders:
//
//   1. Start from the greedy-by-size order, so the first placement is
//      exactly placeGreedyBySize's.
//   2. Pick one of the buffers that reach the top of the arena (the high
//      water mark). Its conflicts placed before it ("first level") pushed it
//      up, and their own earlier conflicts ("second level") pushed them.
//   3. Swap two of them in the order: a first-level buffer with a
//      second-level one (one time in two), with another first-level one
//      (one time in four) or with the peak buffer itself (one time in four;
//      TVM never moves the peak buffer, which costs it a little on random
//      lifetimes).
//   4. Place again. Keep the swap if the arena did not grow (sideways moves
//      let the climb cross plateaus), else undo it; remember the smallest
//      arena seen.
//   5. Stop after a bounded number of attempts or at the target (by default
//      the live-bytes lower bound, which nothing can beat).
//
// TVM also accepts some regressions early on; Morsel does not, and returns
// the greedy-by-size placement unless the climb found a strictly smaller
// one, so it is never worse. The swaps come from a seeded 64-bit Mersenne
// Twister reduced with `%` (not a std distribution, whose results differ
// between standard libraries): the same input and options give the same
// placement on every run and machine.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_HILLCLIMBPLACEMENT_H
#define MORSEL_SUPPORT_HILLCLIMBPLACEMENT_H

#include "morsel/Support/BufferPlacement.h"

namespace morsel {

/// Bounds and seed of the hill climb.
struct HillClimbOptions {
  /// Placements tried after the greedy-by-size one (TVM tries 500).
  unsigned maxAttempts = 500;
  /// Seed of the generator that picks the swaps.
  uint64_t seed = 0;
  /// The climb stops once the arena is at most this many bytes; 0 stands
  /// for the live-bytes lower bound (computeLiveBytesLowerBound).
  int64_t targetBytes = 0;
};

/// TVM USMP's hill climb over placement orders (see the file comment).
/// Never returns a larger arena than placeGreedyBySize on the same input;
/// sizes are rounded up to `alignment`.
BufferPlacement placeUsmpHillClimb(llvm::ArrayRef<BufferLifetime> buffers,
                                   int64_t alignment,
                                   const HillClimbOptions &options = {});

} // namespace morsel

#endif // MORSEL_SUPPORT_HILLCLIMBPLACEMENT_H
