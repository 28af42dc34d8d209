//===- HillClimbPlacement.cpp - TVM USMP's hill-climb planner -------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/HillClimbPlacement.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <random>

using namespace morsel;

namespace {

/// The climb's state: an order, where each buffer sits in it, and the
/// placement that order gives.
class HillClimb {
public:
  HillClimb(llvm::ArrayRef<BufferLifetime> buffers, int64_t alignment,
            const HillClimbOptions &options)
      : buffers(buffers), alignment(alignment), options(options),
        random(options.seed), order(getGreedyBySizeOrder(buffers)),
        position(buffers.size()), conflicts(buffers.size()) {
    for (size_t i = 0; i < order.size(); ++i)
      position[order[i]] = i;
    for (size_t a = 0; a < buffers.size(); ++a)
      for (size_t b = a + 1; b < buffers.size(); ++b)
        if (buffers[a].firstUse <= buffers[b].lastUse &&
            buffers[b].firstUse <= buffers[a].lastUse) {
          conflicts[a].push_back(b);
          conflicts[b].push_back(a);
        }
  }

  BufferPlacement run();

private:
  /// Picks two buffers to swap in the order around one at the top of
  /// `current`; returns false if there is nothing to swap.
  bool pickSwap(const BufferPlacement &current, size_t &a, size_t &b);
  /// Swaps the places of two buffers in the order.
  void swap(size_t a, size_t b);
  /// A uniformly chosen element of a non-empty list.
  size_t pick(llvm::ArrayRef<size_t> list) {
    return list[random() % list.size()];
  }

  llvm::ArrayRef<BufferLifetime> buffers;
  int64_t alignment;
  const HillClimbOptions &options;
  std::mt19937_64 random;
  llvm::SmallVector<size_t> order;
  llvm::SmallVector<size_t> position;
  llvm::SmallVector<llvm::SmallVector<size_t>> conflicts;
};

} // namespace

bool HillClimb::pickSwap(const BufferPlacement &current, size_t &a, size_t &b) {
  llvm::SmallVector<size_t> top;
  for (size_t index : order)
    if (current.offsets[index] + static_cast<int64_t>(llvm::alignTo(
                                     buffers[index].size, alignment)) ==
        current.arenaBytes)
      top.push_back(index);
  if (top.empty())
    return false;
  size_t peak = pick(top);

  // Conflicts placed before the peak buffer, and their own earlier ones.
  llvm::SmallVector<size_t> firstLevel, secondLevel;
  for (size_t first : conflicts[peak]) {
    if (position[first] > position[peak])
      continue;
    firstLevel.push_back(first);
    for (size_t second : conflicts[first])
      if (position[second] < position[first])
        secondLevel.push_back(second);
  }
  if (firstLevel.empty())
    return false;
  auto byPosition = [&](size_t x, size_t y) {
    return position[x] < position[y];
  };
  llvm::sort(firstLevel, byPosition);
  llvm::sort(secondLevel, byPosition);
  secondLevel.erase(std::unique(secondLevel.begin(), secondLevel.end()),
                    secondLevel.end());

  a = pick(firstLevel);
  unsigned dice = random() % 100;
  if (dice < 25)
    b = peak;
  else if (!secondLevel.empty() && dice >= 50)
    b = pick(secondLevel);
  else
    b = pick(firstLevel);
  return a != b;
}

void HillClimb::swap(size_t a, size_t b) {
  std::swap(order[position[a]], order[position[b]]);
  std::swap(position[a], position[b]);
}

BufferPlacement HillClimb::run() {
  BufferPlacement current = placeFirstFitInOrder(buffers, order, alignment);
  BufferPlacement best = current;
  int64_t target = options.targetBytes > 0
                       ? options.targetBytes
                       : computeLiveBytesLowerBound(buffers, alignment);
  for (unsigned attempt = 0;
       attempt < options.maxAttempts && best.arenaBytes > target; ++attempt) {
    size_t a, b;
    if (!pickSwap(current, a, b))
      continue;
    swap(a, b);
    BufferPlacement candidate = placeFirstFitInOrder(buffers, order, alignment);
    if (candidate.arenaBytes > current.arenaBytes) {
      swap(a, b);
      continue;
    }
    current = std::move(candidate);
    if (current.arenaBytes < best.arenaBytes)
      best = current;
  }
  return best;
}

BufferPlacement
morsel::placeUsmpHillClimb(llvm::ArrayRef<BufferLifetime> buffers,
                           int64_t alignment, const HillClimbOptions &options) {
  return HillClimb(buffers, alignment, options).run();
}
