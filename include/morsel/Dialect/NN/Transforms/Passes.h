//===- Passes.h - Passes of the nn dialect ----------------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_TRANSFORMS_PASSES_H
#define MORSEL_DIALECT_NN_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace morsel::nn {

#define GEN_PASS_DECL
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"

} // namespace morsel::nn

#endif // MORSEL_DIALECT_NN_TRANSFORMS_PASSES_H
