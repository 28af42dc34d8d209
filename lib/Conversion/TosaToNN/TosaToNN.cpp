//===- TosaToNN.cpp - Convert TOSA to nn ----------------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The pass convert-tosa-to-nn and the patterns of constants, element-wise
// operators, max pooling and data movement. Element types carry over
// unchanged (f32, or the frontend's !quant.uniform types), so no type
// converter is involved: every pattern replaces TOSA values by nn values of
// the same type, and a final walk reports each TOSA operator left over with
// the reason its pattern gave.
//
//===----------------------------------------------------------------------===//

#include "TosaToNNPatterns.h"

#include "morsel/Conversion/Passes.h"
#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Support/FixedPoint.h"

#include "mlir/Dialect/Tosa/Utils/ConversionUtils.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <limits>

namespace morsel {
#define GEN_PASS_DEF_CONVERTTOSATONN
#include "morsel/Conversion/Passes.h.inc"
} // namespace morsel

using namespace mlir;
using namespace morsel;
using namespace morsel::tosa_to_nn;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Checks the common case of a one-input operator: static shapes, and input
/// and output of the same nn element kind.
static Reason checkUnary(Operation *op) {
  if (Reason why = checkStaticShapes(op))
    return why;
  return checkSameActivationKind({op->getOperand(0), op->getResult(0)});
}

/// Checks that an operator moving values keeps the element type (including
/// the quantization parameters).
static Reason checkDataMovement(Operation *op) {
  if (Reason why = checkUnary(op))
    return why;
  if (getElementTypeOrSelf(op->getOperand(0)) !=
      getElementTypeOrSelf(op->getResult(0)))
    return because("changes the element type from ",
                   getElementTypeOrSelf(op->getOperand(0)), " to ",
                   getElementTypeOrSelf(op->getResult(0)));
  return std::nullopt;
}

/// Checks that a nan_mode is PROPAGATE, the behaviour nn assumes.
static Reason checkNanMode(tosa::NanPropagationMode mode) {
  if (mode != tosa::NanPropagationMode::PROPAGATE)
    return std::string("uses nan_mode IGNORE; nn operators propagate NaN");
  return std::nullopt;
}

/// Returns the real value of the stored integer `q` of `type`, or
/// std::nullopt if nn would not quantize it back to exactly `q` (with
/// `round_away(value / scale)` as docs/quantization.md defines).
static std::optional<float> dequantizeExactly(quant::UniformQuantizedType type,
                                              int64_t q) {
  float value = static_cast<float>((q - type.getZeroPoint()) * type.getScale());
  int64_t back = type.getZeroPoint() +
                 static_cast<int64_t>(std::round(value / type.getScale()));
  if (back != q)
    return std::nullopt;
  return value;
}

/// Returns the values of a tosa.const_shape operand.
static std::optional<SmallVector<int64_t>> getShapeValues(Value shape) {
  SmallVector<int64_t> values;
  Operation *producer = shape.getDefiningOp();
  if (!producer || !tosa::getConstShapeValues(producer, values))
    return std::nullopt;
  return values;
}

//===----------------------------------------------------------------------===//
// Constants and no-ops
//===----------------------------------------------------------------------===//

namespace {
/// tosa.const of f32, i32 or quantized values -> nn.constant.
struct ConstLowering : CheckedPattern<ConstLowering, tosa::ConstOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::ConstOp op) {
    if (Reason why = checkStaticShapes(op))
      return why;
    Type element = op.getType().getElementType();
    auto quantized = dyn_cast<quant::QuantizedType>(element);
    if (element.isF32() || element.isSignlessInteger(32) ||
        (quantized && quantized.getExpressedType().isF32() &&
         isa<quant::UniformQuantizedType, quant::UniformQuantizedPerAxisType>(
             quantized)))
      return std::nullopt;
    return "the result " + explainElementType(op.getType());
  }

  static void rewrite(tosa::ConstOp op, PatternRewriter &rewriter) {
    rewriter.replaceOpWithNewOp<nn::ConstantOp>(op, op.getType(),
                                                op.getValues());
  }
};

