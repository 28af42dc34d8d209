//===- OpCost.h - Work and bytes of one nn operator -------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The static cost of an nn operator: multiply-accumulates and the bytes it
// reads and writes. Reports, the partitioning cost model and benchmarks use
// it, so they all count the same way.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_ANALYSIS_OPCOST_H
#define MORSEL_DIALECT_NN_ANALYSIS_OPCOST_H

#include "mlir/IR/Operation.h"

#include <cstdint>

namespace morsel::nn {

/// What one operator costs per inference.
struct OpCost {
  /// Multiply-accumulates of convolutions and fully-connected operators
  /// (zero for every other operator).
  int64_t macs = 0;
  /// Bytes of the operands that are activations (not nn.constant results).
  int64_t activationBytesIn = 0;
  /// Bytes of the operands produced by nn.constant (weights, biases).
  int64_t weightBytes = 0;
  /// Bytes of the results.
  int64_t bytesOut = 0;
};

/// Returns the bytes a tensor of `type` occupies: elements x storage bytes
/// (quantized types count their storage type). Non-tensors count zero.
int64_t getTensorBytes(mlir::Type type);

/// Returns the cost of `op`, an operation of the nn dialect.
OpCost getOpCost(mlir::Operation *op);

} // namespace morsel::nn

#endif // MORSEL_DIALECT_NN_ANALYSIS_OPCOST_H
