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
    and arith operations on builtin tensors, with the integer semantics of
    docs/quantization.md for quantized operators. Quantized element types
    become their storage types (`!quant.uniform<i8:...>` becomes `i8`),
    including in function signatures.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::func::FuncDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::math::MathDialect",
    "mlir::tensor::TensorDialect",
  ];
}

def ConvertTosaToNN : Pass<"convert-tosa-to-nn", "mlir::ModuleOp"> {
  let summary = "Convert TOSA operators to nn operators";
  let description = [{
    Rewrites the TOSA operators that TFLite, torch-mlir and onnx-mlir
    produce into nn operators, so that MLIR from those frontends enters the
    same pipeline as imported ONNX models. Operators without an nn
    counterpart are reported with their name and location.
  }];
  let dependentDialects = ["morsel::nn::NNDialect"];
}

#endif // MORSEL_CONVERSION_PASSES_TD
