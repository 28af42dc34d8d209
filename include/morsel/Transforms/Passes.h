//===- Passes.h - Buffer-level passes of Morsel -----------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_TRANSFORMS_PASSES_H
#define MORSEL_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace morsel {

/// The name of the function attribute that records the arena size in bytes.
inline constexpr llvm::StringLiteral kArenaBytesAttrName = "morsel.arena_bytes";

/// The function attribute that records the op-level lower bound of the
/// arena: the most bytes live at any one step, which no placement of the
/// same buffers and order can beat.
inline constexpr llvm::StringLiteral kArenaLowerBoundAttrName =
    "morsel.arena_lower_bound";

/// The function attribute that records the placement, four i64 per buffer
/// (offset, size, first step, last step), for the report's memory map.
inline constexpr llvm::StringLiteral kArenaBuffersAttrName =
    "morsel.arena_buffers";

/// The function attribute that names each step of the placement (the
/// top-level operations of the function body).
inline constexpr llvm::StringLiteral kArenaStepsAttrName = "morsel.arena_steps";

#define GEN_PASS_DECL
#include "morsel/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "morsel/Transforms/Passes.h.inc"

} // namespace morsel

#endif // MORSEL_TRANSFORMS_PASSES_H
