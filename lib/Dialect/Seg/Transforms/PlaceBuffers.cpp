//===- PlaceBuffers.cpp - Buffers as placed views of one pool -------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/Seg/Analysis/PoolAccesses.h"
#include "morsel/Dialect/Seg/IR/SegOps.h"
#include "morsel/Dialect/Seg/Transforms/Passes.h"
#include "morsel/Support/BufferPlacement.h"
#include "morsel/Support/HillClimbPlacement.h"
#include "morsel/Support/OverlapPlacement.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "llvm/Support/MathExtras.h"

namespace morsel::seg {
#define GEN_PASS_DEF_SEGPLACEBUFFERS
#include "morsel/Dialect/Seg/Transforms/Passes.h.inc"
} // namespace morsel::seg

using namespace mlir;
using namespace morsel;
using namespace morsel::seg;

/// Every view starts at a multiple of this many bytes.
static constexpr int64_t kPoolAlignment = 16;

/// Places the buffers of `function` as views of one new pool.
static LogicalResult placeBuffers(func::FuncOp function, StringRef plan) {
  SmallVector<Operation *> allocations;
  function.walk([&](Operation *op) {
    if (isa<memref::AllocOp, memref::AllocaOp>(op))
      allocations.push_back(op);
  });
  SmallVector<Value> buffers;
  SmallVector<int64_t> sizes;
  for (Operation *op : allocations) {
    auto type = cast<MemRefType>(op->getResult(0).getType());
    std::optional<int64_t> bytes = getBufferBytes(type);
    if (!bytes || op->getNumOperands() != 0)
      return op->emitError("cannot place a buffer of type ")
             << type << " in the pool: it needs a static shape, an "
                        "identity layout and a sized element type";
    buffers.push_back(op->getResult(0));
    sizes.push_back(*bytes);
  }

  Block &body = function.getBody().front();
  // Without one block there is no order of steps: no reuse then, and every
  // buffer counts as live throughout.
  bool ordered = function.getBody().hasOneBlock();
  std::optional<PoolAccesses> pool;
  SmallVector<BufferLifetime> unordered;
  if (ordered)
    pool.emplace(body, buffers, sizes);
  else
    for (int64_t size : sizes)
      unordered.push_back({size, 0, 0});
  ArrayRef<BufferLifetime> lifetimes =
      ordered ? pool->getLifetimes() : ArrayRef<BufferLifetime>(unordered);
  OverlapPlacement result;
  int64_t lowerBound = 0;
  if (plan == "naive" || !ordered) {
    result.placement = placeNaive(lifetimes, kPoolAlignment);
    lowerBound = ordered ? computeLiveBytesLowerBound(lifetimes,
                                                      kPoolAlignment)
                         : result.placement.arenaBytes;
  } else if (plan == "overlap") {
    SmallVector<OverlapCandidate> candidates = pool->getOverlapCandidates();
    result = placeWithOverlap(lifetimes, candidates, kPoolAlignment);
    if (!isValidOverlapPlacement(lifetimes, candidates, result,
                                 kPoolAlignment))
      return function.emitError("the overlap plan shares bytes it may not");
    lowerBound =
        computeOverlapLowerBound(lifetimes, candidates, kPoolAlignment);
  } else {
    result.placement = plan == "usmp"
                           ? placeUsmpHillClimb(lifetimes, kPoolAlignment)
                           : placeGreedyBySize(lifetimes, kPoolAlignment);
    lowerBound = computeLiveBytesLowerBound(lifetimes, kPoolAlignment);
  }
  const BufferPlacement &placement = result.placement;
  if ((plan != "overlap" || !ordered) &&
      !isValidPlacement(lifetimes, placement))
    return function.emitError("the placement overlaps live buffers");

  MLIRContext *context = function.getContext();
  // Name the steps and mark the reversed kernels while the steps, which
  // include the allocations, are all still there.
  SmallVector<Operation *> steps;
  for (Operation &op : body)
    steps.push_back(&op);
  SmallVector<Attribute> stepNames;
  for (Operation *step : steps) {
    // The model's name of the operator, where the importer recorded one.
    std::string name = step->getName().getStringRef().str();
    if (auto node = step->getLoc()->findInstanceOf<NameLoc>())
      name += " '" + node.getName().str() + "'";
    stepNames.push_back(StringAttr::get(context, name));
  }
  for (int64_t step : result.reversedSteps)
    steps[step]->setAttr(kReversedAttrName, UnitAttr::get(context));

  int64_t poolBytes = llvm::alignTo(placement.arenaBytes, kPoolAlignment);
  OpBuilder builder = OpBuilder::atBlockBegin(&body);
  auto poolOp = PoolOp::create(
      builder, function.getLoc(),
      MemRefType::get({poolBytes}, IntegerType::get(context, 8)), "sram",
      kPoolAlignment);
  for (auto [index, op, offset] :
       llvm::enumerate(allocations, placement.offsets)) {
    builder.setInsertionPoint(op);
    auto view = ViewOp::create(
        builder, op->getLoc(), op->getResult(0).getType(), poolOp, offset,
        builder.getStringAttr("t" + std::to_string(index)));
    for (Operation *user : llvm::make_early_inc_range(op->getUsers()))
      if (isa<memref::DeallocOp>(user))
        user->erase();
    op->getResult(0).replaceAllUsesWith(view.getResult());
    op->erase();
  }

  Type i64 = IntegerType::get(context, 64);
  function->setAttr(kArenaBytesAttrName, IntegerAttr::get(i64, poolBytes));
  function->setAttr(kArenaLowerBoundAttrName,
                    IntegerAttr::get(i64, lowerBound));
  SmallVector<int64_t> records;
  for (auto [lifetime, offset] : llvm::zip(lifetimes, placement.offsets))
    records.append(
        {offset, lifetime.size, lifetime.firstUse, lifetime.lastUse});
  function->setAttr(kArenaBuffersAttrName,
                    DenseI64ArrayAttr::get(context, records));
  function->setAttr(kArenaStepsAttrName, ArrayAttr::get(context, stepNames));
  return success();
}

namespace {
struct SegPlaceBuffersPass
    : public seg::impl::SegPlaceBuffersBase<SegPlaceBuffersPass> {
  using SegPlaceBuffersBase::SegPlaceBuffersBase;

  void runOnOperation() override {
    if (plan != "tflm-greedy" && plan != "naive" && plan != "usmp" &&
        plan != "overlap") {
      getOperation().emitError("unknown plan '")
          << plan << "' (expected naive, tflm-greedy, usmp or overlap)";
      return signalPassFailure();
    }
    for (auto function : getOperation().getOps<func::FuncOp>()) {
      if (function.isDeclaration())
        continue;
      if (function.isPrivate()) {
        WalkResult found = function.walk([](Operation *op) {
          return isa<memref::AllocOp, memref::AllocaOp>(op)
                     ? WalkResult::interrupt()
                     : WalkResult::advance();
        });
        if (found.wasInterrupted()) {
          function.emitError("allocations in private functions cannot be "
                             "placed in the pool");
          return signalPassFailure();
        }
        continue;
      }
      if (failed(placeBuffers(function, plan)))
        return signalPassFailure();
    }
  }
};
} // namespace
