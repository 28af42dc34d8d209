//===- FixedPointTest.cpp - Tests of the int8 integer arithmetic ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/FixedPoint.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace morsel;

namespace {

constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
constexpr int32_t kMax = std::numeric_limits<int32_t>::max();

TEST(QuantizeMultiplier, RepresentsTheRealValue) {
  for (double real : {0.0001, 0.00390625, 0.25, 0.5, 0.7, 0.999999, 1.0, 1.5,
                      3.0, 1000.0}) {
    QuantizedMultiplier m = quantizeMultiplier(real);
    EXPECT_GE(m.multiplier, 1 << 30) << real;
    double back = m.multiplier * std::ldexp(1.0, m.shift - 31);
    EXPECT_NEAR(back, real, real * 1e-9) << real;
  }
}

TEST(QuantizeMultiplier, PowersOfTwoAreExact) {
  QuantizedMultiplier half = quantizeMultiplier(0.5);
  EXPECT_EQ(half.multiplier, 1 << 30);
  EXPECT_EQ(half.shift, 0);
  QuantizedMultiplier one = quantizeMultiplier(1.0);
  EXPECT_EQ(one.multiplier, 1 << 30);
  EXPECT_EQ(one.shift, 1);
}

TEST(QuantizeMultiplier, MantissaRoundingUpCarriesIntoTheExponent) {
  // Just below 1.0: the mantissa rounds to 2^31 and becomes 2^30, shift + 1.
  QuantizedMultiplier m = quantizeMultiplier(1.0 - 1e-12);
  EXPECT_EQ(m.multiplier, 1 << 30);
  EXPECT_EQ(m.shift, 1);
}

TEST(QuantizeMultiplier, TinyZeroAndInvalidBecomeZero) {
  for (double real : {0.0, -1.0, 1e-12, std::nan(""),
                      std::numeric_limits<double>::infinity()}) {
    QuantizedMultiplier m = quantizeMultiplier(real);
    EXPECT_EQ(m.multiplier, 0) << real;
    EXPECT_EQ(m.shift, 0) << real;
  }
}

TEST(DoublingHighMul, RoundsHalfUp) {
  // 3 * 2^30 / 2^31 = 1.5 -> 2; -1.5 -> -1 (gemmlowp's nudge for negative
  // products is 2^30 - 1, so negative ties go toward zero).
  EXPECT_EQ(saturatingRoundingDoublingHighMul(3, 1 << 30), 2);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-3, 1 << 30), -1);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-5, 1 << 30), -2);
  // 5 * 2^29 / 2^31 = 1.25 -> 1.
  EXPECT_EQ(saturatingRoundingDoublingHighMul(5, 1 << 29), 1);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kMin, kMin), kMax);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kMax, kMax), kMax - 1);
}

TEST(RoundingDivideByPOT, RoundsToNearestTiesAwayFromZero) {
  EXPECT_EQ(roundingDivideByPOT(5, 1), 3);   // 2.5 -> 3
  EXPECT_EQ(roundingDivideByPOT(-5, 1), -3); // -2.5 -> -3
  EXPECT_EQ(roundingDivideByPOT(7, 2), 2);   // 1.75 -> 2
  EXPECT_EQ(roundingDivideByPOT(-7, 2), -2);
  EXPECT_EQ(roundingDivideByPOT(6, 2), 2);   // 1.5 -> 2
  EXPECT_EQ(roundingDivideByPOT(-6, 2), -2); // -1.5 -> -2
  EXPECT_EQ(roundingDivideByPOT(-5, 2), -1); // -1.25 -> -1
  EXPECT_EQ(roundingDivideByPOT(123, 0), 123);
}

TEST(MultiplyByQuantizedMultiplier, IsWithinOneOfRealArithmetic) {
  // Two roundings (high multiply, then shift) can together miss the exact
  // product by up to one: 1 * 0.37 gives 1, not 0.
  for (double real : {0.0003, 0.0123, 0.37, 0.99, 1.7, 12.5}) {
    QuantizedMultiplier m = quantizeMultiplier(real);
    for (int32_t x : {-100000, -4097, -3, 0, 1, 77, 4096, 100000}) {
      double exact = x * real;
      int32_t got = multiplyByQuantizedMultiplier(x, m);
      EXPECT_LT(std::abs(got - exact), 1.0) << x << " * " << real;
    }
  }
}

TEST(MultiplyByQuantizedMultiplier, KnownTFLiteValues) {
  // 1000 * 0.5 = 500; ties round up: 500.5 -> 501, -500.5 -> -500.
  QuantizedMultiplier half = quantizeMultiplier(0.5);
  EXPECT_EQ(multiplyByQuantizedMultiplier(1000, half), 500);
  EXPECT_EQ(multiplyByQuantizedMultiplier(1001, half), 501);
  EXPECT_EQ(multiplyByQuantizedMultiplier(-1001, half), -500);
  EXPECT_EQ(multiplyByQuantizedMultiplier(1, quantizeMultiplier(0.37)), 1);
  QuantizedMultiplier two = quantizeMultiplier(2.0);
  EXPECT_EQ(multiplyByQuantizedMultiplier(-21, two), -42);
}

TEST(RoundAndClamp, SaturatesAndRoundsAwayFromZero) {
  EXPECT_EQ(roundAndClamp(2.5, -128, 127), 3);
  EXPECT_EQ(roundAndClamp(-2.5, -128, 127), -3);
  EXPECT_EQ(roundAndClamp(1e9, -128, 127), 127);
  EXPECT_EQ(roundAndClamp(-1e9, -128, 127), -128);
  EXPECT_EQ(roundAndClamp(std::nan(""), -128, 127), -128);
}

} // namespace
