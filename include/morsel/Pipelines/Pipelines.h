//===- Pipelines.h - Morsel's named pass pipelines --------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The pipelines that morselc runs, exposed so that morsel-opt (as
// --morsel-optimize-nn and --morsel-to-llvm), the plugin and embedding
// frontends run exactly the same passes.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_PIPELINES_PIPELINES_H
#define MORSEL_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace morsel {

/// Options of the lowering from nn to the LLVM dialect.
struct LowerToLLVMOptions
    : public mlir::PassPipelineOptions<LowerToLLVMOptions> {
  Option<unsigned> indexBitwidth{
      *this, "index-bitwidth",
      llvm::cl::desc("Bit width of index values: 32 for Cortex-M, 64 for "
                     "a 64-bit host"),
      llvm::cl::init(64)};
};

/// Options of the nn optimization pipeline.
struct NNOptimizationOptions
    : public mlir::PassPipelineOptions<NNOptimizationOptions> {
  Option<bool> reorder{
      *this, "reorder",
      llvm::cl::desc("Run each function's operators in the order that "
                     "lowers peak memory (nn-reorder-for-memory); false "
                     "keeps the model's order"),
      llvm::cl::init(true)};
  Option<bool> partitionChannels{
      *this, "partition-channels",
      llvm::cl::desc("Run channel chains one slice of channels at a time "
                     "where that lowers peak memory (nn-partition-channels)"),
      llvm::cl::init(false)};
  Option<double> maxOverhead{
      *this, "max-overhead",
      llvm::cl::desc("With partition-channels: the instructions "
                     "partitioning may add, as a fraction of the model's"),
      llvm::cl::init(0.10)};
};

/// Cleans up an imported nn module: canonicalization, layout optimization
/// (NHWC throughout), fusion of quantize/dequantize pairs into quantized
/// operators, unless `options.reorder` is false the operator order that
/// lowers peak memory, and with `options.partitionChannels` partial
/// execution along channels.
void buildNNOptimizationPipeline(mlir::OpPassManager &pm,
                                 const NNOptimizationOptions &options = {});

/// Lowers an nn module to buffers: nn to linalg on tensors, bufferization
/// with results turned into out-parameters, and every intermediate buffer
/// placed in a trailing arena argument (`morsel.arena_bytes` on each public
/// function says how large it must be). `plan` names the planner
/// (seg-place-buffers' option: naive, tflm-greedy, usmp or overlap);
/// `verifyPlan` adds seg-verify-plan after it.
void buildNNToBuffersPipeline(mlir::OpPassManager &pm,
                              llvm::StringRef plan = "overlap",
                              bool verifyPlan = false);

/// Lowers the result of buildNNToBuffersPipeline to the LLVM dialect: loops,
/// then LLVM with the bare-pointer calling convention (one pointer per
/// input, output and the arena).
void buildBuffersToLLVMPipeline(mlir::OpPassManager &pm,
                                const LowerToLLVMOptions &options);

/// Runs buildNNToBuffersPipeline then buildBuffersToLLVMPipeline.
void buildNNToLLVMPipeline(mlir::OpPassManager &pm,
                           const LowerToLLVMOptions &options);

/// Registers --morsel-optimize-nn and --morsel-to-llvm.
void registerMorselPipelines();

} // namespace morsel

#endif // MORSEL_PIPELINES_PIPELINES_H
