//===- ReferenceC.cpp - nn models as plain C reference kernels ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Writes the entry function: checks that every operation is an nn operator
// on supported element types, fuses clamps into the operator before them
// (as TFLite fuses activations), decides where each tensor lives (the
// caller's inputs and outputs, a weight array, a view of another tensor for
// reshapes, or the arena, placed greedy-by-size over operator lifetimes),
// then writes one kernel call per operator.
//
//===----------------------------------------------------------------------===//

#include "morsel/Target/ReferenceC/ReferenceC.h"
#include "Emitter.h"
#include "morsel/Support/BufferPlacement.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/Support/MathExtras.h"

#include <cstring>

using namespace mlir;
using namespace morsel;
using namespace morsel::referencec;

/// Every arena tensor starts at a multiple of this many bytes.
static constexpr int64_t kArenaAlignment = 16;

/// Returns the bytes of a statically shaped tensor of a supported kind.
static int64_t getTensorBytes(Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  return type.getNumElements() * getElementBytes(*getElementKind(type));
}

/// Formats the shape of a tensor as "1x49x10x1" (a scalar as "scalar").
static std::string formatShape(Type type) {
  ArrayRef<int64_t> shape = cast<ShapedType>(type).getShape();
  if (shape.empty())
    return "scalar";
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(shape, os, "x");
  return text;
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

/// Checks that `op` is an nn operator with one result whose tensors all have
/// element types the C file can hold.
static LogicalResult checkOperation(Operation &op) {
  if (!isa_and_nonnull<nn::NNDialect>(op.getDialect()))
    return op.emitError() << "the reference C backend does not support '"
                          << op.getName() << "' (only nn operators)";
  if (op.getNumResults() != 1)
    return op.emitOpError() << "has " << op.getNumResults()
                            << " results; the reference C backend expects one";
  for (Type type :
       llvm::concat<Type>(op.getOperandTypes(), op.getResultTypes()))
    if (!getElementKind(type))
      return op.emitOpError() << "has a tensor of type " << type
                              << ", which the reference C backend does not "
                                 "hold (f32, 8-bit quantized or i32 only)";
  return success();
}

/// Returns the C signature of the entry point, naming the arguments after
/// model.h (input0..., output0..., arena), or fails with a diagnostic.
static FailureOr<std::string> getSignature(func::FuncOp entry,
                                           StringRef prefix) {
  std::string signature;
  llvm::raw_string_ostream os(signature);
  os << "void " << prefix << "_run(";
  FunctionType type = entry.getFunctionType();
  for (auto [index, input] : llvm::enumerate(type.getInputs())) {
    std::optional<ElementKind> kind = getElementKind(input);
    if (!kind)
      return entry.emitError() << "input " << index << " has type " << input
                               << "; the reference C backend exchanges "
                                  "statically shaped tensors of f32, i8, u8 "
                                  "or i32";
    os << "const " << getCTypeName(*kind) << " *input" << index << ", ";
  }
  for (auto [index, output] : llvm::enumerate(type.getResults())) {
    std::optional<ElementKind> kind = getElementKind(output);
    if (!kind)
      return entry.emitError() << "output " << index << " has type " << output
                               << "; the reference C backend exchanges "
                                  "statically shaped tensors of f32, i8, u8 "
                                  "or i32";
    os << getCTypeName(*kind) << " *output" << index << ", ";
  }
  os << "void *arena)";
  return signature;
}

//===----------------------------------------------------------------------===//
// Weights
//===----------------------------------------------------------------------===//

/// Returns the raw little-endian bytes of a blob-backed constant, or
/// std::nullopt.
static std::optional<ArrayRef<char>> getBlobData(ElementsAttr value) {
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    if (AsmResourceBlob *blob = resource.getRawHandle().getBlob())
      return blob->getData();
  return std::nullopt;
}

/// Writes the values of an nn.constant as a static const array `name`.
static LogicalResult emitConstant(nn::ConstantOp op, StringRef name,
                                  raw_ostream &os) {
  auto type = cast<RankedTensorType>(op.getType());
  ElementKind kind = *getElementKind(type);
  int64_t count = type.getNumElements();
  ElementsAttr value = op.getValue();
  auto dense = dyn_cast<DenseElementsAttr>(value);
  std::optional<ArrayRef<char>> blob = getBlobData(value);
  int64_t width = getElementBytes(kind);
  if (!dense && (!blob || static_cast<int64_t>(blob->size()) != count * width))
    return op.emitOpError()
           << "holds a value the reference C backend cannot read (dense "
              "elements or a resource blob with data expected)";
  os << "/* " << name << ": " << formatShape(type) << " */\n";
  if (kind == ElementKind::F32) {
    SmallVector<float> values;
    values.reserve(count);
    if (dense) {
      for (APFloat element : dense.getValues<APFloat>())
        values.push_back(element.convertToFloat());
    } else {
      values.resize(count);
      std::memcpy(values.data(), blob->data(), count * sizeof(float));
    }
    writeFloatArray(os, name, values);
    os << "\n";
    return success();
  }
  bool isSigned = kind != ElementKind::U8;
  SmallVector<int64_t> values;
  values.reserve(count);
  if (dense) {
    for (APInt element : dense.getValues<APInt>())
      values.push_back(isSigned ? element.getSExtValue()
                                : element.getZExtValue());
  } else {
    for (int64_t i = 0; i < count; ++i) {
      uint64_t bits = 0;
      std::memcpy(&bits, blob->data() + i * width, width);
      APInt element(width * 8, bits);
      values.push_back(isSigned ? element.getSExtValue()
                                : element.getZExtValue());
    }
  }
  writeIntArray(os, getCTypeName(kind), name, values);
  os << "\n";
  return success();
}

//===----------------------------------------------------------------------===//
// Storage
//===----------------------------------------------------------------------===//

namespace {

/// Where the tensors of the entry function live.
class StoragePlan {
public:
  StoragePlan(FunctionWriter &writer, ArrayRef<Operation *> ops,
              func::ReturnOp returnOp)
      : writer(writer), ops(ops), returnOp(returnOp),
        claimedOutputs(returnOp.getNumOperands(), false) {}

  /// Names every tensor and places the arena tensors; writes their
  /// declarations into the function's prologue. Returns the arena bytes.
  int64_t build();

  /// Returns true if `op` is a reshape that only renames its input.
  bool isView(Operation *op) const { return views.contains(op); }

  /// Returns the outputs that no operator writes (an input, a weight or a
  /// tensor returned twice), with the tensor each must be copied from.
  SmallVector<std::pair<unsigned, Value>> getOutputCopies() const;

private:
  /// Returns the index of the first unclaimed output that returns `value`
  /// and claims it, or std::nullopt.
  std::optional<unsigned> claimOutput(Value value);
  bool isReturned(Value value) const {
    return llvm::is_contained(returnOp->getOperands(), value);
  }

  FunctionWriter &writer;
  ArrayRef<Operation *> ops;
  func::ReturnOp returnOp;
  SmallVector<bool> claimedOutputs;
  DenseSet<Operation *> views;
  /// The arena tensor whose bytes each tensor is (itself or, for views, the
  /// tensor it renames).
  DenseMap<Value, Value> roots;
};

} // namespace

std::optional<unsigned> StoragePlan::claimOutput(Value value) {
  for (auto [index, returned] : llvm::enumerate(returnOp.getOperands()))
    if (returned == value && !claimedOutputs[index]) {
      claimedOutputs[index] = true;
      return index;
    }
  return std::nullopt;
}

int64_t StoragePlan::build() {
  SmallVector<Value> arenaTensors;
  SmallVector<BufferLifetime> lifetimes;
  DenseMap<Value, size_t> bufferOf;
  for (auto [index, op] : llvm::enumerate(ops)) {
    if (writer.isFused(op))
      continue;
    if (isa<nn::ConstantOp>(op)) {
      writer.setPointer(op->getResult(0), "w" + std::to_string(index));
      continue;
    }
    Value output = writer.getOutput(op);
    if (auto reshape = dyn_cast<nn::ReshapeOp>(op);
        reshape && !isReturned(output)) {
      views.insert(op);
      writer.setPointer(output, writer.getPointer(reshape.getInput()));
      if (Value root = roots.lookup(reshape.getInput()))
        roots[output] = root;
      continue;
    }
    if (std::optional<unsigned> result = claimOutput(output)) {
      writer.setPointer(output, "output" + std::to_string(*result));
      continue;
    }
    writer.setPointer(output, "t" + std::to_string(index));
    roots[output] = output;
    bufferOf[output] = lifetimes.size();
    arenaTensors.push_back(output);
    int64_t step = static_cast<int64_t>(index);
    lifetimes.push_back({getTensorBytes(output), step, step});
  }

  // A tensor lives until the last operator that reads it or any view of it.
  auto extend = [&](Value operand, int64_t step) {
    Value root = roots.lookup(operand);
    if (!root)
      return;
    BufferLifetime &lifetime = lifetimes[bufferOf.lookup(root)];
    lifetime.lastUse = std::max(lifetime.lastUse, step);
  };
  for (auto [index, op] : llvm::enumerate(ops))
    if (!writer.isFused(op))
      for (Value operand : op->getOperands())
        extend(operand, static_cast<int64_t>(index));
  for (Value operand : returnOp.getOperands())
    extend(operand, static_cast<int64_t>(ops.size()));

  BufferPlacement placement = placeGreedyBySize(lifetimes, kArenaAlignment);
  raw_ostream &os = writer.getSource().prologue();
  if (arenaTensors.empty()) {
    os << "  (void)arena;\n";
    return 0;
  }
  os << "  uint8_t *const scratch = (uint8_t *)arena;\n";
  for (auto [index, tensor] : llvm::enumerate(arenaTensors)) {
    StringRef type = getCTypeName(*getElementKind(tensor.getType()));
    const BufferLifetime &lifetime = lifetimes[index];
    os << "  " << type << " *const " << writer.getPointer(tensor) << " = ("
       << type << " *)(scratch + " << placement.offsets[index] << "); /* "
       << formatShape(tensor.getType()) << ", " << lifetime.size << " bytes, op"
       << lifetime.firstUse << " to op" << lifetime.lastUse << " */\n";
  }
  return llvm::alignTo(placement.arenaBytes, kArenaAlignment);
}

SmallVector<std::pair<unsigned, Value>> StoragePlan::getOutputCopies() const {
  SmallVector<std::pair<unsigned, Value>> copies;
  for (auto [index, returned] : llvm::enumerate(returnOp->getOperands()))
    if (!claimedOutputs[index])
      copies.push_back({static_cast<unsigned>(index), returned});
  return copies;
}

//===----------------------------------------------------------------------===//
// Entry point
//===----------------------------------------------------------------------===//

/// Writes the kernel call of `op`, or fails with a diagnostic.
static LogicalResult emitOperation(Operation *op, FunctionWriter &writer) {
  emitOpComment(writer, op);
  if (std::optional<LogicalResult> result = emitLayerOp(op, writer))
    return *result;
  if (std::optional<LogicalResult> result = emitElementwiseOp(op, writer))
    return *result;
  if (std::optional<LogicalResult> result = emitMovementOp(op, writer))
    return *result;
  return op->emitOpError() << "is not supported by the reference C backend";
}

LogicalResult morsel::emitReferenceC(func::FuncOp entry, StringRef prefix,
                                     raw_ostream &os, ReferenceCInfo *info) {
  if (entry.isDeclaration() || !entry.getBody().hasOneBlock())
    return entry.emitError()
           << "the reference C backend needs a function with one block";
  Block &body = entry.getBody().front();
  auto returnOp = dyn_cast<func::ReturnOp>(body.getTerminator());
  if (!returnOp)
    return entry.emitError() << "the reference C backend needs a function "
                                "that ends in func.return";
  FailureOr<std::string> signature = getSignature(entry, prefix);
  if (failed(signature))
    return failure();

  CSource source;
  FunctionWriter writer(source);
  for (auto [index, argument] : llvm::enumerate(body.getArguments()))
    writer.setPointer(argument, "input" + std::to_string(index));
  SmallVector<Operation *> ops;
  for (Operation &op : body.without_terminator()) {
    if (failed(checkOperation(op)))
      return failure();
    writer.setOpIndex(&op, ops.size());
    ops.push_back(&op);
  }
  // A clamp that is the only reader of a conv, fc, add, mul or pooling
  // becomes that kernel's activation, as TFLite fuses ReLU and ReLU6.
  for (Operation *op : ops)
    if (auto clamp = dyn_cast<nn::ClampOp>(op))
      if (Operation *producer = clamp.getInput().getDefiningOp())
        if (canFuseClamp(producer) && producer->getResult(0).hasOneUse())
          writer.fuseClamp(producer, clamp);

  StoragePlan plan(writer, ops, returnOp);
  int64_t arenaBytes = plan.build();
  for (Operation *op : ops) {
    if (writer.isFused(op) || plan.isView(op))
      continue;
    if (auto constant = dyn_cast<nn::ConstantOp>(op)) {
      if (!constant->use_empty() &&
          failed(emitConstant(constant, writer.getPointer(constant),
                              source.data())))
        return failure();
      continue;
    }
    if (failed(emitOperation(op, writer)))
      return failure();
  }
  SmallVector<std::pair<unsigned, Value>> copies = plan.getOutputCopies();
  if (!copies.empty())
    source.body() << "\n  /* Outputs that no operator writes. */\n";
  for (auto [index, value] : copies) {
    auto type = cast<RankedTensorType>(value.getType());
    emitCopy(writer, *getElementKind(type), type.getNumElements(),
             writer.getPointer(value), "output" + std::to_string(index));
  }

  std::string banner;
  llvm::raw_string_ostream bannerOs(banner);
  bannerOs << "/* Generated by Morsel's reference C backend. Do not edit.\n"
           << "\n   " << prefix
           << "_run(): the model as plain C loops in the style of TensorFlow "
              "Lite\n   Micro's reference kernels, the baseline that Morsel's "
              "code is measured\n   against. Intermediate tensors live in the "
              "caller's arena: "
           << arenaBytes << " bytes,\n   16-byte aligned ("
           << StringRef(prefix).upper() << "_ARENA_BYTES in " << prefix
           << ".h). */\n";
  source.print(os, banner, *signature);
  if (info)
    info->arenaBytes = arenaBytes;
  return success();
}
