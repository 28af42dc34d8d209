//===- ImportONNX.cpp - Import ONNX models into the nn dialect ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The entry point of the ONNX importer: parses and checks the model with
// libonnx, then hands it to the GraphImporter. libonnx reports problems by
// throwing C++ exceptions; this library is the only part of Morsel compiled
// with exceptions, and it turns every one into a diagnostic here, before
// control returns to MLIR code.
//
//===----------------------------------------------------------------------===//

#include "morsel/Target/ONNX/ImportONNX.h"

#include "GraphImporter.h"

#include "morsel/Dialect/NN/IR/NNDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "onnx/checker.h"
#include "onnx/defs/schema.h"
#include "onnx/onnx_pb.h"
#include "onnx/shape_inference/implementation.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <climits>
#include <exception>
#include <memory>

using namespace mlir;
using namespace morsel;
using namespace morsel::onnx_import;

/// The opsets of the default ONNX domain the importer supports.
static constexpr int64_t kMinOpset = 11;
static constexpr int64_t kMaxOpset = 17;

/// Returns `message` on one line: line breaks become "; ", surrounding
/// whitespace is dropped.
static std::string toOneLine(StringRef message) {
  SmallVector<StringRef> lines;
  message.split(lines, '\n', -1, /*KeepEmpty=*/false);
  std::string result;
  for (StringRef line : lines) {
    line = line.trim();
    if (line.empty())
      continue;
    if (!result.empty())
      result += "; ";
    result += line.str();
  }
  return result;
}

/// Returns the opset version the model imports for the default domain, or
/// fails with a diagnostic if it is missing or outside [11, 17].
static FailureOr<int64_t> getDefaultOpset(const onnx::ModelProto &model,
                                          Location loc) {
  std::optional<int64_t> version;
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      version = opset.version();
  if (!version)
    return emitError(loc) << "the model does not import the default ONNX "
                             "operator set";
  if (*version < kMinOpset || *version > kMaxOpset)
    return emitError(loc) << "opset " << *version
                          << " is not supported (the importer handles opsets "
                          << kMinOpset << " to " << kMaxOpset << ")";
  return *version;
}

/// Rejects models whose initializers or Constant nodes keep their data in
/// external files, before libonnx's checker tries to open them.
static LogicalResult checkNoExternalData(const onnx::ModelProto &model,
                                         Location loc) {
  auto isExternal = [](const onnx::TensorProto &tensor) {
    return tensor.data_location() == onnx::TensorProto::EXTERNAL ||
           tensor.external_data_size() > 0;
  };
  for (const onnx::TensorProto &tensor : model.graph().initializer())
    if (isExternal(tensor))
      return emitError(loc)
             << "initializer '" << tensor.name()
             << "' stores its data in an external file, which the importer "
                "does not support (save the model with the data inside the "
                ".onnx file)";
  for (const onnx::NodeProto &node : model.graph().node())
    for (const onnx::AttributeProto &attribute : node.attribute())
      if (attribute.has_t() && isExternal(attribute.t()))
        return emitError(loc)
               << "node '" << getNodeName(node) << "' (" << node.op_type()
               << ") stores attribute '" << attribute.name()
               << "' in an external file, which is not supported";
  return success();
}

/// Rejects window operators whose strides, dilations or kernel sizes are not
/// positive: libonnx 1.12's shape inference divides by them unchecked.
static LogicalResult checkWindowAttributes(const onnx::ModelProto &model,
                                           Location loc) {
  static const llvm::StringSet<> windowOps = {
      "AveragePool", "Conv",    "ConvInteger", "ConvTranspose",
      "LpPool",      "MaxPool", "MaxUnpool",   "QLinearConv"};
  for (const onnx::NodeProto &node : model.graph().node()) {
    if (!windowOps.contains(node.op_type()))
      continue;
    for (const onnx::AttributeProto &attribute : node.attribute()) {
      StringRef name = attribute.name();
      if (name != "strides" && name != "dilations" && name != "kernel_shape")
        continue;
      if (llvm::any_of(attribute.ints(), [](int64_t v) { return v <= 0; }))
        return emitError(loc)
               << "node '" << getNodeName(node) << "' (" << node.op_type()
               << "): attribute '" << name << "' must hold positive values";
    }
  }
  return success();
}

