//===- ApproximateMath.cpp - Math without libm ----------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace morsel {
#define GEN_PASS_DEF_APPROXIMATEMATH
#include "morsel/Transforms/Passes.h.inc"
} // namespace morsel

using namespace mlir;

namespace {
/// math.floor on f32 -> integer truncation and a correction. Floats of
/// magnitude 2^23 or more, and NaNs, are their own floor.
struct ExpandFloor : public OpRewritePattern<math::FloorOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::FloorOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!getElementTypeOrSelf(type).isF32())
      return rewriter.notifyMatchFailure(op, "only f32 is expanded");
    Location loc = op.getLoc();
    Value x = op.getOperand();
    Type intType = rewriter.getI32Type();
    if (auto shaped = dyn_cast<ShapedType>(type))
      intType = shaped.clone(intType);
    auto constant = [&](float value) -> Value {
      TypedAttr attr = rewriter.getF32FloatAttr(value);
      if (auto shaped = dyn_cast<ShapedType>(type))
        attr = SplatElementsAttr::get(shaped, attr);
      return arith::ConstantOp::create(rewriter, loc, attr);
    };
    Value truncated = arith::SIToFPOp::create(
        rewriter, loc, type, arith::FPToSIOp::create(rewriter, loc, intType, x));
    Value above = arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT,
                                        truncated, x);
    Value corrected = arith::SelectOp::create(
        rewriter, loc, above,
        arith::SubFOp::create(rewriter, loc, truncated, constant(1.0f)),
        truncated);
    Value magnitude = math::AbsFOp::create(rewriter, loc, x);
    Value integral = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::UGE, magnitude, constant(8388608.0f));
    rewriter.replaceOpWithNewOp<arith::SelectOp>(op, integral, x, corrected);
    return success();
  }
};

struct ApproximateMathPass
    : public morsel::impl::ApproximateMathBase<ApproximateMathPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(
        patterns, [](StringRef) { return true; });
    math::populateExpansionPatterns(patterns, {"fma"});
    // maximumf/minimumf become llvm.maximum/minimum, which CPUs without an
    // FPU implement as calls of C23's fmaximumf: compare and select instead.
    arith::populateArithExpandOpsPatterns(patterns);
    patterns.add<ExpandFloor>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
