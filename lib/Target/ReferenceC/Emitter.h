//===- Emitter.h - Writing the reference C file -----------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The pieces of the reference C backend that the per-operator emitters
// share: element types and quantization parameters as C sees them, the C
// file under construction (CSource: kernels used, file-scope data, the
// entry function's body) and the state of one entry function
// (FunctionWriter: where each tensor lives, which clamps are fused).
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_TARGET_REFERENCEC_EMITTER_H
#define MORSEL_LIB_TARGET_REFERENCEC_EMITTER_H

#include "Kernels.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace morsel::referencec {

//===----------------------------------------------------------------------===//
// Element types and quantization
//===----------------------------------------------------------------------===//

/// The element types of tensors in the C file.
enum class ElementKind { F32, S8, U8, S32 };

/// Returns the kind of the elements of a tensor type (f32, 8-bit quantized
/// storage, i32 or 32-bit quantized storage), or std::nullopt.
std::optional<ElementKind> getElementKind(mlir::Type tensorType);

/// Returns the C type of an element kind (`int8_t`...).
llvm::StringRef getCTypeName(ElementKind kind);

/// Returns the short name kernels are suffixed with (`s8`...).
llvm::StringRef getKindSuffix(ElementKind kind);

/// Returns the bytes of one element.
int64_t getElementBytes(ElementKind kind);

/// Returns the suffix of a kernel instantiated for `kinds`: one name when
/// they are all equal (`u8`), else all of them (`u8_s8_u8`).
std::string getKernelSuffix(llvm::ArrayRef<ElementKind> kinds);

/// The parameters of a per-tensor quantized tensor that the integer rules
/// of docs/quantization.md use.
struct QuantParams {
  double scale = 1.0;
  int64_t zeroPoint = 0;
  int64_t qmin = 0;
  int64_t qmax = 0;
  bool isSigned = true;
};

/// Returns the parameters of a per-tensor quantized tensor type, or
/// std::nullopt.
std::optional<QuantParams> getPerTensorParams(mlir::Type tensorType);

/// Returns sat(z + round_away(real / s)): a real value quantized with
/// `params` (clamp bounds, pad values, tables).
int64_t quantizeAway(double real, const QuantParams &params);

//===----------------------------------------------------------------------===//
// C text
//===----------------------------------------------------------------------===//

/// Formats `value` as a C float literal that reads back exactly
/// (`0.100000001f`, `-INFINITY`).
std::string formatFloat(float value);

/// Joins `values` with ", ".
std::string joinInts(llvm::ArrayRef<int64_t> values);

/// Writes `static const <type> <name>[N] = {...};`: short arrays on one
/// line, longer ones 16 values per line.
void writeIntArray(llvm::raw_ostream &os, llvm::StringRef type,
                   llvm::StringRef name, llvm::ArrayRef<int64_t> values);

/// Writes `static const float <name>[N] = {...};`: short arrays on one
/// line, longer ones 8 values per line.
void writeFloatArray(llvm::raw_ostream &os, llvm::StringRef name,
                     llvm::ArrayRef<float> values);

/// Collects `.field = value` initializers and writes a
/// `static const <type> <name> = {...};` definition.
class StructWriter {
public:
  StructWriter(llvm::StringRef type, llvm::StringRef name)
      : type(type.str()), name(name.str()) {}

  /// Adds `.field = value`.
  StructWriter &field(llvm::StringRef field, const llvm::Twine &value);
  /// Adds `.field = {a, b, ...}`.
  StructWriter &array(llvm::StringRef field, llvm::ArrayRef<int64_t> values);

  /// Writes the definition.
  void write(llvm::raw_ostream &os) const;

private:
  std::string type, name;
  llvm::SmallVector<std::string> fields;
};

/// The C file under construction.
class CSource {
public:
  /// Returns the name of `kernel` instantiated with `suffix`, substituting
  /// each (placeholder, text) pair in its template; adds its text and the
  /// pieces it needs on first use.
  std::string useKernel(Kernel kernel, llvm::StringRef suffix,
                        llvm::ArrayRef<std::pair<llvm::StringRef, std::string>>
                            substitutions = {});

  /// File-scope definitions: weights, tables, operator parameters.
  llvm::raw_ostream &data() { return dataStream; }
  /// Declarations at the top of the entry function.
  llvm::raw_ostream &prologue() { return prologueStream; }
  /// The statements of the entry function.
  llvm::raw_ostream &body() { return bodyStream; }

