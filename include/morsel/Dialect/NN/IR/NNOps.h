//===- NNOps.h - Operations of the nn dialect -------------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_IR_NNOPS_H
#define MORSEL_DIALECT_NN_IR_NNOPS_H

#include "morsel/Dialect/NN/IR/NNDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "morsel/Dialect/NN/IR/NNOps.h.inc"

#endif // MORSEL_DIALECT_NN_IR_NNOPS_H
