//===- ChannelChain.h - Chains that run a slice of channels at a time -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The operator chains of partial execution along channels (Pex): a producer
// that computes any subset of its output channels from its whole input,
// channel-wise operators, and a consumer that accumulates its result over
// its input channels. nn-partition-channels finds them and the verifier of
// nn.channel_partition checks its body with the same rules.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_IR_CHANNELCHAIN_H
#define MORSEL_DIALECT_NN_IR_CHANNELCHAIN_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace morsel::nn {

/// One chain, in execution order. Every result but the last one's has one
/// reader, the next operator of the chain.
struct ChannelChain {
  /// Computes a slice of output channels from its whole input: nn.conv2d
  /// with groups = 1, or nn.fully_connected.
  mlir::Operation *producer = nullptr;
  /// Depthwise nn.conv2d (channel multiplier 1) and nn.clamp, each reading
  /// the previous operator's result.
  llvm::SmallVector<mlir::Operation *> channelwise;
  /// Accumulates its result over its input channels: nn.conv2d with
  /// groups = 1, or nn.fully_connected.
  mlir::Operation *consumer = nullptr;
  /// An nn.clamp of the consumer's result that belongs to the chain (it is
  /// applied when the accumulators are requantized), or null.
  mlir::Operation *consumerClamp = nullptr;
  /// The channels of the wide tensors (the producer's output channels).
  int64_t channels = 0;

  /// Returns the operators in order, the consumer's clamp included.
  llvm::SmallVector<mlir::Operation *> getOperations() const;
  /// Returns the chain's result (the consumer's, or its clamp's).
  mlir::Value getResult() const;
};

/// Returns true if `op` can produce its output channels a slice at a time
/// from its whole input (nn.conv2d with groups = 1, nn.fully_connected).
bool isChannelProducer(mlir::Operation *op);

/// Returns true if `op` computes each output channel from the same channel
/// of its input alone: a depthwise nn.conv2d with channel multiplier 1, or
/// an nn.clamp.
bool isChannelwise(mlir::Operation *op);

/// Follows the readers of `producer`'s result to the longest chain it
/// starts. Fails, with the reason in `whyNot` (naming the operator that
/// breaks the chain), if there is none.
mlir::FailureOr<ChannelChain> matchChannelChain(mlir::Operation *producer,
                                                std::string &whyNot);

} // namespace morsel::nn

#endif // MORSEL_DIALECT_NN_IR_CHANNELCHAIN_H
