//===- GraphImporter.h - Translation of one ONNX graph to nn ----*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The state of an ONNX import: the tensors defined so far (as IR values, as
// host values, or both), the function being built and the helpers that the
// per-operator importers share. Private to lib/Target/ONNX.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_TARGET_ONNX_GRAPHIMPORTER_H
#define MORSEL_LIB_TARGET_ONNX_GRAPHIMPORTER_H

#include "HostTensor.h"

#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"

#include <memory>

namespace onnx {
class AttributeProto;
class ModelProto;
class NodeProto;
class ValueInfoProto;
} // namespace onnx

namespace morsel::onnx_import {

class GraphImporter;

/// Translates one ONNX node whose inputs are all defined; emits a diagnostic
/// and returns failure when the node cannot be translated.
using NodeImporter = mlir::LogicalResult (*)(GraphImporter &importer,
                                             const onnx::NodeProto &node);

/// Maps ONNX operator types (default domain) to their importers.
using NodeImporterTable = llvm::StringMap<NodeImporter>;

/// Adds the importers of Conv, BatchNormalization and the pooling operators.
void addConvPoolImporters(NodeImporterTable &table);
/// Adds the importers of Gemm, MatMul, activations, arithmetic, Softmax and
/// ReduceMean.
void addMathImporters(NodeImporterTable &table);
/// Adds the importers of the data-movement operators (Reshape, Concat, ...).
void addShapeImporters(NodeImporterTable &table);
/// Adds the importers of QuantizeLinear and DequantizeLinear.
void addQuantImporters(NodeImporterTable &table);

/// Returns the name under which diagnostics mention a node: its own name, or
/// the name of its first output.
std::string getNodeName(const onnx::NodeProto &node);

/// Returns true if `opType` names an operator that the host evaluator folds
/// when all of its inputs are known at import time.
bool canEvaluateOnHost(llvm::StringRef opType);

/// Evaluates `node` on host inputs (null for absent optional inputs) and
/// stores its outputs as host values; emits a diagnostic on failure.
mlir::LogicalResult evaluateOnHost(GraphImporter &importer,
                                   const onnx::NodeProto &node,
                                   llvm::ArrayRef<const HostTensor *> inputs);

/// The nn.conv2d that a Conv node produced, kept so that a following
/// BatchNormalization can fold into its constant filter and bias.
struct ConvRecord {
  /// The convolution (NHWC); its result feeds the transpose back to NCHW.
  nn::Conv2DOp conv;
  /// The filter in [C_out, K_h, K_w, C_in / groups] layout when it is a float
  /// constant, else null.
  std::shared_ptr<const HostTensor> filter;
  /// The bias when it is a float constant, else null; `hasBias` tells whether
  /// the convolution has one at all.
  std::shared_ptr<const HostTensor> bias;
  /// True if the convolution has a bias operand.
  bool hasBias = false;
};

/// Imports an ONNX model that libonnx has already checked into a module with
/// one `func.func @main`.
class GraphImporter {
public:
  /// Prepares the import of `model`, read from `fileName`.
  GraphImporter(const onnx::ModelProto &model, llvm::StringRef fileName,
                int64_t opsetVersion, mlir::MLIRContext *context);

  /// Translates the whole graph; returns null after a diagnostic.
  mlir::OwningOpRef<mlir::ModuleOp> importModel();

  //===--------------------------------------------------------------------===//
  // Context shared with the operator importers
  //===--------------------------------------------------------------------===//

  /// Returns the MLIR context.
  mlir::MLIRContext *getContext() { return context; }
  /// Returns the builder, positioned at the end of @main.
  mlir::OpBuilder &getBuilder() { return builder; }
  /// Returns the opset version of the default domain.
  int64_t getOpsetVersion() const { return opsetVersion; }
  /// Returns the location of the model file, for diagnostics.
  mlir::Location getFileLoc() const { return fileLoc; }
  /// Returns the location given to the ops created for `node`.
  mlir::Location getLoc(const onnx::NodeProto &node);