/// tosa.cast to the same type -> its input.
struct CastLowering : CheckedPattern<CastLowering, tosa::CastOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::CastOp op) {
    if (op.getInput().getType() != op.getType())
      return because("casts ", op.getInput().getType(), " to ", op.getType(),
                     ", which changes values; only a cast to the same type "
                     "is a no-op");
    return std::nullopt;
  }

  static void rewrite(tosa::CastOp op, PatternRewriter &rewriter) {
    rewriter.replaceOp(op, op.getInput());
  }
};

/// tosa.identity -> its input.
struct IdentityLowering : CheckedPattern<IdentityLowering, tosa::IdentityOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::IdentityOp op) {
    if (op->getOperandTypes() != op->getResultTypes())
      return std::string("changes types");
    return std::nullopt;
  }

  static void rewrite(tosa::IdentityOp op, PatternRewriter &rewriter) {
    rewriter.replaceOp(op, op->getOperands());
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Element-wise operators
//===----------------------------------------------------------------------===//

/// Checks a float binary operator (int8 ones work on int32 operands).
static Reason checkFloatBinary(Operation *op) {
  if (Reason why = checkStaticShapes(op))
    return why;
  for (Value value : op->getOperands().take_front(2))
    if (!isF32Tensor(value.getType()))
      return because("an operand is ", value.getType(),
                     "; only the float form converts (int8 TOSA adds and "
                     "multiplies int32 rescaled operands)");
  if (!isF32Tensor(op->getResult(0).getType()))
    return because("the result is ", op->getResult(0).getType(),
                   "; only the float form converts");
  return std::nullopt;
}

namespace {
/// tosa.add (f32) -> nn.add.
struct AddLowering : CheckedPattern<AddLowering, tosa::AddOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::AddOp op) { return checkFloatBinary(op); }

  static void rewrite(tosa::AddOp op, PatternRewriter &rewriter) {
    rewriter.replaceOpWithNewOp<nn::AddOp>(op, op.getType(), op.getInput1(),
                                           op.getInput2());
  }
};

/// tosa.mul (f32, shift 0) -> nn.mul.
struct MulLowering : CheckedPattern<MulLowering, tosa::MulOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::MulOp op) {
    if (Reason why = checkFloatBinary(op))
      return why;
    std::optional<int64_t> shift = getConstantInt(op.getShift(), false);
    if (!shift || *shift != 0)
      return std::string("has a shift that is not the constant 0");
    return std::nullopt;
  }

  static void rewrite(tosa::MulOp op, PatternRewriter &rewriter) {
    rewriter.replaceOpWithNewOp<nn::MulOp>(op, op.getType(), op.getInput1(),
                                           op.getInput2());
  }
};

/// tosa.clamp -> nn.clamp with real-valued bounds.
struct ClampLowering : CheckedPattern<ClampLowering, tosa::ClampOp> {
  using CheckedPattern::CheckedPattern;

  /// Returns the real bounds of `op`, or the reason they have none.
  static Reason getBounds(tosa::ClampOp op, float &min, float &max) {
    auto type = getActivationQuantType(op.getType());
    if (!type) {
      auto lo = dyn_cast<FloatAttr>(op.getMinValAttr());
      auto hi = dyn_cast<FloatAttr>(op.getMaxValAttr());
      if (!lo || !hi)
        return std::string("has non-float bounds on a float tensor");
      min = lo.getValue().convertToFloat();
      max = hi.getValue().convertToFloat();
    } else {
      auto lo = dyn_cast<IntegerAttr>(op.getMinValAttr());
      auto hi = dyn_cast<IntegerAttr>(op.getMaxValAttr());
      if (!lo || !hi)
        return std::string("has non-integer bounds on a quantized tensor");
      std::optional<float> realLo = dequantizeExactly(type, lo.getInt());
      std::optional<float> realHi = dequantizeExactly(type, hi.getInt());
      if (!realLo || !realHi)
        return std::string("has bounds that do not survive quantization");
      min = lo.getInt() <= type.getStorageTypeMin()
                ? -std::numeric_limits<float>::infinity()
                : *realLo;
      max = hi.getInt() >= type.getStorageTypeMax()
                ? std::numeric_limits<float>::infinity()
                : *realHi;
    }
    if (std::isnan(min) || std::isnan(max) || min > max)
      return because("has bounds [", min, ", ", max, "]");
    return std::nullopt;
  }

