//===- Passes.td - Conversions between Morsel and other dialects -*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_CONVERSION_PASSES_TD
#define MORSEL_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertNNToLinalg : Pass<"convert-nn-to-linalg", "mlir::ModuleOp"> {
  let summary = "Lower nn operators to linalg, tensor and arith on tensors";
  let description = [{
    Rewrites every nn operator into linalg (generic and named ops), tensor
    and arith/math operations on builtin tensors, with the integer semantics
    of docs/quantization.md for quantized operators: int32 accumulation,
    requantization by MBQM (SRDHM then RDBPOT, emitted as arith ops on i32
    and i64), TFLite's 20-bit add, and compile-time lookup tables for
    sigmoid, hard_sigmoid, hard_swish and softmax's exp.

    Quantized element types become their storage types, including in
    function signatures, calls and returns: `!quant.uniform<i8:...>` and
    `!quant.uniform<u8:...>` both become signless `i8` (the bits of the
    stored value); the lowering reads the signedness from the original type
    and widens with `arith.extsi` or `arith.extui` accordingly.

    Before:

    ```mlir
    %y = nn.clamp %x min = 0.0 max = 6.0
         : tensor<1x8x!quant.uniform<i8:f32, 0.05:-10>>
    ```

    After (the bounds are quantized at compile time):

    ```mlir
    %e = tensor.empty() : tensor<1x8xi8>
    %y = linalg.generic {...} ins(%x : tensor<1x8xi8>)
                              outs(%e : tensor<1x8xi8>) {
    ^bb0(%in: i8, %out: i8):
      %w = arith.extsi %in : i8 to i32
      %lo = arith.maxsi %w, %c-10_i32 : i32
      %hi = arith.minsi %lo, %c110_i32 : i32
      %t = arith.trunci %hi : i32 to i8
      linalg.yield %t : i8
    } -> tensor<1x8xi8>
    ```

    Operations of other dialects that carry quantized types are reported
    with their name; the pass does not convert them.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::func::FuncDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::scf::SCFDialect",
    "mlir::math::MathDialect",
    "mlir::tensor::TensorDialect",
    "morsel::seg::SegDialect",
  ];
}

def ConvertTosaToNN : Pass<"convert-tosa-to-nn", "mlir::ModuleOp"> {
  let summary = "Convert TOSA operators to nn operators";
  let description = [{
    Rewrites MLIR in the TOSA dialect (TOSA 1.0, as tflite-to-tosa,
    torch-mlir and onnx-mlir produce it) into nn operators, so that such
    models enter the same pipeline as imported ONNX models. Element types
    carry over unchanged: `f32`, or the frontend's `!quant.uniform` types.
    The translation is direct (no folding); run `--canonicalize` afterwards
    to clean up. Every TOSA operator that does not convert is reported with
    its name and the reason, and the pass fails; it never guesses.

    Float (`f32`) operators:

    | TOSA | nn |
    |---|---|
    | `const` (f32, i32 or quantized) | `constant` |
    | `conv2d` (weights `[OC, KH, KW, IC]`) | `conv2d`, groups 1 |
    | `depthwise_conv2d` (weights `[KH, KW, C, M]`) | `conv2d` with filter `[C*M, KH, KW, 1]`, groups `C` |
    | `matmul` with a constant right operand of batch 1 | `reshape`, `fully_connected` (weights transposed to `[W, C]`), `reshape` |
    | `add`; `mul` with shift 0 | `add`; `mul` |
    | `clamp`; `sigmoid` | `clamp`; `sigmoid` |
    | `avg_pool2d` | `avg_pool2d`, `count_include_pad = false` (TOSA divides by the valid positions) |
    | `max_pool2d`; `reduce_max` over H or W of a 4-D tensor | `max_pool2d` |
    | `mul(reduce_sum(...), 1/N)` | `mean` with `keep_dims` |
    | `mul(exp(x'), reciprocal(reduce_sum(exp(x'))))`, `x' = x` or `x - reduce_max(x)` | `softmax`, `beta = 1` |
    | `reshape`, `transpose`, `concat`, `slice`, `pad` | the same nn operator |
    | `cast` to the same type, `identity` | removed |

    Zero points of float operators must be the constant 0, accumulators
    `f32`, bias `[OC]` (or one constant element, broadcast), `nan_mode`
    PROPAGATE, and pooling pads smaller than the kernel.

    int8 operators are converted only when the tensors carry
    `!quant.uniform` types (8-bit activations per tensor, weights per tensor
    or per output channel). TOSA 1.0 graphs whose tensors are plain `i8`
    (quantization types stripped) are rejected: `tosa.rescale` multipliers
    only give ratios of scales, and nn needs the scales themselves. With
    types, every zero-point operand must equal the type's zero point and
    every rescale must be `scale32 = true`, `rounding_mode = DOUBLE_ROUND`
    (TFLite's arithmetic, which nn implements) and agree with the ratio of
    the scales (relative tolerance 1e-6); nn then recomputes its multipliers
    from the types.

    | TOSA (int8) | nn |
    |---|---|
    | `conv2d`, `depthwise_conv2d`, `matmul` (i32 result) + the one `rescale` to 8 bits that uses it | `conv2d` / `fully_connected` with the rescale's result type; the bias stays i32 |
    | `rescale` between 8-bit quantized tensors | `requantize` |
    | `avg_pool2d` with equal input and output scales | `avg_pool2d`, `count_include_pad = false` |
    | `table` equal, entry by entry, to nn's sigmoid or hard-swish table of the types | `sigmoid` / `hard_swish` |
    | `clamp` (bounds dequantized exactly), `max_pool2d`, `reduce_max`, data movement | as for f32 |

    nn's int8 arithmetic is TFLite's (docs/quantization.md); it can differ
    from TOSA's reference by one unit where their roundings differ on exact
    ties (DOUBLE_ROUND, the average-pooling divisor).

    Not converted (reported): int8 `add`, `mul` and means (int32 rescaled
    operands), `tanh`, `table` of other functions, `sub`, `exp`,
    `reciprocal` and `reduce_sum` outside the patterns above,
    `transpose_conv2d`, `conv3d`, `resize`, `gather`, control flow, `cast`
    between types, dynamic shapes, element types other than f32 and 8-bit
    quantized, and anything else without an nn counterpart.
  }];
  let dependentDialects = ["morsel::nn::NNDialect"];
}

#endif // MORSEL_CONVERSION_PASSES_TD
