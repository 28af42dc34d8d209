//===- ShapeUtils.cpp - Shape arithmetic shared by the dialects -----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/ShapeUtils.h"

#include "llvm/Support/MathExtras.h"

using namespace morsel;

std::optional<int64_t> morsel::getWindowOutputSize(int64_t size,
                                                   int64_t kernel,
                                                   int64_t stride,
                                                   int64_t dilation,
                                                   int64_t padBefore,
                                                   int64_t padAfter) {
  if (size <= 0 || kernel <= 0 || stride <= 0 || dilation <= 0 ||
      padBefore < 0 || padAfter < 0)
    return std::nullopt;
  int64_t padded = 0, extent = 0;
  if (llvm::AddOverflow(size, padBefore, padded) ||
      llvm::AddOverflow(padded, padAfter, padded) ||
      llvm::MulOverflow(dilation, kernel - 1, extent))
    return std::nullopt;
  extent += 1;
  if (extent > padded)
    return std::nullopt;
  return (padded - extent) / stride + 1;
}

std::optional<llvm::SmallVector<int64_t>>
morsel::getBroadcastShape(llvm::ArrayRef<int64_t> lhs,
                          llvm::ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  llvm::SmallVector<int64_t> result(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t l = i < lhs.size() ? lhs[lhs.size() - 1 - i] : 1;
    int64_t r = i < rhs.size() ? rhs[rhs.size() - 1 - i] : 1;
    if (l != r && l != 1 && r != 1)
      return std::nullopt;
    result[rank - 1 - i] = l == 1 ? r : l;
  }
  return result;
}

bool morsel::isPermutation(llvm::ArrayRef<int64_t> perm) {
  llvm::SmallVector<bool> seen(perm.size(), false);
  for (int64_t p : perm) {
    if (p < 0 || p >= static_cast<int64_t>(perm.size()) || seen[p])
      return false;
    seen[p] = true;
  }
  return true;
}

bool morsel::isStrictlyIncreasingInRange(llvm::ArrayRef<int64_t> values,
                                         int64_t bound) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] < 0 || values[i] >= bound)
      return false;
    if (i > 0 && values[i] <= values[i - 1])
      return false;
  }
  return true;
}

std::optional<int64_t> morsel::getElementCount(llvm::ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    if (dim < 0 || llvm::MulOverflow(count, dim, count))
      return std::nullopt;
  return count;
}

std::string morsel::formatShape(llvm::ArrayRef<int64_t> shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      text += ", ";
    text += std::to_string(shape[i]);
  }
  return text + "]";
}