  static Reason check(tosa::ClampOp op) {
    if (Reason why = checkUnary(op))
      return why;
    if (Reason why = checkNanMode(op.getNanMode()))
      return why;
    float min, max;
    return getBounds(op, min, max);
  }

  static void rewrite(tosa::ClampOp op, PatternRewriter &rewriter) {
    float min = 0, max = 0;
    (void)getBounds(op, min, max);
    rewriter.replaceOpWithNewOp<nn::ClampOp>(op, op.getType(), op.getInput(),
                                             rewriter.getF32FloatAttr(min),
                                             rewriter.getF32FloatAttr(max));
  }
};

/// tosa.sigmoid (f32) -> nn.sigmoid.
struct SigmoidLowering : CheckedPattern<SigmoidLowering, tosa::SigmoidOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::SigmoidOp op) { return checkUnary(op); }

  static void rewrite(tosa::SigmoidOp op, PatternRewriter &rewriter) {
    rewriter.replaceOpWithNewOp<nn::SigmoidOp>(op, op.getType(), op.getInput());
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Max pooling
//===----------------------------------------------------------------------===//

namespace {
/// tosa.max_pool2d -> nn.max_pool2d.
struct MaxPool2DLowering
    : CheckedPattern<MaxPool2DLowering, tosa::MaxPool2dOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::MaxPool2dOp op) {
    if (Reason why = checkDataMovement(op))
      return why;
    for (int i = 0; i < 4; ++i)
      if (op.getPad()[i] >= op.getKernel()[i / 2])
        return std::string("a pad is not smaller than the kernel");
    return checkNanMode(op.getNanMode());
  }

  static void rewrite(tosa::MaxPool2dOp op, PatternRewriter &rewriter) {
    rewriter.replaceOpWithNewOp<nn::MaxPool2DOp>(op, op.getType(),
                                                 op.getInput(), op.getKernel(),
                                                 op.getStride(), op.getPad());
  }
};

/// tosa.reduce_max over H or W of an NHWC tensor -> nn.max_pool2d with a
/// full-height or full-width window.
struct ReduceMaxLowering
    : CheckedPattern<ReduceMaxLowering, tosa::ReduceMaxOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::ReduceMaxOp op) {
    if (Reason why = checkDataMovement(op))
      return why;
    if (cast<RankedTensorType>(op.getType()).getRank() != 4 ||
        (op.getAxis() != 1 && op.getAxis() != 2))
      return std::string("reduces a dimension other than H or W of a 4-D "
                         "tensor; only those are a max pooling");
    return checkNanMode(op.getNanMode());
  }

  static void rewrite(tosa::ReduceMaxOp op, PatternRewriter &rewriter) {
    auto input = cast<RankedTensorType>(op.getInput().getType());
    SmallVector<int64_t> kernel = {1, 1};
    kernel[op.getAxis() - 1] = input.getDimSize(op.getAxis());
    rewriter.replaceOpWithNewOp<nn::MaxPool2DOp>(
        op, op.getType(), op.getInput(), kernel, ArrayRef<int64_t>{1, 1},
        ArrayRef<int64_t>{0, 0, 0, 0});
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

namespace {
/// tosa.reshape -> nn.reshape.
struct ReshapeLowering : CheckedPattern<ReshapeLowering, tosa::ReshapeOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::ReshapeOp op) { return checkDataMovement(op); }

  static void rewrite(tosa::ReshapeOp op, PatternRewriter &rewriter) {
    rewriter.replaceOpWithNewOp<nn::ReshapeOp>(op, op.getType(),
                                               op.getInput1());
  }
};

/// tosa.transpose -> nn.transpose.
struct TransposeLowering
    : CheckedPattern<TransposeLowering, tosa::TransposeOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::TransposeOp op) { return checkDataMovement(op); }

  static void rewrite(tosa::TransposeOp op, PatternRewriter &rewriter) {
    SmallVector<int64_t> perm(op.getPerms());
    rewriter.replaceOpWithNewOp<nn::TransposeOp>(
        op, op.getType(), op.getInput1(), rewriter.getDenseI64ArrayAttr(perm));
  }
};

