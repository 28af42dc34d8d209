//===- TosaToNN.h - Convert TOSA to nn --------------------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_CONVERSION_TOSATONN_TOSATONN_H
#define MORSEL_CONVERSION_TOSATONN_TOSATONN_H

#include "mlir/IR/PatternMatch.h"

namespace morsel {

/// Adds the patterns that rewrite TOSA operators into nn operators.
void populateTosaToNNConversionPatterns(mlir::RewritePatternSet &patterns);

} // namespace morsel

#endif // MORSEL_CONVERSION_TOSATONN_TOSATONN_H
