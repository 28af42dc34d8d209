//===- ShapeUtilsTest.cpp - Tests of the shape arithmetic -----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/ShapeUtils.h"

#include "gtest/gtest.h"

#include <limits>

using namespace morsel;

namespace {

TEST(WindowOutputSize, MatchesTheConvolutionFormula) {
  // 3x3, stride 1, pad 1: same size.
  EXPECT_EQ(getWindowOutputSize(24, 3, 1, 1, 1, 1), 24);
  // 3x3, stride 2, pad 1 on 48: 24 (MobileNet stem).
  EXPECT_EQ(getWindowOutputSize(48, 3, 2, 1, 1, 1), 24);
  // Asymmetric SAME padding of TFLite: 3x3 stride 2 on 48, pads 0 and 1.
  EXPECT_EQ(getWindowOutputSize(48, 3, 2, 1, 0, 1), 24);
  // Dilation 2 widens a 3-tap kernel to 5.
  EXPECT_EQ(getWindowOutputSize(10, 3, 1, 2, 0, 0), 6);
  // Floor division: (7 - 3) / 2 + 1 = 3.
  EXPECT_EQ(getWindowOutputSize(7, 3, 2, 1, 0, 0), 3);
  // A window as large as the input gives one position.
  EXPECT_EQ(getWindowOutputSize(5, 5, 1, 1, 0, 0), 1);
}

TEST(WindowOutputSize, RejectsWindowsThatDoNotFit) {
  EXPECT_EQ(getWindowOutputSize(2, 3, 1, 1, 0, 0), std::nullopt);
  EXPECT_EQ(getWindowOutputSize(4, 3, 1, 2, 0, 0), std::nullopt);
}

TEST(WindowOutputSize, RejectsOutOfRangeArguments) {
  EXPECT_EQ(getWindowOutputSize(0, 1, 1, 1, 0, 0), std::nullopt);
  EXPECT_EQ(getWindowOutputSize(4, 0, 1, 1, 0, 0), std::nullopt);
  EXPECT_EQ(getWindowOutputSize(4, 1, 0, 1, 0, 0), std::nullopt);
  EXPECT_EQ(getWindowOutputSize(4, 1, 1, 0, 0, 0), std::nullopt);
  EXPECT_EQ(getWindowOutputSize(4, 1, 1, 1, -1, 0), std::nullopt);
  int64_t huge = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(getWindowOutputSize(huge, 1, 1, 1, 1, 1), std::nullopt);
  EXPECT_EQ(getWindowOutputSize(4, huge, 1, 2, 0, 0), std::nullopt);
}

TEST(BroadcastShape, FollowsNumPy) {
  using Shape = llvm::SmallVector<int64_t>;
  EXPECT_EQ(getBroadcastShape({1, 4, 4, 8}, {8}), Shape({1, 4, 4, 8}));
  EXPECT_EQ(getBroadcastShape({1, 1, 1, 8}, {1, 4, 4, 1}),
            Shape({1, 4, 4, 8}));
  EXPECT_EQ(getBroadcastShape({}, {3, 2}), Shape({3, 2}));
  EXPECT_EQ(getBroadcastShape({2, 3}, {3, 2}), std::nullopt);
}

TEST(Permutation, AcceptsOnlyPermutations) {
  EXPECT_TRUE(isPermutation({0, 3, 1, 2}));
  EXPECT_TRUE(isPermutation({}));
  EXPECT_FALSE(isPermutation({0, 0, 1}));
  EXPECT_FALSE(isPermutation({0, 2}));
  EXPECT_FALSE(isPermutation({-1, 0}));
}

TEST(Axes, MustIncreaseStrictlyInRange) {
  EXPECT_TRUE(isStrictlyIncreasingInRange({1, 2}, 4));
  EXPECT_FALSE(isStrictlyIncreasingInRange({2, 1}, 4));
  EXPECT_FALSE(isStrictlyIncreasingInRange({1, 1}, 4));
  EXPECT_FALSE(isStrictlyIncreasingInRange({4}, 4));
  EXPECT_FALSE(isStrictlyIncreasingInRange({-1}, 4));
}

TEST(ElementCount, DetectsOverflow) {
  EXPECT_EQ(getElementCount({1, 96, 96, 3}), 27648);
  EXPECT_EQ(getElementCount({}), 1);
  EXPECT_EQ(getElementCount({1 << 30, 1 << 30, 1 << 30}), std::nullopt);
  EXPECT_EQ(getElementCount({2, -1}), std::nullopt);
}

TEST(FormatShape, PrintsBrackets) {
  EXPECT_EQ(formatShape({1, 2, 3}), "[1, 2, 3]");
  EXPECT_EQ(formatShape({}), "[]");
}

} // namespace
