//===- OptimizeLayout.cpp - TEMPORARY SCAFFOLD, replaced by the real pass ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"

namespace morsel::nn {
#define GEN_PASS_DEF_NNOPTIMIZELAYOUT
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"
} // namespace morsel::nn

namespace {
struct NNOptimizeLayoutPass
    : public morsel::nn::impl::NNOptimizeLayoutBase<NNOptimizeLayoutPass> {
  void runOnOperation() override {}
};
} // namespace
