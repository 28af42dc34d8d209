//===- TosaToNN.cpp - TEMPORARY SCAFFOLD, replaced by the real conversion -===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Conversion/Passes.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"

namespace morsel {
#define GEN_PASS_DEF_CONVERTTOSATONN
#include "morsel/Conversion/Passes.h.inc"
} // namespace morsel

void morsel::populateTosaToNNConversionPatterns(mlir::RewritePatternSet &) {}

namespace {
struct ConvertTosaToNNPass
    : public morsel::impl::ConvertTosaToNNBase<ConvertTosaToNNPass> {
  void runOnOperation() override {}
};
} // namespace
