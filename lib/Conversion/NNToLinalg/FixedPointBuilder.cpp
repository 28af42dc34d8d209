//===- FixedPointBuilder.cpp - Integer requantization as arith ops
//---------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "FixedPointBuilder.h"
#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

MultiplierConstants nnlowering::getMultiplierConstants(double realMultiplier) {
  QuantizedMultiplier qm = quantizeMultiplier(realMultiplier);
  MultiplierConstants c;
  c.multiplier = qm.multiplier;
  c.leftShift = qm.shift > 0 ? qm.shift : 0;
  c.rightShift = qm.shift > 0 ? 0 : -qm.shift;
  return c;
}

MultiplierOperands
nnlowering::createMultiplierOperands(OpBuilder &b, Location loc,
                                     const MultiplierConstants &c) {
  Type i32 = b.getI32Type();
  return {createIntConstant(b, loc, i32, c.multiplier),
          createIntConstant(b, loc, i32, c.leftShift),
          createIntConstant(b, loc, i32, c.rightShift)};
}

Value nnlowering::createSRDHM(OpBuilder &b, Location loc, Value a, Value m) {
  Type i32 = b.getI32Type(), i64 = b.getI64Type();
  Value a64 = arith::ExtSIOp::create(b, loc, i64, a);
  Value m64 = arith::ExtSIOp::create(b, loc, i64, m);
  Value product = arith::MulIOp::create(b, loc, a64, m64);
  Value zero = createIntConstant(b, loc, i64, 0);
  Value nonNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, product, zero);
  Value nudge = arith::SelectOp::create(
      b, loc, nonNegative, createIntConstant(b, loc, i64, int64_t(1) << 30),
      createIntConstant(b, loc, i64, 1 - (int64_t(1) << 30)));
  Value sum = arith::AddIOp::create(b, loc, product, nudge);
  Value quotient = arith::DivSIOp::create(
      b, loc, sum, createIntConstant(b, loc, i64, int64_t(1) << 31));
  Value result = arith::TruncIOp::create(b, loc, i32, quotient);
  // The one overflow: INT32_MIN * INT32_MIN.
  Value intMin = createIntConstant(b, loc, i32, INT32_MIN);
  Value aIsMin =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, a, intMin);
  Value mIsMin =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, m, intMin);
  Value overflow = arith::AndIOp::create(b, loc, aIsMin, mIsMin);
  return arith::SelectOp::create(
      b, loc, overflow, createIntConstant(b, loc, i32, INT32_MAX), result);
}

Value nnlowering::createRDBPOT(OpBuilder &b, Location loc, Value x,
                               Value exponent) {
  Type i32 = b.getI32Type();
  Value one = createIntConstant(b, loc, i32, 1);
  Value zero = createIntConstant(b, loc, i32, 0);
  // mask = 2^e - 1 (for e = 31 the shift wraps to INT32_MIN, and the
  // subtraction to INT32_MAX, as in FixedPoint.cpp's 64-bit computation).
  Value mask = arith::SubIOp::create(
      b, loc, arith::ShLIOp::create(b, loc, one, exponent), one);
  Value remainder = arith::AndIOp::create(b, loc, x, mask);
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero);
  Value threshold =
      arith::AddIOp::create(b, loc, arith::ShRSIOp::create(b, loc, mask, one),
                            arith::ExtUIOp::create(b, loc, i32, negative));
  Value roundUp = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                        remainder, threshold);
  return arith::AddIOp::create(b, loc,
                               arith::ShRSIOp::create(b, loc, x, exponent),
                               arith::ExtUIOp::create(b, loc, i32, roundUp));
}

Value nnlowering::createMBQM(OpBuilder &b, Location loc, Value x,
                             const MultiplierOperands &m) {
  Value shifted = arith::ShLIOp::create(b, loc, x, m.leftShift);
  return createRDBPOT(b, loc, createSRDHM(b, loc, shifted, m.multiplier),
                      m.rightShift);
}

Value nnlowering::createMBQM(OpBuilder &b, Location loc, Value x,
                             double realMultiplier) {
  return createMBQM(
      b, loc, x,
      createMultiplierOperands(b, loc, getMultiplierConstants(realMultiplier)));
}
