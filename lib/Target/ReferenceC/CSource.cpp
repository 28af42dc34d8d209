//===- CSource.cpp - The C file and the state of its entry function -------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"
#include "morsel/Support/FixedPoint.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

#include <cmath>

using namespace mlir;
using namespace morsel;
using namespace morsel::referencec;

//===----------------------------------------------------------------------===//
// Element types and quantization
//===----------------------------------------------------------------------===//

std::optional<ElementKind> referencec::getElementKind(Type tensorType) {
  auto tensor = dyn_cast<RankedTensorType>(tensorType);
  if (!tensor || !tensor.hasStaticShape())
    return std::nullopt;
  Type element = tensor.getElementType();
  if (element.isF32())
    return ElementKind::F32;
  if (element.isSignlessInteger(8))
    return ElementKind::S8;
  if (element.isSignlessInteger(32))
    return ElementKind::S32;
  if (auto quantized = dyn_cast<quant::QuantizedType>(element)) {
    unsigned width = quantized.getStorageTypeIntegralWidth();
    if (width == 8)
      return quantized.isSigned() ? ElementKind::S8 : ElementKind::U8;
    if (width == 32 && quantized.isSigned())
      return ElementKind::S32;
  }
  return std::nullopt;
}

StringRef referencec::getCTypeName(ElementKind kind) {
  switch (kind) {
  case ElementKind::F32:
    return "float";
  case ElementKind::S8:
    return "int8_t";
  case ElementKind::U8:
    return "uint8_t";
  case ElementKind::S32:
    return "int32_t";
  }
  return "void";
}

StringRef referencec::getKindSuffix(ElementKind kind) {
  switch (kind) {
  case ElementKind::F32:
    return "f32";
  case ElementKind::S8:
    return "s8";
  case ElementKind::U8:
    return "u8";
  case ElementKind::S32:
    return "s32";
  }
  return "";
}

int64_t referencec::getElementBytes(ElementKind kind) {
  return kind == ElementKind::S8 || kind == ElementKind::U8 ? 1 : 4;
}

std::string referencec::getKernelSuffix(ArrayRef<ElementKind> kinds) {
  if (llvm::all_equal(kinds))
    return getKindSuffix(kinds.front()).str();
  std::string suffix;
  for (ElementKind kind : kinds) {
    if (!suffix.empty())
      suffix += "_";
    suffix += getKindSuffix(kind);
  }
  return suffix;
}

std::optional<QuantParams> referencec::getPerTensorParams(Type tensorType) {
  auto tensor = dyn_cast<ShapedType>(tensorType);
  if (!tensor)
    return std::nullopt;
  auto uniform = dyn_cast<quant::UniformQuantizedType>(tensor.getElementType());
  if (!uniform)
    return std::nullopt;
  QuantParams params;
  params.scale = uniform.getScale();
  params.zeroPoint = uniform.getZeroPoint();
  params.qmin = uniform.getStorageTypeMin();
  params.qmax = uniform.getStorageTypeMax();
  params.isSigned = uniform.isSigned();
  return params;
}

int64_t referencec::quantizeAway(double real, const QuantParams &params) {
  double rounded = std::round(real / params.scale);
  return roundAndClamp(static_cast<double>(params.zeroPoint) + rounded,
                       static_cast<int32_t>(params.qmin),
                       static_cast<int32_t>(params.qmax));
}

//===----------------------------------------------------------------------===//
// C text
//===----------------------------------------------------------------------===//

std::string referencec::formatFloat(float value) {
  if (std::isnan(value))
    return "NAN";
  if (std::isinf(value))
    return value > 0 ? "INFINITY" : "-INFINITY";
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.9g", static_cast<double>(value));
  // "3" is not a float literal; "3.0f" is.
  if (text.find_first_of(".e") == std::string::npos)
    text += ".0";
  return text + "f";
}

std::string referencec::joinInts(ArrayRef<int64_t> values) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(values, os);
  return text;
}

/// The most values an array prints on its declaration's own line.
static constexpr size_t kInlineValues = 8;

void referencec::writeIntArray(raw_ostream &os, StringRef type, StringRef name,
                               ArrayRef<int64_t> values) {
  os << "static const " << type << " " << name << "["
     << std::max<size_t>(values.size(), 1) << "] = {";
  if (values.size() <= kInlineValues) {
    os << joinInts(values) << "};\n";
    return;
  }
  for (auto [index, value] : llvm::enumerate(values))
    os << (index % 16 ? " " : "\n    ") << value << ",";
  os << "\n};\n";
}

void referencec::writeFloatArray(raw_ostream &os, StringRef name,
                                 ArrayRef<float> values) {
  os << "static const float " << name << "["
     << std::max<size_t>(values.size(), 1) << "] = {";
  if (values.size() <= kInlineValues / 2) {
    llvm::interleaveComma(values, os,
                          [&](float value) { os << formatFloat(value); });
    os << "};\n";
    return;
  }
  for (auto [index, value] : llvm::enumerate(values))
    os << (index % 8 ? " " : "\n    ") << formatFloat(value) << ",";
  os << "\n};\n";
}

StructWriter &StructWriter::field(StringRef field, const Twine &value) {
  fields.push_back(("." + field + " = " + value).str());
  return *this;
}

StructWriter &StructWriter::array(StringRef field, ArrayRef<int64_t> values) {
  return this->field(field, "{" + joinInts(values) + "}");
}

void StructWriter::write(raw_ostream &os) const {
  os << "static const " << type << " " << name << " = {\n";
  for (const std::string &field : fields)
    os << "    " << field << ",\n";
  os << "};\n\n";
}

//===----------------------------------------------------------------------===//
// CSource
//===----------------------------------------------------------------------===//

