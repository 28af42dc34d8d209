//===- TosaToNNUtils.h - Helpers of the TOSA to nn conversion ---*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Shared by the patterns of convert-tosa-to-nn: constant reading, element-type
// classification, zero-point and rescale checks, and constant layout changes.
// Every check returns a `Reason`: std::nullopt when the IR converts, else the
// sentence the pass reports at the TOSA operator.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_CONVERSION_TOSATONN_TOSATONNUTILS_H
#define MORSEL_LIB_CONVERSION_TOSATONN_TOSATONNUTILS_H

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <type_traits>

namespace morsel::tosa_to_nn {

/// Why an operator does not convert; std::nullopt when it does.
using Reason = std::optional<std::string>;

/// Prints one part of a reason: types quoted as MLIR diagnostics quote them,
/// reals with six significant digits, anything else as raw_ostream does.
template <typename T>
void printReasonPart(llvm::raw_ostream &os, const T &part) {
  if constexpr (std::is_base_of_v<mlir::Type, T>)
    os << "'" << part << "'";
  else if constexpr (std::is_floating_point_v<T>)
    os << llvm::format("%g", static_cast<double>(part));
  else
    os << part;
}

/// Concatenates printable parts (strings, numbers, types) into a reason.
template <typename... Ts> std::string because(const Ts &...parts) {
  std::string text;
  llvm::raw_string_ostream os(text);
  (printReasonPart(os, parts), ...);
  return text;
}

/// Runs a check that reports through the diagnostic engine (the nn type
/// checks) and returns its message as a reason.
Reason captureReason(mlir::MLIRContext *context,
                     llvm::function_ref<mlir::LogicalResult()> check);

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

/// Returns the ranked, statically shaped tensor type of `value`, or null.
mlir::RankedTensorType getStaticTensorType(mlir::Value value);

/// Returns true if `type` is a tensor of f32.
bool isF32Tensor(mlir::Type type);

/// Returns the element type of a tensor of 8-bit quantized values expressing
/// f32 (per-tensor or per-axis), or null.
mlir::quant::QuantizedType getQuantized8Type(mlir::Type type);

/// Returns the per-tensor 8-bit quantized element type of an activation
/// tensor, or null.
mlir::quant::UniformQuantizedType getActivationQuantType(mlir::Type type);

/// Checks that every tensor operand and result of `op` is ranked and static.
Reason checkStaticShapes(mlir::Operation *op);

/// Checks that `values` are all f32 tensors or all per-tensor 8-bit quantized
/// tensors, naming plain integer tensors as the reason they are not.
Reason checkSameActivationKind(mlir::ValueRange values);

/// Explains why a tensor of `type` has no nn counterpart, as a predicate
/// ("is 'tensor<...>', ...") to follow the name of an operand.
std::string explainElementType(mlir::Type type);

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

/// Returns the elements of `value` when a tosa.const or an nn.constant defines
/// it (the stored integers for quantized constants), or null.
mlir::ElementsAttr getConstantElements(mlir::Value value);

/// Returns the integer of a constant single-element tensor, sign- or
/// zero-extended, or std::nullopt.
std::optional<int64_t> getConstantInt(mlir::Value value, bool isUnsigned);

/// Checks that a float operator's zero-point operand is the constant 0.
Reason checkFloatZeroPoint(mlir::Value zeroPoint, llvm::StringRef name);

/// Checks that an integer zero-point operand is the constant `expected`.
Reason checkZeroPoint(mlir::Value zeroPoint, llvm::StringRef name,
                      int64_t expected, bool isUnsigned = false);

/// Returns the elements of `attr` (shape `shape`) permuted so that dimension
/// k of the result is dimension perm[k], with element type unchanged.
mlir::DenseElementsAttr permuteElements(mlir::DenseElementsAttr attr,
                                        llvm::ArrayRef<int64_t> perm);

/// Returns `type` (a per-axis quantized type) quantized along `axis`; other
/// quantized and plain types are returned unchanged.
mlir::Type withQuantizedDimension(mlir::Type type, int32_t axis);

//===----------------------------------------------------------------------===//
// Rescale
//===----------------------------------------------------------------------===//

/// The real arithmetic of a tosa.rescale: out = out_zp + scale[c] * (in -
/// in_zp), with one scale per channel of the last dimension (or one).
struct RescaleScales {
  llvm::SmallVector<double> scales;
  int64_t inputZeroPoint = 0;
  int64_t outputZeroPoint = 0;
};

/// Reads the multipliers, shifts and zero points of `op` after checking the
/// attributes nn can honour (scale32, DOUBLE_ROUND).
Reason readRescale(mlir::tosa::RescaleOp op, RescaleScales &result);

/// Checks that a rescale's real scale matches the ratio of the quantization
/// scales that nn will use.
Reason checkScaleRatio(llvm::StringRef what, double actual, double expected);

/// Returns the single user of `value` if it is a tosa.rescale.
mlir::tosa::RescaleOp getSingleRescaleUser(mlir::Value value);

/// Checks the tosa.rescale, sole user of the i32 accumulator `acc` of an int8
/// operator with `channels` output channels, that requantizes it to an 8-bit
/// activation; `accScale(c)` is the real scale of channel c of the
/// accumulator according to the quantized types (input x weight scale).
Reason checkAccumulatorRescale(mlir::Value acc, int64_t channels,
                               llvm::function_ref<double(int64_t)> accScale);

} // namespace morsel::tosa_to_nn

#endif // MORSEL_LIB_CONVERSION_TOSATONN_TOSATONNUTILS_H
