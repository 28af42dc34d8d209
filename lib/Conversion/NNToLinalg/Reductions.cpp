//===- Reductions.cpp - Lower nn pooling, mean and softmax ----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Pooling is a tensor.pad followed by a reduction linalg.generic over
// (n, oh, ow, c, kh, kw); the window loops take their range from a
// tensor.empty of the kernel shape, as linalg's named pooling ops do.
// Average pooling divides by a compile-time count per output position.
// Quantized softmax follows docs/quantization.md with a compile-time table
// of exp(-beta * s_in * d) in Q20.
//
//===----------------------------------------------------------------------===//

#include "FixedPointBuilder.h"
#include "LoweringUtils.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

namespace {
/// The padded input and the maps of a 2-D pooling window reduction.
struct Window {
  Value input;
  Value kernel;
  SmallVector<AffineMap> maps;
  SmallVector<utils::IteratorType> iterators;
};
} // namespace

/// Pads `input` with `padValue` and builds the window reduction maps.
static Window createWindow(OpBuilder &b, Location loc, Value input,
                           ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> pad, TypedAttr padValue) {
  MLIRContext *context = b.getContext();
  Window w;
  w.input = padWithConstant(b, loc, input, {0, pad[0], pad[2], 0},
                            {0, pad[1], pad[3], 0}, padValue);
  w.kernel = createEmpty(b, loc, kernel, padValue.getType());
  AffineExpr n, oh, ow, c, kh, kw;
  bindDims(context, n, oh, ow, c, kh, kw);
  w.maps = {AffineMap::get(6, 0,
                           {n, oh * strides[0] + kh, ow * strides[1] + kw, c},
                           context),
            AffineMap::get(6, 0, {kh, kw}, context),
            AffineMap::get(6, 0, {n, oh, ow, c}, context)};
  w.iterators = parallelIterators(4);
  w.iterators.append(2, utils::IteratorType::reduction);
  return w;
}

/// Returns the number of window positions along one dimension that fall
/// inside the input, for output index `o`.
static int64_t countInside(int64_t o, int64_t stride, int64_t kernel,
                           int64_t padBefore, int64_t size) {
  int64_t count = 0;
  for (int64_t k = 0; k < kernel; ++k) {
    int64_t position = o * stride + k - padBefore;
    count += position >= 0 && position < size;
  }
  return count;
}

/// Returns the divisor of every output position [oh, ow], row-major.
static SmallVector<int32_t> getPoolCounts(nn::AvgPool2DOp op) {
  auto input = cast<RankedTensorType>(op.getInput().getType());
  ArrayRef<int64_t> kernel = op.getKernel(), strides = op.getStrides(),
                    pad = op.getPad();
  int64_t outH = op.getType().getDimSize(1), outW = op.getType().getDimSize(2);
  SmallVector<int32_t> counts;
  for (int64_t oh = 0; oh < outH; ++oh)
    for (int64_t ow = 0; ow < outW; ++ow) {
      if (op.getCountIncludePad()) {
        counts.push_back(kernel[0] * kernel[1]);
        continue;
      }
      counts.push_back(
          countInside(oh, strides[0], kernel[0], pad[0], input.getDimSize(1)) *
          countInside(ow, strides[1], kernel[1], pad[2], input.getDimSize(2)));
    }
  return counts;
}

/// Returns the quantized average of docs/quantization.md:
/// (acc + (acc >= 0 ? n / 2 : -(n / 2))) / n, truncating.
static Value createRoundedAverage(OpBuilder &b, Location loc, Value acc,
                                  Value count) {
  Type i32 = b.getI32Type();
  Value zero = createIntConstant(b, loc, i32, 0);
  Value half =
      arith::DivSIOp::create(b, loc, count, createIntConstant(b, loc, i32, 2));
  Value nonNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, acc, zero);
  Value bias = arith::SelectOp::create(
      b, loc, nonNegative, half, arith::SubIOp::create(b, loc, zero, half));
  return arith::DivSIOp::create(
      b, loc, arith::AddIOp::create(b, loc, acc, bias), count);
}

