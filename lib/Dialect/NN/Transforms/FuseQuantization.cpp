//===- FuseQuantization.cpp - TEMPORARY SCAFFOLD, replaced by the real pass ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"

namespace morsel::nn {
#define GEN_PASS_DEF_NNFUSEQUANTIZATION
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"
} // namespace morsel::nn

namespace {
struct NNFuseQuantizationPass
    : public morsel::nn::impl::NNFuseQuantizationBase<NNFuseQuantizationPass> {
  void runOnOperation() override {}
};
} // namespace
