//===- InitAll.h - Register every Morsel dialect and pass -------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The C++ surface that tools and other frontends embed: one call registers
// Morsel's dialects into a registry, another its passes and pipelines with
// the global pass registry.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_INITALL_H
#define MORSEL_INITALL_H

#include "morsel/Conversion/Passes.h"
#include "morsel/Dialect/NN/IR/NNDialect.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"
#include "morsel/Dialect/Seg/IR/SegOps.h"
#include "morsel/Dialect/Seg/Transforms/Passes.h"
#include "morsel/Pipelines/Pipelines.h"
#include "morsel/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

namespace morsel {

/// Adds every Morsel dialect to `registry`. Upstream dialects they depend on
/// are loaded on demand; tools add the upstream dialects users write
/// alongside (see morsel-opt).
inline void registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<nn::NNDialect, seg::SegDialect>();
  seg::registerKernelAccessModels(registry);
}

/// Registers every Morsel pass and named pipeline with the global pass
/// registry.
inline void registerAllPasses() {
  nn::registerNNPasses();
  seg::registerSegPasses();
  registerMorselConversionPasses();
  registerMorselTransformsPasses();
  registerMorselPipelines();
}

} // namespace morsel

#endif // MORSEL_INITALL_H
