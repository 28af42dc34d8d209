//===- OptimizeLayout.cpp - Remove the layout transposes of NCHW imports --===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Importers wrap every NHWC operator of an NCHW model in a pair of
// nn.transpose ops. The patterns here sink each transpose below the
// layout-agnostic operators that follow it (remapping their attributes and
// permuting broadcast constants at compile time) until it meets the inverse
// transpose of the next NHWC operator and cancels, hoist the transposes that
// read function arguments above element-wise chains to the argument, and
// finally turn the transposes that only move unit dimensions into reshapes.
// Transposes stay where moving them would not remove one.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace morsel::nn {
#define GEN_PASS_DEF_NNOPTIMIZELAYOUT
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"
} // namespace morsel::nn

using namespace mlir;
using namespace morsel::nn;

/// A non-splat constant shared with other users is copied (permuted) for one
/// user only up to this many elements; larger ones keep their transpose.
static constexpr int64_t kMaxCopiedConstantElements = 1024;

//===----------------------------------------------------------------------===//
// Permutation helpers
//===----------------------------------------------------------------------===//

/// Returns true if `perm` maps every dimension to itself.
static bool isIdentity(ArrayRef<int64_t> perm) {
  for (auto [index, dim] : llvm::enumerate(perm))
    if (static_cast<int64_t>(index) != dim)
      return false;
  return true;
}

/// Returns the permutation that undoes `perm`.
static SmallVector<int64_t> invert(ArrayRef<int64_t> perm) {
  SmallVector<int64_t> inverse(perm.size());
  for (auto [index, dim] : llvm::enumerate(perm))
    inverse[dim] = index;
  return inverse;
}

/// Returns `values` permuted by `perm`: entry `k` is `values[perm[k]]`.
static SmallVector<int64_t> permute(ArrayRef<int64_t> values,
                                    ArrayRef<int64_t> perm) {
  SmallVector<int64_t> result;
  for (int64_t dim : perm)
    result.push_back(values[dim]);
  return result;
}

/// Returns true if transposing a tensor of `shape` by `perm` keeps its
/// elements in row-major order, i.e. the permutation only moves unit
/// dimensions and is a reshape.
static bool isReshapeEquivalent(ArrayRef<int64_t> shape,
                                ArrayRef<int64_t> perm) {
  int64_t last = -1;
  for (int64_t dim : perm) {
    if (shape[dim] == 1)
      continue;
    if (dim < last)
      return false;
    last = dim;
  }
  return true;
}

/// Returns `type` with leading unit dimensions added up to `rank` (NumPy
/// broadcasting aligns shapes from the right).
static RankedTensorType expandRank(RankedTensorType type, int64_t rank) {
  SmallVector<int64_t> shape(rank - type.getRank(), 1);
  llvm::append_range(shape, type.getShape());
  return RankedTensorType::get(shape, type.getElementType());
}

/// Returns true unless `type` has per-axis quantized elements (which only
/// weights have, and which nn.transpose does not accept).
static bool isPerTensor(Type type) {
  return !isa<quant::UniformQuantizedPerAxisType>(
      cast<ShapedType>(type).getElementType());
}

//===----------------------------------------------------------------------===//
// Shared matching and building
//===----------------------------------------------------------------------===//

/// Returns true for the operators a transpose can move below.
static bool isLayoutAgnostic(Operation *op) {
  return isa<TransposeOp, ClampOp, HardSwishOp, HardSigmoidOp, SigmoidOp,
             QuantizeOp, DequantizeOp, RequantizeOp, AddOp, MulOp, PadOp,
             ConcatOp, SliceOp, SoftmaxOp, MeanOp, ReshapeOp>(op);
}

/// Returns the transpose that defines `value` if it may sink below its users:
/// it does not read a function argument (those stay at the boundary) and
/// either `value` has one user or every user can take the transpose, so that
/// sinking below one of them does not leave a copy behind for good.
static TransposeOp getSinkableTranspose(Value value) {
  auto transpose = value.getDefiningOp<TransposeOp>();
  if (!transpose || isa<BlockArgument>(transpose.getInput()))
    return {};
  if (!value.hasOneUse() && !llvm::all_of(value.getUsers(), isLayoutAgnostic))
    return {};
  return transpose;
}

