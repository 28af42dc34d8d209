//===- PoolAccesses.h - Lifetimes and kernel accesses of buffers -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// What the planners and the plan verifier need to know about the buffers of
// one function body: the steps (its top-level operations, in order), each
// buffer's lifetime in steps, and which buffers each step's kernel reads and
// writes, through which value. Buffers are given as root values
// (memref.alloc results before planning, seg.view results after); views
// and loop results derived from a root are the same buffer.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_ANALYSIS_POOLACCESSES_H
#define MORSEL_DIALECT_SEG_ANALYSIS_POOLACCESSES_H

#include "morsel/Support/AccessOrder.h"
#include "morsel/Support/BufferPlacement.h"
#include "morsel/Support/OverlapPlacement.h"

#include "mlir/IR/Block.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace morsel::seg {

/// How one step touches one buffer.
struct BufferAccess {
  size_t buffer = 0;
  /// The value, defined outside the step's operation, through which the
  /// step reaches the buffer; null if it reaches it in several ways or
  /// through a view that does not start at the buffer's first byte.
  mlir::Value value;
  bool reads = false;
  bool writes = false;
};

/// Lifetimes and accesses of the buffers of one block.
class PoolAccesses {
public:
  /// Analyses `buffers` (root memref values of statically shaped buffers)
  /// used in `body`. `sizes` gives each buffer's bytes.
  PoolAccesses(mlir::Block &body, llvm::ArrayRef<mlir::Value> buffers,
               llvm::ArrayRef<int64_t> sizes);

  /// The top-level operations of the body, one per step.
  llvm::ArrayRef<mlir::Operation *> getSteps() const { return steps; }
  /// Each buffer's lifetime, in the order the buffers were given.
  llvm::ArrayRef<BufferLifetime> getLifetimes() const { return lifetimes; }
  /// The buffers step `step` reads or writes.
  llvm::ArrayRef<BufferAccess> getAccesses(int64_t step) const {
    return accesses[step];
  }

  /// The pairs (input, output) whose kernel declares an access order: the
  /// input read last and the output written first at that kernel, each
  /// through one value starting at the buffer's first byte. Displacements
  /// come from the order.
  llvm::SmallVector<OverlapCandidate> getOverlapCandidates() const;

  /// The access order the kernel at `step` declares for reading buffer
  /// `input` and writing buffer `output`, if the pair qualifies as above.
  std::optional<AccessOrder> getAccessOrder(int64_t step, size_t input,
                                            size_t output) const;

private:
  llvm::SmallVector<mlir::Operation *> steps;
  llvm::SmallVector<BufferLifetime> lifetimes;
  llvm::SmallVector<llvm::SmallVector<BufferAccess>> accesses;
};

} // namespace morsel::seg

#endif // MORSEL_DIALECT_SEG_ANALYSIS_POOLACCESSES_H
