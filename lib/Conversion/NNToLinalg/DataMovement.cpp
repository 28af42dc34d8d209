//===- DataMovement.cpp - Lower nn constants and data movement ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Data movement keeps stored values as they are: reshape becomes
// tensor.collapse_shape / tensor.expand_shape through a 1-D tensor, transpose
// linalg.transpose, concat tensor.concat, slice tensor.extract_slice and pad
// tensor.pad (with the value quantized by the tensor's own parameters).
// Quantized constants become storage-typed arith.constant ops.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

/// Returns the reassociation that groups every dimension of a `rank`-D
/// tensor into one (empty for rank 0).
static SmallVector<ReassociationIndices> getFlatReassociation(int64_t rank) {
  if (rank == 0)
    return {};
  ReassociationIndices all;
  for (int64_t d = 0; d < rank; ++d)
    all.push_back(d);
  return {all};
}

/// Reshapes a static tensor to `type` through a 1-D (or 0-D) tensor.
static Value createReshape(OpBuilder &b, Location loc, Value input,
                           RankedTensorType type) {
  auto inputType = cast<RankedTensorType>(input.getType());
  if (inputType == type)
    return input;
  int64_t count = type.getNumElements();
  Value flat = input;
  auto flatType = RankedTensorType::get({count}, type.getElementType());
  if (inputType.getRank() > 1)
    flat = tensor::CollapseShapeOp::create(
        b, loc, flatType, input, getFlatReassociation(inputType.getRank()));
  else if (inputType.getRank() == 0)
    flat = tensor::ExpandShapeOp::create(b, loc, flatType, input,
                                         ArrayRef<ReassociationIndices>{});
  if (type.getRank() > 1)
    return tensor::ExpandShapeOp::create(b, loc, type, flat,
                                         getFlatReassociation(type.getRank()));
  if (type.getRank() == 0)
    return tensor::CollapseShapeOp::create(b, loc, type, flat,
                                           ArrayRef<ReassociationIndices>{});
  return flat;
}

namespace {

/// nn.constant -> arith.constant (storage-typed for quantized results).
struct ConstantLowering : public OpConversionPattern<nn::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type resultType = getTypeConverter()->convertType(op.getType());
    auto value = dyn_cast<TypedAttr>(op.getValue());
    if (!value || value.getType() != resultType)
      return rewriter.notifyMatchFailure(
          op, "expects a value of the storage-typed result type");
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, value);
    return success();
  }
};

/// nn.reshape -> tensor.collapse_shape + tensor.expand_shape.
struct ReshapeLowering : public OpConversionPattern<nn::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    rewriter.replaceOp(op, createReshape(rewriter, op.getLoc(),
                                         adaptor.getInput(), resultType));
    return success();
  }
};

/// nn.transpose -> linalg.transpose.
struct TransposeLowering : public OpConversionPattern<nn::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    Value init = createEmpty(rewriter, op.getLoc(), resultType.getShape(),
                             resultType.getElementType());
    auto transpose = linalg::TransposeOp::create(
        rewriter, op.getLoc(), adaptor.getInput(), init, op.getPerm());
    rewriter.replaceOp(op, transpose.getResult());
    return success();
  }
};

/// nn.concat -> tensor.concat.
struct ConcatLowering : public OpConversionPattern<nn::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    if (adaptor.getInputs().size() == 1) {
      rewriter.replaceOp(op, adaptor.getInputs().front());
      return success();
    }
    rewriter.replaceOpWithNewOp<tensor::ConcatOp>(
        op, resultType, static_cast<uint64_t>(op.getAxis()),
        adaptor.getInputs());
    return success();
  }
};

/// nn.slice -> tensor.extract_slice.
struct SliceLowering : public OpConversionPattern<nn::SliceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    SmallVector<OpFoldResult> offsets, sizes, strides;
    for (auto [offset, size, stride] :
         llvm::zip_equal(op.getOffsets(), op.getSizes(), op.getStrides())) {
      offsets.push_back(rewriter.getIndexAttr(offset));
      sizes.push_back(rewriter.getIndexAttr(size));
      strides.push_back(rewriter.getIndexAttr(stride));
    }
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, resultType, adaptor.getInput(), offsets, sizes, strides);
    return success();
  }
};

/// nn.pad -> tensor.pad with the (quantized) value.
struct PadLowering : public OpConversionPattern<nn::PadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    float value = op.getValue().convertToFloat();
    TypedAttr padValue = rewriter.getF32FloatAttr(value);
    if (std::optional<QuantParams> params =
            getPerTensorParams(op.getInput().getType())) {
      // sat(z + round_away(value / s)).
      double rounded = std::round(static_cast<double>(value) / params->scale);
      int64_t stored =
          roundAwayAndClamp(static_cast<double>(params->zeroPoint) + rounded,
                            params->qmin, params->qmax);
      padValue = rewriter.getIntegerAttr(params->storageType, stored);
    }
    rewriter.replaceOp(op, padWithConstant(rewriter, op.getLoc(),
                                           adaptor.getInput(), op.getLow(),
                                           op.getHigh(), padValue));
    return success();
  }
};

} // namespace

void nnlowering::populateDataMovementPatterns(const TypeConverter &converter,
                                              RewritePatternSet &patterns) {
  patterns.add<ConstantLowering, ReshapeLowering, TransposeLowering,
               ConcatLowering, SliceLowering, PadLowering>(
      converter, patterns.getContext());
}