  /// Writes the file: `banner` (a comment), includes, pieces, kernels,
  /// data, then `signature` with the prologue and body as its definition.
  void print(llvm::raw_ostream &os, llvm::StringRef banner,
             llvm::StringRef signature) const;

private:
  /// Adds `piece` after the pieces it depends on.
  void usePiece(Piece piece);

  llvm::SetVector<Piece> pieces;
  /// The instantiated kernels, (name, text) in order of first use.
  llvm::SmallVector<std::pair<std::string, std::string>> kernels;
  llvm::StringSet<> kernelNames;
  std::string dataText, prologueText, bodyText;
  llvm::raw_string_ostream dataStream{dataText};
  llvm::raw_string_ostream prologueStream{prologueText};
  llvm::raw_string_ostream bodyStream{bodyText};
};

//===----------------------------------------------------------------------===//
// One entry function
//===----------------------------------------------------------------------===//

/// Where the tensors of the entry function live and which clamps are fused
/// into the operator before them, as the per-operator emitters need it.
class FunctionWriter {
public:
  explicit FunctionWriter(CSource &source) : source(source) {}

  /// The file under construction.
  CSource &getSource() { return source; }

  /// Returns the C pointer expression of a tensor (`input0`, `t12`,
  /// `output0`, `w3`).
  std::string getPointer(mlir::Value value) const;
  /// Names the storage of a tensor.
  void setPointer(mlir::Value value, llvm::StringRef pointer);

  /// Returns the name prefix of an operator's file-scope data (`op12`).
  std::string getOpName(mlir::Operation *op) const;
  /// Numbers an operator.
  void setOpIndex(mlir::Operation *op, int64_t index);

  /// Returns the clamp fused into `op` as its activation, or null.
  nn::ClampOp getFusedClamp(mlir::Operation *op) const;
  /// Fuses `clamp` into `producer`.
  void fuseClamp(mlir::Operation *producer, nn::ClampOp clamp);
  /// Returns true if `op` is a clamp fused into its producer.
  bool isFused(mlir::Operation *op) const;

  /// Returns the tensor that `op`'s kernel writes: its result, or the result
  /// of its fused clamp.
  mlir::Value getOutput(mlir::Operation *op) const;

private:
  CSource &source;
  llvm::DenseMap<mlir::Value, std::string> pointers;
  llvm::DenseMap<mlir::Operation *, int64_t> opIndices;
  llvm::DenseMap<mlir::Operation *, nn::ClampOp> fusedClamps;
  llvm::DenseSet<mlir::Operation *> fused;
};

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

/// Returns true if `op` is an nn operator the backend can fuse a following
/// clamp into (conv2d, fully_connected, add, mul, pooling).
bool canFuseClamp(mlir::Operation *op);

/// The activation bounds of an operator's kernel: the storage range of its
/// quantized output or (-inf, inf), narrowed by a fused clamp.
struct ActivationBounds {
  int64_t min = 0;
  int64_t max = 0;
  float floatMin = 0.0f;
  float floatMax = 0.0f;
};

/// Returns the bounds of `op`'s output.
ActivationBounds getActivationBounds(mlir::Operation *op,
                                     const FunctionWriter &writer);

/// Adds the activation bounds of `op` to its parameters.
void addActivationFields(StructWriter &params, mlir::Operation *op,
                         const FunctionWriter &writer);

/// Writes the kernel call of a layer: conv2d, fully_connected, pooling,
/// mean or softmax. Returns std::nullopt for other operators.
std::optional<mlir::LogicalResult> emitLayerOp(mlir::Operation *op,
                                               FunctionWriter &writer);

/// Writes the kernel call of an element-wise or quantization operator.
/// Returns std::nullopt for other operators.
std::optional<mlir::LogicalResult> emitElementwiseOp(mlir::Operation *op,
                                                     FunctionWriter &writer);

/// Writes the kernel call of a data movement operator (a reshape that
/// copies, transpose, slice, pad, concat). Returns std::nullopt for other
/// operators.
std::optional<mlir::LogicalResult> emitMovementOp(mlir::Operation *op,
                                                  FunctionWriter &writer);

/// Writes a copy of `count` elements of `kind` from `from` to `to`.
void emitCopy(FunctionWriter &writer, ElementKind kind, int64_t count,
              llvm::StringRef from, llvm::StringRef to);

/// Writes the comment that introduces an operator's kernel call.
void emitOpComment(FunctionWriter &writer, mlir::Operation *op);

} // namespace morsel::referencec

#endif // MORSEL_LIB_TARGET_REFERENCEC_EMITTER_H