/// Returns the data of `value`, a constant of rank at most `rank`, expanded
/// to `rank` and permuted by `perm`; null if it is not such a constant, if
/// copying it would duplicate a large constant, or if its data is opaque.
static DenseElementsAttr getPermutedConstantData(Value value, int64_t rank,
                                                 ArrayRef<int64_t> perm) {
  auto constant = value.getDefiningOp<ConstantOp>();
  if (!constant || constant.getType().getRank() > rank)
    return {};
  ElementsAttr data = constant.getValue();
  if (!data.isSplat() && !value.hasOneUse() &&
      data.getNumElements() > kMaxCopiedConstantElements)
    return {};
  return TransposeOp::permuteElements(
      data, expandRank(constant.getType(), rank).getShape(), perm);
}

/// Creates the constant whose data `getPermutedConstantData` computed for
/// `value` (expanded to `rank`, permuted by `perm`).
static Value createPermutedConstant(PatternRewriter &rewriter, Value value,
                                    DenseElementsAttr data, int64_t rank,
                                    ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(value.getType());
  return ConstantOp::create(
      rewriter, value.getLoc(),
      TransposeOp::getPermutedType(expandRank(type, rank), perm), data);
}

/// Creates a copy of the single-result `op` on `operands` with result type
/// `type`, keeping its attributes.
static Value cloneWith(PatternRewriter &rewriter, Operation *op,
                       ValueRange operands, Type type) {
  IRMapping mapping;
  mapping.map(op->getOperands(), operands);
  Operation *clone = rewriter.clone(*op, mapping);
  clone->getResult(0).setType(type);
  return clone->getResult(0);
}

/// Returns the type `op`'s result has when its operands are transposed by
/// `perm`.
static RankedTensorType getPermutedResultType(Operation *op,
                                              ArrayRef<int64_t> perm) {
  return TransposeOp::getPermutedType(
      cast<RankedTensorType>(op->getResult(0).getType()), perm);
}

namespace {

//===----------------------------------------------------------------------===//
// Sinking transposes below element-wise operators
//===----------------------------------------------------------------------===//

/// Sinks a transpose below a unary element-wise, clamp or quantization op.
template <typename OpTy>
struct SinkTransposeThroughUnary : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    TransposeOp transpose = getSinkableTranspose(op->getOperand(0));
    if (!transpose || !isPerTensor(op.getType()))
      return failure();
    ArrayRef<int64_t> perm = transpose.getPerm();
    Value inner = cloneWith(rewriter, op, transpose.getInput(),
                            getPermutedResultType(op, invert(perm)));
    rewriter.replaceOpWithNewOp<TransposeOp>(op, inner, perm);
    return success();
  }
};

/// The other operand of a binary op, brought into the layout before the
/// transpose that sinks: the input of the same transpose, a permuted
/// constant, or a value transposed back (reshaped to full rank first).
struct OtherOperand {
  Value value;
  DenseElementsAttr constant;
  bool transposeBack = false;
};

