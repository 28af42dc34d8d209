//===- AccessOrder.cpp - The order a kernel reads and writes bytes --------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/AccessOrder.h"

#include <algorithm>
#include <limits>

using namespace morsel;

/// The first and last valid tap positions of a window along one dimension:
/// positions origin + t * dilation for t in [0, taps) that lie in [0, size),
/// or std::nullopt if none does.
static std::optional<std::pair<int64_t, int64_t>>
clampWindow(int64_t origin, int64_t taps, int64_t dilation, int64_t size) {
  std::optional<int64_t> first, last;
  for (int64_t t = 0; t < taps; ++t) {
    int64_t position = origin + t * dilation;
    if (position < 0 || position >= size)
      continue;
    if (!first)
      first = position;
    last = position;
  }
  if (!first)
    return std::nullopt;
  return std::make_pair(*first, *last);
}

AccessOrder morsel::getWindowAccessOrder(const WindowAccess &w) {
  AccessOrder order;
  order.inputBytes =
      w.batch * w.inputHeight * w.inputWidth * w.inputPixelBytes;
  order.outputBytes =
      w.batch * w.outputHeight * w.outputWidth * w.outputPixelBytes;
  order.steps.reserve(w.batch * w.outputHeight * w.outputWidth);
  for (int64_t n = 0; n < w.batch; ++n) {
    for (int64_t oh = 0; oh < w.outputHeight; ++oh) {
      auto rows = clampWindow(oh * w.strideHeight - w.padTop, w.kernelHeight,
                              w.dilationHeight, w.inputHeight);
      for (int64_t ow = 0; ow < w.outputWidth; ++ow) {
        auto columns = clampWindow(ow * w.strideWidth - w.padLeft,
                                   w.kernelWidth, w.dilationWidth,
                                   w.inputWidth);
        AccessStep step;
        if (rows && columns) {
          int64_t firstPixel =
              (n * w.inputHeight + rows->first) * w.inputWidth +
              columns->first;
          int64_t lastPixel =
              (n * w.inputHeight + rows->second) * w.inputWidth +
              columns->second;
          step.read = {firstPixel * w.inputPixelBytes,
                       (lastPixel + 1) * w.inputPixelBytes};
        }
        int64_t pixel = (n * w.outputHeight + oh) * w.outputWidth + ow;
        step.write = {pixel * w.outputPixelBytes,
                      (pixel + 1) * w.outputPixelBytes};
        order.steps.push_back(step);
      }
    }
  }
  return order;
}

AccessOrder morsel::getLoopNestAccessOrder(
    llvm::ArrayRef<int64_t> bounds, llvm::ArrayRef<int64_t> inputStrides,
    int64_t inputElementBytes, int64_t inputBytes,
    llvm::ArrayRef<int64_t> outputStrides, int64_t outputElementBytes,
    int64_t outputBytes) {
  AccessOrder order;
  order.inputBytes = inputBytes;
  order.outputBytes = outputBytes;
  int64_t points = 1;
  for (int64_t bound : bounds)
    points *= bound;
  if (points <= 0)
    return order;
  order.steps.reserve(points);
  llvm::SmallVector<int64_t> point(bounds.size(), 0);
  for (int64_t i = 0; i < points; ++i) {
    int64_t in = 0, out = 0;
    for (size_t d = 0; d < bounds.size(); ++d) {
      in += point[d] * inputStrides[d];
      out += point[d] * outputStrides[d];
    }
    order.steps.push_back(
        {{in * inputElementBytes, (in + 1) * inputElementBytes},
         {out * outputElementBytes, (out + 1) * outputElementBytes}});
    for (size_t d = bounds.size(); d-- > 0;) {
      if (++point[d] < bounds[d])
        break;
      point[d] = 0;
    }
  }
  return order;
}

/// For each step, the lowest byte read by it or any later step (forwards).
static llvm::SmallVector<int64_t> getLowestLaterRead(const AccessOrder &o) {
  llvm::SmallVector<int64_t> lowest(o.steps.size());
  int64_t low = std::numeric_limits<int64_t>::max();
  for (size_t i = o.steps.size(); i-- > 0;) {
    if (!o.steps[i].read.empty())
      low = std::min(low, o.steps[i].read.begin);
    lowest[i] = low;
  }
  return lowest;
}

/// For each step, the highest byte end read by it or any step run after it
/// when the steps run backwards, i.e. any earlier step.
static llvm::SmallVector<int64_t> getHighestLaterRead(const AccessOrder &o) {
  llvm::SmallVector<int64_t> highest(o.steps.size());
  int64_t high = std::numeric_limits<int64_t>::min();
  for (size_t i = 0; i < o.steps.size(); ++i) {
    if (!o.steps[i].read.empty())
      high = std::max(high, o.steps[i].read.end);
    highest[i] = high;
  }
  return highest;
}

int64_t morsel::getDisplacementBelow(const AccessOrder &order) {
  llvm::SmallVector<int64_t> lowest = getLowestLaterRead(order);
  int64_t displacement = 0;
  for (size_t i = 0; i < order.steps.size(); ++i) {
    const AccessStep &step = order.steps[i];
    if (step.write.empty() ||
        lowest[i] == std::numeric_limits<int64_t>::max())
      continue;
    displacement = std::max(displacement, step.write.end - lowest[i]);
  }
  return displacement;
}

int64_t morsel::getDisplacementAbove(const AccessOrder &order) {
  llvm::SmallVector<int64_t> highest = getHighestLaterRead(order);
  // With the output's end E bytes above the input's end, the output starts
  // at inputBytes + E - outputBytes relative to the input.
  int64_t displacement = 0;
  for (size_t i = 0; i < order.steps.size(); ++i) {
    const AccessStep &step = order.steps[i];
    if (step.write.empty() ||
        highest[i] == std::numeric_limits<int64_t>::min())
      continue;
    displacement =
        std::max(displacement, highest[i] - step.write.begin -
                                   order.inputBytes + order.outputBytes);
  }
  return displacement;
}

std::optional<size_t> morsel::findFirstClobber(const AccessOrder &order,
                                               int64_t inputOffset,
                                               int64_t outputOffset,
                                               bool reversed) {
  size_t count = order.steps.size();
  auto stepAt = [&](size_t position) {
    return reversed ? count - 1 - position : position;
  };
  // Lowest begin and highest end of the reads of each run position and all
  // positions after it, absolute.
  llvm::SmallVector<int64_t> low(count + 1, std::numeric_limits<int64_t>::max());
  llvm::SmallVector<int64_t> high(count + 1,
                                  std::numeric_limits<int64_t>::min());
  for (size_t p = count; p-- > 0;) {
    const ByteRange &read = order.steps[stepAt(p)].read;
    low[p] = low[p + 1];
    high[p] = high[p + 1];
    if (!read.empty()) {
      low[p] = std::min(low[p], inputOffset + read.begin);
      high[p] = std::max(high[p], inputOffset + read.end);
    }
  }
  for (size_t p = 0; p < count; ++p) {
    const ByteRange &write = order.steps[stepAt(p)].write;
    if (write.empty())
      continue;
    int64_t begin = outputOffset + write.begin, end = outputOffset + write.end;
    if (end <= low[p] || begin >= high[p])
      continue;
    // The quick bounds do not clear this write: look for a read it hits.
    for (size_t q = p; q < count; ++q) {
      const ByteRange &read = order.steps[stepAt(q)].read;
      if (!read.empty() && begin < inputOffset + read.end &&
          inputOffset + read.begin < end)
        return stepAt(p);
    }
  }
  return std::nullopt;
}
