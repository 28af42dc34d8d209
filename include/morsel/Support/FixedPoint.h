//===- FixedPoint.h - The integer arithmetic of int8 inference --*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Morsel's int8 semantics are TFLite's: int32 accumulators are rescaled by a
// real multiplier M expressed as a Q31 fixed-point mantissa and a power-of-two
// exponent, with gemmlowp's rounding (ties toward +infinity in the doubling
// high multiply, ties away from zero in the shift; the two roundings together
// may miss the exact product by up to one). The
// compiler uses these functions to fold constants and build lookup tables,
// the generated code repeats them operation by operation, and the reference
// tests replay them, so every CPU and memory strategy gives identical bits.
// See docs/quantization.md.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_FIXEDPOINT_H
#define MORSEL_SUPPORT_FIXEDPOINT_H

#include <cstdint>

namespace morsel {

/// A real multiplier M = multiplier * 2^(shift - 31) with `multiplier` in
/// [2^30, 2^31) (or zero when M is too small to represent).
struct QuantizedMultiplier {
  int32_t multiplier = 0;
  int32_t shift = 0;
};

/// Splits a non-negative real multiplier into a Q31 mantissa and an exponent,
/// as TFLite's QuantizeMultiplier does. Multipliers below 2^-31 become zero;
/// multipliers are clamped so that the shift stays at most 30.
QuantizedMultiplier quantizeMultiplier(double realMultiplier);

/// Returns round(a * b / 2^31) with ties toward +infinity, saturating the one
/// overflow case (a = b = INT32_MIN), as gemmlowp's
/// SaturatingRoundingDoublingHighMul.
int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b);

/// Returns x / 2^exponent rounded to nearest, ties away from zero, as
/// gemmlowp's RoundingDivideByPOT. `exponent` is in [0, 31].
int32_t roundingDivideByPOT(int32_t x, int32_t exponent);

/// Returns x * M, rounded, as TFLite's MultiplyByQuantizedMultiplier.
int32_t multiplyByQuantizedMultiplier(int32_t x, QuantizedMultiplier m);

/// Rounds to the nearest integer, ties away from zero (std::round), and
/// saturates to [lo, hi]. NaN maps to lo.
int32_t roundAndClamp(double value, int32_t lo, int32_t hi);

} // namespace morsel

#endif // MORSEL_SUPPORT_FIXEDPOINT_H
