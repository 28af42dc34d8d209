//===- PlaceBuffersInArena.cpp - Buffers as views of one arena ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Transforms/Passes.h"
#include "morsel/Support/BufferPlacement.h"
#include "morsel/Support/HillClimbPlacement.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "llvm/Support/MathExtras.h"

namespace morsel {
#define GEN_PASS_DEF_PLACEBUFFERSINARENA
#include "morsel/Transforms/Passes.h.inc"
} // namespace morsel

using namespace mlir;
using namespace morsel;

/// Every buffer starts at a multiple of this many bytes.
static constexpr int64_t kBufferAlignment = 16;

/// Returns the bytes a statically shaped buffer of `type` occupies, or
/// std::nullopt if it has no static size.
static std::optional<int64_t> getBufferBytes(MemRefType type) {
  if (!type.hasStaticShape() || !type.getLayout().isIdentity())
    return std::nullopt;
  Type element = type.getElementType();
  if (!element.isIntOrIndexOrFloat() || element.isIndex())
    return std::nullopt;
  int64_t bytes = (element.getIntOrFloatBitWidth() + 7) / 8;
  int64_t size = 0;
  if (llvm::MulOverflow(type.getNumElements(), bytes, size))
    return std::nullopt;
  return size;
}

/// Returns the steps during which the buffer `allocation` holds data: the
/// first and last top-level operations of `body` that use it or any value
/// derived from it (views, casts: every memref result of a user counts as an
/// alias). A buffer that reaches a return lives to the end.
static BufferLifetime getLifetime(Operation *allocation, Block &body,
                                  const DenseMap<Operation *, int64_t> &steps,
                                  int64_t size) {
  auto stepOf = [&](Operation *op) {
    while (op->getBlock() != &body)
      op = op->getParentOp();
    return steps.lookup(op);
  };
  BufferLifetime lifetime{size, stepOf(allocation), stepOf(allocation)};
  bool first = true;
  SmallVector<Value> aliases = {allocation->getResult(0)};
  DenseSet<Value> seen(aliases.begin(), aliases.end());
  while (!aliases.empty()) {
    Value alias = aliases.pop_back_val();
    for (Operation *user : alias.getUsers()) {
      int64_t step = isa<func::ReturnOp>(user)
                         ? static_cast<int64_t>(steps.size())
                         : stepOf(user);
      lifetime.firstUse = first ? step : std::min(lifetime.firstUse, step);
      lifetime.lastUse = first ? step : std::max(lifetime.lastUse, step);
      first = false;
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()) && seen.insert(result).second)
          aliases.push_back(result);
    }
  }
  return lifetime;
}

/// Places the buffers of `function` in a new trailing arena argument.
static LogicalResult placeBuffers(func::FuncOp function, StringRef plan) {
  SmallVector<Operation *> allocations;
  function.walk([&](Operation *op) {
    if (isa<memref::AllocOp, memref::AllocaOp>(op))
      allocations.push_back(op);
  });

  Block &body = function.getBody().front();
  DenseMap<Operation *, int64_t> steps;
  SmallVector<Attribute> stepNames;
  for (Operation &op : body) {
    steps[&op] = steps.size();
    stepNames.push_back(
        StringAttr::get(function.getContext(), op.getName().getStringRef()));
  }
  SmallVector<BufferLifetime> lifetimes;
  for (Operation *op : allocations) {
    auto type = cast<MemRefType>(op->getResult(0).getType());
    std::optional<int64_t> bytes = getBufferBytes(type);
    if (!bytes || op->getNumOperands() != 0)
      return op->emitError("cannot place a buffer of type ")
             << type << " in the arena: it needs a static shape, an "
                        "identity layout and a sized element type";
    lifetimes.push_back(getLifetime(op, body, steps, *bytes));
  }
  // Without one block there is no order of steps: no reuse then.
  BufferPlacement placement;
  if (plan == "naive" || !function.getBody().hasOneBlock())
    placement = placeNaive(lifetimes, kBufferAlignment);
  else if (plan == "usmp")
    placement = placeUsmpHillClimb(lifetimes, kBufferAlignment);
  else
    placement = placeGreedyBySize(lifetimes, kBufferAlignment);
  if (!isValidPlacement(lifetimes, placement))
    return function.emitError("the arena placement overlaps live buffers");
  ArrayRef<int64_t> offsets = placement.offsets;
  int64_t arenaBytes = placement.arenaBytes;

  MLIRContext *context = function.getContext();
  auto arenaType = MemRefType::get({arenaBytes}, IntegerType::get(context, 8));
  unsigned index = function.getNumArguments();
  if (failed(function.insertArgument(index, arenaType, {}, function.getLoc())))
    return failure();
  Value arena = function.getArgument(index);

  for (auto [op, offset] : llvm::zip(allocations, offsets)) {
    OpBuilder builder(op);
    Value shift =
        arith::ConstantIndexOp::create(builder, op->getLoc(), offset);
    Value view = memref::ViewOp::create(builder, op->getLoc(),
                                        op->getResult(0).getType(), arena,
                                        shift, ValueRange());
    for (Operation *user : llvm::make_early_inc_range(op->getUsers()))
      if (isa<memref::DeallocOp>(user))
        user->erase();
    op->getResult(0).replaceAllUsesWith(view);
    op->erase();
  }
  Type i64 = IntegerType::get(context, 64);
  function->setAttr(morsel::kArenaBytesAttrName,
                    IntegerAttr::get(i64, arenaBytes));
  int64_t lowerBound =
      function.getBody().hasOneBlock()
          ? computeLiveBytesLowerBound(lifetimes, kBufferAlignment)
          : arenaBytes;
  function->setAttr(morsel::kArenaLowerBoundAttrName,
                    IntegerAttr::get(i64, lowerBound));
  SmallVector<int64_t> buffers;
  for (auto [lifetime, offset] : llvm::zip(lifetimes, offsets))
    buffers.append({offset, lifetime.size, lifetime.firstUse, lifetime.lastUse});
  function->setAttr(morsel::kArenaBuffersAttrName,
                    DenseI64ArrayAttr::get(context, buffers));
  function->setAttr(morsel::kArenaStepsAttrName,
                    ArrayAttr::get(context, stepNames));
  return success();
}

namespace {
struct PlaceBuffersInArenaPass
    : public morsel::impl::PlaceBuffersInArenaBase<PlaceBuffersInArenaPass> {
  using PlaceBuffersInArenaBase::PlaceBuffersInArenaBase;

  void runOnOperation() override {
    if (plan != "tflm-greedy" && plan != "naive" && plan != "usmp") {
      getOperation().emitError("unknown arena plan '")
          << plan << "' (expected tflm-greedy, usmp or naive)";
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
                             "placed in the arena");
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
