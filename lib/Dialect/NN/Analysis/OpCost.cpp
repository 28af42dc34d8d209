//===- OpCost.cpp - Work and bytes of one nn operator ---------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/Analysis/OpCost.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace morsel::nn;

int64_t morsel::nn::getTensorBytes(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return 0;
  Type element = tensor.getElementType();
  if (auto quantized = dyn_cast<quant::QuantizedType>(element))
    element = quantized.getStorageType();
  int64_t bits = element.getIntOrFloatBitWidth();
  return tensor.getNumElements() * ((bits + 7) / 8);
}

/// Multiply-accumulates of a convolution: one per output element, filter tap
/// and input channel of its group.
static int64_t getConvMacs(Conv2DOp op) {
  auto filter = cast<RankedTensorType>(op.getFilter().getType());
  return op.getType().getNumElements() * filter.getDimSize(1) *
         filter.getDimSize(2) * filter.getDimSize(3);
}

static int64_t getFullyConnectedMacs(FullyConnectedOp op) {
  auto weights = cast<RankedTensorType>(op.getWeights().getType());
  return op.getType().getNumElements() * weights.getDimSize(1);
}

OpCost morsel::nn::getOpCost(Operation *op) {
  OpCost cost;
  cost.macs = llvm::TypeSwitch<Operation *, int64_t>(op)
                  .Case<Conv2DOp>(getConvMacs)
                  .Case<FullyConnectedOp>(getFullyConnectedMacs)
                  .Default([](Operation *) { return 0; });
  for (Value operand : op->getOperands()) {
    int64_t bytes = getTensorBytes(operand.getType());
    if (operand.getDefiningOp<ConstantOp>())
      cost.weightBytes += bytes;
    else
      cost.activationBytesIn += bytes;
  }
  for (Type type : op->getResultTypes())
    cost.bytesOut += getTensorBytes(type);
  return cost;
}