/// Sinks a transpose below add/mul when the other operand carries the same
/// transpose, is a constant (expanded to full rank and permuted at compile
/// time), or is a smaller broadcast value or a function argument that can be
/// transposed back.
template <typename OpTy>
struct SinkTransposeThroughBinary : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    for (unsigned index : {0u, 1u}) {
      TransposeOp transpose = getSinkableTranspose(op->getOperand(index));
      if (!transpose || transpose.getType().getRank() != op.getType().getRank())
        continue;
      std::optional<OtherOperand> other =
          matchOther(op, transpose, op->getOperand(1 - index));
      if (!other)
        continue;
      ArrayRef<int64_t> perm = transpose.getPerm();
      SmallVector<Value, 2> operands(2);
      operands[index] = transpose.getInput();
      operands[1 - index] =
          buildOther(rewriter, op->getOperand(1 - index), *other, invert(perm));
      Value inner = cloneWith(rewriter, op, operands,
                              getPermutedResultType(op, invert(perm)));
      rewriter.replaceOpWithNewOp<TransposeOp>(op, inner, perm);
      return success();
    }
    return failure();
  }

  /// Decides how `other` follows `transpose` below `op`, if it can.
  static std::optional<OtherOperand> matchOther(OpTy op, TransposeOp transpose,
                                                Value other) {
    ArrayRef<int64_t> perm = transpose.getPerm();
    int64_t rank = perm.size();
    if (auto otherTranspose = other.getDefiningOp<TransposeOp>())
      if (otherTranspose.getPerm() == perm)
        return OtherOperand{otherTranspose.getInput(), {}, false};
    auto otherType = cast<RankedTensorType>(other.getType());
    if (otherType.getRank() > rank)
      return std::nullopt;
    if (other.getDefiningOp<ConstantOp>()) {
      if (DenseElementsAttr data =
              getPermutedConstantData(other, rank, invert(perm)))
        return OtherOperand{{}, data, false};
      return std::nullopt;
    }
    // Transposing the other operand back must be cheaper than the transpose
    // that sinks (a broadcast value), or belong to the function boundary; the
    // sinking operand must be full-size so that this never runs backwards.
    bool smaller = otherType.getNumElements() < op.getType().getNumElements();
    if (transpose.getType().getShape() != op.getType().getShape() ||
        !(smaller || isa<BlockArgument>(other)))
      return std::nullopt;
    return OtherOperand{{}, {}, true};
  }

  /// Creates the other operand in the layout before the transpose.
  static Value buildOther(PatternRewriter &rewriter, Value other,
                          const OtherOperand &plan, ArrayRef<int64_t> inverse) {
    int64_t rank = inverse.size();
    if (plan.constant)
      return createPermutedConstant(rewriter, other, plan.constant, rank,
                                    inverse);
    if (!plan.transposeBack)
      return plan.value;
    auto type = cast<RankedTensorType>(other.getType());
    Value full = other;
    if (type.getRank() < rank)
      full = ReshapeOp::create(rewriter, other.getLoc(), expandRank(type, rank),
                               other);
    return TransposeOp::create(rewriter, other.getLoc(), full, inverse);
  }
};

//===----------------------------------------------------------------------===//
// Sinking transposes below data movement and reductions
//===----------------------------------------------------------------------===//

/// Sinks a transpose below nn.pad, permuting the pads.
struct SinkTransposeThroughPad : OpRewritePattern<PadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(PadOp op,
                                PatternRewriter &rewriter) const override {
    TransposeOp transpose = getSinkableTranspose(op.getInput());
    if (!transpose)
      return failure();
    SmallVector<int64_t> inverse = invert(transpose.getPerm());
    Value pad = PadOp::create(
        rewriter, op.getLoc(), transpose.getInput(),
        rewriter.getDenseI64ArrayAttr(permute(op.getLow(), inverse)),
        rewriter.getDenseI64ArrayAttr(permute(op.getHigh(), inverse)),
        op.getValueAttr());
    rewriter.replaceOpWithNewOp<TransposeOp>(op, pad, transpose.getPerm());
    return success();
  }
};

/// Sinks a transpose below nn.slice, permuting offsets, sizes and strides.
struct SinkTransposeThroughSlice : OpRewritePattern<SliceOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SliceOp op,
                                PatternRewriter &rewriter) const override {
    TransposeOp transpose = getSinkableTranspose(op.getInput());
    if (!transpose)
      return failure();
    SmallVector<int64_t> inverse = invert(transpose.getPerm());
    Value slice = SliceOp::create(
        rewriter, op.getLoc(), transpose.getInput(),
        rewriter.getDenseI64ArrayAttr(permute(op.getOffsets(), inverse)),
        rewriter.getDenseI64ArrayAttr(permute(op.getSizes(), inverse)),
        rewriter.getDenseI64ArrayAttr(permute(op.getStrides(), inverse)));
    rewriter.replaceOpWithNewOp<TransposeOp>(op, slice, transpose.getPerm());
    return success();
  }
};