/// Runs libonnx's checker and strict shape inference on `model`, turning
/// their exceptions into diagnostics.
static LogicalResult checkWithLibONNX(onnx::ModelProto &model, Location loc) {
  StringRef stage = "the ONNX checker";
  try {
    onnx::checker::check_model(model);
    stage = "ONNX shape inference";
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(),
        onnx::ShapeInferenceOptions(/*check_type=*/true, /*error_mode=*/1));
    return success();
  } catch (const onnx::checker::ValidationError &error) {
    return emitError(loc) << stage
                          << " rejects the model: " << toOneLine(error.what());
  } catch (const onnx::InferenceError &error) {
    return emitError(loc) << stage
                          << " rejects the model: " << toOneLine(error.what());
  } catch (const std::exception &error) {
    return emitError(loc) << stage << " failed: " << toOneLine(error.what());
  } catch (...) {
    return emitError(loc) << stage << " failed with an unknown error";
  }
}

/// Parses `buffer` into `model` and checks it; returns the default opset.
static FailureOr<int64_t> loadModel(StringRef buffer, Location loc,
                                    onnx::ModelProto &model) {
  if (buffer.size() > static_cast<size_t>(INT_MAX))
    return emitError(loc) << "the file is larger than 2 GiB, which protobuf "
                             "cannot parse";
  bool parsed = false;
  try {
    parsed =
        model.ParseFromArray(buffer.data(), static_cast<int>(buffer.size()));
  } catch (...) {
    parsed = false;
  }
  if (!parsed)
    return emitError(loc) << "the file is not a valid ONNX model (the protobuf "
                             "does not parse: truncated, or not an ONNX file)";
  if (model.ir_version() <= 0 || !model.has_graph())
    return emitError(loc)
           << "the file is not an ONNX model (it has no IR version or graph)";
  FailureOr<int64_t> opset = getDefaultOpset(model, loc);
  if (failed(opset) || failed(checkNoExternalData(model, loc)) ||
      failed(checkWindowAttributes(model, loc)) ||
      failed(checkWithLibONNX(model, loc)))
    return failure();
  return opset;
}

OwningOpRef<ModuleOp> morsel::importONNX(StringRef buffer, StringRef fileName,
                                         MLIRContext *context) {
  context->loadDialect<nn::NNDialect, func::FuncDialect, quant::QuantDialect>();
  Location loc = FileLineColLoc::get(context, fileName, 0, 0);
  auto model = std::make_unique<onnx::ModelProto>();
  FailureOr<int64_t> opset = loadModel(buffer, loc, *model);
  if (failed(opset))
    return nullptr;
  try {
    GraphImporter importer(*model, fileName, *opset, context);
    return importer.importModel();
  } catch (const std::exception &error) {
    emitError(loc) << "the import failed: " << toOneLine(error.what());
  } catch (...) {
    emitError(loc) << "the import failed with an unknown error";
  }
  return nullptr;
}

void morsel::registerImportONNXTranslation() {
  static TranslateToMLIRRegistration registration(
      "import-onnx", "Import an ONNX model into the nn dialect",
      TranslateRawSourceMgrToMLIRFunction(
          [](llvm::SourceMgr &sourceMgr,
             MLIRContext *context) -> OwningOpRef<Operation *> {
            const llvm::MemoryBuffer *buffer =
                sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
            OwningOpRef<ModuleOp> module = importONNX(
                buffer->getBuffer(), buffer->getBufferIdentifier(), context);
            if (!module)
              return nullptr;
            return OwningOpRef<Operation *>(module.release().getOperation());
          }),
      [](DialectRegistry &registry) {
        registry
            .insert<nn::NNDialect, func::FuncDialect, quant::QuantDialect>();
      });
}
