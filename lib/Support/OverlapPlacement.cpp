//===- OverlapPlacement.cpp - Outputs that overlap consumed inputs --------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/OverlapPlacement.h"
#include "morsel/Support/HillClimbPlacement.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace morsel;

namespace {

/// The way a kernel runs its steps.
enum class Direction : uint8_t { Unset, Forwards, Backwards };

/// Rounds `value` (possibly negative) up to a multiple of `alignment`.
int64_t alignUpSigned(int64_t value, int64_t alignment) {
  return llvm::divideCeilSigned(value, alignment) * alignment;
}

/// A candidate as constraints on the output's offset minus the input's:
/// forwards at most `-below`, backwards at least `aboveStart`, both
/// multiples of the alignment.
struct Relation {
  size_t input, output;
  int64_t step;
  int64_t below;
  int64_t aboveStart;
};

bool overlapInTime(const BufferLifetime &a, const BufferLifetime &b) {
  return a.firstUse <= b.lastUse && b.firstUse <= a.lastUse;
}

/// Places buffers one at a time, each at the offset (possibly negative
/// until the end) that grows the band of used bytes least.
class SequentialOverlapPlanner {
public:
  SequentialOverlapPlanner(llvm::ArrayRef<BufferLifetime> buffers,
                           llvm::ArrayRef<Relation> relations,
                           int64_t alignment)
      : buffers(buffers), relations(relations) {
    for (const BufferLifetime &buffer : buffers)
      sizes.push_back(llvm::alignTo(buffer.size, alignment));
    for (auto [index, relation] : llvm::enumerate(relations)) {
      relationsOf[relation.input].push_back(index);
      relationsOf[relation.output].push_back(index);
    }
  }

  OverlapPlacement run(llvm::ArrayRef<size_t> order) {
    offsets.assign(buffers.size(), 0);
    directions.clear();
    bandLow = bandHigh = 0;
    llvm::SmallVector<size_t> placed;
    for (size_t index : order) {
      place(index, placed);
      placed.push_back(index);
    }
    OverlapPlacement result;
    for (int64_t &offset : offsets)
      offset -= bandLow;
    result.placement.offsets = offsets;
    result.placement.arenaBytes = bandHigh - bandLow;
    for (auto [step, direction] : directions)
      if (direction == Direction::Backwards)
        result.reversedSteps.push_back(step);
    llvm::sort(result.reversedSteps);
    return result;
  }

private:
  /// The relation between `index` and the placed buffer `other`, if any.
  const Relation *findRelation(size_t index, size_t other) const {
    auto it = relationsOf.find(index);
    if (it == relationsOf.end())
      return nullptr;
    for (size_t r : it->second) {
      const Relation &relation = relations[r];
      if ((relation.input == index && relation.output == other) ||
          (relation.output == index && relation.input == other))
        return &relation;
    }
    return nullptr;
  }

  /// The open interval of offsets of `index` that clash with `other`.
  std::pair<int64_t, int64_t> getForbidden(size_t index, size_t other,
                                           const Relation *relation,
                                           Direction direction) const {
    int64_t size = sizes[index];
    int64_t start = offsets[other], end = start + sizes[other];
    int64_t low = start - size, high = end;
    if (!relation)
      return {low, high};
    bool isOutput = relation->output == index;
    if (direction == Direction::Forwards) {
      if (isOutput)
        low = std::max(low, start - relation->below);
      else
        high = std::min(high, start + relation->below);
    } else {
      if (isOutput)
        high = std::min(high, start + relation->aboveStart);
      else
        low = std::max(low, start - relation->aboveStart);
    }
    return {low, high};
  }

