//===- FixedPointBuilder.h - Integer requantization as arith ops -*- C++
//-*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Emits the primitives of docs/quantization.md (SRDHM, RDBPOT, MBQM) as arith
// operations on i32 and i64 scalars, operation by operation as
// lib/Support/FixedPoint.cpp evaluates them at compile time, so that the
// generated code and the compiler agree bit for bit.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_CONVERSION_NNTOLINALG_FIXEDPOINTBUILDER_H
#define MORSEL_LIB_CONVERSION_NNTOLINALG_FIXEDPOINTBUILDER_H

#include "morsel/Support/FixedPoint.h"

#include "mlir/IR/Builders.h"

namespace morsel::nnlowering {

/// A quantized multiplier split into the three i32 operands MBQM needs: the
/// Q31 mantissa, the left shift max(e, 0) and the right shift max(-e, 0).
struct MultiplierOperands {
  mlir::Value multiplier;
  mlir::Value leftShift;
  mlir::Value rightShift;
};

/// The compile-time form of MultiplierOperands.
struct MultiplierConstants {
  int32_t multiplier = 0;
  int32_t leftShift = 0;
  int32_t rightShift = 0;
};

/// Splits a real multiplier with quantizeMultiplier (QM).
MultiplierConstants getMultiplierConstants(double realMultiplier);

/// Materializes `constants` as i32 arith.constant ops.
MultiplierOperands createMultiplierOperands(mlir::OpBuilder &b,
                                            mlir::Location loc,
                                            const MultiplierConstants &c);

/// SRDHM(a, b) on i32 values: (a * b + nudge) / 2^31 in i64 with truncating
/// division; INT32_MIN * INT32_MIN saturates to INT32_MAX.
mlir::Value createSRDHM(mlir::OpBuilder &b, mlir::Location loc, mlir::Value a,
                        mlir::Value m);

/// RDBPOT(x, e) on i32 values: (x >> e) + (remainder > threshold).
mlir::Value createRDBPOT(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                         mlir::Value exponent);

/// MBQM(x, M) = RDBPOT(SRDHM(x << left, m), right); the shift wraps in 32 bits.
mlir::Value createMBQM(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                       const MultiplierOperands &m);

/// MBQM(x, M) for a real multiplier known at compile time.
mlir::Value createMBQM(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                       double realMultiplier);

} // namespace morsel::nnlowering

#endif // MORSEL_LIB_CONVERSION_NNTOLINALG_FIXEDPOINTBUILDER_H