  /// Starts a diagnostic naming the file and `node` (name and op type); the
  /// caller streams the reason.
  mlir::InFlightDiagnostic emitNodeError(const onnx::NodeProto &node);

  /// Returns how many node inputs and graph outputs read tensor `name`.
  unsigned getUseCount(llvm::StringRef name) const;

  //===--------------------------------------------------------------------===//
  // Node inputs
  //===--------------------------------------------------------------------===//

  /// Returns true if input `index` of `node` is present (not omitted).
  bool hasInput(const onnx::NodeProto &node, int index) const;

  /// Returns input `index` of `node` if it is known on the host, else null.
  const HostTensor *getHostInput(const onnx::NodeProto &node, int index) const;

  /// Returns input `index` of `node` as a host value of `shared` ownership,
  /// or null if it is not known on the host.
  std::shared_ptr<const HostTensor>
  getSharedHostInput(const onnx::NodeProto &node, int index) const;

  /// Returns input `index` of `node`, which must be known on the host (the
  /// diagnostic calls it `what`).
  mlir::FailureOr<const HostTensor *>
  requireHostInput(const onnx::NodeProto &node, int index,
                   llvm::StringRef what);

  /// Returns input `index` of `node` as an IR value, materializing a FLOAT
  /// host value as nn.constant; fails for other host values.
  mlir::FailureOr<mlir::Value> getTensorInput(const onnx::NodeProto &node,
                                              int index);

  /// Returns the shape of input `index`, whether it is an IR or host value
  /// (empty when the input is absent).
  llvm::ArrayRef<int64_t> getInputShape(const onnx::NodeProto &node,
                                        int index) const;

  /// Returns true if input `index` is an IR value computed from constants
  /// only (such as the nn.dequantize of a quantized initializer).
  bool isConstantInput(const onnx::NodeProto &node, int index) const;

  //===--------------------------------------------------------------------===//
  // Node outputs
  //===--------------------------------------------------------------------===//

  /// Defines output `index` of `node` as an IR value; `isConstant` tells
  /// whether it depends on constants only.
  void setOutput(const onnx::NodeProto &node, int index, mlir::Value value,
                 bool isConstant = false);
  /// Defines output `index` of `node` as a host value.
  void setHostOutput(const onnx::NodeProto &node, int index, HostTensor tensor);
  /// Makes output `index` of `node` an alias of input `inputIndex`.
  void aliasOutput(const onnx::NodeProto &node, int index, int inputIndex);

  //===--------------------------------------------------------------------===//
  // Constants
  //===--------------------------------------------------------------------===//

  /// Returns an nn.constant holding a FLOAT host tensor, created once per
  /// `key` (an empty key creates a fresh constant).
  mlir::Value getOrCreateConstant(const HostTensor &tensor, llvm::StringRef key,
                                  mlir::Location loc);

  /// Drops every cache entry that refers to `constant`, before it is erased.
  void forgetConstant(mlir::Value constant);

  /// Returns the host tensor cached under `key`, or creates it with `make`.
  std::shared_ptr<const HostTensor>
  getOrCreateDerivedTensor(llvm::StringRef key,
                           llvm::function_ref<HostTensor()> make);

  /// Returns a key naming the host value of input `index` of `node`, shared
  /// by all of its aliases (Identity, several readers), under which the
  /// constants derived from it are cached.
  std::string getHostKey(const onnx::NodeProto &node, int index) const;

  /// Returns the name of input `index` of `node` (empty if absent).
  llvm::StringRef getInputName(const onnx::NodeProto &node, int index) const;

  //===--------------------------------------------------------------------===//
  // Convolutions that BatchNormalization may fold into
  //===--------------------------------------------------------------------===//

  /// Remembers the convolution that defines tensor `name`.
  void recordConv(llvm::StringRef name, ConvRecord record);
  /// Returns the convolution that defines tensor `name`, if any.
  ConvRecord *lookupConv(llvm::StringRef name);

private:
  /// What the importer knows about one ONNX tensor.
  struct TensorInfo {
    /// The IR value, once it exists.
    mlir::Value value;
    /// The host value, for tensors known at import time.
    std::shared_ptr<const HostTensor> host;
    /// True if `value` depends on constants only.
    bool isConstant = false;
  };

