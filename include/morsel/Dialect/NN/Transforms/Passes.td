//===- Passes.td - Passes of the nn dialect ----------------*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_TRANSFORMS_PASSES_TD
#define MORSEL_DIALECT_NN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNPrintCosts : Pass<"nn-print-costs", "mlir::ModuleOp"> {
  let summary = "Print the MACs and bytes of every nn operator";
  let description = [{
    Walks every function of the module in order and prints, to stderr, one
    row per nn operator: its name, result type, multiply-accumulates,
    activation bytes read, weight bytes read and bytes written, then the
    totals of the function. The IR is not changed.

    For

    ```mlir
    func.func @fc(%x: tensor<1x64xf32>) -> tensor<1x10xf32> {
      %w = nn.constant dense<0.5> : tensor<10x64xf32> -> tensor<10x64xf32>
      %y = nn.fully_connected %x, %w
           : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
      return %y : tensor<1x10xf32>
    }
    ```

    it prints

    ```
    nn costs of @fc
      nn.constant tensor<10x64xf32>  macs 0  in 0  weights 0  out 2560
      nn.fully_connected tensor<1x10xf32>  macs 640  in 256  weights 2560  out 40
      total: macs 640  weights 2560
    ```
  }];
}

def NNOptimizeLayout : Pass<"nn-optimize-layout", "mlir::ModuleOp"> {
  let summary = "Remove the layout transposes that importing NCHW models adds";
  let description = [{
    Importers translate NCHW models literally: every NHWC operator (conv2d,
    pooling) is wrapped in nn.transpose ops to and from NCHW. This pass
    sinks each transpose below the layout-agnostic operators that follow it
    until it meets the inverse transpose of the next NHWC operator and
    cancels, so that the model runs in NHWC from its first operator to its
    last and keeps its NCHW signature through one transpose per function
    input and output.

    * Consecutive transposes compose (inverse pairs cancel); a transpose of
      an `nn.constant`, also behind dequantize/quantize/requantize, folds
      into the constant, per-axis quantized dimensions following the
      permutation (the OIHW weights of QDQ models).
    * Transposes sink below clamp, the unary element-wise operators and the
      quantization operators; below add/mul when the other operand carries
      the same transpose, is a constant (expanded to full rank and permuted
      at compile time) or is a smaller broadcast value or a function
      argument (transposed back); below pad, slice, concat, softmax and mean
      with their attributes remapped (mean without `keep_dims` keeps the
      order of the remaining dimensions); and below a reshape that splits or
      merges dimensions, such as the reshapes of a channel shuffle.
    * At a function input, a transpose moves above the element-wise chain
      that reads the argument (e.g. a QDQ pair), so the chain runs in NHWC.
    * A transpose that only moves unit dimensions becomes an `nn.reshape`.

    Transposes stay where moving them would not remove one: below an
    operator the patterns do not know, when their value also has users that
    cannot take them, next to a full-size operand computed in NCHW, or
    before a flatten of NCHW feature maps larger than 1x1. Only data moves;
    numerics do not change.

    ```mlir
    %t = nn.transpose %y perm = [0, 3, 1, 2]
         : tensor<1x8x8x16xf32> -> tensor<1x16x8x8xf32>
    %b = nn.add %t, %bias : (tensor<1x16x8x8xf32>, tensor<16x1x1xf32>)
         -> tensor<1x16x8x8xf32>
    %r = nn.clamp %b min = 0.0 max = 6.0 : tensor<1x16x8x8xf32>
    %u = nn.transpose %r perm = [0, 2, 3, 1]
         : tensor<1x16x8x8xf32> -> tensor<1x8x8x16xf32>
    ```

    becomes an `nn.add` of `%y` and a `tensor<1x1x1x16xf32>` constant
    followed by the clamp, with no transpose.
  }];
  let dependentDialects = ["morsel::nn::NNDialect"];
}

def NNFuseQuantization : Pass<"nn-fuse-quantization", "mlir::ModuleOp"> {
  let summary = "Fold quantize/dequantize pairs into quantized operators";
  let description = [{
    ONNX QDQ models express int8 inference as float operators between
    nn.dequantize and nn.quantize. This pass rewrites each such island into
    the quantized form of the operator, e.g.

    ```mlir
    %x = nn.dequantize %xq : tensor<1x8x8x4x!qa> -> tensor<1x8x8x4xf32>
    %w = nn.dequantize %wq : tensor<8x1x1x4x!qw> -> tensor<8x1x1x4xf32>
    %y = nn.conv2d %x, %w ... -> tensor<1x8x8x8xf32>
    %r = nn.clamp %y min = 0.0 max = 6.0 : tensor<1x8x8x8xf32>
    %q = nn.quantize %r : tensor<1x8x8x8xf32> -> tensor<1x8x8x8x!qb>
    ```

    becomes `nn.conv2d %xq, %wq ... -> tensor<1x8x8x8x!qb>` followed by an
    `nn.clamp` on the quantized result. Float biases of quantized
    convolutions are quantized to i32 with scale input x weight scale.
    Operators whose float semantics would not be preserved stay in float.
  }];
  let dependentDialects = ["morsel::nn::NNDialect"];
}

