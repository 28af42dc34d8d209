//===- Passes.h - seg dialect passes ----------------------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_TRANSFORMS_PASSES_H
#define MORSEL_DIALECT_SEG_TRANSFORMS_PASSES_H

#include "morsel/Dialect/Seg/IR/SegDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace morsel::seg {

#define GEN_PASS_DECL
#include "morsel/Dialect/Seg/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "morsel/Dialect/Seg/Transforms/Passes.h.inc"

} // namespace morsel::seg

#endif // MORSEL_DIALECT_SEG_TRANSFORMS_PASSES_H