  /// Reads the initializers into host values.
  mlir::LogicalResult importInitializers();
  /// Creates @main with one argument per graph input that is not an
  /// initializer.
  mlir::LogicalResult createMainFunction();
  /// Returns the static f32 tensor type of a graph input.
  mlir::FailureOr<mlir::RankedTensorType>
  getGraphInputType(const onnx::ValueInfoProto &input);
  /// Translates every node in order.
  mlir::LogicalResult importNodes();
  /// Translates one node and checks the ops it created.
  mlir::LogicalResult importNode(const onnx::NodeProto &node);
  /// Dispatches one node to the host evaluator or its importer.
  mlir::LogicalResult dispatchNode(const onnx::NodeProto &node);
  /// Verifies the ops created for `node`; reports failures against it.
  mlir::LogicalResult verifyCreatedOps(const onnx::NodeProto &node,
                                       llvm::ArrayRef<mlir::Operation *> ops);
  /// Creates the func.return of the graph outputs and fixes @main's type.
  mlir::LogicalResult createReturn();
  /// Checks a graph output against its declared type, if static.
  mlir::LogicalResult checkDeclaredOutput(const onnx::ValueInfoProto &output,
                                          mlir::Type type);
  /// Returns the info of tensor `name`, or null if it is undefined.
  const TensorInfo *lookup(llvm::StringRef name) const;
  /// Returns the IR value of tensor `name`, materializing FLOAT host values.
  mlir::FailureOr<mlir::Value> materialize(llvm::StringRef name,
                                           mlir::Location loc);