  void place(size_t index, llvm::ArrayRef<size_t> placed) {
    int64_t size = sizes[index];
    llvm::SmallVector<std::pair<size_t, const Relation *>> conflicts;
    llvm::SmallVector<int64_t> openSteps;
    for (size_t other : placed) {
      if (!overlapInTime(buffers[index], buffers[other]))
        continue;
      const Relation *relation = findRelation(index, other);
      conflicts.push_back({other, relation});
      if (relation && directions.lookup(relation->step) == Direction::Unset &&
          !llvm::is_contained(openSteps, relation->step))
        openSteps.push_back(relation->step);
    }
    if (openSteps.size() > 3)
      openSteps.resize(3);
    if (placed.empty()) {
      offsets[index] = 0;
      bandLow = 0;
      bandHigh = size;
      return;
    }

    struct Choice {
      int64_t cost = std::numeric_limits<int64_t>::max();
      int64_t offset = 0;
      unsigned combination = 0;
    } best;
    for (unsigned combination = 0; combination < (1u << openSteps.size());
         ++combination) {
      auto directionOf = [&](int64_t step) {
        Direction fixed = directions.lookup(step);
        if (fixed != Direction::Unset)
          return fixed;
        auto *it = llvm::find(openSteps, step);
        if (it == openSteps.end())
          return Direction::Forwards;
        return (combination >> (it - openSteps.begin())) & 1
                   ? Direction::Backwards
                   : Direction::Forwards;
      };
      llvm::SmallVector<std::pair<int64_t, int64_t>> forbidden;
      for (auto [other, relation] : conflicts)
        forbidden.push_back(getForbidden(
            index, other, relation,
            relation ? directionOf(relation->step) : Direction::Forwards));
      llvm::SmallVector<int64_t> offsetsToTry = {bandLow, bandHigh - size};
      for (auto [low, high] : forbidden)
        offsetsToTry.append({low, high});
      for (int64_t offset : offsetsToTry) {
        bool clashes = llvm::any_of(forbidden, [&](auto interval) {
          return interval.first < offset && offset < interval.second;
        });
        if (clashes)
          continue;
        int64_t cost = std::max(bandHigh, offset + size) -
                       std::min(bandLow, offset);
        if (cost < best.cost || (cost == best.cost && offset < best.offset))
          best = {cost, offset, combination};
      }
    }
    offsets[index] = best.offset;
    bandLow = std::min(bandLow, best.offset);
    bandHigh = std::max(bandHigh, best.offset + size);
    // Fix the direction of every kernel whose pair now shares bytes.
    for (auto [other, relation] : conflicts) {
      if (!relation)
        continue;
      int64_t start = offsets[other], end = start + sizes[other];
      if (best.offset >= end || best.offset + size <= start)
        continue;
      if (directions.lookup(relation->step) != Direction::Unset)
        continue;
      auto *it = llvm::find(openSteps, relation->step);
      bool backwards = it != openSteps.end() &&
                       ((best.combination >> (it - openSteps.begin())) & 1);
      directions[relation->step] =
          backwards ? Direction::Backwards : Direction::Forwards;
    }
  }

  llvm::ArrayRef<BufferLifetime> buffers;
  llvm::ArrayRef<Relation> relations;
  llvm::SmallVector<int64_t> sizes;
  llvm::DenseMap<size_t, llvm::SmallVector<size_t>> relationsOf;
  llvm::SmallVector<int64_t> offsets;
  llvm::DenseMap<int64_t, Direction> directions;
  int64_t bandLow = 0, bandHigh = 0;
};

/// Only candidates whose input dies and whose output is born at the step.
llvm::SmallVector<Relation>
getRelations(llvm::ArrayRef<BufferLifetime> buffers,
             llvm::ArrayRef<OverlapCandidate> candidates, int64_t alignment) {
  llvm::SmallVector<Relation> relations;
  for (const OverlapCandidate &c : candidates) {
    if (c.input >= buffers.size() || c.output >= buffers.size() ||
        c.input == c.output || buffers[c.input].lastUse != c.step ||
        buffers[c.output].firstUse != c.step)
      continue;
    relations.push_back(
        {c.input, c.output, c.step, alignUpSigned(c.below, alignment),
         alignUpSigned(buffers[c.input].size + c.above -
                           buffers[c.output].size,
                       alignment)});
  }
  return relations;
}

} // namespace

