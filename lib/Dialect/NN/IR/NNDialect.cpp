//===- NNDialect.cpp - The nn dialect -------------------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNDialect.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace morsel::nn;

#include "morsel/Dialect/NN/IR/NNOpsDialect.cpp.inc"

void NNDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "morsel/Dialect/NN/IR/NNOps.cpp.inc"
      >();
}

Operation *NNDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!elements || !tensorType)
    return nullptr;
  // The value is either of the result type, or, for a quantized result, of
  // the same shape with the storage type.
  Type expected = tensorType.getElementType();
  if (auto quantized = dyn_cast<quant::QuantizedType>(expected))
    expected = quantized.getStorageType();
  auto valueType = dyn_cast<RankedTensorType>(elements.getType());
  if (!valueType || valueType.getShape() != tensorType.getShape() ||
      valueType.getElementType() != expected)
    return nullptr;
  return ConstantOp::create(builder, loc, tensorType, elements);
}
