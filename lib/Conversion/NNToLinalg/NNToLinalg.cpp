//===- NNToLinalg.cpp - Lower nn to linalg on tensors ---------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The type converter, the pattern set and the convert-nn-to-linalg pass. The
// patterns themselves live in one file per op family (Convolution.cpp,
// Elementwise.cpp, Reductions.cpp, DataMovement.cpp, Quantization.cpp); the
// integer requantization they share is emitted by FixedPointBuilder.cpp.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "morsel/Conversion/Passes.h"
#include "morsel/Dialect/NN/IR/NNDialect.h"
#include "morsel/Dialect/Seg/IR/SegDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace morsel {
#define GEN_PASS_DEF_CONVERTNNTOLINALG
#include "morsel/Conversion/Passes.h.inc"
} // namespace morsel

using namespace mlir;
using namespace morsel;

//===----------------------------------------------------------------------===//
// Type converter
//===----------------------------------------------------------------------===//

QuantStorageTypeConverter::QuantStorageTypeConverter() {
  // Conversions are tried from the last added: the identity is the fallback.
  addConversion([](Type type) { return type; });
  addConversion(
      [](quant::QuantizedType type) -> Type { return type.getStorageType(); });
  addConversion([](RankedTensorType type) -> Type {
    if (auto quantized = dyn_cast<quant::QuantizedType>(type.getElementType()))
      return type.clone(quantized.getStorageType());
    return type;
  });
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

void morsel::populateNNToLinalgConversionPatterns(TypeConverter &converter,
                                                  RewritePatternSet &patterns) {
  nnlowering::populateChannelPartitionPatterns(converter, patterns);
  nnlowering::populateConvolutionPatterns(converter, patterns);
  nnlowering::populateElementwisePatterns(converter, patterns);
  nnlowering::populateReductionPatterns(converter, patterns);
  nnlowering::populateDataMovementPatterns(converter, patterns);
  nnlowering::populateQuantizationPatterns(converter, patterns);
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

namespace {
/// Lowers every nn operator and converts function signatures, returns and
/// calls to storage types.
struct ConvertNNToLinalgPass
    : public morsel::impl::ConvertNNToLinalgBase<ConvertNNToLinalgPass> {
  void runOnOperation() override;
};
} // namespace

/// Returns true if `op` has a quantized operand, result or block argument.
static bool usesQuantizedTypes(Operation *op) {
  auto isQuantized = [](Type type) {
    return static_cast<bool>(nnlowering::getQuantizedElementType(type));
  };
  if (llvm::any_of(op->getOperandTypes(), isQuantized) ||
      llvm::any_of(op->getResultTypes(), isQuantized))
    return true;
  for (Region &region : op->getRegions())
    for (Block &block : region)
      if (llvm::any_of(block.getArgumentTypes(), isQuantized))
        return true;
  return false;
}

/// Reports every operation outside nn and func that carries quantized types:
/// the conversion could not rewrite its operands and results.
static LogicalResult checkForeignQuantizedOps(ModuleOp module) {
  bool failed = false;
  module.walk([&](Operation *op) {
    if (isa<nn::NNDialect, func::FuncDialect>(op->getDialect()) ||
        !usesQuantizedTypes(op))
      return;
    op->emitOpError("uses quantized types, which convert-nn-to-linalg "
                    "converts only in nn operators and in func signatures, "
                    "calls and returns");
    failed = true;
  });
  return LogicalResult::failure(failed);
}

/// Reads the input of a transpose nothing else uses straight from an
/// element-wise linalg.generic, through a permuted indexing map, so that
/// the transposed copy is never materialized (for example the NCHW model
/// input that a quantization turns into the NHWC tensor of the first
/// convolution: the f32 copy would be the largest buffer of the model).
static void foldTransposeIntoElementwise(linalg::GenericOp op,
                                         RewriterBase &rewriter) {
  if (op.getNumParallelLoops() != op.getNumLoops() ||
      !op.hasPureTensorSemantics())
    return;
  for (OpOperand *operand : op.getDpsInputOperands()) {
    auto transpose = operand->get().getDefiningOp<linalg::TransposeOp>();
    if (!transpose || !transpose->hasOneUse())
      continue;
    // Dimension k of the transposed tensor is dimension perm[k] of the
    // transpose's input.
    ArrayRef<int64_t> perm = transpose.getPermutation();
    AffineMap map = op.getMatchingIndexingMap(operand);
    SmallVector<AffineExpr> results(perm.size());
    for (auto [k, source] : llvm::enumerate(perm))
      results[source] = map.getResult(k);
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    maps[operand->getOperandNumber()] =
        AffineMap::get(map.getNumDims(), 0, results, op.getContext());
    rewriter.modifyOpInPlace(op, [&] {
      operand->set(transpose.getInput());
      op.setIndexingMapsAttr(rewriter.getAffineMapArrayAttr(maps));
    });
    rewriter.eraseOp(transpose);
  }
}

void ConvertNNToLinalgPass::runOnOperation() {
  MLIRContext *context = &getContext();
  QuantStorageTypeConverter converter;
  if (failed(checkForeignQuantizedOps(getOperation())))
    return signalPassFailure();

  ConversionTarget target(*context);
  target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                         math::MathDialect, scf::SCFDialect,
                         tensor::TensorDialect>();
  target.addIllegalDialect<nn::NNDialect>();
  target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
    return converter.isSignatureLegal(op.getFunctionType()) &&
           converter.isLegal(&op.getBody());
  });
  target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
      [&](Operation *op) { return converter.isLegal(op); });

  RewritePatternSet patterns(context);
  populateNNToLinalgConversionPatterns(converter, patterns);
  populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                 converter);
  populateReturnOpTypeConversionPattern(patterns, converter);
  populateCallOpTypeConversionPattern(patterns, converter);

  if (failed(
          applyPartialConversion(getOperation(), target, std::move(patterns))))
    return signalPassFailure();

  IRRewriter rewriter(context);
  getOperation().walk([&](linalg::GenericOp op) {
    foldTransposeIntoElementwise(op, rewriter);
  });
}