OverlapPlacement
morsel::placeWithOverlap(llvm::ArrayRef<BufferLifetime> buffers,
                         llvm::ArrayRef<OverlapCandidate> candidates,
                         int64_t alignment) {
  OverlapPlacement best;
  best.placement = placeGreedyBySize(buffers, alignment);
  if (buffers.empty())
    return best;
  BufferPlacement usmp = placeUsmpHillClimb(buffers, alignment);
  if (usmp.arenaBytes < best.placement.arenaBytes)
    best.placement = usmp;

  llvm::SmallVector<Relation> relations =
      getRelations(buffers, candidates, alignment);
  SequentialOverlapPlanner planner(buffers, relations, alignment);
  llvm::SmallVector<size_t> byBirth(buffers.size());
  std::iota(byBirth.begin(), byBirth.end(), 0);
  llvm::stable_sort(byBirth, [&](size_t a, size_t b) {
    if (buffers[a].firstUse != buffers[b].firstUse)
      return buffers[a].firstUse < buffers[b].firstUse;
    return buffers[a].size > buffers[b].size;
  });
  llvm::SmallVector<size_t> byLifetime = byBirth;
  llvm::stable_sort(byLifetime, [&](size_t a, size_t b) {
    return buffers[a].lastUse - buffers[a].firstUse >
           buffers[b].lastUse - buffers[b].firstUse;
  });
  llvm::SmallVector<size_t> bySize = getGreedyBySizeOrder(buffers);
  for (llvm::ArrayRef<size_t> order : {llvm::ArrayRef<size_t>(byBirth),
                                       llvm::ArrayRef<size_t>(byLifetime),
                                       llvm::ArrayRef<size_t>(bySize)}) {
    OverlapPlacement result = planner.run(order);
    if (result.placement.arenaBytes < best.placement.arenaBytes &&
        isValidOverlapPlacement(buffers, candidates, result, alignment))
      best = std::move(result);
  }
  return best;
}

bool morsel::isValidOverlapPlacement(
    llvm::ArrayRef<BufferLifetime> buffers,
    llvm::ArrayRef<OverlapCandidate> candidates,
    const OverlapPlacement &placement, int64_t alignment) {
  llvm::ArrayRef<int64_t> offsets = placement.placement.offsets;
  if (offsets.size() != buffers.size())
    return false;
  llvm::SmallVector<Relation> relations =
      getRelations(buffers, candidates, alignment);
  for (size_t i = 0; i < buffers.size(); ++i) {
    int64_t iEnd = offsets[i] + llvm::alignTo(buffers[i].size, alignment);
    if (offsets[i] < 0 || iEnd > placement.placement.arenaBytes)
      return false;
    for (size_t j = i + 1; j < buffers.size(); ++j) {
      int64_t jEnd = offsets[j] + llvm::alignTo(buffers[j].size, alignment);
      if (!overlapInTime(buffers[i], buffers[j]) || iEnd <= offsets[j] ||
          jEnd <= offsets[i])
        continue;
      const Relation *relation = llvm::find_if(relations, [&](auto &r) {
        return (r.input == i && r.output == j) ||
               (r.input == j && r.output == i);
      });
      if (relation == relations.end())
        return false;
      int64_t shift = offsets[relation->output] - offsets[relation->input];
      bool reversed =
          llvm::is_contained(placement.reversedSteps, relation->step);
      if (reversed ? shift < relation->aboveStart : shift > -relation->below)
        return false;
    }
  }
  return true;
}

int64_t morsel::computeOverlapLowerBound(
    llvm::ArrayRef<BufferLifetime> buffers,
    llvm::ArrayRef<OverlapCandidate> candidates, int64_t alignment) {
  llvm::SmallVector<Relation> relations =
      getRelations(buffers, candidates, alignment);
  int64_t lastStep = 0;
  for (const BufferLifetime &buffer : buffers)
    lastStep = std::max(lastStep, buffer.lastUse);
  int64_t bound = 0;
  for (int64_t step = 0; step <= lastStep; ++step) {
    int64_t live = 0;
    for (const BufferLifetime &buffer : buffers)
      if (buffer.firstUse <= step && step <= buffer.lastUse)
        live += llvm::alignTo(buffer.size, alignment);
    // The best sharing of one output with the inputs dying here: the
    // output's bytes outside every overlapped input are at least the
    // smallest displacement.
    int64_t saving = 0;
    for (size_t output = 0; output < buffers.size(); ++output) {
      int64_t inputs = 0;
      int64_t extra = std::numeric_limits<int64_t>::max();
      int64_t outputSize = llvm::alignTo(buffers[output].size, alignment);
      for (const Relation &r : relations) {
        if (r.output != output || r.step != step)
          continue;
        int64_t inputSize = llvm::alignTo(buffers[r.input].size, alignment);
        inputs += inputSize;
        extra = std::min(extra, std::min(r.below, std::max<int64_t>(
                                                      0, r.aboveStart +
                                                             outputSize -
                                                             inputSize)));
      }
      if (inputs == 0)
        continue;
      int64_t footprint =
          std::max(outputSize, inputs + std::min(outputSize, extra));
      saving = std::max(saving, inputs + outputSize - footprint);
    }
    bound = std::max(bound, live - saving);
  }
  return bound;
}
