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
    folds transposes of constants into the constants, composes and cancels
    consecutive transposes, moves transposes through layout-agnostic
    operators (element-wise, quantization, clamp, pad, concat, mean, slice,
    softmax, with their axes and broadcast constants remapped) and turns a
    transpose that only moves unit dimensions into a reshape, so that a
    model keeps NHWC from its first operator to its last.
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

#endif // MORSEL_DIALECT_NN_TRANSFORMS_PASSES_TD
