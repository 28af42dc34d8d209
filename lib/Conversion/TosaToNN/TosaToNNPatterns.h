//===- TosaToNNPatterns.h - Patterns of TOSA to nn --------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Every pattern of convert-tosa-to-nn is a `CheckedPattern`: a static `check`
// that states why an operator does not convert (the same text the pass
// reports for operators left over) and a static `rewrite` that cannot fail
// once `check` accepted.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_CONVERSION_TOSATONN_TOSATONNPATTERNS_H
#define MORSEL_LIB_CONVERSION_TOSATONN_TOSATONNPATTERNS_H

#include "TosaToNNUtils.h"

namespace morsel::tosa_to_nn {

/// Rewrites an `OpTy` with `Derived::rewrite` when `Derived::check` accepts
/// it, and reports the reason of `check` as the match failure otherwise.
template <typename Derived, typename OpTy>
struct CheckedPattern : mlir::OpRewritePattern<OpTy> {
  explicit CheckedPattern(mlir::MLIRContext *context,
                          mlir::PatternBenefit benefit = 1)
      : mlir::OpRewritePattern<OpTy>(context, benefit) {}

  mlir::LogicalResult
  matchAndRewrite(OpTy op, mlir::PatternRewriter &rewriter) const final {
    if (Reason why = Derived::check(op))
      return rewriter.notifyMatchFailure(op, *why);
    Derived::rewrite(op, rewriter);
    return mlir::success();
  }
};

/// Adds the patterns of convolutions, matmul, pooling, reductions, softmax,
/// tables and requantization (TosaToNNCompute.cpp).
void populateComputePatterns(mlir::RewritePatternSet &patterns);

/// Returns why a compute operator left over was not converted, or
/// std::nullopt if `op` is not one of the operators those patterns root at.
std::optional<Reason> explainComputeOp(mlir::Operation *op);

} // namespace morsel::tosa_to_nn

#endif // MORSEL_LIB_CONVERSION_TOSATONN_TOSATONNPATTERNS_H
