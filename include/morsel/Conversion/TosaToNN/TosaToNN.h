//===- TosaToNN.h - Convert TOSA to nn --------------------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_CONVERSION_TOSATONN_TOSATONN_H
#define MORSEL_CONVERSION_TOSATONN_TOSATONN_H

#include "mlir/IR/PatternMatch.h"

namespace morsel {

/// Adds the patterns that rewrite TOSA operators into nn operators. Element
/// types carry over unchanged (f32, or the frontend's quantized types), so
/// the patterns need no type converter; they are meant for the greedy driver,
/// and an operator a pattern rejects stays TOSA (convert-tosa-to-nn then
/// reports it with the pattern's reason).
void populateTosaToNNConversionPatterns(mlir::RewritePatternSet &patterns);

} // namespace morsel

#endif // MORSEL_CONVERSION_TOSATONN_TOSATONN_H