namespace {

/// nn.max_pool2d -> tensor.pad (with the lowest value) + linalg.generic.
struct MaxPool2DLowering : public OpConversionPattern<nn::MaxPool2DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::MaxPool2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    Type element = resultType.getElementType();
    quant::QuantizedType quantized = getQuantizedElementType(op.getType());
    bool isSigned = quantized ? quantized.isSigned() : true;
    TypedAttr lowest =
        quantized ? TypedAttr(rewriter.getIntegerAttr(
                        element, quantized.getStorageTypeMin()))
                  : TypedAttr(rewriter.getFloatAttr(
                        element, -std::numeric_limits<float>::infinity()));
    Window w = createWindow(rewriter, loc, adaptor.getInput(), op.getKernel(),
                            op.getStrides(), op.getPad(), lowest);
    Value init = createFilled(rewriter, loc, resultType.getShape(),
                              arith::ConstantOp::create(rewriter, loc, lowest));
    Value result =
        createGeneric(
            rewriter, loc, {w.input, w.kernel}, init, w.maps, w.iterators,
            [&](OpBuilder &b, Location l,
                ValueRange args) -> SmallVector<Value> {
              if (!quantized)
                return {arith::MaximumFOp::create(b, l, args[0], args[2])};
              if (isSigned)
                return {arith::MaxSIOp::create(b, l, args[0], args[2])};
              return {arith::MaxUIOp::create(b, l, args[0], args[2])};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// nn.avg_pool2d -> tensor.pad + window sum + division by the count.
struct AvgPool2DLowering : public OpConversionPattern<nn::AvgPool2DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::AvgPool2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    std::optional<QuantParams> in = getPerTensorParams(op.getInput().getType());
    std::optional<QuantParams> out = getPerTensorParams(op.getType());
    bool quantized = in.has_value();
    if (quantized != out.has_value())
      return rewriter.notifyMatchFailure(op, "mixes f32 and quantized types");

    TypedAttr padValue =
        quantized
            ? TypedAttr(rewriter.getIntegerAttr(in->storageType, in->zeroPoint))
            : TypedAttr(rewriter.getF32FloatAttr(0.0f));
    TypedAttr zero = quantized ? TypedAttr(rewriter.getI32IntegerAttr(0))
                               : TypedAttr(rewriter.getF32FloatAttr(0.0f));
    Window w = createWindow(rewriter, loc, adaptor.getInput(), op.getKernel(),
                            op.getStrides(), op.getPad(), padValue);
    Value init = createFilled(rewriter, loc, resultType.getShape(),
                              arith::ConstantOp::create(rewriter, loc, zero));
    Value sum =
        createGeneric(
            rewriter, loc, {w.input, w.kernel}, init, w.maps, w.iterators,
            [&](OpBuilder &b, Location l,
                ValueRange args) -> SmallVector<Value> {
              if (!quantized)
                return {arith::AddFOp::create(b, l, args[2], args[0])};
              Value x = arith::SubIOp::create(
                  b, l, extendStorage(b, l, args[0], in->isSigned),
                  createIntConstant(b, l, b.getI32Type(), in->zeroPoint));
              return {arith::AddIOp::create(b, l, args[2], x)};
            })
            .front();

    // Divisors: one constant, or a compile-time [oh, ow] table.
    SmallVector<int32_t> counts = getPoolCounts(op);
    bool uniform = llvm::all_equal(counts);
    MLIRContext *context = rewriter.getContext();
    SmallVector<Value> inputs = {sum};
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(4)};
    if (!uniform) {
      auto countType = RankedTensorType::get(
          {resultType.getDimSize(1), resultType.getDimSize(2)},
          rewriter.getI32Type());
      inputs.push_back(arith::ConstantOp::create(
          rewriter, loc, DenseIntElementsAttr::get(countType, counts)));
      AffineExpr n, oh, ow, c;
      bindDims(context, n, oh, ow, c);
      maps.push_back(AffineMap::get(4, 0, {oh, ow}, context));
    }
    int32_t firstCount = counts.front();
    Value result = createElementwise(
        rewriter, loc, inputs, maps, resultType,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          Value count =
              uniform ? createIntConstant(b, l, b.getI32Type(), firstCount)
                      : args[1];
          if (!quantized) {
            Value divisor =
                arith::SIToFPOp::create(b, l, b.getF32Type(), count);
            return {arith::DivFOp::create(b, l, args[0], divisor)};
          }
          Value avg = createRoundedAverage(b, l, args[0], count);
          if (in->scale != out->scale)
            avg = createMBQM(b, l, avg, in->scale / out->scale);
          Value shifted = arith::AddIOp::create(
              b, l, avg,
              createIntConstant(b, l, b.getI32Type(), out->zeroPoint));
          return {saturateToStorage(b, l, shifted, *out)};
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// Mean
//===----------------------------------------------------------------------===//

/// Returns the reassociation that expands `reducedRank` kept dimensions into
/// the `rank` dimensions of a keep_dims result (reduced dimensions have size
/// 1 and join a neighbouring group).
static SmallVector<ReassociationIndices>
getKeepDimsReassociation(int64_t rank, ArrayRef<int64_t> axes) {
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices pending;
  for (int64_t d = 0; d < rank; ++d) {
    if (llvm::is_contained(axes, d)) {
      if (groups.empty())
        pending.push_back(d);
      else
        groups.back().push_back(d);
      continue;
    }
    pending.push_back(d);
    groups.push_back(pending);
    pending.clear();
  }
  return groups;
}

/// Returns the map from the loops of a `rank`-D iteration space to the
/// dimensions that are not in `axes`.
static AffineMap getDroppedAxesMap(int64_t rank, ArrayRef<int64_t> axes,
                                   MLIRContext *context) {
  SmallVector<AffineExpr> results;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(axes, d))
      results.push_back(getAffineDimExpr(d, context));
  return AffineMap::get(rank, 0, results, context);
}

/// Returns `shape` without the dimensions in `axes`.
static SmallVector<int64_t> dropAxes(ArrayRef<int64_t> shape,
                                     ArrayRef<int64_t> axes) {
  SmallVector<int64_t> result;
  for (auto [d, size] : llvm::enumerate(shape))
    if (!llvm::is_contained(axes, static_cast<int64_t>(d)))
      result.push_back(size);
  return result;
}

/// Returns a reduction linalg.generic that sums `input` over `axes` into a
/// tensor filled with `zero`, mapping each element through `term` first.
static Value
createAxesSum(OpBuilder &b, Location loc, Value input, ArrayRef<int64_t> axes,
              TypedAttr zero,
              const std::function<Value(OpBuilder &, Location, Value)> &term) {
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t rank = inputType.getRank();
  SmallVector<int64_t> shape = dropAxes(inputType.getShape(), axes);
  Value init =
      createFilled(b, loc, shape, arith::ConstantOp::create(b, loc, zero));
  SmallVector<utils::IteratorType> iterators = parallelIterators(rank);
  for (int64_t axis : axes)
    iterators[axis] = utils::IteratorType::reduction;
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank),
                                 getDroppedAxesMap(rank, axes, b.getContext())};
  bool isFloat = isa<FloatType>(zero.getType());
  return createGeneric(b, loc, input, init, maps, iterators,
                       [&](OpBuilder &nb, Location l,
                           ValueRange args) -> SmallVector<Value> {
                         Value x = term(nb, l, args[0]);
                         if (isFloat)
                           return {arith::AddFOp::create(nb, l, args[1], x)};
                         return {arith::AddIOp::create(nb, l, args[1], x)};
                       })
      .front();
}

