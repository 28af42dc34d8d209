//===- PoolAccesses.cpp - Lifetimes and kernel accesses of buffers --------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/Seg/Analysis/PoolAccesses.h"
#include "morsel/Dialect/Seg/IR/SegOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::seg;

/// Returns true if `result` of `user`, derived from a buffer that starts at
/// its first byte, still starts there and is laid out contiguously.
static bool isContiguousAlias(Operation *user, Value result) {
  auto type = dyn_cast<MemRefType>(result.getType());
  if (!type || !type.getLayout().isIdentity())
    return false;
  return isa<memref::CollapseShapeOp, memref::ExpandShapeOp, memref::CastOp,
             RegionBranchOpInterface>(user);
}

/// Follows `value`, used inside `kernel`, back to the value defined outside
/// `kernel` that it is, or a view of; null if it comes from elsewhere.
static Value traceToBoundary(Value value, Operation *kernel) {
  while (value) {
    Operation *owner = isa<BlockArgument>(value)
                           ? value.getParentBlock()->getParentOp()
                           : value.getDefiningOp();
    if (!kernel->isAncestor(owner))
      return value;
    if (auto argument = dyn_cast<BlockArgument>(value)) {
      auto loop = dyn_cast<scf::ForOp>(owner);
      OpOperand *init = loop ? loop.getTiedLoopInit(argument) : nullptr;
      value = init ? init->get() : Value();
      continue;
    }
    if (auto loop = dyn_cast<scf::ForOp>(owner)) {
      value = loop.getTiedLoopInit(cast<OpResult>(value))->get();
      continue;
    }
    if (auto view = dyn_cast<ViewLikeOpInterface>(owner)) {
      value = view.getViewSource();
      continue;
    }
    return Value();
  }
  return Value();
}

PoolAccesses::PoolAccesses(Block &body, ArrayRef<Value> buffers,
                           ArrayRef<int64_t> sizes) {
  DenseMap<Operation *, int64_t> stepOfOp;
  for (Operation &op : body) {
    stepOfOp[&op] = steps.size();
    steps.push_back(&op);
  }
  accesses.resize(steps.size());
  auto stepOf = [&](Operation *op) {
    while (op->getBlock() != &body)
      op = op->getParentOp();
    return stepOfOp.lookup(op);
  };

  // Every alias of every buffer, and whether it starts at its first byte.
  DenseMap<Value, std::pair<size_t, bool>> aliasOf;
  for (auto [index, root] : llvm::enumerate(buffers)) {
    Operation *definition = root.getDefiningOp();
    int64_t defined = definition ? stepOf(definition) : 0;
    BufferLifetime lifetime{sizes[index], defined, defined};
    bool used = false;
    SmallVector<Value> worklist = {root};
    aliasOf[root] = {index, true};
    while (!worklist.empty()) {
      Value alias = worklist.pop_back_val();
      bool contiguous = aliasOf[alias].second;
      for (Operation *user : alias.getUsers()) {
        int64_t step = isa<func::ReturnOp>(user)
                           ? static_cast<int64_t>(steps.size())
                           : stepOf(user);
        lifetime.firstUse = used ? std::min(lifetime.firstUse, step) : step;
        lifetime.lastUse = used ? std::max(lifetime.lastUse, step) : step;
        used = true;
        for (Value result : user->getResults()) {
          if (!isa<BaseMemRefType>(result.getType()) || aliasOf.count(result))
            continue;
          aliasOf[result] = {index,
                             contiguous && isContiguousAlias(user, result)};
          worklist.push_back(result);
        }
      }
    }
    lifetimes.push_back(lifetime);
  }

  // What each step's kernel reads and writes.
  for (auto [step, kernel] : llvm::enumerate(steps)) {
    SmallVector<BufferAccess> &list = accesses[step];
    auto record = [&](Value used, bool reads, bool writes) {
      Value boundary = traceToBoundary(used, kernel);
      auto it = boundary ? aliasOf.find(boundary) : aliasOf.end();
      if (it == aliasOf.end())
        return;
      auto [buffer, contiguous] = it->second;
      BufferAccess *access = llvm::find_if(
          list, [&](const BufferAccess &a) { return a.buffer == buffer; });
      if (access == list.end()) {
        list.push_back({buffer, contiguous ? boundary : Value(), false,
                        false});
        access = &list.back();
      } else if (access->value != boundary) {
        access->value = Value();
      }
      access->reads |= reads;
      access->writes |= writes;
    };
    kernel->walk([&](Operation *op) {
      if (auto effects = dyn_cast<MemoryEffectOpInterface>(op)) {
        SmallVector<MemoryEffects::EffectInstance> instances;
        effects.getEffects(instances);
        for (const MemoryEffects::EffectInstance &effect : instances) {
          Value value = effect.getValue();
          if (!value || !isa<BaseMemRefType>(value.getType()))
            continue;
          bool reads = isa<MemoryEffects::Read>(effect.getEffect());
          bool writes = isa<MemoryEffects::Write>(effect.getEffect());
          if (reads || writes)
            record(value, reads, writes);
        }
        return;
      }
      if (op->hasTrait<OpTrait::HasRecursiveMemoryEffects>() ||
          isa<func::ReturnOp>(op))
        return;
      // Unknown effects: whatever memref it takes, it may read and write.
      for (Value operand : op->getOperands())
        if (isa<BaseMemRefType>(operand.getType()))
          record(operand, true, true);
    });
  }
}

std::optional<AccessOrder> PoolAccesses::getAccessOrder(int64_t step,
                                                        size_t input,
                                                        size_t output) const {
  if (input == output || lifetimes[input].lastUse != step ||
      lifetimes[output].firstUse != step)
    return std::nullopt;
  const BufferAccess *in = nullptr, *out = nullptr;
  for (const BufferAccess &access : accesses[step]) {
    if (access.buffer == input)
      in = &access;
    if (access.buffer == output)
      out = &access;
  }
  if (!in || !out || !in->value || !out->value || !in->reads || in->writes ||
      !out->writes)
    return std::nullopt;
  auto kernel = dyn_cast<SegmentAccessOpInterface>(steps[step]);
  if (!kernel)
    return std::nullopt;
  return kernel.getAccessOrder(in->value, out->value);
}

SmallVector<OverlapCandidate> PoolAccesses::getOverlapCandidates() const {
  SmallVector<OverlapCandidate> candidates;
  for (int64_t step = 0, e = steps.size(); step < e; ++step) {
    for (const BufferAccess &in : accesses[step]) {
      for (const BufferAccess &out : accesses[step]) {
        std::optional<AccessOrder> order =
            getAccessOrder(step, in.buffer, out.buffer);
        if (!order)
          continue;
        candidates.push_back({in.buffer, out.buffer, step,
                              getDisplacementBelow(*order),
                              getDisplacementAbove(*order)});
      }
    }
  }
  return candidates;
}
