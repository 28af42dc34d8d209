//===- KernelAccessModels.cpp - Access orders of upstream kernels ---------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Morsel's kernels are upstream operations: the loop nests the convolution
// lowering builds (scf.for, declaring a `seg.access` window) and
// element-wise linalg.generic operations (whose indexing maps are their
// access order). These external models give them SegmentAccessOpInterface.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/Seg/IR/SegOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::seg;

/// Makes `loop` (unit step) visit its iterations in reverse order.
static LogicalResult reverseLoop(RewriterBase &rewriter, scf::ForOp loop) {
  std::optional<int64_t> step = getConstantIntValue(loop.getStep());
  if (!step || *step != 1)
    return failure();
  Location loc = loop.getLoc();
  rewriter.setInsertionPoint(loop);
  Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
  // The last index, lb + ub - 1, minus the induction variable.
  Value last = arith::SubIOp::create(
      rewriter, loc,
      arith::AddIOp::create(rewriter, loc, loop.getLowerBound(),
                            loop.getUpperBound()),
      one);
  Value iv = loop.getInductionVar();
  rewriter.setInsertionPointToStart(loop.getBody());
  Value reversed = arith::SubIOp::create(rewriter, loc, last, iv);
  rewriter.replaceAllUsesExcept(iv, reversed, reversed.getDefiningOp());
  return success();
}

namespace {

/// A loop nest built by the convolution lowering.
struct WindowLoopModel
    : public SegmentAccessOpInterface::ExternalModel<WindowLoopModel,
                                                     scf::ForOp> {
  std::optional<AccessOrder> getAccessOrder(Operation *op, Value input,
                                            Value output) const {
    auto window = op->getAttrOfType<WindowAccessAttr>(kAccessAttrName);
    if (!window || input == output)
      return std::nullopt;
    std::optional<int64_t> inputBytes = getBufferBytes(input.getType());
    std::optional<int64_t> outputBytes = getBufferBytes(output.getType());
    if (!inputBytes || !outputBytes ||
        *inputBytes != window.getInputBytes() ||
        *outputBytes != window.getOutputBytes())
      return std::nullopt;
    return getWindowAccessOrder(window.getWindow());
  }

  LogicalResult reverseSteps(Operation *op, RewriterBase &rewriter) const {
    if (!op->hasAttr(kAccessAttrName))
      return failure();
    SmallVector<scf::ForOp> loops;
    op->walk([&](scf::ForOp loop) {
      if (loop->hasAttr(kStepLoopAttrName))
        loops.push_back(loop);
    });
    for (scf::ForOp loop : loops)
      if (!matchPattern(loop.getStep(), m_One()))
        return failure();
    for (scf::ForOp loop : loops)
      if (failed(reverseLoop(rewriter, loop)))
        return failure();
    return success();
  }
};

/// An all-parallel linalg.generic whose maps are projected permutations:
/// one step per iteration point, in the row-major order of its loops.
struct ElementwiseGenericModel
    : public SegmentAccessOpInterface::ExternalModel<ElementwiseGenericModel,
                                                     linalg::GenericOp> {
  static bool isElementwise(linalg::GenericOp op) {
    return op.getNumParallelLoops() == op.getNumLoops() &&
           llvm::all_of(op.getIndexingMapsArray(),
                        [](AffineMap map) {
                          return map.isProjectedPermutation();
                        }) &&
           op.hasPureBufferSemantics();
  }

  std::optional<AccessOrder> getAccessOrder(Operation *op, Value input,
                                            Value output) const {
    auto generic = cast<linalg::GenericOp>(op);
    if (!isElementwise(generic) || input == output)
      return std::nullopt;
    OpOperand *inputOperand = nullptr, *outputOperand = nullptr;
    for (OpOperand *operand : generic.getDpsInputOperands())
      if (operand->get() == input)
        inputOperand = operand;
    for (OpOperand &operand : generic.getDpsInitsMutable())
      if (operand.get() == output)
        outputOperand = &operand;
    std::optional<int64_t> inputBytes = getBufferBytes(input.getType());
    std::optional<int64_t> outputBytes = getBufferBytes(output.getType());
    if (!inputOperand || !outputOperand || !inputBytes || !outputBytes)
      return std::nullopt;
    AffineMap outputMap = generic.getMatchingIndexingMap(outputOperand);
    if (!outputMap.isPermutation())
      return std::nullopt;
    SmallVector<int64_t> bounds = generic.getStaticLoopRanges();
    if (llvm::any_of(bounds, ShapedType::isDynamic))
      return std::nullopt;
    auto getStrides = [&](OpOperand *operand) {
      auto type = cast<MemRefType>(operand->get().getType());
      SmallVector<int64_t> strides(bounds.size(), 0);
      AffineMap map = generic.getMatchingIndexingMap(operand);
      int64_t stride = 1;
      for (unsigned result = map.getNumResults(); result-- > 0;) {
        unsigned dim = map.getDimPosition(result);
        strides[dim] += stride;
        stride *= type.getDimSize(result);
      }
      return strides;
    };
    auto elementBytes = [](Value value) {
      Type element = cast<MemRefType>(value.getType()).getElementType();
      return static_cast<int64_t>((element.getIntOrFloatBitWidth() + 7) / 8);
    };
    return getLoopNestAccessOrder(
        bounds, getStrides(inputOperand), elementBytes(input), *inputBytes,
        getStrides(outputOperand), elementBytes(output), *outputBytes);
  }

  LogicalResult reverseSteps(Operation *op, RewriterBase &rewriter) const {
    auto generic = cast<linalg::GenericOp>(op);
    if (!isElementwise(generic))
      return failure();
    rewriter.setInsertionPoint(op);
    FailureOr<linalg::LinalgLoops> loops =
        linalg::linalgOpToLoops(rewriter, generic);
    if (failed(loops))
      return failure();
    for (Operation *loop : *loops)
      if (auto forOp = dyn_cast<scf::ForOp>(loop))
        if (failed(reverseLoop(rewriter, forOp)))
          return failure();
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void seg::registerKernelAccessModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, scf::SCFDialect *) {
    scf::ForOp::attachInterface<WindowLoopModel>(*context);
  });
  registry.addExtension(+[](MLIRContext *context, linalg::LinalgDialect *) {
    linalg::GenericOp::attachInterface<ElementwiseGenericModel>(*context);
  });
}
