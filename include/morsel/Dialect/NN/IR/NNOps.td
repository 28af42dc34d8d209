//===- NNOps.td - nn dialect operations --------------------*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_IR_NNOPS_TD
#define MORSEL_DIALECT_NN_IR_NNOPS_TD

include "morsel/Dialect/NN/IR/NNBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def NN_ConstantOp : NN_Op<"constant", [ConstantLike, Pure]> {
  let summary = "A tensor of weights or other constant values";
  let description = [{
    Materialises a constant tensor. For `f32` results the value has the
    result type. For quantized results the value holds the stored integers:
    its shape is the result's and its element type is the quantized type's
    storage type.

    ```mlir
    %w = nn.constant dense<[[0.5, -1.0]]> : tensor<1x2xf32> -> tensor<1x2xf32>
    %q = nn.constant dense<[3, -7]> : tensor<2xi8>
           -> tensor<2x!quant.uniform<i8:f32, 0.05>>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs NN_BiasTensor:$output);
  let assemblyFormat = "$value attr-dict `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Convolution and fully-connected
//===----------------------------------------------------------------------===//

def NN_Conv2DOp : NN_Op<"conv2d", [Pure]> {
  let summary = "2-D convolution in NHWC layout, grouped or depthwise";
  let description = [{
    Computes `output[n, oh, ow, oc] = bias[oc] + sum over (kh, kw, ic) of
    input[n, oh * sh + kh * dh - pad_top, ow * sw + kw * dw - pad_left,
    g * C_in/groups + ic] * filter[oc, kh, kw, ic]`, where `g` is the group of
    output channel `oc` and out-of-range input positions read zero (the
    zero point, for quantized inputs).

    `pad` is `[top, bottom, left, right]`. `groups` divides both channel
    counts; `groups = C_in` with filters `[C_in * M, K_h, K_w, 1]` is a
    depthwise convolution with channel multiplier `M`. The output spatial
    size is `floor((H + top + bottom - d * (K - 1) - 1) / s) + 1`.

    Quantized form: per-tensor input and output, per-tensor or per-channel
    (dimension 0) filter, and an `i32` bias whose scale is input scale x
    filter scale.

    ```mlir
    %y = nn.conv2d %x, %w, %b strides = [2, 2] pad = [0, 1, 0, 1]
           dilations = [1, 1] groups = 1
         : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
        -> tensor<1x4x4x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$filter,
                       Optional<NN_BiasTensor>:$bias,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pad,
                       DenseI64ArrayAttr:$dilations, I64Attr:$groups);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $filter (`,` $bias^)? `strides` `=` $strides `pad` `=` $pad
    `dilations` `=` $dilations `groups` `=` $groups attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def NN_FullyConnectedOp : NN_Op<"fully_connected", [Pure]> {
  let summary = "Matrix product with a constant weight matrix, plus bias";
  let description = [{
    Computes `output[n, o] = bias[o] + sum over i of input[n, i] *
    weights[o, i]`. Weights are `[C_out, C_in]`; the input is `[N, C_in]`.
    Quantized weights may be per-tensor or per-channel along dimension 0.

    ```mlir
    %y = nn.fully_connected %x, %w, %b
         : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<10xf32>)
        -> tensor<1x10xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$weights,
                       Optional<NN_BiasTensor>:$bias);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weights (`,` $bias^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Element-wise operators
//===----------------------------------------------------------------------===//

class NN_BinaryElementwiseOp<string mnemonic, string formula>
    : NN_Op<mnemonic, [Pure, Commutative]> {
  let summary = "Element-wise " # mnemonic # " with NumPy broadcasting";
  let description = [{
    Computes `output = }] # formula # [{` element by element. Operand shapes
    broadcast as in NumPy: dimensions are aligned from the right and each
    pair must be equal or contain a 1. The result has the broadcast shape.
    Quantized operands and result may each have their own scale and zero
    point (all per-tensor).

    ```mlir
    %y = nn.}] # mnemonic # [{ %a, %b
         : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$lhs, NN_Tensor:$rhs);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def NN_AddOp : NN_BinaryElementwiseOp<"add", "lhs + rhs">;
def NN_MulOp : NN_BinaryElementwiseOp<"mul", "lhs * rhs">;

def NN_ClampOp : NN_Op<"clamp", [Pure, SameOperandsAndResultType]> {
  let summary = "Clamps every element to [min, max] (ReLU, ReLU6)";
  let description = [{
    Computes `output = min(max(input, min), max)`. The bounds are real
    values; on quantized tensors they are applied after quantization with
    the tensor's own scale and zero point, so the operator never changes
    quantization parameters. ReLU is `min = 0` with an infinite `max`;
    ReLU6 is `min = 0, max = 6`.

    ```mlir
    %y = nn.clamp %x min = 0.0 max = 6.0 : tensor<1x8x8x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, F32Attr:$min, F32Attr:$max);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `min` `=` $min `max` `=` $max attr-dict `:` type($output)
  }];
  let hasVerifier = 1;
}

class NN_UnaryElementwiseOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat([Pure], traits)> {
  let results = (outs NN_Tensor:$output);
  let hasVerifier = 1;
}

def NN_HardSwishOp : NN_UnaryElementwiseOp<"hard_swish"> {
  let summary = "Hard swish: x * relu6(x + 3) / 6";
  let description = [{
    Computes `output = x * min(max(x + 3, 0), 6) / 6` element by element, as
    in MobileNetV3 and ONNX HardSwish. Input and output have the same shape;
    quantized ones may have different scales.

    ```mlir
    %y = nn.hard_swish %x : tensor<1x8x8x16xf32> -> tensor<1x8x8x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def NN_HardSigmoidOp : NN_UnaryElementwiseOp<"hard_sigmoid"> {
  let summary = "Hard sigmoid: max(0, min(1, alpha * x + beta))";
  let description = [{
    Computes `output = max(0, min(1, alpha * x + beta))` element by element,
    as ONNX HardSigmoid defines it (ONNX defaults: `alpha = 0.2`,
    `beta = 0.5`; PyTorch's `hardsigmoid` is `alpha = 1/6`, `beta = 0.5`).

    ```mlir
    %y = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5
         : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, F32Attr:$alpha, F32Attr:$beta);
  let assemblyFormat = [{
    $input `alpha` `=` $alpha `beta` `=` $beta attr-dict
    `:` type($input) `->` type($output)
  }];
}

def NN_SigmoidOp : NN_UnaryElementwiseOp<"sigmoid"> {
  let summary = "Logistic sigmoid: 1 / (1 + exp(-x))";
  let description = [{
    Computes `output = 1 / (1 + exp(-x))` element by element. A quantized
    output conventionally has scale 1/256 and zero point -128 (TFLite).

    ```mlir
    %y = nn.sigmoid %x : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

//===----------------------------------------------------------------------===//
// Pooling and reductions
//===----------------------------------------------------------------------===//

def NN_MaxPool2DOp : NN_Op<"max_pool2d", [Pure, InferTypeOpAdaptor]> {
  let summary = "2-D max pooling in NHWC layout";
  let description = [{
    Takes the maximum over each `kernel` window, moved by `strides`.
    Padding positions (`pad` is `[top, bottom, left, right]`) never win: they
    behave as minus infinity. Quantized input and output share the same
    quantization parameters, so the result type is inferred.

    ```mlir
    %y = nn.max_pool2d %x kernel = [3, 3] strides = [2, 2] pad = [1, 1, 1, 1]
         : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pad);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `kernel` `=` $kernel `strides` `=` $strides `pad` `=` $pad
    attr-dict `:` type($input) `->` type($output)
  }];
}

def NN_AvgPool2DOp : NN_Op<"avg_pool2d", [Pure]> {
  let summary = "2-D average pooling in NHWC layout";
  let description = [{
    Averages each `kernel` window, moved by `strides`, with explicit padding
    `pad = [top, bottom, left, right]`. Padding positions contribute zero to
    the sum. With `count_include_pad = true` the divisor is always
    `K_h * K_w`; with `false` it is the number of window positions that fall
    inside the unpadded input (ONNX AveragePool's `count_include_pad`, and
    TFLite's behaviour for SAME padding).

    ```mlir
    %y = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0]
           count_include_pad = false
         : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pad,
                       BoolAttr:$count_include_pad);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `kernel` `=` $kernel `strides` `=` $strides `pad` `=` $pad
    `count_include_pad` `=` $count_include_pad
    attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

def NN_MeanOp : NN_Op<"mean", [Pure]> {
  let summary = "Arithmetic mean over axes (global average pooling)";
  let description = [{
    Averages the input over the dimensions listed in `axes` (strictly
    increasing, in range). With `keep_dims` the reduced dimensions stay with
    size 1; without, they are removed. Global average pooling of an NHWC
    tensor is `axes = [1, 2]`.

    ```mlir
    %y = nn.mean %x axes = [1, 2] keep_dims = true
         : tensor<1x7x7x64xf32> -> tensor<1x1x1x64xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$axes,
                       BoolAttr:$keep_dims);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `axes` `=` $axes `keep_dims` `=` $keep_dims attr-dict
    `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

def NN_SoftmaxOp : NN_Op<"softmax", [Pure]> {
  let summary = "Softmax along one axis";
  let description = [{
    Computes `output = exp(beta * x) / sum(exp(beta * x))` along `axis`.
    A quantized output conventionally has scale 1/256 and zero point -128.

    ```mlir
    %y = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x10xf32> -> tensor<1x10xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, I64Attr:$axis, F32Attr:$beta);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `axis` `=` $axis `beta` `=` $beta attr-dict
    `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

class NN_DataMovementOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat([Pure], traits)> {
  let results = (outs NN_Tensor:$output);
}

def NN_ReshapeOp : NN_DataMovementOp<"reshape"> {
  let summary = "Reinterprets a tensor with a new shape";
  let description = [{
    Returns the input's elements, in row-major order, with the result's
    shape. Element counts and element types must match.

    ```mlir
    %y = nn.reshape %x : tensor<1x1x1x64xf32> -> tensor<1x64xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_TransposeOp : NN_DataMovementOp<"transpose", [InferTypeOpAdaptor]> {
  let summary = "Permutes the dimensions of a tensor";
  let description = [{
    `output[i_0, ..., i_(r-1)] = input[j]` where `j[perm[k]] = i_k`, that is
    output dimension `k` is input dimension `perm[k]`. The result type is
    inferred. The 5-D transpose of a channel shuffle is expressible.

    Canonicalization removes identity permutations, composes consecutive
    transposes into one, and folds a transpose of an `nn.constant` into the
    constant when no other user needs the original (also through a chain of
    `nn.dequantize`, `nn.quantize` and `nn.requantize`, whose per-axis
    quantized dimensions follow the permutation).

    ```mlir
    %y = nn.transpose %x perm = [0, 3, 1, 2]
         : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$perm);
  let assemblyFormat = [{
    $input `perm` `=` $perm attr-dict `:` type($input) `->` type($output)
  }];
  let hasFolder = 1;
  let hasCanonicalizer = 1;
  let extraClassDeclaration = [{
    /// Returns `type` with its dimensions permuted by `perm` (dimension `k`
    /// of the result is dimension `perm[k]` of `type`) and, for a per-axis
    /// quantized element type, the quantized dimension moved with them.
    static ::mlir::RankedTensorType
    getPermutedType(::mlir::RankedTensorType type,
                    ::llvm::ArrayRef<int64_t> perm);

    /// Returns the elements of `value`, read in row-major order as a tensor
    /// of shape `shape`, permuted by `perm`; the result has the permuted
    /// shape and the element type of `value`. Returns null when the data is
    /// not available as whole bytes per element.
    static ::mlir::DenseElementsAttr
    permuteElements(::mlir::ElementsAttr value, ::llvm::ArrayRef<int64_t> shape,
                    ::llvm::ArrayRef<int64_t> perm);
  }];
}

def NN_ConcatOp : NN_DataMovementOp<"concat", [InferTypeOpAdaptor]> {
  let summary = "Concatenates tensors along one axis";
  let description = [{
    Joins the inputs along `axis`. All inputs have the same rank, the same
    element type (including quantization parameters) and the same size in
    every other dimension; the result type is inferred.

    ```mlir
    %y = nn.concat %a, %b axis = 3
         : (tensor<1x4x4x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x10xf32>
    ```
  }];
  let arguments = (ins Variadic<NN_Tensor>:$inputs, I64Attr:$axis);
  let assemblyFormat = [{
    $inputs `axis` `=` $axis attr-dict `:` functional-type($inputs, $output)
  }];
}

def NN_SliceOp : NN_DataMovementOp<"slice", [InferTypeOpAdaptor]> {
  let summary = "Extracts a strided box of a tensor";
  let description = [{
    `output[i] = input[offsets + i * strides]` for every index `i` below
    `sizes`. Offsets are non-negative, sizes and strides positive, and the
    last element read lies inside the input. The result type is inferred.

    ```mlir
    %y = nn.slice %x offsets = [0, 0, 0, 4] sizes = [1, 4, 4, 4]
           strides = [1, 1, 1, 1]
         : tensor<1x4x4x8xf32> -> tensor<1x4x4x4xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$offsets,
                       DenseI64ArrayAttr:$sizes, DenseI64ArrayAttr:$strides);
  let assemblyFormat = [{
    $input `offsets` `=` $offsets `sizes` `=` $sizes `strides` `=` $strides
    attr-dict `:` type($input) `->` type($output)
  }];
  let hasFolder = 1;
}

def NN_PadOp : NN_DataMovementOp<"pad", [InferTypeOpAdaptor]> {
  let summary = "Pads a tensor with a constant value";
  let description = [{
    Adds `low[d]` elements before and `high[d]` elements after every
    dimension `d`, filled with `value`. `value` is a real number; for a
    quantized tensor it is quantized with the tensor's own parameters (so
    `0.0` pads with the zero point). The result type is inferred.

    ```mlir
    %y = nn.pad %x low = [0, 1, 1, 0] high = [0, 1, 1, 0] value = 0.0
         : tensor<1x4x4x8xf32> -> tensor<1x6x6x8xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$low,
                       DenseI64ArrayAttr:$high, F32Attr:$value);
  let assemblyFormat = [{
    $input `low` `=` $low `high` `=` $high `value` `=` $value attr-dict
    `:` type($input) `->` type($output)
  }];
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

def NN_QuantizeOp : NN_Op<"quantize", [Pure]> {
  let summary = "Quantizes f32 values";
  let description = [{
    Computes `output = clamp(round(x / scale) + zero_point)` with the
    result's parameters (per-tensor, or per-channel along the result's
    quantized dimension) and 8-bit storage. `x / scale` is computed in f32
    and rounded half to even, as ONNX QuantizeLinear specifies, then
    saturated to the storage range.

    ```mlir
    %q = nn.quantize %x : tensor<1x16xf32>
         -> tensor<1x16x!quant.uniform<i8:f32, 0.1:-3>>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$input);
  let results = (outs NN_QuantizedTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def NN_DequantizeOp : NN_Op<"dequantize", [Pure, InferTypeOpAdaptor]> {
  let summary = "Converts quantized values back to f32";
  let description = [{
    Computes `output = scale * (q - zero_point)` with the input's
    parameters (per-tensor or per-channel). The result is the input shape
    with `f32` elements, so its type is inferred.

    ```mlir
    %x = nn.dequantize %q : tensor<1x16x!quant.uniform<i8:f32, 0.1:-3>>
         -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_QuantizedTensor:$input);
  let results = (outs NN_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def NN_RequantizeOp : NN_Op<"requantize", [Pure]> {
  let summary = "Changes the quantization parameters of a tensor";
  let description = [{
    Re-expresses quantized values with the result's scale, zero point and
    storage type: `output = clamp(zp_out + round(scale_in / scale_out *
    (q - zp_in)))`, evaluated with a 32-bit fixed-point multiplier and shift
    as TFLite and TOSA specify. Also converts `u8` activations to `i8`.

    ```mlir
    %y = nn.requantize %x : tensor<1x16x!quant.uniform<u8:f32, 0.1:128>>
         -> tensor<1x16x!quant.uniform<i8:f32, 0.1>>
    ```
  }];
  let arguments = (ins NN_QuantizedTensor:$input);
  let results = (outs NN_QuantizedTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Partial execution along channels
//===----------------------------------------------------------------------===//

def NN_ChannelPartitionOp : NN_Op<"channel_partition", [
    SingleBlock, RecursiveMemoryEffects, RecursivelySpeculatable]> {
  let summary = "Runs a chain of operators one slice of channels at a time";
  let description = [{
    Partial execution along channels (Pex, Liberis & Lane 2022). The body is
    a chain of operators whose wide intermediate tensors never exist whole:
    * the **producer**, the first operator, reads the block argument (the
      chain's input, all of it) and computes a slice of its output channels
      at a time: an `nn.conv2d` with `groups = 1` or an
      `nn.fully_connected`;
    * zero or more **channel-wise** operators, each reading the previous
      one's result: a depthwise `nn.conv2d` (`groups` equal to the channels,
      channel multiplier 1), and an `nn.clamp` after any convolution;
    * the **consumer**, which reads the last slice and accumulates its
      result over the input channels: an `nn.conv2d` with `groups = 1` or an
      `nn.fully_connected`, optionally followed by an `nn.clamp`. Its
      result is yielded.

    The result equals the body's: bit for bit for quantized operators (the
    consumer's i32 partial sums add up to the same accumulators) and for
    float 1x1 and fully connected consumers (same order of additions); a
    float kxk consumer adds in another order (rounding differs). When lowered, the
    chain runs `chunks` times, each time on `C / chunks` of the producer's
    `C` output channels: only one slice of each wide tensor exists at a
    time, plus the consumer's accumulators (i32 for quantized operators,
    f32 otherwise) for the whole output. Weights may be defined above.

    ```mlir
    %y = nn.channel_partition %x chunks = 4
         : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> {
    ^bb0(%in: tensor<1x8x8x8xf32>):
      %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0]
             dilations = [1, 1] groups = 1
           : (tensor<1x8x8x8xf32>, tensor<32x1x1x8xf32>) -> tensor<1x8x8x32xf32>
      %d = nn.conv2d %e, %w2 strides = [1, 1] pad = [1, 1, 1, 1]
             dilations = [1, 1] groups = 32
           : (tensor<1x8x8x32xf32>, tensor<32x3x3x1xf32>) -> tensor<1x8x8x32xf32>
      %p = nn.conv2d %d, %w3 strides = [1, 1] pad = [0, 0, 0, 0]
             dilations = [1, 1] groups = 1
           : (tensor<1x8x8x32xf32>, tensor<8x1x1x32xf32>) -> tensor<1x8x8x8xf32>
      nn.yield %p : tensor<1x8x8x8xf32>
    }
    ```
  }];
  let arguments = (ins NN_Tensor:$input, I64Attr:$chunks);
  let results = (outs NN_Tensor:$output);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $input `chunks` `=` $chunks attr-dict `:` functional-type($input, $output)
    $body
  }];
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// Returns the yield that ends the body.
    YieldOp getYield();
  }];
}

def NN_YieldOp : NN_Op<"yield", [Pure, Terminator,
                                 HasParent<"ChannelPartitionOp">]> {
  let summary = "Returns the result of an nn.channel_partition body";
  let description = [{
    Ends the body of an `nn.channel_partition` with the chain's result.

    ```mlir
    nn.yield %p : tensor<1x8x8x8xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

#endif // MORSEL_DIALECT_NN_IR_NNOPS_TD