namespace {

/// nn.mean -> reduction linalg.generic + scaling (+ tensor.expand_shape).
struct MeanLowering : public OpConversionPattern<nn::MeanOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::MeanOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    auto inputType = cast<RankedTensorType>(op.getInput().getType());
    ArrayRef<int64_t> axes = op.getAxes();
    int64_t count = 1;
    for (int64_t axis : axes)
      count *= inputType.getDimSize(axis);
    std::optional<QuantParams> in = getPerTensorParams(inputType);
    std::optional<QuantParams> out = getPerTensorParams(op.getType());
    if (in.has_value() != out.has_value())
      return rewriter.notifyMatchFailure(op, "mixes f32 and quantized types");
    SmallVector<int64_t> shape = dropAxes(inputType.getShape(), axes);
    auto reducedType =
        RankedTensorType::get(shape, resultType.getElementType());
    AffineMap identity = rewriter.getMultiDimIdentityMap(shape.size());
    Value result;
    if (!in) {
      Value sum = createAxesSum(
          rewriter, loc, adaptor.getInput(), axes, rewriter.getF32FloatAttr(0),
          [](OpBuilder &, Location, Value x) { return x; });
      result = createElementwise(
          rewriter, loc, sum, identity, reducedType,
          [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
            return {arith::DivFOp::create(
                b, l, args[0],
                createF32Constant(b, l, static_cast<float>(count)))};
          });
    } else {
      Value sum = createAxesSum(
          rewriter, loc, adaptor.getInput(), axes,
          rewriter.getI32IntegerAttr(0),
          [&](OpBuilder &b, Location l, Value q) -> Value {
            return arith::SubIOp::create(
                b, l, extendStorage(b, l, q, in->isSigned),
                createIntConstant(b, l, b.getI32Type(), in->zeroPoint));
          });
      double multiplier = in->scale / (out->scale * static_cast<double>(count));
      result = createElementwise(
          rewriter, loc, sum, identity, reducedType,
          [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
            Value scaled = createMBQM(b, l, args[0], multiplier);
            Value shifted = arith::AddIOp::create(
                b, l, scaled,
                createIntConstant(b, l, b.getI32Type(), out->zeroPoint));
            return {saturateToStorage(b, l, shifted, *out)};
          });
    }
    if (op.getKeepDims())
      result = tensor::ExpandShapeOp::create(
          rewriter, loc, resultType, result,
          getKeepDimsReassociation(inputType.getRank(), axes));
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// Softmax
//===----------------------------------------------------------------------===//

/// The fractional bits of the quantized softmax's exp table.
static constexpr int kSoftmaxExpBits = 20;

/// Returns the table E[d] = round_away(exp(-beta * s_in * d) * 2^20).
static Value createExpTable(OpBuilder &b, Location loc, double beta,
                            double inputScale) {
  SmallVector<int32_t> entries;
  for (int d = 0; d < 256; ++d)
    entries.push_back(static_cast<int32_t>(std::round(
        std::exp(-beta * inputScale * d) * double(1 << kSoftmaxExpBits))));
  return createI32TensorConstant(b, loc, entries);
}

/// Returns E[mx - q] from the table, as i32.
static Value lookupExp(OpBuilder &b, Location loc, Value table, Value q,
                       Value max, bool isSigned) {
  Value d =
      arith::SubIOp::create(b, loc, max, extendStorage(b, loc, q, isSigned));
  Value index = arith::IndexCastOp::create(b, loc, b.getIndexType(), d);
  return tensor::ExtractOp::create(b, loc, table, index);
}

namespace {

/// nn.softmax -> max, sum and normalization linalg.generic ops.
struct SoftmaxLowering : public OpConversionPattern<nn::SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    std::optional<QuantParams> in = getPerTensorParams(op.getInput().getType());
    std::optional<QuantParams> out = getPerTensorParams(op.getType());
    if (in.has_value() != out.has_value())
      return rewriter.notifyMatchFailure(op, "mixes f32 and quantized types");
    Value result =
        in ? lowerQuantized(op, adaptor.getInput(), *in, *out, resultType,
                            rewriter)
           : lowerFloat(op, adaptor.getInput(), resultType, rewriter);
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  /// Returns the row maximum (reduced shape) of `input`, combined by
  /// `combine` into a tensor filled with `lowest`.
  static Value createRowMax(OpBuilder &b, Location loc, Value input,
                            int64_t axis, TypedAttr lowest,
                            const std::function<Value(OpBuilder &, Location,
                                                      Value, Value)> &combine) {
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = inputType.getRank();
    SmallVector<int64_t> shape = dropAxes(inputType.getShape(), axis);
    Value init =
        createFilled(b, loc, shape, arith::ConstantOp::create(b, loc, lowest));
    SmallVector<utils::IteratorType> iterators = parallelIterators(rank);
    iterators[axis] = utils::IteratorType::reduction;
    SmallVector<AffineMap> maps = {
        b.getMultiDimIdentityMap(rank),
        getDroppedAxesMap(rank, axis, b.getContext())};
    return createGeneric(b, loc, input, init, maps, iterators,
                         [&](OpBuilder &nb, Location l,
                             ValueRange args) -> SmallVector<Value> {
                           return {combine(nb, l, args[0], args[1])};
                         })
        .front();
  }

