//===- Pipelines.cpp - Morsel's named pass pipelines ----------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Pipelines/Pipelines.h"
#include "morsel/Conversion/Passes.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"
#include "morsel/Dialect/Seg/Transforms/Passes.h"
#include "morsel/Transforms/Passes.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void morsel::buildNNOptimizationPipeline(OpPassManager &pm,
                                         const NNOptimizationOptions &options) {
  pm.addPass(createCanonicalizerPass());
  pm.addPass(nn::createNNOptimizeLayout());
  pm.addPass(nn::createNNFuseQuantization());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (options.reorder)
    pm.addNestedPass<func::FuncOp>(nn::createNNReorderForMemory());
  if (options.partitionChannels) {
    nn::NNPartitionChannelsOptions partition;
    partition.maxOverhead = options.maxOverhead;
    pm.addNestedPass<func::FuncOp>(nn::createNNPartitionChannels(partition));
  }
}

void morsel::buildNNToBuffersPipeline(OpPassManager &pm, StringRef plan,
                                      bool verifyPlan) {
  pm.addPass(createConvertNNToLinalg());
  pm.addPass(createApproximateMath());
  pm.addPass(createCanonicalizerPass());

  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addPass(createCanonicalizerPass());
  seg::SegPlaceBuffersOptions placement;
  placement.plan = plan.str();
  pm.addPass(seg::createSegPlaceBuffers(placement));
  if (verifyPlan)
    pm.addPass(seg::createSegVerifyPlan());
  pm.addPass(seg::createConvertSegToMemRef());
  pm.addPass(createExpandStridedCopies());
  pm.addPass(createOutlineKernels());
}

void morsel::buildBuffersToLLVMPipeline(OpPassManager &pm,
                                        const LowerToLLVMOptions &options) {
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertMathToLLVMPass());

  unsigned bits = options.indexBitwidth;
  ArithToLLVMConversionPassOptions arith;
  arith.indexBitwidth = bits;
  pm.addPass(createArithToLLVMConversionPass(arith));
  FinalizeMemRefToLLVMConversionPassOptions memref;
  memref.indexBitwidth = bits;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memref));
  ConvertControlFlowToLLVMPassOptions cf;
  cf.indexBitwidth = bits;
  pm.addPass(createConvertControlFlowToLLVMPass(cf));
  ConvertFuncToLLVMPassOptions func;
  func.indexBitwidth = bits;
  func.useBarePtrCallConv = true;
  pm.addPass(createConvertFuncToLLVMPass(func));
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void morsel::buildNNToLLVMPipeline(OpPassManager &pm,
                                   const LowerToLLVMOptions &options) {
  buildNNToBuffersPipeline(pm);
  buildBuffersToLLVMPipeline(pm, options);
}

void morsel::registerMorselPipelines() {
  PassPipelineRegistration<NNOptimizationOptions>(
      "morsel-optimize-nn",
      "Canonicalize an imported nn module, keep it NHWC, fuse "
      "quantize/dequantize pairs into quantized operators and run the "
      "operators in the order that lowers peak memory",
      buildNNOptimizationPipeline);
  PassPipelineRegistration<LowerToLLVMOptions>(
      "morsel-to-llvm",
      "Lower an nn module to the LLVM dialect (bare-pointer calling "
      "convention, tensor results as out-parameters, one arena for every "
      "intermediate buffer)",
      buildNNToLLVMPipeline);
}
