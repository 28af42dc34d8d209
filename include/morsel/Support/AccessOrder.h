//===- AccessOrder.h - The order a kernel reads and writes bytes -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// A kernel runs in steps. At each step it reads some bytes of an input and
// writes some bytes of its output, in any interleaving within the step. The
// list of steps is the kernel's access order for that (input, output) pair
// (vMCU, Zheng et al., MLSys 2024): it decides how far the output may
// overlap the input in one memory pool without a write ever landing on a
// byte that the same or a later step still reads.
//
// Plain C++ so that the overlap planner and the plan verifier share one
// definition and can be unit-tested; the `seg` dialect's access interface
// produces these orders from the IR.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_ACCESSORDER_H
#define MORSEL_SUPPORT_ACCESSORDER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace morsel {

/// The bytes [begin, end) of one buffer; empty when begin >= end.
struct ByteRange {
  int64_t begin = 0;
  int64_t end = 0;
  bool empty() const { return begin >= end; }
};

/// One step of a kernel: the input bytes it reads and the output bytes it
/// writes, in any interleaving. Either range may be empty.
struct AccessStep {
  ByteRange read;
  ByteRange write;
};

/// How one kernel walks one input and its output, step by step, when it
/// runs forwards. Byte ranges are relative to the start of each buffer.
struct AccessOrder {
  llvm::SmallVector<AccessStep> steps;
  int64_t inputBytes = 0;
  int64_t outputBytes = 0;
};

/// A convolution-like kernel on NHWC buffers: one step per output pixel
/// (batch, row, column in row-major order) reads every input pixel of its
/// window (clamped to the input; the padding is not read) and writes its
/// output pixel. Fully connected layers are the 1x1 case with whole rows as
/// pixels.
struct WindowAccess {
  int64_t batch = 1;
  int64_t inputHeight = 1, inputWidth = 1, inputPixelBytes = 1;
  int64_t outputHeight = 1, outputWidth = 1, outputPixelBytes = 1;
  int64_t kernelHeight = 1, kernelWidth = 1;
  int64_t strideHeight = 1, strideWidth = 1;
  int64_t dilationHeight = 1, dilationWidth = 1;
  int64_t padTop = 0, padLeft = 0;
};

/// The access order of a window kernel. A step reads the bytes from its
/// window's first pixel to its last (a superset of what it reads, which
/// keeps the order conservative).
AccessOrder getWindowAccessOrder(const WindowAccess &window);

/// The access order of a loop nest that visits every point of `bounds` in
/// row-major order, one step per point, reading one element of the input
/// and writing one of the output. The element a point touches is the sum of
/// its coordinates times the buffer's strides (in elements; a zero stride
/// broadcasts).
AccessOrder getLoopNestAccessOrder(llvm::ArrayRef<int64_t> bounds,
                                   llvm::ArrayRef<int64_t> inputStrides,
                                   int64_t inputElementBytes,
                                   int64_t inputBytes,
                                   llvm::ArrayRef<int64_t> outputStrides,
                                   int64_t outputElementBytes,
                                   int64_t outputBytes);

/// The fewest bytes the output must start below the input (non-negative)
/// so that, with the steps run forwards, every write lies below every byte
/// the same and later steps read.
int64_t getDisplacementBelow(const AccessOrder &order);

/// The fewest bytes the end of the output must lie above the end of the
/// input (non-negative) so that, with the steps run backwards (last step
/// first), every write lies above every byte the same and later-run steps
/// read.
int64_t getDisplacementAbove(const AccessOrder &order);

/// Replays `order` with the input at `inputOffset` and the output at
/// `outputOffset` of one pool, the steps run backwards if `reversed`.
/// Returns the index (in `order.steps`) of the first step to run whose
/// write lands on a byte that it or a later-run step reads, if any.
std::optional<size_t> findFirstClobber(const AccessOrder &order,
                                       int64_t inputOffset,
                                       int64_t outputOffset, bool reversed);

} // namespace morsel

#endif // MORSEL_SUPPORT_ACCESSORDER_H
