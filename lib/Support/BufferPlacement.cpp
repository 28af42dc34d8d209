//===- BufferPlacement.cpp - Offsets of buffers in one arena --------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/BufferPlacement.h"

#include "llvm/ADT/STLExtras.h"
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
morsel::placeFirstFitInOrder(llvm::ArrayRef<BufferLifetime> buffers,
                             llvm::ArrayRef<size_t> order, int64_t alignment) {
  BufferPlacement placement;
  placement.offsets.assign(buffers.size(), 0);
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

llvm::SmallVector<size_t>
morsel::getGreedyBySizeOrder(llvm::ArrayRef<BufferLifetime> buffers) {
  llvm::SmallVector<size_t> order(buffers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return buffers[a].size > buffers[b].size;
  });
  return order;
}

BufferPlacement
morsel::placeGreedyBySize(llvm::ArrayRef<BufferLifetime> buffers,
                          int64_t alignment) {
  return placeFirstFitInOrder(buffers, getGreedyBySizeOrder(buffers),
                              alignment);
}

LiveBytesPeak morsel::findLiveBytesPeak(llvm::ArrayRef<BufferLifetime> buffers,
                                        int64_t alignment) {
  // +size where a lifetime starts, -size one step after it ends; at equal
  // steps the ends go first, so a buffer that died is not counted.
  llvm::SmallVector<std::pair<int64_t, int64_t>> events;
  for (const BufferLifetime &buffer : buffers) {
    if (buffer.lastUse < buffer.firstUse || buffer.size <= 0)
      continue;
    int64_t size = llvm::alignTo(buffer.size, alignment);
    events.push_back({buffer.firstUse, size});
    events.push_back({buffer.lastUse + 1, -size});
  }
  llvm::sort(events);
  LiveBytesPeak peak;
  int64_t live = 0;
  for (const auto &[step, delta] : events) {
    live += delta;
    if (delta > 0 && live > peak.bytes)
      peak = {live, step};
  }
  return peak;
}

int64_t
morsel::computeLiveBytesLowerBound(llvm::ArrayRef<BufferLifetime> buffers,
                                   int64_t alignment) {
  return findLiveBytesPeak(buffers, alignment).bytes;
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
