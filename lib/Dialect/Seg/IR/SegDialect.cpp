//===- SegDialect.cpp - The seg dialect -----------------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/Seg/IR/SegDialect.h"
#include "morsel/Dialect/Seg/IR/SegOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::seg;

#include "morsel/Dialect/Seg/IR/SegOpsDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "morsel/Dialect/Seg/IR/SegAttrs.cpp.inc"

#include "morsel/Dialect/Seg/IR/SegInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "morsel/Dialect/Seg/IR/SegOps.cpp.inc"

void SegDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "morsel/Dialect/Seg/IR/SegAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "morsel/Dialect/Seg/IR/SegOps.cpp.inc"
      >();
}

std::optional<int64_t> seg::getBufferBytes(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  if (!memref || !memref.hasStaticShape() ||
      !memref.getLayout().isIdentity() ||
      !memref.getElementType().isIntOrFloat())
    return std::nullopt;
  int64_t elementBytes = (memref.getElementTypeBitWidth() + 7) / 8;
  int64_t bytes = 0;
  if (llvm::MulOverflow(memref.getNumElements(), elementBytes, bytes))
    return std::nullopt;
  return bytes;
}

//===----------------------------------------------------------------------===//
// WindowAccessAttr
//===----------------------------------------------------------------------===//

LogicalResult
WindowAccessAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         ArrayRef<int64_t> input, ArrayRef<int64_t> output,
                         ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                         ArrayRef<int64_t> dilations, ArrayRef<int64_t> pad) {
  if (input.size() != 4 || output.size() != 4)
    return emitError() << "input and output must be [batch, height, width, "
                          "bytes per pixel]";
  if (kernel.size() != 2 || strides.size() != 2 || dilations.size() != 2 ||
      pad.size() != 2)
    return emitError()
           << "kernel, strides, dilations and pad must have two entries";
  if (input[0] != output[0])
    return emitError() << "input batch " << input[0]
                       << " differs from output batch " << output[0];
  auto positive = [](ArrayRef<int64_t> values) {
    return llvm::all_of(values, [](int64_t v) { return v > 0; });
  };
  if (!positive(input) || !positive(output) || !positive(kernel) ||
      !positive(strides) || !positive(dilations))
    return emitError() << "shapes, kernel, strides and dilations must be "
                          "positive";
  if (pad[0] < 0 || pad[1] < 0)
    return emitError() << "padding must not be negative";
  for (ArrayRef<int64_t> shape : {input, output}) {
    int64_t bytes = 1;
    for (int64_t extent : shape)
      if (llvm::MulOverflow(bytes, extent, bytes))
        return emitError() << "a buffer of the window is too large";
  }
  return success();
}

WindowAccess WindowAccessAttr::getWindow() const {
  WindowAccess w;
  w.batch = getInput()[0];
  w.inputHeight = getInput()[1];
  w.inputWidth = getInput()[2];
  w.inputPixelBytes = getInput()[3];
  w.outputHeight = getOutput()[1];
  w.outputWidth = getOutput()[2];
  w.outputPixelBytes = getOutput()[3];
  w.kernelHeight = getKernel()[0];
  w.kernelWidth = getKernel()[1];
  w.strideHeight = getStrides()[0];
  w.strideWidth = getStrides()[1];
  w.dilationHeight = getDilations()[0];
  w.dilationWidth = getDilations()[1];
  w.padTop = getPad()[0];
  w.padLeft = getPad()[1];
  return w;
}

int64_t WindowAccessAttr::getInputBytes() const {
  ArrayRef<int64_t> s = getInput();
  return s[0] * s[1] * s[2] * s[3];
}

int64_t WindowAccessAttr::getOutputBytes() const {
  ArrayRef<int64_t> s = getOutput();
  return s[0] * s[1] * s[2] * s[3];
}

//===----------------------------------------------------------------------===//
// PoolOp
//===----------------------------------------------------------------------===//

LogicalResult PoolOp::verify() {
  if (getType().getRank() != 1 || !getType().getLayout().isIdentity())
    return emitOpError("must be a one-dimensional memref of bytes");
  if (getType().getNumElements() % getAlignment() != 0)
    return emitOpError("size ")
           << getType().getNumElements()
           << " is not a multiple of the alignment " << getAlignment();
  return success();
}

//===----------------------------------------------------------------------===//
// ViewOp
//===----------------------------------------------------------------------===//

Value ViewOp::getViewSource() { return getPool(); }

int64_t ViewOp::getBytes() { return getBufferBytes(getType()).value_or(0); }

std::string ViewOp::getDisplayName() {
  if (std::optional<StringRef> name = getName())
    return name->str();
  return "offset " + std::to_string(getOffset());
}

LogicalResult ViewOp::verify() {
  MemRefType type = getType();
  if (!type.getLayout().isIdentity())
    return emitOpError("result must have an identity layout");
  if (!type.getElementType().isIntOrFloat())
    return emitOpError("result must hold integers or floats");
  std::optional<int64_t> bytes = getBufferBytes(type);
  int64_t end = 0;
  if (!bytes || llvm::AddOverflow<int64_t>(getOffset(), *bytes, end))
    return emitOpError("result is too large to place");
  int64_t poolBytes = getPool().getType().getNumElements();
  if (end > poolBytes)
    return emitOpError("bytes [")
           << getOffset() << ", " << getOffset() + getBytes()
           << ") lie outside the pool of " << poolBytes << " bytes";
  if (auto pool = getPool().getDefiningOp<PoolOp>())
    if (getOffset() % pool.getAlignment() != 0)
      return emitOpError("offset ")
             << getOffset() << " is not a multiple of the pool's alignment "
             << pool.getAlignment();
  return success();
}