/// tosa.concat -> nn.concat.
struct ConcatLowering : CheckedPattern<ConcatLowering, tosa::ConcatOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::ConcatOp op) {
    if (Reason why = checkStaticShapes(op))
      return why;
    SmallVector<Value> values(op.getInput1());
    values.push_back(op.getOutput());
    if (Reason why = checkSameActivationKind(values))
      return why;
    for (Value value : values)
      if (getElementTypeOrSelf(value) != getElementTypeOrSelf(op.getOutput()))
        return std::string("joins tensors of different element types "
                           "(quantization parameters)");
    return std::nullopt;
  }

  static void rewrite(tosa::ConcatOp op, PatternRewriter &rewriter) {
    rewriter.replaceOpWithNewOp<nn::ConcatOp>(
        op, op.getType(), op.getInput1(),
        rewriter.getI64IntegerAttr(op.getAxis()));
  }
};

/// tosa.slice -> nn.slice with unit strides.
struct SliceLowering : CheckedPattern<SliceLowering, tosa::SliceOp> {
  using CheckedPattern::CheckedPattern;

  static Reason check(tosa::SliceOp op) {
    if (Reason why = checkDataMovement(op))
      return why;
    std::optional<SmallVector<int64_t>> start = getShapeValues(op.getStart());
    if (!start || llvm::any_of(*start, [](int64_t s) { return s < 0; }))
      return std::string("has a start that is not a non-negative constant");
    return std::nullopt;
  }

  static void rewrite(tosa::SliceOp op, PatternRewriter &rewriter) {
    auto type = cast<RankedTensorType>(op.getType());
    SmallVector<int64_t> start = *getShapeValues(op.getStart());
    SmallVector<int64_t> strides(type.getRank(), 1);
    rewriter.replaceOpWithNewOp<nn::SliceOp>(
        op, type, op.getInput1(), rewriter.getDenseI64ArrayAttr(start),
        rewriter.getDenseI64ArrayAttr(type.getShape()),
        rewriter.getDenseI64ArrayAttr(strides));
  }
};

/// tosa.pad -> nn.pad with a real-valued padding value.
struct PadLowering : CheckedPattern<PadLowering, tosa::PadOp> {
  using CheckedPattern::CheckedPattern;

  /// Returns the real padding value of `op`, or the reason it has none.
  static Reason getValue(tosa::PadOp op, float &value) {
    ElementsAttr elements = getConstantElements(op.getPadConst());
    if (!elements || elements.getNumElements() != 1)
      return std::string("has a padding value that is not a constant");
    if (auto floats = dyn_cast<DenseFPElementsAttr>(elements)) {
      value = (*floats.begin()).convertToFloat();
      return std::nullopt;
    }
    auto type = getActivationQuantType(op.getType());
    auto ints = dyn_cast<DenseIntElementsAttr>(elements);
    if (!type || !ints)
      return std::string("has a padding value of the wrong kind");
    std::optional<float> real =
        dequantizeExactly(type, (*ints.begin()).getSExtValue());
    if (!real)
      return std::string("has a padding value that does not survive "
                         "quantization");
    value = *real;
    return std::nullopt;
  }

  static Reason check(tosa::PadOp op) {
    if (Reason why = checkDataMovement(op))
      return why;
    std::optional<SmallVector<int64_t>> padding =
        getShapeValues(op.getPadding());
    if (!padding || llvm::any_of(*padding, [](int64_t p) { return p < 0; }))
      return std::string("has padding that is not a non-negative constant");
    float value;
    return getValue(op, value);
  }

