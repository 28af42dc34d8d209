//===- FixedPoint.cpp - The integer arithmetic of int8 inference ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/FixedPoint.h"

#include <cmath>
#include <limits>

using namespace morsel;

QuantizedMultiplier morsel::quantizeMultiplier(double realMultiplier) {
  QuantizedMultiplier result;
  if (!(realMultiplier > 0.0) || std::isinf(realMultiplier))
    return result;
  int exponent = 0;
  double fraction = std::frexp(realMultiplier, &exponent); // in [0.5, 1)
  int64_t mantissa = static_cast<int64_t>(std::round(fraction * (1LL << 31)));
  if (mantissa == (1LL << 31)) {
    mantissa /= 2;
    ++exponent;
  }
  if (exponent < -31)
    return result;
  if (exponent > 30) {
    exponent = 30;
    mantissa = (1LL << 31) - 1;
  }
  result.multiplier = static_cast<int32_t>(mantissa);
  result.shift = exponent;
  return result;
}

int32_t morsel::saturatingRoundingDoublingHighMul(int32_t a, int32_t b) {
  if (a == b && a == std::numeric_limits<int32_t>::min())
    return std::numeric_limits<int32_t>::max();
  int64_t product = static_cast<int64_t>(a) * static_cast<int64_t>(b);
  int64_t nudge = product >= 0 ? (1LL << 30) : (1 - (1LL << 30));
  return static_cast<int32_t>((product + nudge) / (1LL << 31));
}

int32_t morsel::roundingDivideByPOT(int32_t x, int32_t exponent) {
  int32_t mask = static_cast<int32_t>((1LL << exponent) - 1);
  int32_t remainder = x & mask;
  int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

int32_t morsel::multiplyByQuantizedMultiplier(int32_t x,
                                              QuantizedMultiplier m) {
  int32_t leftShift = m.shift > 0 ? m.shift : 0;
  int32_t rightShift = m.shift > 0 ? 0 : -m.shift;
  // TFLite shifts in 32 bits and lets the product wrap; the high multiply
  // then saturates nothing. Shifting in 64 bits and truncating is the same.
  int32_t shifted = static_cast<int32_t>(
      static_cast<uint32_t>(static_cast<int64_t>(x) << leftShift));
  return roundingDivideByPOT(
      saturatingRoundingDoublingHighMul(shifted, m.multiplier), rightShift);
}

int32_t morsel::roundAndClamp(double value, int32_t lo, int32_t hi) {
  if (std::isnan(value))
    return lo;
  double rounded = std::round(value);
  if (rounded < lo)
    return lo;
  if (rounded > hi)
    return hi;
  return static_cast<int32_t>(rounded);
}