/// Sinks a transpose below nn.softmax, remapping the axis.
struct SinkTransposeThroughSoftmax : OpRewritePattern<SoftmaxOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SoftmaxOp op,
                                PatternRewriter &rewriter) const override {
    TransposeOp transpose = getSinkableTranspose(op.getInput());
    if (!transpose)
      return failure();
    ArrayRef<int64_t> perm = transpose.getPerm();
    Value softmax = SoftmaxOp::create(
        rewriter, op.getLoc(), getPermutedResultType(op, invert(perm)),
        transpose.getInput(), rewriter.getI64IntegerAttr(perm[op.getAxis()]),
        op.getBetaAttr());
    rewriter.replaceOpWithNewOp<TransposeOp>(op, softmax, perm);
    return success();
  }
};

/// Sinks transposes below nn.concat when every input carries the same
/// transpose or is a constant, remapping the axis.
struct SinkTransposeThroughConcat : OpRewritePattern<ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConcatOp op,
                                PatternRewriter &rewriter) const override {
    TransposeOp first;
    for (Value input : op.getInputs())
      if ((first = getSinkableTranspose(input)))
        break;
    if (!first)
      return failure();
    ArrayRef<int64_t> perm = first.getPerm();
    SmallVector<int64_t> inverse = invert(perm);
    int64_t rank = perm.size();
    SmallVector<DenseElementsAttr> constants;
    for (Value input : op.getInputs()) {
      auto transpose = input.getDefiningOp<TransposeOp>();
      DenseElementsAttr data;
      if (!(transpose && transpose.getPerm() == perm) &&
          !(data = getPermutedConstantData(input, rank, inverse)))
        return failure();
      constants.push_back(data);
    }
    SmallVector<Value> inputs;
    for (auto [input, data] : llvm::zip_equal(op.getInputs(), constants))
      inputs.push_back(
          data ? createPermutedConstant(rewriter, input, data, rank, inverse)
               : input.getDefiningOp<TransposeOp>().getInput());
    Value concat =
        ConcatOp::create(rewriter, op.getLoc(), inputs,
                         rewriter.getI64IntegerAttr(perm[op.getAxis()]));
    rewriter.replaceOpWithNewOp<TransposeOp>(op, concat, perm);
    return success();
  }
};

/// Sinks a transpose below nn.mean, remapping the axes; without keep_dims the
/// transpose that remains orders the kept dimensions as before (and vanishes
/// when they already are in order).
struct SinkTransposeThroughMean : OpRewritePattern<MeanOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MeanOp op,
                                PatternRewriter &rewriter) const override {
    TransposeOp transpose = getSinkableTranspose(op.getInput());
    if (!transpose)
      return failure();
    ArrayRef<int64_t> perm = transpose.getPerm();
    SmallVector<int64_t> axes;
    for (int64_t axis : op.getAxes())
      axes.push_back(perm[axis]);
    llvm::sort(axes);
    RankedTensorType type = getPermutedResultType(op, invert(perm));
    SmallVector<int64_t> resultPerm(perm);
    if (!op.getKeepDims())
      std::tie(type, resultPerm) = getReducedLayout(op, transpose);
    Value mean = MeanOp::create(rewriter, op.getLoc(), type,
                                transpose.getInput(), axes, op.getKeepDims());
    if (!isIdentity(resultPerm))
      mean = TransposeOp::create(rewriter, op.getLoc(), mean, resultPerm);
    rewriter.replaceOp(op, mean);
    return success();
  }

  /// Returns the result type of the mean without keep_dims on the
  /// transpose's input, and the permutation from it to `op`'s result.
  static std::pair<RankedTensorType, SmallVector<int64_t>>
  getReducedLayout(MeanOp op, TransposeOp transpose) {
    // Kept source dimensions in the order `op`'s result lists them.
    SmallVector<int64_t> kept;
    for (auto [dim, source] : llvm::enumerate(transpose.getPerm()))
      if (!llvm::is_contained(op.getAxes(), static_cast<int64_t>(dim)))
        kept.push_back(source);
    SmallVector<int64_t> sorted(kept);
    llvm::sort(sorted);
    ArrayRef<int64_t> sourceShape = transpose.getInput().getType().getShape();
    SmallVector<int64_t> shape, resultPerm;
    for (int64_t source : sorted)
      shape.push_back(sourceShape[source]);
    for (int64_t source : kept)
      resultPerm.push_back(llvm::find(sorted, source) - sorted.begin());
    return {RankedTensorType::get(shape, op.getType().getElementType()),
            resultPerm};
  }
};