  /// Returns the sum over `axis` of term(x, rowValue) in a tensor filled with
  /// `zero`.
  static Value createRowSum(
      OpBuilder &b, Location loc, Value input, Value row, int64_t axis,
      TypedAttr zero,
      const std::function<Value(OpBuilder &, Location, Value, Value)> &term) {
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = inputType.getRank();
    SmallVector<int64_t> shape = dropAxes(inputType.getShape(), axis);
    Value init =
        createFilled(b, loc, shape, arith::ConstantOp::create(b, loc, zero));
    SmallVector<utils::IteratorType> iterators = parallelIterators(rank);
    iterators[axis] = utils::IteratorType::reduction;
    AffineMap rowMap = getDroppedAxesMap(rank, axis, b.getContext());
    SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank), rowMap,
                                   rowMap};
    bool isFloat = isa<FloatType>(zero.getType());
    return createGeneric(b, loc, {input, row}, init, maps, iterators,
                         [&](OpBuilder &nb, Location l,
                             ValueRange args) -> SmallVector<Value> {
                           Value t = term(nb, l, args[0], args[1]);
                           if (isFloat)
                             return {arith::AddFOp::create(nb, l, args[2], t)};
                           return {arith::AddIOp::create(nb, l, args[2], t)};
                         })
        .front();
  }

  static Value lowerFloat(nn::SoftmaxOp op, Value input,
                          RankedTensorType resultType, OpBuilder &b) {
    Location loc = op.getLoc();
    int64_t axis = op.getAxis();
    float beta = op.getBeta().convertToFloat();
    Value max = createRowMax(
        b, loc, input, axis,
        b.getF32FloatAttr(-std::numeric_limits<float>::infinity()),
        [](OpBuilder &nb, Location l, Value x, Value acc) -> Value {
          return arith::MaximumFOp::create(nb, l, x, acc);
        });
    auto scaledExp = [beta](OpBuilder &nb, Location l, Value x,
                            Value mx) -> Value {
      Value diff = arith::SubFOp::create(nb, l, x, mx);
      Value scaled =
          arith::MulFOp::create(nb, l, createF32Constant(nb, l, beta), diff);
      return math::ExpOp::create(nb, l, scaled);
    };
    Value sum =
        createRowSum(b, loc, input, max, axis, b.getF32FloatAttr(0), scaledExp);
    int64_t rank = resultType.getRank();
    AffineMap rowMap = getDroppedAxesMap(rank, axis, b.getContext());
    return createElementwise(
        b, loc, {input, max, sum},
        {b.getMultiDimIdentityMap(rank), rowMap, rowMap}, resultType,
        [&](OpBuilder &nb, Location l, ValueRange args) -> SmallVector<Value> {
          return {arith::DivFOp::create(
              nb, l, scaledExp(nb, l, args[0], args[1]), args[2])};
        });
  }

  static Value lowerQuantized(nn::SoftmaxOp op, Value input,
                              const QuantParams &in, const QuantParams &out,
                              RankedTensorType resultType, OpBuilder &b) {
    Location loc = op.getLoc();
    int64_t axis = op.getAxis();
    double beta = op.getBeta().convertToDouble();
    Value table = createExpTable(b, loc, beta, in.scale);
    bool isSigned = in.isSigned;
    Value max = createRowMax(
        b, loc, input, axis, b.getI32IntegerAttr(INT32_MIN),
        [isSigned](OpBuilder &nb, Location l, Value q, Value acc) -> Value {
          return arith::MaxSIOp::create(nb, l,
                                        extendStorage(nb, l, q, isSigned), acc);
        });
    Type i64 = b.getI64Type();
    Value sum = createRowSum(
        b, loc, input, max, axis, b.getI64IntegerAttr(0),
        [&](OpBuilder &nb, Location l, Value q, Value mx) -> Value {
          Value e = lookupExp(nb, l, table, q, mx, isSigned);
          return arith::ExtSIOp::create(nb, l, i64, e);
        });
    int64_t k = static_cast<int64_t>(std::round(65536.0 / out.scale));
    int64_t rank = resultType.getRank();
    AffineMap rowMap = getDroppedAxesMap(rank, axis, b.getContext());
    return createElementwise(
        b, loc, {input, max, sum},
        {b.getMultiDimIdentityMap(rank), rowMap, rowMap}, resultType,
        [&](OpBuilder &nb, Location l, ValueRange args) -> SmallVector<Value> {
          Value e = arith::ExtSIOp::create(
              nb, l, i64, lookupExp(nb, l, table, args[0], args[1], isSigned));
          Value rowSum = args[2];
          Value numerator = arith::AddIOp::create(
              nb, l,
              arith::MulIOp::create(nb, l, e, createIntConstant(nb, l, i64, k)),
              arith::MulIOp::create(nb, l, rowSum,
                                    createIntConstant(nb, l, i64, 1 << 15)));
          Value denominator = arith::MulIOp::create(
              nb, l, rowSum, createIntConstant(nb, l, i64, 1 << 16));
          Value quotient =
              arith::FloorDivSIOp::create(nb, l, numerator, denominator);
          Value shifted = arith::AddIOp::create(
              nb, l, quotient, createIntConstant(nb, l, i64, out.zeroPoint));
          return {saturateToStorage(nb, l, shifted, out)};
        });
  }
};

} // namespace

void nnlowering::populateReductionPatterns(const TypeConverter &converter,
                                           RewritePatternSet &patterns) {
  patterns
      .add<MaxPool2DLowering, AvgPool2DLowering, MeanLowering, SoftmaxLowering>(
          converter, patterns.getContext());
}
