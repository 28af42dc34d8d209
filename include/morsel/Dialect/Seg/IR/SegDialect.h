//===- SegDialect.h - The seg dialect ---------------------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_IR_SEGDIALECT_H
#define MORSEL_DIALECT_SEG_IR_SEGDIALECT_H

#include "mlir/IR/Dialect.h"

#include "morsel/Dialect/Seg/IR/SegOpsDialect.h.inc"

namespace morsel::seg {

/// The attribute, on a kernel's outermost loop, that declares its access
/// order (a WindowAccessAttr).
inline constexpr llvm::StringLiteral kAccessAttrName = "seg.access";
/// The unit attribute on the loops whose iterations are a kernel's steps.
inline constexpr llvm::StringLiteral kStepLoopAttrName = "seg.step_loop";
/// The unit attribute on a kernel the plan runs backwards.
inline constexpr llvm::StringLiteral kReversedAttrName = "seg.reversed";

} // namespace morsel::seg

namespace morsel {

/// The function attribute that records the bytes of the function's pool,
/// the arena the caller passes.
inline constexpr llvm::StringLiteral kArenaBytesAttrName = "morsel.arena_bytes";

/// The function attribute that records the op-level lower bound of the
/// plan's strategy: no placement of the same buffers in the same order by
/// that strategy needs less.
inline constexpr llvm::StringLiteral kArenaLowerBoundAttrName =
    "morsel.arena_lower_bound";

/// The function attribute that records the placement, four i64 per buffer
/// (offset, size, first step, last step), for the report's memory map.
inline constexpr llvm::StringLiteral kArenaBuffersAttrName =
    "morsel.arena_buffers";

/// The function attribute that names each step of the placement (the
/// top-level operations of the function body).
inline constexpr llvm::StringLiteral kArenaStepsAttrName = "morsel.arena_steps";

} // namespace morsel

#endif // MORSEL_DIALECT_SEG_IR_SEGDIALECT_H