//===----------------------------------------------------------------------===//
// Transposes and reshapes
//===----------------------------------------------------------------------===//

/// A group of consecutive input dimensions of a reshape and the consecutive
/// output dimensions they become.
struct DimGroup {
  SmallVector<int64_t> in, out;
};

/// Splits a reshape from `in` to `out` into groups of dimensions with equal
/// element counts; trailing unit dimensions join the last group.
static std::optional<SmallVector<DimGroup>>
groupReshapeDims(ArrayRef<int64_t> in, ArrayRef<int64_t> out) {
  if (llvm::is_contained(in, 0) || llvm::is_contained(out, 0))
    return std::nullopt;
  SmallVector<DimGroup> groups;
  size_t i = 0, j = 0;
  while (i < in.size() && j < out.size()) {
    DimGroup group;
    int64_t inCount = in[i], outCount = out[j];
    group.in.push_back(i++);
    group.out.push_back(j++);
    while (inCount != outCount) {
      if (inCount < outCount) {
        if (i == in.size())
          return std::nullopt;
        inCount *= in[i];
        group.in.push_back(i++);
      } else {
        if (j == out.size())
          return std::nullopt;
        outCount *= out[j];
        group.out.push_back(j++);
      }
    }
    groups.push_back(std::move(group));
  }
  if (groups.empty())
    return std::nullopt;
  for (; i < in.size(); ++i) {
    if (in[i] != 1)
      return std::nullopt;
    groups.back().in.push_back(i);
  }
  for (; j < out.size(); ++j) {
    if (out[j] != 1)
      return std::nullopt;
    groups.back().out.push_back(j);
  }
  return groups;
}

