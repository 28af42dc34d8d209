//===- ShapeUtils.h - Shape arithmetic shared by the dialects --*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Plain shape arithmetic (window sizes, broadcasting, permutations) with no
// dependence on MLIR, so that verifiers, importers and planners agree on it
// and unit tests can exercise it directly.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_SHAPEUTILS_H
#define MORSEL_SUPPORT_SHAPEUTILS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>
#include <string>

namespace morsel {

/// Returns the number of positions a sliding window takes along one
/// dimension: floor((size + padBefore + padAfter - dilation * (kernel - 1) -
/// 1) / stride) + 1. Returns std::nullopt when the dilated window does not fit
/// in the padded input or when any argument is out of range (non-positive
/// size, kernel, stride or dilation; negative padding).
std::optional<int64_t> getWindowOutputSize(int64_t size, int64_t kernel,
                                           int64_t stride, int64_t dilation,
                                           int64_t padBefore,
                                           int64_t padAfter);

/// Returns the NumPy broadcast of two shapes (dimensions aligned from the
/// right, each pair equal or containing a 1), or std::nullopt if they are not
/// broadcast-compatible.
std::optional<llvm::SmallVector<int64_t>>
getBroadcastShape(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs);

/// Returns true if `perm` holds each of 0 .. perm.size()-1 exactly once.
bool isPermutation(llvm::ArrayRef<int64_t> perm);

/// Returns true if `values` is strictly increasing and within [0, bound).
bool isStrictlyIncreasingInRange(llvm::ArrayRef<int64_t> values,
                                 int64_t bound);

/// Returns the product of the dimensions, or std::nullopt on overflow of
/// int64_t or on a negative dimension.
std::optional<int64_t> getElementCount(llvm::ArrayRef<int64_t> shape);

/// Formats a shape as "[1, 2, 3]" for diagnostics.
std::string formatShape(llvm::ArrayRef<int64_t> shape);

} // namespace morsel

#endif // MORSEL_SUPPORT_SHAPEUTILS_H