  const onnx::ModelProto &model;
  std::string fileName;
  int64_t opsetVersion;
  mlir::MLIRContext *context;
  mlir::Location fileLoc;
  mlir::OpBuilder builder;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  mlir::func::FuncOp mainFunc;
  NodeImporterTable importers;
  llvm::StringMap<TensorInfo> tensors;
  llvm::StringMap<unsigned> useCounts;
  llvm::StringMap<mlir::Value> constantCache;
  llvm::StringMap<std::shared_ptr<const HostTensor>> derivedTensors;
  llvm::StringMap<ConvRecord> convRecords;
};

//===----------------------------------------------------------------------===//
// Attribute access
//===----------------------------------------------------------------------===//

/// Returns the attribute `name` of `node`, or null.
const onnx::AttributeProto *findAttribute(const onnx::NodeProto &node,
                                          llvm::StringRef name);

/// Reads an INT attribute (or `defaultValue` when absent).
mlir::FailureOr<int64_t> getIntAttribute(GraphImporter &importer,
                                         const onnx::NodeProto &node,
                                         llvm::StringRef name,
                                         int64_t defaultValue);

/// Reads a FLOAT attribute (or `defaultValue` when absent).
mlir::FailureOr<float> getFloatAttribute(GraphImporter &importer,
                                         const onnx::NodeProto &node,
                                         llvm::StringRef name,
                                         float defaultValue);

/// Reads a STRING attribute (or `defaultValue` when absent).
mlir::FailureOr<std::string> getStringAttribute(GraphImporter &importer,
                                                const onnx::NodeProto &node,
                                                llvm::StringRef name,
                                                llvm::StringRef defaultValue);

/// Reads an INTS attribute; absent gives std::nullopt.
mlir::FailureOr<std::optional<llvm::SmallVector<int64_t, 4>>>
getIntsAttribute(GraphImporter &importer, const onnx::NodeProto &node,
                 llvm::StringRef name);

//===----------------------------------------------------------------------===//
// Shapes and types
//===----------------------------------------------------------------------===//

/// Returns the shape of a ranked tensor value.
llvm::ArrayRef<int64_t> getShape(mlir::Value value);

/// Returns a tensor type of `shape` with the element type of `like`.
mlir::RankedTensorType getTypeLike(mlir::Value like,
                                   llvm::ArrayRef<int64_t> shape);

/// Normalizes an axis in [-rank, rank) to [0, rank); std::nullopt if out of
/// range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

/// Creates nn.transpose of `input` by `perm` (output dimension k is input
/// dimension perm[k]).
mlir::Value createTranspose(mlir::OpBuilder &builder, mlir::Location loc,
                            mlir::Value input, llvm::ArrayRef<int64_t> perm);

/// Creates nn.reshape of `input` to `shape` (no-op if the shape is equal).
mlir::Value createReshape(mlir::OpBuilder &builder, mlir::Location loc,
                          mlir::Value input, llvm::ArrayRef<int64_t> shape);

//===----------------------------------------------------------------------===//
// Shape computations shared by the IR importers and the host evaluator
//===----------------------------------------------------------------------===//

/// The box that an ONNX Slice reads, in nn.slice terms.
struct SliceBox {
  llvm::SmallVector<int64_t, 4> offsets;
  llvm::SmallVector<int64_t, 4> sizes;
  llvm::SmallVector<int64_t, 4> strides;
};

/// Returns the result shape of a Reshape node (0 and -1 entries, allowzero)
/// applied to `shape`.
mlir::FailureOr<llvm::SmallVector<int64_t, 4>>
getReshapeShape(GraphImporter &importer, const onnx::NodeProto &node,
                llvm::ArrayRef<int64_t> shape);

/// Returns the 2-D result shape of a Flatten node applied to `shape`.
mlir::FailureOr<llvm::SmallVector<int64_t, 4>>
getFlattenShape(GraphImporter &importer, const onnx::NodeProto &node,
                llvm::ArrayRef<int64_t> shape);

/// Returns the result shape of a Squeeze node (axes attribute before opset
/// 13, input from 13) applied to `shape`.
mlir::FailureOr<llvm::SmallVector<int64_t, 4>>
getSqueezeShape(GraphImporter &importer, const onnx::NodeProto &node,
                llvm::ArrayRef<int64_t> shape);

/// Returns the result shape of an Unsqueeze node (axes attribute before
/// opset 13, input from 13) applied to `shape`.
mlir::FailureOr<llvm::SmallVector<int64_t, 4>>
getUnsqueezeShape(GraphImporter &importer, const onnx::NodeProto &node,
                  llvm::ArrayRef<int64_t> shape);

/// Returns the permutation of a Transpose node on a tensor of rank `rank`.
mlir::FailureOr<llvm::SmallVector<int64_t, 4>>
getTransposePerm(GraphImporter &importer, const onnx::NodeProto &node,
                 int64_t rank);

/// Returns the box a Slice node reads from a tensor of `shape`.
mlir::FailureOr<SliceBox> getSliceBox(GraphImporter &importer,
                                      const onnx::NodeProto &node,
                                      llvm::ArrayRef<int64_t> shape);

/// Returns the normalized axis of a Concat node after checking that
/// `shapes` agree everywhere else.
mlir::FailureOr<int64_t>
getConcatAxis(GraphImporter &importer, const onnx::NodeProto &node,
              llvm::ArrayRef<llvm::SmallVector<int64_t, 4>> shapes);

/// Returns the sizes of the parts a Split node cuts along `axis` of `shape`.
mlir::FailureOr<llvm::SmallVector<int64_t, 4>>
getSplitSizes(GraphImporter &importer, const onnx::NodeProto &node,
              llvm::ArrayRef<int64_t> shape, int64_t &axis);

/// Quantizes a FLOAT host tensor as QuantizeLinear does (inputs 1 and 2 of
/// `node` hold scale and zero point); emits a diagnostic on failure.
mlir::FailureOr<HostTensor> quantizeOnHost(GraphImporter &importer,
                                           const onnx::NodeProto &node,
                                           const HostTensor &input);

/// The permutation from NCHW to NHWC.
inline constexpr int64_t kToNHWC[] = {0, 2, 3, 1};
/// The permutation from NHWC back to NCHW.
inline constexpr int64_t kToNCHW[] = {0, 3, 1, 2};

} // namespace morsel::onnx_import

#endif // MORSEL_LIB_TARGET_ONNX_GRAPHIMPORTER_H