/// Moves a transpose below nn.reshape. A transpose that only moves unit
/// dimensions disappears; otherwise, when the reshape splits or merges
/// groups of dimensions, the transpose becomes one within groups before the
/// reshape (none for a channel split such as a channel shuffle's) and one of
/// whole groups after it, which sinks further.
struct SinkTransposeThroughReshape : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    TransposeOp transpose = getSinkableTranspose(op.getInput());
    if (!transpose)
      return failure();
    Value source = transpose.getInput();
    ArrayRef<int64_t> sourceShape = transpose.getInput().getType().getShape();
    ArrayRef<int64_t> perm = transpose.getPerm();
    if (isReshapeEquivalent(sourceShape, perm)) {
      rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(), source);
      return success();
    }
    std::optional<SmallVector<DimGroup>> groups = groupReshapeDims(
        transpose.getType().getShape(), op.getType().getShape());
    if (!groups)
      return failure();

    // Keep the groups in the order of their source dimensions (keys are
    // distinct: no two groups share a dimension).
    SmallVector<int64_t> keys, order;
    for (const DimGroup &group : *groups) {
      order.push_back(keys.size());
      keys.push_back(getSourceKey(group, perm, sourceShape));
    }
    llvm::sort(order, [&](int64_t a, int64_t b) { return keys[a] < keys[b]; });
    SmallVector<int64_t> innerPerm, middleShape,
        position(op.getType().getRank());
    for (int64_t index : order) {
      const DimGroup &group = (*groups)[index];
      for (int64_t dim : group.in)
        innerPerm.push_back(perm[dim]);
      for (int64_t dim : group.out) {
        position[dim] = middleShape.size();
        middleShape.push_back(op.getType().getDimSize(dim));
      }
    }
    // `position` is the transpose after the reshape; progress means it moves
    // data, so that this pattern never applies to its own result.
    if (isReshapeEquivalent(middleShape, position))
      return failure();
    Value inner = source;
    if (!isReshapeEquivalent(sourceShape, innerPerm))
      inner = TransposeOp::create(rewriter, op.getLoc(), source, innerPerm);
    Value reshape = ReshapeOp::create(
        rewriter, op.getLoc(),
        RankedTensorType::get(middleShape, op.getType().getElementType()),
        inner);
    rewriter.replaceOpWithNewOp<TransposeOp>(op, reshape, position);
    return success();
  }

  /// Returns the first source dimension of `group` that is not a unit one
  /// (the first one if all are).
  static int64_t getSourceKey(const DimGroup &group, ArrayRef<int64_t> perm,
                              ArrayRef<int64_t> sourceShape) {
    int64_t first = perm[group.in.front()], firstNonUnit = -1;
    for (int64_t dim : group.in) {
      first = std::min(first, perm[dim]);
      if (sourceShape[perm[dim]] != 1 &&
          (firstNonUnit < 0 || perm[dim] < firstNonUnit))
        firstNonUnit = perm[dim];
    }
    return firstNonUnit >= 0 ? firstNonUnit : first;
  }
};

/// Replaces a transpose by an identical one earlier in the same block, so
/// that an input transposed for several users is transposed once.
struct ReuseEarlierTranspose : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    for (Operation *user : op.getInput().getUsers()) {
      auto other = dyn_cast<TransposeOp>(user);
      if (other && other != op && other.getPerm() == op.getPerm() &&
          other->getBlock() == op->getBlock() && other->isBeforeInBlock(op)) {
        rewriter.replaceOp(op, other.getResult());
        return success();
      }
    }
    return failure();
  }
};

/// Replaces a transpose that only moves unit dimensions by a reshape.
struct TransposeUnitDimsToReshape : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    if (!isReshapeEquivalent(op.getInput().getType().getShape(), op.getPerm()))
      return failure();
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(), op.getInput());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Hoisting transposes to function arguments
//===----------------------------------------------------------------------===//

/// Creates `perm` applied to `value`, composed with the transpose that
/// defines `value` if any.
static Value createComposedTranspose(PatternRewriter &rewriter, Location loc,
                                     Value value, ArrayRef<int64_t> perm) {
  SmallVector<int64_t> composed(perm);
  if (auto producer = value.getDefiningOp<TransposeOp>()) {
    composed = permute(producer.getPerm(), perm);
    value = producer.getInput();
  }
  if (isIdentity(composed))
    return value;
  return TransposeOp::create(rewriter, loc, value, composed);
}

/// Returns the operand of `op` through which a transpose by `perm` can be
/// hoisted: the input of a unary element-wise, clamp or quantization op,
/// or the non-constant operand of add/mul with a constant.
static std::optional<unsigned> getHoistOperand(Operation *op,
                                               ArrayRef<int64_t> perm) {
  if (isa<ClampOp, HardSwishOp, HardSigmoidOp, SigmoidOp, QuantizeOp,
          DequantizeOp, RequantizeOp>(op)) {
    if (!isPerTensor(op->getOperand(0).getType()) ||
        !isPerTensor(op->getResult(0).getType()))
      return std::nullopt;
    return 0;
  }
  if (!isa<AddOp, MulOp>(op))
    return std::nullopt;
  int64_t rank = perm.size();
  for (unsigned index : {0u, 1u})
    if (cast<RankedTensorType>(op->getOperand(index).getType()).getRank() ==
            rank &&
        getPermutedConstantData(op->getOperand(1 - index), rank, perm))
      return index;
  return std::nullopt;
}

