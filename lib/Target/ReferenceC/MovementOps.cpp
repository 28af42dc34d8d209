//===- MovementOps.cpp - Data movement calls ------------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// nn.reshape (a copy only when its result is a model output; otherwise the
// storage plan makes it a view), nn.transpose, nn.slice, nn.pad and
// nn.concat. Shapes up to rank 6 are padded with leading dimensions of
// size 1 for the 6-D kernels.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::referencec;

/// The rank of the movement kernels.
static constexpr size_t kMovementRank = 6;

/// Returns the shape of a tensor.
static ArrayRef<int64_t> shapeOf(Value value) {
  return cast<ShapedType>(value.getType()).getShape();
}

/// Returns the element kind of a tensor (checked before emission).
static ElementKind kindOf(Value value) {
  return *getElementKind(value.getType());
}

/// Returns `values` padded at the front with `fill` to the kernels' rank.
static SmallVector<int64_t> padFront(ArrayRef<int64_t> values, int64_t fill) {
  SmallVector<int64_t> padded(kMovementRank - values.size(), fill);
  padded.append(values.begin(), values.end());
  return padded;
}

/// Fails unless `op`'s tensors have at most the kernels' rank.
static LogicalResult checkRank(Operation *op) {
  for (Value value : llvm::concat<Value>(op->getOperands(), op->getResults()))
    if (shapeOf(value).size() > kMovementRank)
      return op->emitOpError()
             << "moves a rank-" << shapeOf(value).size()
             << " tensor; the reference C backend moves up to rank "
             << kMovementRank;
  return success();
}

/// Returns the movement kernel `kernel` instantiated for `op`'s elements.
static std::string useMovementKernel(Operation *op, Kernel kernel,
                                     FunctionWriter &writer) {
  ElementKind kind = kindOf(op->getResult(0));
  return writer.getSource().useKernel(kernel, getKindSuffix(kind),
                                      {{"{T}", getCTypeName(kind).str()}});
}

/// Writes the parameters and the call of a kernel that takes
/// (&params, input, output).
static void emitMovementCall(Operation *op, StructWriter &params,
                             StringRef kernel, FunctionWriter &writer,
                             StringRef extraArgument = "") {
  params.write(writer.getSource().data());
  raw_ostream &os = writer.getSource().body();
  os << "  " << kernel << "(&" << writer.getOpName(op) << ", ";
  if (!extraArgument.empty())
    os << extraArgument << ", ";
  os << writer.getPointer(op->getOperand(0)) << ", "
     << writer.getPointer(op->getResult(0)) << ");\n";
}

/// nn.reshape into a model output -> copy_*.
static LogicalResult emitReshape(nn::ReshapeOp op, FunctionWriter &writer) {
  emitCopy(writer, kindOf(op.getResult()), op.getType().getNumElements(),
           writer.getPointer(op.getInput()), writer.getPointer(op.getResult()));
  return success();
}

/// nn.transpose -> transpose_*.
static LogicalResult emitTranspose(nn::TransposeOp op, FunctionWriter &writer) {
  if (failed(checkRank(op)))
    return failure();
  ArrayRef<int64_t> perm = op.getPerm();
  size_t offset = kMovementRank - perm.size();
  SmallVector<int64_t> paddedPerm;
  for (size_t k = 0; k < kMovementRank; ++k)
    paddedPerm.push_back(k < offset
                             ? static_cast<int64_t>(k)
                             : perm[k - offset] + static_cast<int64_t>(offset));
  StructWriter params("movement_params", writer.getOpName(op));
  params.array("input_dims", padFront(shapeOf(op.getInput()), 1))
      .array("output_dims", padFront(shapeOf(op.getResult()), 1))
      .array("perm", paddedPerm);
  emitMovementCall(op, params, useMovementKernel(op, Kernel::Transpose, writer),
                   writer);
  return success();
}

/// nn.slice -> strided_slice_*.
static LogicalResult emitSlice(nn::SliceOp op, FunctionWriter &writer) {
  if (failed(checkRank(op)))
    return failure();
  StructWriter params("movement_params", writer.getOpName(op));
  params.array("input_dims", padFront(shapeOf(op.getInput()), 1))
      .array("output_dims", padFront(op.getSizes(), 1))
      .array("start", padFront(op.getOffsets(), 0))
      .array("step", padFront(op.getStrides(), 1));
  emitMovementCall(op, params,
                   useMovementKernel(op, Kernel::StridedSlice, writer), writer);
  return success();
}

/// nn.pad -> pad_* with the value quantized by the tensor's parameters.
static LogicalResult emitPad(nn::PadOp op, FunctionWriter &writer) {
  if (failed(checkRank(op)))
    return failure();
  float value = op.getValue().convertToFloat();
  std::string padValue = formatFloat(value);
  ElementKind kind = kindOf(op.getResult());
  if (std::optional<QuantParams> params =
          getPerTensorParams(op.getInput().getType()))
    padValue = "(" + getCTypeName(kind).str() + ")" +
               std::to_string(quantizeAway(value, *params));
  else if (kind != ElementKind::F32)
    return op.emitOpError()
           << "pads a tensor of type " << op.getInput().getType()
           << "; the reference C backend pads f32 and "
              "per-tensor quantized tensors";
  StructWriter params("movement_params", writer.getOpName(op));
  params.array("input_dims", padFront(shapeOf(op.getInput()), 1))
      .array("output_dims", padFront(shapeOf(op.getResult()), 1))
      .array("low", padFront(op.getLow(), 0));
  emitMovementCall(op, params, useMovementKernel(op, Kernel::Pad, writer),
                   writer, padValue);
  return success();
}

/// nn.concat -> concatenation_*.
static LogicalResult emitConcat(nn::ConcatOp op, FunctionWriter &writer) {
  std::string name = writer.getOpName(op);
  ArrayRef<int64_t> shape = shapeOf(op.getResult());
  int64_t axis = op.getAxis();
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= shape[d];
  for (int64_t d = axis + 1; d < static_cast<int64_t>(shape.size()); ++d)
    inner *= shape[d];
  SmallVector<int64_t> copySizes;
  SmallVector<std::string> inputs;
  for (Value input : op.getInputs()) {
    copySizes.push_back(shapeOf(input)[axis] * inner);
    inputs.push_back(writer.getPointer(input));
  }
  writeIntArray(writer.getSource().data(), "int32_t", name + "_copy_sizes",
                copySizes);
  ElementKind kind = kindOf(op.getResult());
  std::string kernel = useMovementKernel(op, Kernel::Concatenation, writer);
  raw_ostream &os = writer.getSource().body();
  os << "  {\n    const " << getCTypeName(kind) << " *const inputs[] = {";
  llvm::interleaveComma(inputs, os);
  os << "};\n    " << kernel << "(" << outer << ", " << inputs.size() << ", "
     << name << "_copy_sizes, inputs, " << writer.getPointer(op.getResult())
     << ");\n  }\n";
  return success();
}

std::optional<LogicalResult>
referencec::emitMovementOp(Operation *op, FunctionWriter &writer) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](nn::ReshapeOp reshape) { return emitReshape(reshape, writer); })
      .Case([&](nn::TransposeOp transpose) {
        return emitTranspose(transpose, writer);
      })
      .Case([&](nn::SliceOp slice) { return emitSlice(slice, writer); })
      .Case([&](nn::PadOp pad) { return emitPad(pad, writer); })
      .Case([&](nn::ConcatOp concat) { return emitConcat(concat, writer); })
      .Default([](Operation *) { return std::nullopt; });
}
