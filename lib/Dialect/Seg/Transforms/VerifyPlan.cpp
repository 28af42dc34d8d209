//===- VerifyPlan.cpp - Prove that no placed tensor is clobbered ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/Seg/Analysis/PoolAccesses.h"
#include "morsel/Dialect/Seg/IR/SegOps.h"
#include "morsel/Dialect/Seg/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace morsel::seg {
#define GEN_PASS_DEF_SEGVERIFYPLAN
#include "morsel/Dialect/Seg/Transforms/Passes.h.inc"
} // namespace morsel::seg

using namespace mlir;
using namespace morsel;
using namespace morsel::seg;

/// Checks the views of `body` pairwise; reports the first unsafe pair.
static LogicalResult verifyViews(Block &body) {
  SmallVector<ViewOp> views;
  body.walk([&](ViewOp view) { views.push_back(view); });
  SmallVector<Value> buffers;
  SmallVector<int64_t> sizes;
  for (ViewOp view : views) {
    buffers.push_back(view.getResult());
    sizes.push_back(view.getBytes());
  }
  PoolAccesses pool(body, buffers, sizes);
  ArrayRef<BufferLifetime> lifetimes = pool.getLifetimes();
  ArrayRef<Operation *> steps = pool.getSteps();

  for (size_t a = 0; a < views.size(); ++a) {
    for (size_t b = a + 1; b < views.size(); ++b) {
      if (views[a].getPool() != views[b].getPool())
        continue;
      int64_t begin = std::max(views[a].getOffset(), views[b].getOffset());
      int64_t end = std::min(views[a].getOffset() + sizes[a],
                             views[b].getOffset() + sizes[b]);
      int64_t first = std::max(lifetimes[a].firstUse, lifetimes[b].firstUse);
      int64_t last = std::min(lifetimes[a].lastUse, lifetimes[b].lastUse);
      if (begin >= end || first > last)
        continue;
      std::string nameA = views[a].getDisplayName();
      std::string nameB = views[b].getDisplayName();
      auto shareError = [&](int64_t step) {
        Operation *op = step < static_cast<int64_t>(steps.size())
                            ? steps[step]
                            : body.getTerminator();
        return op->emitError("tensors '")
               << nameA << "' and '" << nameB << "' share bytes [" << begin
               << ", " << end << ") of the pool while both are live at '"
               << op->getName() << "' (step " << step << ")";
      };
      // The only sharing allowed: one tensor dies where the other is born,
      // at a kernel whose access order covers the pair.
      if (first != last || first >= static_cast<int64_t>(steps.size()))
        return shareError(first);
      size_t input = a, output = b;
      std::optional<AccessOrder> order = pool.getAccessOrder(first, a, b);
      if (!order) {
        std::swap(input, output);
        order = pool.getAccessOrder(first, b, a);
      }
      if (!order)
        return shareError(first);
      Operation *kernel = steps[first];
      bool reversed = kernel->hasAttr(kReversedAttrName);
      if (std::optional<size_t> step = findFirstClobber(
              *order, views[input].getOffset(), views[output].getOffset(),
              reversed))
        return kernel->emitError("'")
               << kernel->getName() << "' (step " << first
               << ") writes tensor '" << views[output].getDisplayName()
               << "' at step " << *step << " of its access order"
               << (reversed ? " (run backwards)" : "")
               << " over bytes of tensor '" << views[input].getDisplayName()
               << "' that it has yet to read";
    }
  }
  return success();
}

namespace {
struct SegVerifyPlanPass
    : public seg::impl::SegVerifyPlanBase<SegVerifyPlanPass> {
  void runOnOperation() override {
    for (auto function : getOperation().getOps<func::FuncOp>()) {
      if (function.isDeclaration())
        continue;
      if (!function.getBody().hasOneBlock()) {
        // Without an order of steps, views must not share bytes at all.
        bool shared = false;
        SmallVector<ViewOp> views;
        function.walk([&](ViewOp view) { views.push_back(view); });
        for (size_t a = 0; a < views.size() && !shared; ++a)
          for (size_t b = a + 1; b < views.size() && !shared; ++b)
            shared = views[a].getPool() == views[b].getPool() &&
                     views[a].getOffset() <
                         views[b].getOffset() + views[b].getBytes() &&
                     views[b].getOffset() <
                         views[a].getOffset() + views[a].getBytes();
        if (shared) {
          function.emitError("views share bytes in a function with several "
                             "blocks, where no order of steps proves it safe");
          return signalPassFailure();
        }
        continue;
      }
      if (failed(verifyViews(function.getBody().front())))
        return signalPassFailure();
    }
  }
};
} // namespace