/// Hoists the transposes of a chain of element-wise ops (quantize,
/// dequantize, clamp, add/mul with a constant, ...) that starts at a function
/// argument (possibly transposed already) to the argument, so that the chain
/// runs in the transposed layout and an input's QDQ pair feeds its operator.
/// Inside the function, sinking does the same work, and the two would undo
/// each other.
struct HoistTransposeToArgument : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    ArrayRef<int64_t> perm = op.getPerm();
    Value bottom = op.getInput();
    SmallVector<TransposeOp> users;
    for (Operation *user : bottom.getUsers()) {
      auto transpose = dyn_cast<TransposeOp>(user);
      if (!transpose || transpose.getPerm() != perm)
        return failure();
      users.push_back(transpose);
    }
    // Walk up single-use element-wise ops to an argument.
    SmallVector<std::pair<Operation *, unsigned>> chain;
    Value top = bottom;
    while (Operation *def = top.getDefiningOp()) {
      if (auto transpose = dyn_cast<TransposeOp>(def))
        if (isa<BlockArgument>(transpose.getInput()))
          break;
      std::optional<unsigned> index = getHoistOperand(def, perm);
      if (!index || (top != bottom && !top.hasOneUse()))
        return failure();
      chain.push_back({def, *index});
      top = def->getOperand(*index);
    }
    if (chain.empty())
      return failure();

    rewriter.setInsertionPointAfter(chain.front().first);
    Value current = createComposedTranspose(rewriter, op.getLoc(), top, perm);
    int64_t rank = perm.size();
    for (auto [def, index] : llvm::reverse(chain)) {
      SmallVector<Value, 2> operands;
      for (auto [i, operand] : llvm::enumerate(def->getOperands()))
        operands.push_back(
            i == index ? current
                       : createPermutedConstant(
                             rewriter, operand,
                             getPermutedConstantData(operand, rank, perm), rank,
                             perm));
      current =
          cloneWith(rewriter, def, operands, getPermutedResultType(def, perm));
    }
    for (TransposeOp user : users)
      rewriter.replaceOp(user, current);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

/// Adds the patterns that move transposes until they cancel.
static void populateSinkingPatterns(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  TransposeOp::getCanonicalizationPatterns(patterns, context);
  patterns
      .add<SinkTransposeThroughUnary<ClampOp>,
           SinkTransposeThroughUnary<HardSwishOp>,
           SinkTransposeThroughUnary<HardSigmoidOp>,
           SinkTransposeThroughUnary<SigmoidOp>,
           SinkTransposeThroughUnary<QuantizeOp>,
           SinkTransposeThroughUnary<DequantizeOp>,
           SinkTransposeThroughUnary<RequantizeOp>,
           SinkTransposeThroughBinary<AddOp>, SinkTransposeThroughBinary<MulOp>,
           SinkTransposeThroughPad, SinkTransposeThroughSlice,
           SinkTransposeThroughSoftmax, SinkTransposeThroughConcat,
           SinkTransposeThroughMean, SinkTransposeThroughReshape,
           HoistTransposeToArgument, ReuseEarlierTranspose>(context);
}

struct NNOptimizeLayoutPass
    : public morsel::nn::impl::NNOptimizeLayoutBase<NNOptimizeLayoutPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet sinking(context);
    populateSinkingPatterns(sinking);
    // Unit-dimension transposes become reshapes only once nothing moves any
    // more: as transposes they still cancel against their inverses.
    RewritePatternSet cleanup(context);
    cleanup.add<TransposeUnitDimsToReshape>(context);
    // Producers first, so that a transpose sinks all the way in one sweep.
    GreedyRewriteConfig config;
    config.setUseTopDownTraversal();
    if (failed(applyPatternsGreedily(getOperation(), std::move(sinking),
                                     config)) ||
        failed(applyPatternsGreedily(getOperation(), std::move(cleanup),
                                     config))) {
      getOperation().emitError("nn-optimize-layout did not converge");
      signalPassFailure();
    }
  }
};

} // namespace
