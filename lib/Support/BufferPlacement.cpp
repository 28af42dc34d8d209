//===- BufferPlacement.cpp - Offsets of buffers in one arena --------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/BufferPlacement.h"

#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <numeric>

using namespace morsel;

static bool overlapInTime(const BufferLifetime &a, const BufferLifetime &b) {
  return a.firstUse <= b.lastUse && b.firstUse <= a.lastUse;
}

BufferPlacement morsel::placeNaive(llvm::ArrayRef<BufferLifetime> buffers,
                                   int64_t alignment) {
  BufferPlacement placement;
  for (const BufferLifetime &buffer : buffers) {
    placement.offsets.push_back(placement.arenaBytes);
    placement.arenaBytes += llvm::alignTo(buffer.size, alignment);
  }
  return placement;
}

BufferPlacement
morsel::placeGreedyBySize(llvm::ArrayRef<BufferLifetime> buffers,
                          int64_t alignment) {
  BufferPlacement placement;
  placement.offsets.assign(buffers.size(), 0);
  llvm::SmallVector<size_t> order(buffers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return buffers[a].size > buffers[b].size;
  });

  llvm::SmallVector<size_t> placed;
  for (size_t index : order) {
    int64_t size = llvm::alignTo(buffers[index].size, alignment);
    // The placed buffers live at the same time as this one, by offset.
    llvm::SmallVector<size_t> conflicts;
    for (size_t other : placed)
      if (overlapInTime(buffers[index], buffers[other]))
        conflicts.push_back(other);
    std::stable_sort(conflicts.begin(), conflicts.end(),
                     [&](size_t a, size_t b) {
                       return placement.offsets[a] < placement.offsets[b];
                     });
    int64_t offset = 0;
    for (size_t other : conflicts) {
      int64_t start = placement.offsets[other];
      if (start - offset >= size)
        break;
      offset = std::max<int64_t>(
          offset,
          start + static_cast<int64_t>(
                      llvm::alignTo(buffers[other].size, alignment)));
    }
    placement.offsets[index] = offset;
    placement.arenaBytes = std::max<int64_t>(placement.arenaBytes,
                                             offset + size);
    placed.push_back(index);
  }
  return placement;
}

bool morsel::isValidPlacement(llvm::ArrayRef<BufferLifetime> buffers,
                              const BufferPlacement &placement) {
  for (size_t a = 0; a < buffers.size(); ++a) {
    int64_t aBegin = placement.offsets[a], aEnd = aBegin + buffers[a].size;
    if (aBegin < 0 || aEnd > placement.arenaBytes)
      return false;
    for (size_t b = a + 1; b < buffers.size(); ++b) {
      int64_t bBegin = placement.offsets[b], bEnd = bBegin + buffers[b].size;
      if (overlapInTime(buffers[a], buffers[b]) && aBegin < bEnd &&
          bBegin < aEnd && buffers[a].size > 0 && buffers[b].size > 0)
        return false;
    }
  }
  return true;
}
