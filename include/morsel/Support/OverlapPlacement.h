//===- OverlapPlacement.h - Outputs that overlap consumed inputs -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// vMCU's segment overlap (Zheng et al., MLSys 2024) on a linear pool. A
// kernel's output may share bytes with an input that dies at that kernel,
// as far as the kernel's access order allows: run forwards, the output may
// start `below` bytes under the input; run backwards (last step first), its
// end may lie `above` bytes over the input's end. The planner chooses, per
// kernel, the direction as well as the offsets, so that a chain of kernels
// zigzags inside one band of memory instead of drifting down the pool.
//
// Every other pair of buffers whose lifetimes overlap gets its own bytes,
// as in BufferPlacement.h.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_OVERLAPPLACEMENT_H
#define MORSEL_SUPPORT_OVERLAPPLACEMENT_H

#include "morsel/Support/BufferPlacement.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace morsel {

/// An output that may overlap one input of the kernel at `step`: the input
/// is last used at that step and the output first used there.
struct OverlapCandidate {
  size_t input = 0;
  size_t output = 0;
  int64_t step = 0;
  /// Bytes the output must start below the input when the kernel runs
  /// forwards (getDisplacementBelow).
  int64_t below = 0;
  /// Bytes the output's end must lie above the input's end when the kernel
  /// runs backwards (getDisplacementAbove).
  int64_t above = 0;
};

/// A placement and the steps whose kernels must run backwards.
struct OverlapPlacement {
  BufferPlacement placement;
  llvm::SmallVector<int64_t> reversedSteps;
};

/// Places the buffers so that outputs overlap the inputs of `candidates`
/// where that shrinks the pool, trying several orders and keeping the
/// smallest result; never larger than TensorFlow Lite Micro's greedy
/// placement of the same buffers. Sizes and displacements are rounded up to
/// `alignment`.
OverlapPlacement placeWithOverlap(llvm::ArrayRef<BufferLifetime> buffers,
                                  llvm::ArrayRef<OverlapCandidate> candidates,
                                  int64_t alignment);

/// Returns true if every two buffers that share a byte while both live are
/// a candidate pair placed as its kernel's direction allows.
bool isValidOverlapPlacement(llvm::ArrayRef<BufferLifetime> buffers,
                             llvm::ArrayRef<OverlapCandidate> candidates,
                             const OverlapPlacement &placement,
                             int64_t alignment);

/// The op-level lower bound of any overlap placement: the most bytes live
/// at one step, where the output of the step's kernel counts only the
/// bytes its best overlap with the dying inputs cannot share.
int64_t
computeOverlapLowerBound(llvm::ArrayRef<BufferLifetime> buffers,
                         llvm::ArrayRef<OverlapCandidate> candidates,
                         int64_t alignment);

} // namespace morsel

#endif // MORSEL_SUPPORT_OVERLAPPLACEMENT_H
