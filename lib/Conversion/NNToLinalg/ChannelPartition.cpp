//===- ChannelPartition.cpp - Lower nn.channel_partition ------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// An nn.channel_partition chain becomes a loop over channel chunks:
//
//   acc = bias of every consumer output            (i32, or f32)
//   for c in 0 .. chunks:
//     s = producer kernel, output channels [c*k, c*k + k) of its input
//     s = each channel-wise kernel on the slice     (clamps fused)
//     acc += consumer kernel over input channels [c*k, c*k + k) of s
//   result = requantize(acc) (and the consumer's clamp)
//
// Each kernel is ConvolutionKernel's loop nest with its channels offset, so
// the arithmetic is the unpartitioned operators' bit for bit. The slices
// are tensors of k channels created in the loop body: bufferized, they are
// buffers that live for the loop, which the planner places like any other.
//
//===----------------------------------------------------------------------===//

#include "ConvolutionKernel.h"
#include "LoweringUtils.h"
#include "morsel/Dialect/NN/IR/ChannelChain.h"
#include "morsel/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace morsel;
using namespace morsel::nnlowering;

namespace {

/// One kernel of the loop body: the producer or a channel-wise convolution,
/// with the clamp that follows it fused.
struct SliceStage {
  ConvolutionKernel kernel;
  /// The result type of the whole operator (storage-typed).
  RankedTensorType wholeType;
};

/// nn.channel_partition -> a loop over channel chunks.
struct ChannelPartitionLowering
    : public OpConversionPattern<nn::ChannelPartitionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(nn::ChannelPartitionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Block &body = op.getBody().front();
    std::string whyNot;
    FailureOr<nn::ChannelChain> chain = nn::matchChannelChain(
        body.getArgument(0).use_begin()->getOwner(), whyNot);
    if (failed(chain))
      return rewriter.notifyMatchFailure(op, whyNot);

    // The kernels of the loop body, clamps fused into the convolution
    // before them.
    SmallVector<SliceStage, 2> stages;
    SmallVector<Operation *> sliced = {chain->producer};
    llvm::append_range(sliced, chain->channelwise);
    for (Operation *stageOp : sliced) {
      if (isa<nn::ClampOp>(stageOp)) {
        if (stages.empty() || stages.back().kernel.quantizedClamp ||
            stages.back().kernel.floatClamp ||
            failed(fuseClampIntoKernel(stageOp, stages.back().kernel)))
          return rewriter.notifyMatchFailure(
              stageOp, "cannot fuse the clamp into the convolution before it");
        continue;
      }
      FailureOr<ConvolutionKernel> kernel = getConvolutionKernel(stageOp);
      auto wholeType = dyn_cast_or_null<RankedTensorType>(
          getTypeConverter()->convertType(stageOp->getResult(0).getType()));
      if (failed(kernel) || !wholeType)
        return rewriter.notifyMatchFailure(stageOp, "has no kernel");
      stages.push_back({*kernel, wholeType});
    }
    FailureOr<ConvolutionKernel> consumer =
        getConvolutionKernel(chain->consumer);
    if (failed(consumer))
      return rewriter.notifyMatchFailure(chain->consumer, "has no kernel");
    if (chain->consumerClamp &&
        failed(fuseClampIntoKernel(chain->consumerClamp, *consumer)))
      return rewriter.notifyMatchFailure(chain->consumerClamp,
                                         "cannot fuse the clamp");
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "cannot convert the result type");

    Type accumulatorElement = consumer->input
                                  ? Type(rewriter.getI32Type())
                                  : Type(rewriter.getF32Type());
    auto accumulatorType =
        RankedTensorType::get(resultType.getShape(), accumulatorElement);
    int64_t chunks = op.getChunks();
    int64_t slice = chain->channels / chunks;

    Value init =
        buildAccumulatorInit(rewriter, loc, *consumer, accumulatorType);
    auto index = [&](int64_t value) -> Value {
      return arith::ConstantIndexOp::create(rewriter, loc, value);
    };
    auto loop = scf::ForOp::create(
        rewriter, loc, index(0), index(chunks), index(1), ValueRange{init},
        [&](OpBuilder &b, Location, Value chunk, ValueRange iter) {
          Value offset =
              arith::MulIOp::create(b, loc, chunk, index(slice));
          Value value = adaptor.getInput();
          for (SliceStage &stage : stages) {
            stage.kernel.sliceChannels = slice;
            stage.kernel.channelOffset = offset;
            SmallVector<int64_t> shape(stage.wholeType.getShape());
            shape.back() = slice;
            value = buildConvolutionKernel(
                b, loc, stage.kernel, value,
                RankedTensorType::get(shape,
                                      stage.wholeType.getElementType()));
          }
          scf::YieldOp::create(
              b, loc,
              buildPartialConvolution(b, loc, *consumer, value, offset,
                                      iter.front()));
        });
    rewriter.replaceOp(op, buildAccumulatorOutput(rewriter, loc, *consumer,
                                                  loop.getResult(0),
                                                  resultType));
    return success();
  }
};

} // namespace

void nnlowering::populateChannelPartitionPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<ChannelPartitionLowering>(converter, patterns.getContext());
}
