//===- SegOps.h - seg dialect operations and attributes ---------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_IR_SEGOPS_H
#define MORSEL_DIALECT_SEG_IR_SEGOPS_H

#include "morsel/Dialect/Seg/IR/SegDialect.h"
#include "morsel/Support/AccessOrder.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

#define GET_ATTRDEF_CLASSES
#include "morsel/Dialect/Seg/IR/SegAttrs.h.inc"

#include "morsel/Dialect/Seg/IR/SegInterfaces.h.inc"

#define GET_OP_CLASSES
#include "morsel/Dialect/Seg/IR/SegOps.h.inc"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace morsel::seg {

/// Bytes of a buffer of `type`: a statically shaped memref of integers or
/// floats with an identity layout; std::nullopt for anything else or a size
/// that does not fit in int64_t.
std::optional<int64_t> getBufferBytes(mlir::Type type);

/// Lets scf.for kernels that carry a `seg.access` window and element-wise
/// linalg.generic operations declare their access orders.
void registerKernelAccessModels(mlir::DialectRegistry &registry);

} // namespace morsel::seg

#endif // MORSEL_DIALECT_SEG_IR_SEGOPS_H