  static void rewrite(tosa::PadOp op, PatternRewriter &rewriter) {
    SmallVector<int64_t> padding = *getShapeValues(op.getPadding());
    SmallVector<int64_t> low, high;
    for (size_t d = 0; d < padding.size() / 2; ++d) {
      low.push_back(padding[2 * d]);
      high.push_back(padding[2 * d + 1]);
    }
    float value = 0;
    (void)getValue(op, value);
    rewriter.replaceOpWithNewOp<nn::PadOp>(
        op, op.getType(), op.getInput1(), rewriter.getDenseI64ArrayAttr(low),
        rewriter.getDenseI64ArrayAttr(high), rewriter.getF32FloatAttr(value));
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Diagnostics
//===----------------------------------------------------------------------===//

/// Returns why a TOSA operator left over after rewriting was not converted.
static Reason explain(Operation *op) {
  if (std::optional<Reason> compute = explainComputeOp(op))
    return *compute;
  Reason why =
      TypeSwitch<Operation *, Reason>(op)
          .Case([](tosa::ConstOp op) { return ConstLowering::check(op); })
          .Case([](tosa::CastOp op) { return CastLowering::check(op); })
          .Case([](tosa::IdentityOp op) { return IdentityLowering::check(op); })
          .Case([](tosa::AddOp op) { return AddLowering::check(op); })
          .Case([](tosa::MulOp op) { return MulLowering::check(op); })
          .Case([](tosa::ClampOp op) { return ClampLowering::check(op); })
          .Case([](tosa::SigmoidOp op) { return SigmoidLowering::check(op); })
          .Case(
              [](tosa::MaxPool2dOp op) { return MaxPool2DLowering::check(op); })
          .Case(
              [](tosa::ReduceMaxOp op) { return ReduceMaxLowering::check(op); })
          .Case([](tosa::ReshapeOp op) { return ReshapeLowering::check(op); })
          .Case(
              [](tosa::TransposeOp op) { return TransposeLowering::check(op); })
          .Case([](tosa::ConcatOp op) { return ConcatLowering::check(op); })
          .Case([](tosa::SliceOp op) { return SliceLowering::check(op); })
          .Case([](tosa::PadOp op) { return PadLowering::check(op); })
          .Default([](Operation *) {
            return Reason("the operator has no nn counterpart");
          });
  return why ? why : Reason("the operator was not rewritten");
}

/// Returns true if a left-over `op` is reported through another operator: a
/// constant only TOSA operators use, or the int32 rescale of an int8
/// operator whose own diagnostic explains it.
static bool isReportedElsewhere(Operation *op) {
  auto usedByTosa = [](Value value) {
    return llvm::any_of(value.getUsers(), [](Operation *user) {
      return isa<tosa::TosaDialect>(user->getDialect());
    });
  };
  if (isa<tosa::ConstOp, tosa::ConstShapeOp>(op))
    return usedByTosa(op->getResult(0));
  if (auto rescale = dyn_cast<tosa::RescaleOp>(op)) {
    Operation *producer = rescale.getInput().getDefiningOp();
    return getElementTypeOrSelf(rescale.getInput()).isSignlessInteger(32) &&
           producer && isa<tosa::TosaDialect>(producer->getDialect());
  }
  return false;
}

/// Reports every TOSA operator left in `module`; returns failure if any.
static LogicalResult reportLeftovers(ModuleOp module) {
  bool failed = false;
  module.walk([&](Operation *op) {
    if (!isa_and_nonnull<tosa::TosaDialect>(op->getDialect()) ||
        isReportedElsewhere(op))
      return;
    op->emitOpError("cannot be converted to nn: ") << *explain(op);
    failed = true;
  });
  return mlir::failure(failed);
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

void morsel::populateTosaToNNConversionPatterns(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<ConstLowering, CastLowering, IdentityLowering, AddLowering,
               MulLowering, ClampLowering, SigmoidLowering, MaxPool2DLowering,
               ReduceMaxLowering, ReshapeLowering, TransposeLowering,
               ConcatLowering, SliceLowering, PadLowering>(context);
  populateComputePatterns(patterns);
}

namespace {
struct ConvertTosaToNNPass
    : public morsel::impl::ConvertTosaToNNBase<ConvertTosaToNNPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    RewritePatternSet patterns(&getContext());
    populateTosaToNNConversionPatterns(patterns);
    // A direct translation: no folding, so the nn graph mirrors the TOSA one
    // and canonicalization stays a separate, optional step.
    GreedyRewriteConfig config;
    config.enableFolding(false).enableConstantCSE(false);
    config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    if (failed(applyPatternsGreedily(module, std::move(patterns), config))) {
      module.emitError("convert-tosa-to-nn did not converge");
      return signalPassFailure();
    }
    if (failed(reportLeftovers(module)))
      signalPassFailure();
  }
};
} // namespace