def NNReorderForMemory : Pass<"nn-reorder-for-memory", "mlir::func::FuncOp"> {
  let summary = "Run the operators of a function in an order that lowers peak "
                "memory";
  let description = [{
    The order in which a function's operators run decides which activations
    are live together, and so the arena the function needs. This pass
    searches for a topological order of the operators of each function (a
    single block of side-effect-free operations) that lowers the peak of
    live activation bytes, with Serenity's dynamic program
    (`morsel/Support/OperatorOrder.h`), and moves the operations into that
    order only if its peak is strictly lower than the source order's;
    otherwise the function is left as it is. Numerics do not change.

    The memory model follows the lowering:

    * an operator's result costs its bytes (elements x element bytes; a
      quantized type counts its storage type) from its step to the step of
      its last reader;
    * `nn.constant` and other constant-like operations are weights, outside
      the arena: they cost nothing and move to the top of the function, in
      their source order;
    * function arguments and results directly returned are the caller's
      buffers and cost nothing;
    * `nn.reshape` is a view of its input (the input lives as long as the
      view is read) and an `nn.clamp` that is the only reader of an
      `nn.conv2d` or `nn.fully_connected` result is fused into that
      operator; both follow the operation they read, right after it.

    The search is exact while each step holds at most `max-states-per-step`
    sets of run operators and a deterministic beam search beyond that.

    With `%x` an argument and `%c` returned, the small branch's `%b` is live
    while `%a` is pooled (peak a + b + p = 42 KiB):

    ```mlir
    %a = nn.conv2d %x, %w1 ... -> tensor<1x16x16x32xf32>  // 32 KiB
    %b = nn.conv2d %x, %w2 ... -> tensor<1x16x16x2xf32>   //  2 KiB
    %p = nn.max_pool2d %a ... -> tensor<1x8x8x32xf32>     //  8 KiB
    %q = nn.max_pool2d %b ... -> tensor<1x8x8x2xf32>      // .5 KiB
    %c = nn.concat %p, %q axis = 3 ... -> tensor<1x8x8x34xf32>
    ```

    The pass runs the large branch to its end first (peak a + p = 40 KiB):

    ```mlir
    %a = nn.conv2d %x, %w1 ... -> tensor<1x16x16x32xf32>
    %p = nn.max_pool2d %a ... -> tensor<1x8x8x32xf32>
    %b = nn.conv2d %x, %w2 ... -> tensor<1x16x16x2xf32>
    %q = nn.max_pool2d %b ... -> tensor<1x8x8x2xf32>
    %c = nn.concat %p, %q axis = 3 ... -> tensor<1x8x8x34xf32>
    ```
  }];
  let options = [
    Option<"maxStatesPerStep", "max-states-per-step", "unsigned",
           /*default=*/"2048",
           "Sets of run operators the search keeps per step (beyond it, a "
           "beam search)">,
  ];
}


def NNPartitionChannels : Pass<"nn-partition-channels", "mlir::func::FuncOp"> {
  let summary = "Run operator chains one slice of channels at a time (Pex)";
  let description = [{
    Partial execution along channels (Liberis & Lane, 2022). A chain of a
    producer (`nn.conv2d` with `groups = 1` or `nn.fully_connected`),
    channel-wise operators (depthwise `nn.conv2d`, `nn.clamp`) and a
    consumer (`nn.conv2d` with `groups = 1` or `nn.fully_connected`, and a
    clamp of its result) can run in chunks of the producer's output
    channels: the wide tensors between producer and consumer then exist one
    slice at a time, plus the consumer's accumulators (4 bytes per output
    element). MobileNetV2's expand 1x1 -> depthwise -> project 1x1 is such a
    chain. The pass finds the chains (each operator in one at most, first
    come in source order; an operator that reads across channels, such as
    softmax, a channel shuffle's reshape or a concat, ends a chain) and
    wraps the chosen ones in `nn.channel_partition`.

    With `chunks = 0` (the default) a cost model chooses the chunk counts.
    It models the function's live activation bytes step by step as
    `nn-reorder-for-memory` does, a partitioned chain taking two steps (its
    loop: input, slices and accumulators; then accumulators and output). It
    raises the chunks of the chain at the peak while that lowers the peak
    and the instructions partitioning adds (`ChannelPartitionCost.h`: pixel
    loops re-run per chunk, accumulators loaded and stored per chunk,
    initialized and requantized once) stay within `max-overhead` of the
    function's instructions (estimated at 4 per multiply-accumulate), then
    lowers every count as far as the peak allows. A positive `chunks`
    partitions every chain whose channels it divides into that many chunks.

    Quantized results are bit-identical (i32 partial sums add up to the same
    accumulators). Float results are identical for 1x1 and fully connected
    consumers, which add the products in the same order; a kxk consumer
    adds them in another order, so they differ by rounding.
  }];
  let options = [
    Option<"maxOverhead", "max-overhead", "double", "0.10",
           "Instructions partitioning may add, as a fraction of the "
           "function's">,
    Option<"chunks", "chunks", "int64_t", "0",
           "Partition every chain into this many chunks (0: choose with "
           "the cost model)">
  ];
  let dependentDialects = ["morsel::nn::NNDialect"];
}

#endif // MORSEL_DIALECT_NN_TRANSFORMS_PASSES_TD
