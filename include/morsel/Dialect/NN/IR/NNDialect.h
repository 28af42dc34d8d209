//===- NNDialect.h - The nn dialect -----------------------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_IR_NNDIALECT_H
#define MORSEL_DIALECT_NN_IR_NNDIALECT_H

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Dialect.h"

#include "morsel/Dialect/NN/IR/NNOpsDialect.h.inc"

#endif // MORSEL_DIALECT_NN_IR_NNDIALECT_H
