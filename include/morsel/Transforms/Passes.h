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
#define GEN_PASS_DECL
#include "morsel/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "morsel/Transforms/Passes.h.inc"

} // namespace morsel

#endif // MORSEL_TRANSFORMS_PASSES_H
