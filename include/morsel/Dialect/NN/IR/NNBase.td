//===- NNBase.td - nn dialect definition and type constraints -*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The `nn` dialect: the tensor-level neural-network graph that every Morsel
// frontend produces and every memory strategy consumes.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_IR_NNBASE_TD
#define MORSEL_DIALECT_NN_IR_NNBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def NN_Dialect : Dialect {
  let name = "nn";
  let cppNamespace = "::morsel::nn";
  let summary = "Tensor-level neural-network operators for microcontrollers";
  let description = [{
    The `nn` dialect describes a trained network as a graph of operators on
    ranked, statically shaped tensors in NHWC layout. It is the level at which
    Morsel imports models (ONNX, TOSA) and at which it reasons about channels
    (partial execution) before memory is planned.

    Element types are `f32` or quantized types of the upstream `quant`
    dialect, so that other MLIR producers interoperate:

    * activations: per-tensor `!quant.uniform<i8:f32, scale:zero_point>`
      (or `u8` storage);
    * weights: per-tensor, or per-channel along the output-channel
      dimension, `!quant.uniform<i8:f32:0, {s0, s1, ...}>`;
    * biases: `i32` elements, either plain `i32` or
      `!quant.uniform<i32:f32, ...>` with scale = input scale x weight scale.

    Integer semantics follow the TFLite / TOSA int8 specifications: int32
    accumulation and requantization by a fixed-point multiplier and shift.

    Layout conventions:

    * activations: `[N, H, W, C]` for 2-D operators;
    * convolution filters: `[C_out, K_h, K_w, C_in / groups]` (a depthwise
      convolution has `groups = C_in` and filters `[C_in * M, K_h, K_w, 1]`);
    * fully-connected weights: `[C_out, C_in]`;
    * window padding: `[top, bottom, left, right]`, explicit and possibly
      asymmetric.
  }];
  let dependentDialects = ["::mlir::quant::QuantDialect"];
  let hasConstantMaterializer = 1;
  let useDefaultAttributePrinterParser = 0;
  let useDefaultTypePrinterParser = 0;
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def NN_QuantizedType : Type<
    CPred<"::llvm::isa<::mlir::quant::UniformQuantizedType, "
          "::mlir::quant::UniformQuantizedPerAxisType>($_self)">,
    "uniform quantized type">;

/// Tensors of activations and weights: f32 or uniformly quantized.
def NN_Tensor : StaticShapeTensorOf<[F32, NN_QuantizedType]>;

/// Bias tensors: f32 for float operators; i32 (plain or quantized) for
/// quantized ones.
def NN_BiasTensor : StaticShapeTensorOf<[F32, I32, NN_QuantizedType]>;

/// The `f32` tensors a quantize op consumes and a dequantize op produces.
def NN_FloatTensor : StaticShapeTensorOf<[F32]>;

/// Quantized tensors only.
def NN_QuantizedTensor : StaticShapeTensorOf<[NN_QuantizedType]>;

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

class NN_Op<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, mnemonic, traits>;

#endif // MORSEL_DIALECT_NN_IR_NNBASE_TD