void CSource::usePiece(Piece piece) {
  if (pieces.contains(piece))
    return;
  for (Piece dependency : getPieceDependencies(piece))
    usePiece(dependency);
  pieces.insert(piece);
}

std::string
CSource::useKernel(Kernel kernel, StringRef suffix,
                   ArrayRef<std::pair<StringRef, std::string>> substitutions) {
  const KernelInfo &info = getKernelInfo(kernel);
  std::string name = (info.baseName + "_" + suffix).str();
  if (!kernelNames.insert(name).second)
    return name;
  for (Piece piece : info.needs)
    usePiece(piece);
  std::string text = info.source.str();
  auto replaceAll = [&](StringRef from, StringRef to) {
    for (size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to.str());
  };
  replaceAll("{NAME}", name);
  for (const auto &[placeholder, replacement] : substitutions)
    replaceAll(placeholder, replacement);
  kernels.push_back({name, text});
  return name;
}

void CSource::print(raw_ostream &os, StringRef banner,
                    StringRef signature) const {
  os << banner
     << "\n#include <math.h>\n#include <stddef.h>\n#include "
        "<stdint.h>\n";
  // Pieces in their declaration order: structs before the helpers and
  // kernels that take them.
  for (int piece = 0; piece <= static_cast<int>(Piece::MovementParams); ++piece)
    if (pieces.contains(static_cast<Piece>(piece)))
      os << getPieceSource(static_cast<Piece>(piece));
  for (const auto &kernel : kernels)
    os << kernel.second;
  if (!dataText.empty())
    os << "\n/* Weights, tables and the parameters of each operator. */\n\n"
       << dataText;
  os << "\n" << signature << " {\n" << prologueText << bodyText << "}\n";
}

//===----------------------------------------------------------------------===//
// FunctionWriter
//===----------------------------------------------------------------------===//

std::string FunctionWriter::getPointer(Value value) const {
  return pointers.lookup(value);
}

void FunctionWriter::setPointer(Value value, StringRef pointer) {
  pointers[value] = pointer.str();
}

std::string FunctionWriter::getOpName(Operation *op) const {
  return "op" + std::to_string(opIndices.lookup(op));
}

void FunctionWriter::setOpIndex(Operation *op, int64_t index) {
  opIndices[op] = index;
}

nn::ClampOp FunctionWriter::getFusedClamp(Operation *op) const {
  return fusedClamps.lookup(op);
}

void FunctionWriter::fuseClamp(Operation *producer, nn::ClampOp clamp) {
  fusedClamps[producer] = clamp;
  fused.insert(clamp);
}

bool FunctionWriter::isFused(Operation *op) const { return fused.count(op); }

Value FunctionWriter::getOutput(Operation *op) const {
  if (nn::ClampOp clamp = getFusedClamp(op))
    return clamp.getResult();
  return op->getResult(0);
}

//===----------------------------------------------------------------------===//
// Activations and shared operator helpers
//===----------------------------------------------------------------------===//

bool referencec::canFuseClamp(Operation *op) {
  return isa<nn::Conv2DOp, nn::FullyConnectedOp, nn::AddOp, nn::MulOp,
             nn::MaxPool2DOp, nn::AvgPool2DOp>(op);
}

ActivationBounds referencec::getActivationBounds(Operation *op,
                                                 const FunctionWriter &writer) {
  ActivationBounds bounds;
  bounds.floatMin = -std::numeric_limits<float>::infinity();
  bounds.floatMax = std::numeric_limits<float>::infinity();
  std::optional<QuantParams> output =
      getPerTensorParams(op->getResult(0).getType());
  if (output) {
    bounds.min = output->qmin;
    bounds.max = output->qmax;
  }
  nn::ClampOp clamp = writer.getFusedClamp(op);
  if (!clamp)
    return bounds;
  float min = clamp.getMin().convertToFloat();
  float max = clamp.getMax().convertToFloat();
  if (output) {
    // docs/quantization.md: lo and hi saturate to the storage range.
    bounds.min = quantizeAway(min, *output);
    bounds.max = quantizeAway(max, *output);
  }
  bounds.floatMin = min;
  bounds.floatMax = max;
  return bounds;
}

void referencec::addActivationFields(StructWriter &params, Operation *op,
                                     const FunctionWriter &writer) {
  ActivationBounds bounds = getActivationBounds(op, writer);
  if (getPerTensorParams(op->getResult(0).getType())) {
    params.field("output_activation_min", Twine(bounds.min))
        .field("output_activation_max", Twine(bounds.max));
    return;
  }
  params.field("float_activation_min", formatFloat(bounds.floatMin))
      .field("float_activation_max", formatFloat(bounds.floatMax));
}

void referencec::emitCopy(FunctionWriter &writer, ElementKind kind,
                          int64_t count, StringRef from, StringRef to) {
  std::string name = writer.getSource().useKernel(
      Kernel::Copy, getKindSuffix(kind), {{"{T}", getCTypeName(kind).str()}});
  writer.getSource().body()
      << "  " << name << "(" << count << ", " << from << ", " << to << ");\n";
}

void referencec::emitOpComment(FunctionWriter &writer, Operation *op) {
  raw_ostream &os = writer.getSource().body();
  os << "\n  /* " << writer.getOpName(op) << ": "
     << op->getName().getStringRef();
  if (nn::ClampOp clamp = writer.getFusedClamp(op))
    os << " + " << clamp->getName().getStringRef();
  os << ", ";
  llvm::interleave(
      op->getOperandTypes(), os,
      [&](Type type) {
        auto shaped = cast<ShapedType>(type);
        llvm::interleave(shaped.getShape(), os, "x");
      },
      ", ");
  os << " -> ";
  llvm::interleave(cast<ShapedType>(op->getResult(0).getType()).getShape(), os,
                   "x");
  os << " */\n";
}
