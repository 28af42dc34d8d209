//===- ConvertSegToMemRef.cpp - Pools become the caller's arena -----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/Seg/IR/SegOps.h"
#include "morsel/Dialect/Seg/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace morsel::seg {
#define GEN_PASS_DEF_CONVERTSEGTOMEMREF
#include "morsel/Dialect/Seg/Transforms/Passes.h.inc"
} // namespace morsel::seg

using namespace mlir;
using namespace morsel;
using namespace morsel::seg;

static LogicalResult lowerFunction(func::FuncOp function) {
  MLIRContext *context = function.getContext();
  IRRewriter rewriter(context);

  // First the kernels the plan runs backwards, while they still see the
  // views the plan placed.
  SmallVector<Operation *> reversed;
  function.walk([&](Operation *op) {
    if (op->hasAttr(kReversedAttrName))
      reversed.push_back(op);
  });
  for (Operation *op : reversed) {
    auto kernel = dyn_cast<SegmentAccessOpInterface>(op);
    if (!kernel)
      return op->emitError("is marked to run backwards but declares no "
                           "access order");
    op->removeAttr(kReversedAttrName);
    if (failed(kernel.reverseSteps(rewriter)))
      return op->emitError("cannot be made to run its steps backwards");
  }

  SmallVector<PoolOp> pools;
  function.walk([&](PoolOp pool) { pools.push_back(pool); });
  if (pools.size() > 1)
    return pools[1].emitError("a function may have only one pool");
  if (pools.empty() && function.isPrivate())
    return success();

  MemRefType arenaType =
      pools.empty() ? MemRefType::get({0}, IntegerType::get(context, 8))
                    : pools.front().getType();
  unsigned index = function.getNumArguments();
  if (failed(function.insertArgument(index, arenaType, {}, function.getLoc())))
    return failure();
  Value arena = function.getArgument(index);
  if (pools.empty())
    return success();

  SmallVector<ViewOp> views;
  function.walk([&](ViewOp view) { views.push_back(view); });
  for (ViewOp view : views) {
    rewriter.setInsertionPoint(view);
    Value shift = arith::ConstantIndexOp::create(rewriter, view.getLoc(),
                                                 view.getOffset());
    rewriter.replaceOpWithNewOp<memref::ViewOp>(view, view.getType(), arena,
                                                shift, ValueRange());
  }
  rewriter.replaceOp(pools.front(), arena);
  return success();
}

namespace {
struct ConvertSegToMemRefPass
    : public seg::impl::ConvertSegToMemRefBase<ConvertSegToMemRefPass> {
  void runOnOperation() override {
    for (auto function : getOperation().getOps<func::FuncOp>())
      if (!function.isDeclaration() && failed(lowerFunction(function)))
        return signalPassFailure();
  }
};
} // namespace
