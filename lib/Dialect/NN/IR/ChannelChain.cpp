//===- ChannelChain.cpp - Chains that run a slice of channels at a time ---===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/ChannelChain.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::nn;

SmallVector<Operation *> ChannelChain::getOperations() const {
  SmallVector<Operation *> ops = {producer};
  llvm::append_range(ops, channelwise);
  ops.push_back(consumer);
  if (consumerClamp)
    ops.push_back(consumerClamp);
  return ops;
}

Value ChannelChain::getResult() const {
  return (consumerClamp ? consumerClamp : consumer)->getResult(0);
}

/// Returns the last dimension of `value`'s tensor type.
static int64_t getChannels(Value value) {
  return cast<RankedTensorType>(value.getType()).getShape().back();
}

/// Returns true if the weights and bias of `op` (a convolution or fully
/// connected layer) are nn.constant results: the lowering slices them at
/// compile time.
static bool hasConstantWeights(Operation *op) {
  return llvm::all_of(op->getOperands().drop_front(), [](Value operand) {
    return operand.getDefiningOp<ConstantOp>() != nullptr;
  });
}

bool nn::isChannelProducer(Operation *op) {
  if (auto conv = dyn_cast<Conv2DOp>(op))
    return conv.getGroups() == 1 && hasConstantWeights(op);
  return isa<FullyConnectedOp>(op) && hasConstantWeights(op);
}

bool nn::isChannelwise(Operation *op) {
  if (isa<ClampOp>(op))
    return true;
  auto conv = dyn_cast<Conv2DOp>(op);
  if (!conv || !hasConstantWeights(op))
    return false;
  int64_t channels = getChannels(conv.getInput());
  return conv.getGroups() == channels && getChannels(conv) == channels;
}

/// Returns why `op`, which reads a wide tensor, cannot take it one slice of
/// channels at a time.
static std::string describeBreak(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "'" << op->getName() << "' ";
  if (auto conv = dyn_cast<Conv2DOp>(op)) {
    if (!hasConstantWeights(op))
      os << "has weights that are not constant";
    else
      os << "with groups = " << conv.getGroups()
         << " mixes channels of different slices";
  } else if (isa<FullyConnectedOp>(op)) {
    os << "has weights that are not constant";
  } else if (isa<SoftmaxOp, MeanOp>(op)) {
    os << "reduces across channels";
  } else if (isa<ReshapeOp, TransposeOp>(op)) {
    os << "moves channels (a channel shuffle), so a slice is not a slice "
          "of its result";
  } else if (isa<ConcatOp, SliceOp, PadOp>(op)) {
    os << "mixes the slices with other channels";
  } else {
    os << "is not one of the channel-wise operators a slice can run "
          "through (depthwise conv2d, clamp)";
  }
  return text;
}

FailureOr<ChannelChain> nn::matchChannelChain(Operation *producer,
                                              std::string &whyNot) {
  if (!isChannelProducer(producer)) {
    whyNot = "'" + producer->getName().getStringRef().str() +
             "' cannot compute a slice of its output channels from its "
             "whole input";
    return failure();
  }
  ChannelChain chain;
  chain.producer = producer;
  chain.channels = getChannels(producer->getResult(0));
  Value wide = producer->getResult(0);
  while (true) {
    if (!wide.hasOneUse()) {
      whyNot = "the result of '" +
               wide.getDefiningOp()->getName().getStringRef().str() +
               "' has " + std::to_string(llvm::range_size(wide.getUses())) +
               " readers; only one, a slice at a time, can read it";
      return failure();
    }
    OpOperand &use = *wide.use_begin();
    Operation *user = use.getOwner();
    if (use.getOperandNumber() != 0) {
      whyNot = describeBreak(user);
      return failure();
    }
    if (isa<ClampOp>(user) && isa<ClampOp>(wide.getDefiningOp())) {
      // The lowering fuses one clamp into the convolution before it.
      whyNot = "'nn.clamp' follows another clamp; a slice fuses one clamp "
               "per convolution";
      return failure();
    }
    if (isChannelwise(user)) {
      chain.channelwise.push_back(user);
      wide = user->getResult(0);
      continue;
    }
    if (isChannelProducer(user)) {
      chain.consumer = user;
      Value result = user->getResult(0);
      if (result.hasOneUse() && isa<ClampOp>(*result.user_begin()))
        chain.consumerClamp = *result.user_begin();
      return chain;
    }
    whyNot = describeBreak(user);
    return failure();
  }
}
