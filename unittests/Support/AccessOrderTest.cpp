//===- AccessOrderTest.cpp - Tests of kernel access orders ----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/AccessOrder.h"

#include "gtest/gtest.h"

using namespace morsel;

namespace {

/// A 3x3 convolution, stride 1, padding 1, on a 4x4 single-byte image.
WindowAccess getSameConvolution() {
  WindowAccess w;
  w.inputHeight = w.inputWidth = w.outputHeight = w.outputWidth = 4;
  w.kernelHeight = w.kernelWidth = 3;
  w.padTop = w.padLeft = 1;
  return w;
}

TEST(AccessOrderTest, WindowStepsReadTheirClampedWindow) {
  AccessOrder order = getWindowAccessOrder(getSameConvolution());
  ASSERT_EQ(order.steps.size(), 16u);
  EXPECT_EQ(order.inputBytes, 16);
  // Pixel (0, 0) reads rows 0-1, columns 0-1: from pixel 0 to pixel 5.
  EXPECT_EQ(order.steps[0].read.begin, 0);
  EXPECT_EQ(order.steps[0].read.end, 6);
  // Pixel (2, 1) reads rows 1-3, columns 0-2: from pixel 4 to pixel 14.
  EXPECT_EQ(order.steps[9].read.begin, 4);
  EXPECT_EQ(order.steps[9].read.end, 15);
  EXPECT_EQ(order.steps[9].write.begin, 9);
  EXPECT_EQ(order.steps[9].write.end, 10);
}

TEST(AccessOrderTest, SameConvolutionTrailsByOneRowAndTwoPixels) {
  AccessOrder order = getWindowAccessOrder(getSameConvolution());
  EXPECT_EQ(getDisplacementBelow(order), 6);
  EXPECT_EQ(getDisplacementAbove(order), 6);
  EXPECT_FALSE(findFirstClobber(order, 100, 94, /*reversed=*/false));
  EXPECT_TRUE(findFirstClobber(order, 100, 95, /*reversed=*/false));
  EXPECT_FALSE(findFirstClobber(order, 100, 106, /*reversed=*/true));
  EXPECT_TRUE(findFirstClobber(order, 100, 105, /*reversed=*/true));
  // Forwards, an output above its input clobbers rows not yet read.
  EXPECT_TRUE(findFirstClobber(order, 100, 106, /*reversed=*/false));
}

TEST(AccessOrderTest, WiderPixelsScaleTheDisplacement) {
  WindowAccess w = getSameConvolution();
  w.inputPixelBytes = w.outputPixelBytes = 8;
  EXPECT_EQ(getDisplacementBelow(getWindowAccessOrder(w)), 48);
}

TEST(AccessOrderTest, FullyConnectedCannotOverlap) {
  WindowAccess w;
  w.inputPixelBytes = 64;
  w.outputPixelBytes = 10;
  AccessOrder order = getWindowAccessOrder(w);
  ASSERT_EQ(order.steps.size(), 1u);
  EXPECT_EQ(getDisplacementBelow(order), 10);
  EXPECT_TRUE(findFirstClobber(order, 0, 60, false));
  EXPECT_FALSE(findFirstClobber(order, 0, 64, false));
}

TEST(AccessOrderTest, ElementwiseRunsAlmostInPlace) {
  AccessOrder order =
      getLoopNestAccessOrder({2, 3}, {3, 1}, 4, 24, {3, 1}, 1, 6);
  ASSERT_EQ(order.steps.size(), 6u);
  EXPECT_EQ(order.steps[4].read.begin, 16);
  EXPECT_EQ(order.steps[4].write.begin, 4);
  // A 4-byte float read, a 1-byte write: within a step the write may come
  // first, so even this output starts one byte below its input.
  EXPECT_EQ(getDisplacementBelow(order), 1);
  EXPECT_TRUE(findFirstClobber(order, 0, 0, false));
  EXPECT_FALSE(findFirstClobber(order, 1, 0, false));
  // Same element sizes: one element apart.
  AccessOrder same = getLoopNestAccessOrder({6}, {1}, 1, 6, {1}, 1, 6);
  EXPECT_EQ(getDisplacementBelow(same), 1);
  EXPECT_EQ(getDisplacementAbove(same), 1);
  EXPECT_TRUE(findFirstClobber(same, 10, 10, false));
  EXPECT_FALSE(findFirstClobber(same, 10, 9, false));
}

TEST(AccessOrderTest, BroadcastInputsAreReadAgain) {
  // The output walks 2x3 elements; the input is one row broadcast twice.
  AccessOrder order = getLoopNestAccessOrder({2, 3}, {0, 1}, 1, 3, {3, 1},
                                             1, 6);
  EXPECT_EQ(order.steps[3].read.begin, 0);
  EXPECT_EQ(getDisplacementBelow(order), 4);
}

} // namespace
