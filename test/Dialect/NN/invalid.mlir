// RUN: morsel-opt %s --split-input-file --verify-diagnostics

// Every diagnostic of the nn verifiers (lib/Dialect/NN/IR/NNOps.cpp and
// NNTypeChecks.cpp), reached from every operator family that emits it, plus
// the "inferred type(s) ... incompatible" check of the ops with
// InferTypeOpAdaptor and a few ODS type constraints.
//
// Ops that infer their result type (max_pool2d, transpose, concat, slice, pad,
// dequantize) report a failed inference as a second error,
// "failed to infer returned types", after their own message.
//
// Element-type rules (NNTypeChecks.cpp), applied by the *_f16_expressed,
// *_axis_beyond_rank, *_scale_count, *_per_axis and *_i16_storage cases:
//   * quantized tensors express f32 values;
//   * a per-axis quantized dimension is below the tensor rank and has one
//     scale per slice;
//   * activations are per-tensor with 8-bit storage; weights are per-tensor
//     or per-channel along dimension 0, with 8-bit storage;
//   * biases: f32 for float operators, i32 (zero point 0, scale = input
//     scale x weight scale) for quantized ones.

//===- ODS type constraints -----------------------------------------------===//

func.func @ods_dynamic_shape(%a: tensor<?x4xf32>, %b: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float or uniform quantized type values, but got 'tensor<?x4xf32>'}}
  %r = nn.add %a, %b : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @ods_unranked(%x: tensor<*xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float or uniform quantized type values, but got 'tensor<*xf32>'}}
  %r = "nn.sigmoid"(%x) : (tensor<*xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

func.func @ods_i16_element(%x: tensor<1x4xi16>) -> tensor<1x4xf32> {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float or uniform quantized type values, but got 'tensor<1x4xi16>'}}
  %r = nn.sigmoid %x : tensor<1x4xi16> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @ods_f16_result(%x: tensor<1x4xf32>) -> tensor<1x4xf16> {
  // expected-error @+1 {{result #0 must be statically shaped tensor of 32-bit float or uniform quantized type values, but got 'tensor<1x4xf16>'}}
  %r = nn.hard_swish %x : tensor<1x4xf32> -> tensor<1x4xf16>
  return %r : tensor<1x4xf16>
}

// -----

func.func @ods_i32_activation(%x: tensor<1x8x8x4xi32>, %w: tensor<8x3x3x4xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float or uniform quantized type values, but got 'tensor<1x8x8x4xi32>'}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x4xi32>, tensor<8x3x3x4xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @ods_f16_bias(%x: tensor<1x8x8x4xf32>, %w: tensor<8x3x3x4xf32>, %b: tensor<8xf16>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{operand #2 must be statically shaped tensor of 32-bit float or 32-bit signless integer or uniform quantized type values, but got 'tensor<8xf16>'}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x4xf32>, tensor<8x3x3x4xf32>, tensor<8xf16>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @ods_quantize_quantized_input(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 32-bit float values}}
  %r = nn.quantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @ods_quantize_float_output(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{result #0 must be statically shaped tensor of uniform quantized type values}}
  %r = nn.quantize %x : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @ods_dequantize_float_input(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of uniform quantized type values}}
  %r = nn.dequantize %x : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @ods_requantize_float_output(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32> {
  // expected-error @+1 {{result #0 must be statically shaped tensor of uniform quantized type values}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @ods_constant_f16_result() -> tensor<4xf16> {
  // expected-error @+1 {{result #0 must be statically shaped tensor of 32-bit float or 32-bit signless integer or uniform quantized type values}}
  %r = nn.constant dense<1.0> : tensor<4xf16> -> tensor<4xf16>
  return %r : tensor<4xf16>
}

// -----

//===- nn.constant --------------------------------------------------------===//

func.func @constant_shape() -> tensor<2x2xf32> {
  // expected-error @+1 {{expects the value shape [4] to match the result shape [2, 2]}}
  %r = nn.constant dense<1.0> : tensor<4xf32> -> tensor<2x2xf32>
  return %r : tensor<2x2xf32>
}

// -----

func.func @constant_quantized_shape() -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects the value shape [4] to match the result shape [1, 4]}}
  %r = nn.constant dense<1> : tensor<4xi8> -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @constant_float_element() -> tensor<4xf32> {
  // expected-error @+1 {{expects value elements of type 'f32', got 'i32'}}
  %r = nn.constant dense<1> : tensor<4xi32> -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

func.func @constant_storage_element() -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects value elements of type 'i8', got 'f32'}}
  %r = nn.constant dense<1.0> : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @constant_storage_width() -> tensor<4x!quant.uniform<i32:f32, 0.05>> {
  // expected-error @+1 {{expects value elements of type 'i32', got 'i8'}}
  %r = nn.constant dense<1> : tensor<4xi8> -> tensor<4x!quant.uniform<i32:f32, 0.05>>
  return %r : tensor<4x!quant.uniform<i32:f32, 0.05>>
}

// -----

func.func @constant_result_f16_expressed() -> tensor<4x2x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized result to express f32 values, got 'f16'}}
  %r = nn.constant dense<1> : tensor<4x2xi8> -> tensor<4x2x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<4x2x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @constant_result_axis_beyond_rank() -> tensor<4x2x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of result to be below its rank 2}}
  %r = nn.constant dense<1> : tensor<4x2xi8> -> tensor<4x2x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<4x2x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @constant_result_scale_count() -> tensor<4x2x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>> {
  // expected-error @+1 {{expects 4 scales for dimension 0 of result, got 5}}
  %r = nn.constant dense<1> : tensor<4x2xi8> -> tensor<4x2x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>>
  return %r : tensor<4x2x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>>
}

// -----

//===- nn.conv2d ----------------------------------------------------------===//

func.func @conv_rank_input(%x: tensor<8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects rank-4 input, filter and output}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_rank_filter(%x: tensor<1x8x8x6xf32>, %w: tensor<8x9x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects rank-4 input, filter and output}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x9x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_rank_output(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<6x6x8xf32> {
  // expected-error @+1 {{expects rank-4 input, filter and output}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<6x6x8xf32>
  return %r : tensor<6x6x8xf32>
}

// -----

func.func @conv_groups_zero(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects a positive group count, got 0}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 0 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_groups_negative(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects a positive group count, got -2}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = -2 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_groups_input_channels(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x1xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects input channels (6) divisible by groups (4)}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 4 : (tensor<1x8x8x6xf32>, tensor<8x3x3x1xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_groups_output_channels(%x: tensor<1x8x8x6xf32>, %w: tensor<7x3x3x3xf32>) -> tensor<1x6x6x7xf32> {
  // expected-error @+1 {{expects output channels (7) divisible by groups (2)}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 2 : (tensor<1x8x8x6xf32>, tensor<7x3x3x3xf32>) -> tensor<1x6x6x7xf32>
  return %r : tensor<1x6x6x7xf32>
}

// -----

func.func @conv_groups_filter_channels(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x4xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects filter input channels (4) x groups (2) to equal input channels (6)}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 2 : (tensor<1x8x8x6xf32>, tensor<8x3x3x4xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_depthwise_filter_channels(%x: tensor<1x8x8x6xf32>, %w: tensor<12x3x3x2xf32>) -> tensor<1x6x6x12xf32> {
  // expected-error @+1 {{expects filter input channels (2) x groups (6) to equal input channels (6)}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 6 : (tensor<1x8x8x6xf32>, tensor<12x3x3x2xf32>) -> tensor<1x6x6x12xf32>
  return %r : tensor<1x6x6x12xf32>
}

// -----

func.func @conv_kernel_zero(%x: tensor<1x8x8x6xf32>, %w: tensor<8x0x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects 2 positive kernel sizes}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x0x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_strides_zero(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects 2 positive strides}}
  %r = nn.conv2d %x, %w strides = [1, 0] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_strides_count(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects 2 positive strides}}
  %r = nn.conv2d %x, %w strides = [1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_dilations_zero(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects 2 positive dilations}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [0, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_dilations_count(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects 2 positive dilations}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_pad_negative(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects 4 non-negative pads [top, bottom, left, right]}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, -1, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_pad_count(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects 4 non-negative pads [top, bottom, left, right]}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_window_height(%x: tensor<1x2x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x1x6x8xf32> {
  // expected-error @+1 {{expects the window to fit in the padded input along dimension 1}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x2x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x1x6x8xf32>
  return %r : tensor<1x1x6x8xf32>
}

// -----

func.func @conv_window_width_dilated(%x: tensor<1x8x4x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x4x1x8xf32> {
  // expected-error @+1 {{expects the window to fit in the padded input along dimension 2}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [2, 2] groups = 1 : (tensor<1x8x4x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x4x1x8xf32>
  return %r : tensor<1x4x1x8xf32>
}

// -----

func.func @conv_output_spatial(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x5x5x8xf32> {
  // expected-error @+1 {{expects output shape [1, 6, 6, 8], got [1, 5, 5, 8]}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x5x5x8xf32>
  return %r : tensor<1x5x5x8xf32>
}

// -----

func.func @conv_output_strided_padded(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x3x3x8xf32> {
  // expected-error @+1 {{expects output shape [1, 4, 4, 8], got [1, 3, 3, 8]}}
  %r = nn.conv2d %x, %w strides = [2, 2] pad = [0, 1, 0, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x3x3x8xf32>
  return %r : tensor<1x3x3x8xf32>
}

// -----

func.func @conv_output_channels(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>) -> tensor<1x6x6x4xf32> {
  // expected-error @+1 {{expects output shape [1, 6, 6, 8], got [1, 6, 6, 4]}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>) -> tensor<1x6x6x4xf32>
  return %r : tensor<1x6x6x4xf32>
}

// -----

func.func @conv_mixed_filter(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_mixed_output(%x: tensor<1x8x8x6x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<8x3x3x6x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6x!quant.uniform<i8:f32, 0.1:-3>>, tensor<8x3x3x6x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_bias_length(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>, %b: tensor<4xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects a bias of shape [8], got 'tensor<4xf32>'}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>, tensor<4xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_bias_rank(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>, %b: tensor<1x8xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects a bias of shape [8], got 'tensor<1x8xf32>'}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>, tensor<1x8xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_float_bias_i32(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>, %b: tensor<8xi32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects an f32 bias for a float operator, got 'i32'}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>, tensor<8xi32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_float_bias_quantized(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x6xf32>, %b: tensor<8x!quant.uniform<i32:f32, 0.05>>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects an f32 bias for a float operator, got '!quant.uniform<i32:f32}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x6xf32>, tensor<8x3x3x6xf32>, tensor<8x!quant.uniform<i32:f32, 0.05>>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

func.func @conv_quant_bias_f32(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4xf32>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects an i32 bias for a quantized operator, got 'f32'}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4xf32>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_i16(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i16:f32, 0.05>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects an i32 bias for a quantized operator, got '!quant.uniform<i16:f32}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i16:f32, 0.05>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_zero_point(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i32:f32, 0.05:1>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects zero point 0 for the i32 bias}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i32:f32, 0.05:1>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_per_axis_zero_point(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i32:f32:0, {0.05, 0.05:2, 0.05, 0.05}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects zero point 0 for the i32 bias}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i32:f32:0, {0.05, 0.05:2, 0.05, 0.05}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_scale(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i32:f32, 0.1>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects bias scale 5.000000e-02 (input scale x weight scale) for channel 0, got 1.000000e-01}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i32:f32, 0.1>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_scale_per_channel_filter(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32:0, {0.5, 0.25, 0.5, 0.5}>>, %b: tensor<4x!quant.uniform<i32:f32, 0.05>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects bias scale 2.500000e-02 (input scale x weight scale) for channel 1, got 5.000000e-02}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32:0, {0.5, 0.25, 0.5, 0.5}>>, tensor<4x!quant.uniform<i32:f32, 0.05>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_scale_per_channel_bias(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i32:f32:0, {0.05, 0.05, 0.06, 0.05}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects bias scale 5.000000e-02 (input scale x weight scale) for channel 2, got 6.000000e-02}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i32:f32:0, {0.05, 0.05, 0.06, 0.05}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i32:f16, 0.05>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized bias to express f32 values, got 'f16'}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i32:f16, 0.05>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i32:f32:1, {0.05}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 1 of bias to be below its rank 1}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i32:f32:1, {0.05}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_quant_bias_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i32:f32:0, {0.05, 0.05}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 4 scales for dimension 0 of bias, got 2}}
  %r = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i32:f32:0, {0.05, 0.05}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_filter_per_channel_axis(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32:3, {0.5, 0.5}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-channel quantization of filter along dimension 0 (output channels)}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32:3, {0.5, 0.5}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_input_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f16, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f16, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_input_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:4, {0.1}>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 4 of input to be below its rank 4}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32:4, {0.1}>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_input_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_input_per_axis(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1}>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1}>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_input_i16_storage(%x: tensor<1x4x4x2x!quant.uniform<i16:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i16:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_output_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @conv_output_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32:4, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 4 of output to be below its rank 4}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32:4, {0.1}>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32:4, {0.1}>>
}

// -----

func.func @conv_output_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @conv_output_per_axis(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @conv_output_i16_storage(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x4x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

func.func @conv_filter_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized filter to express f32 values, got 'f16'}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_filter_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32:4, {0.1}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 4 of filter to be below its rank 4}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32:4, {0.1}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_filter_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 4 scales for dimension 0 of filter, got 5}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @conv_filter_i16_storage(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<4x1x1x2x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for filter, got 'i16'}}
  %r = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x1x1x2x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

//===- nn.fully_connected -------------------------------------------------===//

func.func @fc_rank_input(%x: tensor<1x1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{expects rank-2 input, weights and output}}
  %r = nn.fully_connected %x, %w : (tensor<1x1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @fc_rank_weights(%x: tensor<1x4xf32>, %w: tensor<12xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{expects rank-2 input, weights and output}}
  %r = nn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<12xf32>) -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @fc_rank_output(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{expects rank-2 input, weights and output}}
  %r = nn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<3xf32>
  return %r : tensor<3xf32>
}

// -----

func.func @fc_features(%x: tensor<1x4xf32>, %w: tensor<3x5xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{expects weights for 5 input features, but the input has 4}}
  %r = nn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<3x5xf32>) -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @fc_output_shape(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects output shape [1, 3], got [1, 4]}}
  %r = nn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @fc_output_batch(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{expects output shape [2, 3], got [1, 3]}}
  %r = nn.fully_connected %x, %w : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @fc_mixed_weights(%x: tensor<1x4xf32>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @fc_mixed_input(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4xf32>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4xf32>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_bias_length(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{expects a bias of shape [3], got 'tensor<4xf32>'}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @fc_float_bias_i32(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3xi32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{expects an f32 bias for a float operator, got 'i32'}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xi32>) -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @fc_quant_bias_length(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4xi32>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects a bias of shape [3], got 'tensor<4xi32>'}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<4xi32>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_quant_bias_f32(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<3xf32>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects an i32 bias for a quantized operator, got 'f32'}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<3xf32>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_quant_bias_i8(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<3x!quant.uniform<i8:f32, 0.05>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects an i32 bias for a quantized operator, got '!quant.uniform<i8:f32}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<3x!quant.uniform<i8:f32, 0.05>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_quant_bias_zero_point(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<3x!quant.uniform<i32:f32, 0.05:-7>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects zero point 0 for the i32 bias}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<3x!quant.uniform<i32:f32, 0.05:-7>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_quant_bias_scale(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<3x!quant.uniform<i32:f32, 0.025>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects bias scale 5.000000e-02 (input scale x weight scale) for channel 0, got 2.500000e-02}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<3x!quant.uniform<i32:f32, 0.025>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_quant_bias_scale_per_channel_weights(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32:0, {0.5, 0.25, 1.0}>>, %b: tensor<3x!quant.uniform<i32:f32:0, {0.05, 0.025, 0.05}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects bias scale 1.000000e-01 (input scale x weight scale) for channel 2, got 5.000000e-02}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32:0, {0.5, 0.25, 1.0}>>, tensor<3x!quant.uniform<i32:f32:0, {0.05, 0.025, 0.05}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_quant_bias_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<3x!quant.uniform<i32:f16, 0.05>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized bias to express f32 values, got 'f16'}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<3x!quant.uniform<i32:f16, 0.05>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_quant_bias_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<3x!quant.uniform<i32:f32:2, {0.05}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 2 of bias to be below its rank 1}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<3x!quant.uniform<i32:f32:2, {0.05}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_quant_bias_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<3x!quant.uniform<i32:f32:0, {0.05}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 3 scales for dimension 0 of bias, got 1}}
  %r = nn.fully_connected %x, %w, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<3x!quant.uniform<i32:f32:0, {0.05}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_weights_per_channel_axis(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32:1, {0.5, 0.5, 0.5, 0.5}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-channel quantization of weights along dimension 0 (output channels)}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32:1, {0.5, 0.5, 0.5, 0.5}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 2 of input to be below its rank 2}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_output_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x3x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @fc_output_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x3x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @fc_output_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x3x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @fc_output_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x3x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @fc_output_i16_storage(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x3x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

func.func @fc_weights_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized weights to express f32 values, got 'f16'}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_weights_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 2 of weights to be below its rank 2}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_weights_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 3 scales for dimension 0 of weights, got 4}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @fc_weights_i16_storage(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %w: tensor<3x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for weights, got 'i16'}}
  %r = nn.fully_connected %x, %w : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x3x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

//===- nn.add -------------------------------------------------------------===//

func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{expects broadcast-compatible operand shapes, got [2, 3] and [3, 2]}}
  %r = nn.add %a, %b : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

func.func @add_broadcast_rank(%a: tensor<1x4x4x8xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{expects broadcast-compatible operand shapes, got [1, 4, 4, 8] and [4]}}
  %r = nn.add %a, %b : (tensor<1x4x4x8xf32>, tensor<4xf32>) -> tensor<1x4x4x8xf32>
  return %r : tensor<1x4x4x8xf32>
}

// -----

func.func @add_output_shape(%a: tensor<1x4x4x8xf32>, %b: tensor<8xf32>) -> tensor<1x4x4x1xf32> {
  // expected-error @+1 {{expects output (broadcast) shape [1, 4, 4, 8], got [1, 4, 4, 1]}}
  %r = nn.add %a, %b : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x1xf32>
  return %r : tensor<1x4x4x1xf32>
}

// -----

func.func @add_output_rank(%a: tensor<1x1x1x8xf32>, %b: tensor<1x4x4x1xf32>) -> tensor<4x4x8xf32> {
  // expected-error @+1 {{expects output (broadcast) shape [1, 4, 4, 8], got [4, 4, 8]}}
  %r = nn.add %a, %b : (tensor<1x1x1x8xf32>, tensor<1x4x4x1xf32>) -> tensor<4x4x8xf32>
  return %r : tensor<4x4x8xf32>
}

// -----

func.func @add_mixed_rhs(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @add_mixed_output(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @add_lhs_f16_expressed(%a: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects quantized lhs to express f32 values, got 'f16'}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_lhs_axis_beyond_rank(%a: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects the quantized dimension 2 of lhs to be below its rank 2}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_lhs_scale_count(%a: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of lhs, got 2}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_lhs_per_axis(%a: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects per-tensor quantization for lhs}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_lhs_i16_storage(%a: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for lhs, got 'i16'}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_rhs_f16_expressed(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects quantized rhs to express f32 values, got 'f16'}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_rhs_axis_beyond_rank(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32:1, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects the quantized dimension 1 of rhs to be below its rank 1}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32:1, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_rhs_scale_count(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 4 scales for dimension 0 of rhs, got 5}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_rhs_per_axis(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects per-tensor quantization for rhs}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_rhs_i16_storage(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for rhs, got 'i16'}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @add_output_f16_expressed(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @add_output_axis_beyond_rank(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @add_output_scale_count(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @add_output_per_axis(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @add_output_i16_storage(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.add %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.mul -------------------------------------------------------------===//

func.func @mul_broadcast(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{expects broadcast-compatible operand shapes, got [2, 3] and [3, 2]}}
  %r = nn.mul %a, %b : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

func.func @mul_broadcast_rank(%a: tensor<1x4x4x8xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{expects broadcast-compatible operand shapes, got [1, 4, 4, 8] and [4]}}
  %r = nn.mul %a, %b : (tensor<1x4x4x8xf32>, tensor<4xf32>) -> tensor<1x4x4x8xf32>
  return %r : tensor<1x4x4x8xf32>
}

// -----

func.func @mul_output_shape(%a: tensor<1x4x4x8xf32>, %b: tensor<8xf32>) -> tensor<1x4x4x1xf32> {
  // expected-error @+1 {{expects output (broadcast) shape [1, 4, 4, 8], got [1, 4, 4, 1]}}
  %r = nn.mul %a, %b : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x1xf32>
  return %r : tensor<1x4x4x1xf32>
}

// -----

func.func @mul_output_rank(%a: tensor<1x1x1x8xf32>, %b: tensor<1x4x4x1xf32>) -> tensor<4x4x8xf32> {
  // expected-error @+1 {{expects output (broadcast) shape [1, 4, 4, 8], got [4, 4, 8]}}
  %r = nn.mul %a, %b : (tensor<1x1x1x8xf32>, tensor<1x4x4x1xf32>) -> tensor<4x4x8xf32>
  return %r : tensor<4x4x8xf32>
}

// -----

func.func @mul_mixed_rhs(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @mul_mixed_output(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @mul_lhs_f16_expressed(%a: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects quantized lhs to express f32 values, got 'f16'}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_lhs_axis_beyond_rank(%a: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects the quantized dimension 2 of lhs to be below its rank 2}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_lhs_scale_count(%a: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of lhs, got 2}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_lhs_per_axis(%a: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects per-tensor quantization for lhs}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_lhs_i16_storage(%a: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for lhs, got 'i16'}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_rhs_f16_expressed(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects quantized rhs to express f32 values, got 'f16'}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_rhs_axis_beyond_rank(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32:1, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects the quantized dimension 1 of rhs to be below its rank 1}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32:1, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_rhs_scale_count(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 4 scales for dimension 0 of rhs, got 5}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_rhs_per_axis(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects per-tensor quantization for rhs}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.1, 0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_rhs_i16_storage(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for rhs, got 'i16'}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mul_output_f16_expressed(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @mul_output_axis_beyond_rank(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @mul_output_scale_count(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @mul_output_per_axis(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @mul_output_i16_storage(%a: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.mul %a, %b : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<4x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.clamp -----------------------------------------------------------===//

func.func @clamp_min_above_max(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects min <= max, got min = 6.000000e+00 and max = 0.000000e+00}}
  %r = nn.clamp %x min = 6.0 max = 0.0 : tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @clamp_nan(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects min <= max, got min = nan and max = 6.000000e+00}}
  %r = nn.clamp %x min = 0x7FC00000 max = 6.0 : tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @clamp_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.clamp %x min = 0.0 max = 6.0 : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @clamp_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of input to be below its rank 2}}
  %r = nn.clamp %x min = 0.0 max = 6.0 : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @clamp_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.clamp %x min = 0.0 max = 6.0 : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @clamp_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.clamp %x min = 0.0 max = 6.0 : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @clamp_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.clamp %x min = 0.0 max = 6.0 : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.hard_swish, nn.hard_sigmoid, nn.sigmoid -------------------------===//

func.func @hard_sigmoid_zero_alpha(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects a non-zero alpha}}
  %r = nn.hard_sigmoid %x alpha = 0.0 beta = 0.5 : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @hard_sigmoid_negative_zero_alpha(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects a non-zero alpha}}
  %r = nn.hard_sigmoid %x alpha = -0.0 beta = 0.5 : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @hard_swish_output_shape(%x: tensor<1x4xf32>) -> tensor<1x5xf32> {
  // expected-error @+1 {{expects output shape [1, 4], got [1, 5]}}
  %r = nn.hard_swish %x : tensor<1x4xf32> -> tensor<1x5xf32>
  return %r : tensor<1x5xf32>
}

// -----

func.func @hard_swish_output_rank(%x: tensor<1x4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{expects output shape [1, 4], got [4]}}
  %r = nn.hard_swish %x : tensor<1x4xf32> -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

func.func @hard_swish_mixed_output(%x: tensor<1x4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.hard_swish %x : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @hard_swish_mixed_input(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @hard_swish_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_swish_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 2 of input to be below its rank 2}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_swish_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_swish_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_swish_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_swish_output_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @hard_swish_output_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @hard_swish_output_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @hard_swish_output_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @hard_swish_output_i16_storage(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.hard_swish %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

func.func @hard_sigmoid_output_shape(%x: tensor<1x4xf32>) -> tensor<1x5xf32> {
  // expected-error @+1 {{expects output shape [1, 4], got [1, 5]}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4xf32> -> tensor<1x5xf32>
  return %r : tensor<1x5xf32>
}

// -----

func.func @hard_sigmoid_output_rank(%x: tensor<1x4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{expects output shape [1, 4], got [4]}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4xf32> -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

func.func @hard_sigmoid_mixed_output(%x: tensor<1x4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @hard_sigmoid_mixed_input(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @hard_sigmoid_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_sigmoid_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 2 of input to be below its rank 2}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_sigmoid_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_sigmoid_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_sigmoid_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @hard_sigmoid_output_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @hard_sigmoid_output_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @hard_sigmoid_output_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @hard_sigmoid_output_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @hard_sigmoid_output_i16_storage(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

func.func @sigmoid_output_shape(%x: tensor<1x4xf32>) -> tensor<1x5xf32> {
  // expected-error @+1 {{expects output shape [1, 4], got [1, 5]}}
  %r = nn.sigmoid %x : tensor<1x4xf32> -> tensor<1x5xf32>
  return %r : tensor<1x5xf32>
}

// -----

func.func @sigmoid_output_rank(%x: tensor<1x4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{expects output shape [1, 4], got [4]}}
  %r = nn.sigmoid %x : tensor<1x4xf32> -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

func.func @sigmoid_mixed_output(%x: tensor<1x4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.sigmoid %x : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @sigmoid_mixed_input(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @sigmoid_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @sigmoid_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 2 of input to be below its rank 2}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @sigmoid_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @sigmoid_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @sigmoid_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @sigmoid_output_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @sigmoid_output_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @sigmoid_output_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @sigmoid_output_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @sigmoid_output_i16_storage(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.sigmoid %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.max_pool2d ------------------------------------------------------===//

func.func @max_pool_rank(%x: tensor<4x4x2xf32>) -> tensor<2x2x2xf32> {
  // expected-error @+2 {{expects a rank-4 input}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<4x4x2xf32> -> tensor<2x2x2xf32>
  return %r : tensor<2x2x2xf32>
}

// -----

func.func @max_pool_kernel_count(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects 2 positive kernel sizes}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_kernel_zero(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects 2 positive kernel sizes}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [0, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_strides_zero(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects 2 positive strides}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 0] pad = [0, 0, 0, 0] : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_strides_count(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects 2 positive strides}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_pad_negative(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects 4 non-negative pads [top, bottom, left, right]}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, -1, 0, 0] : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_pad_count(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects 4 non-negative pads [top, bottom, left, right]}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0] : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_window_height(%x: tensor<1x2x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects the window to fit in the padded input along dimension 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [3, 3] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x2x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_window_width(%x: tensor<1x4x2x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects the window to fit in the padded input along dimension 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [3, 3] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x2x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_pad_not_below_kernel(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x3x2xf32> {
  // expected-error @+2 {{expects every pad to be smaller than the kernel along its dimension}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 2] : tensor<1x4x4x2xf32> -> tensor<1x2x3x2xf32>
  return %r : tensor<1x2x3x2xf32>
}

// -----

func.func @max_pool_pad_not_below_kernel_top(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{expects every pad to be smaller than the kernel along its dimension}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [1, 2] strides = [2, 2] pad = [1, 0, 0, 0] : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_inferred_shape(%x: tensor<1x4x4x2xf32>) -> tensor<1x3x3x2xf32> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x2x2x2xf32>' are incompatible with return type(s) of operation 'tensor<1x3x3x2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2xf32> -> tensor<1x3x3x2xf32>
  return %r : tensor<1x3x3x2xf32>
}

// -----

func.func @max_pool_inferred_element_type(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x2x2x2x!quant.uniform<i8:f32, 1.000000e-01:-3>>' are incompatible with return type(s) of operation 'tensor<1x2x2x2x!quant.uniform<i8:f32, 2.000000e-01:4>>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @max_pool_inferred_float_output(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x2x2x2xf32> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x2x2x2x!quant.uniform<i8:f32, 1.000000e-01:-3>>' are incompatible with return type(s) of operation 'tensor<1x2x2x2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_input_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+2 {{expects quantized input to express f32 values, got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @max_pool_input_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:4, {0.1}>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32:4, {0.1}>> {
  // expected-error @+2 {{expects the quantized dimension 4 of input to be below its rank 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2x!quant.uniform<i8:f32:4, {0.1}>> -> tensor<1x2x2x2x!quant.uniform<i8:f32:4, {0.1}>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32:4, {0.1}>>
}

// -----

func.func @max_pool_input_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+2 {{expects 1 scales for dimension 0 of input, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @max_pool_input_per_axis(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+2 {{expects per-tensor quantization for input}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @max_pool_input_i16_storage(%x: tensor<1x4x4x2x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+2 {{expects 8-bit storage for input, got 'i16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x2x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x2x2x2x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.avg_pool2d ------------------------------------------------------===//

func.func @avg_pool_rank_input(%x: tensor<4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects rank-4 input and output}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_rank_output(%x: tensor<1x4x4x2xf32>) -> tensor<2x2x2xf32> {
  // expected-error @+1 {{expects rank-4 input and output}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<2x2x2xf32>
  return %r : tensor<2x2x2xf32>
}

// -----

func.func @avg_pool_kernel_count(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects 2 positive kernel sizes}}
  %r = nn.avg_pool2d %x kernel = [2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_kernel_zero(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects 2 positive kernel sizes}}
  %r = nn.avg_pool2d %x kernel = [0, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_strides_zero(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects 2 positive strides}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 0] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_strides_count(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects 2 positive strides}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_pad_negative(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects 4 non-negative pads [top, bottom, left, right]}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, -1, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_pad_count(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects 4 non-negative pads [top, bottom, left, right]}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_window_height(%x: tensor<1x2x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects the window to fit in the padded input along dimension 1}}
  %r = nn.avg_pool2d %x kernel = [3, 3] strides = [1, 1] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x2x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_window_width(%x: tensor<1x4x2x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects the window to fit in the padded input along dimension 2}}
  %r = nn.avg_pool2d %x kernel = [3, 3] strides = [1, 1] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x2x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_pad_not_below_kernel(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x3x2xf32> {
  // expected-error @+1 {{expects every pad to be smaller than the kernel along its dimension}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 2] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x3x2xf32>
  return %r : tensor<1x2x3x2xf32>
}

// -----

func.func @avg_pool_pad_not_below_kernel_top(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects every pad to be smaller than the kernel along its dimension}}
  %r = nn.avg_pool2d %x kernel = [1, 2] strides = [2, 2] pad = [1, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_output_shape(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x4xf32> {
  // expected-error @+1 {{expects output shape [1, 2, 2, 2], got [1, 2, 2, 4]}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x4xf32>
  return %r : tensor<1x2x2x4xf32>
}

// -----

func.func @avg_pool_output_padded(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{expects output shape [1, 3, 3, 2], got [1, 2, 2, 2]}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [1, 1, 1, 1] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_mixed_output(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2xf32> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @avg_pool_mixed_input(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x2x2x2xf32>
  return %r : tensor<1x2x2x2xf32>
}

// -----

func.func @avg_pool_input_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @avg_pool_input_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:4, {0.1}>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 4 of input to be below its rank 4}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32:4, {0.1}>> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @avg_pool_input_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @avg_pool_input_per_axis(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @avg_pool_input_i16_storage(%x: tensor<1x4x4x2x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @avg_pool_output_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @avg_pool_output_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32:4, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 4 of output to be below its rank 4}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i8:f32:4, {0.1}>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32:4, {0.1}>>
}

// -----

func.func @avg_pool_output_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @avg_pool_output_per_axis(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x2x2x2x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @avg_pool_output_i16_storage(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x2x2x2x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.avg_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x2x2x2x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x2x2x2x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.mean ------------------------------------------------------------===//

func.func @mean_axes_empty(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32> {
  // expected-error @+1 {{expects non-empty, strictly increasing axes in [0, 4)}}
  %r = nn.mean %x axes = [] keep_dims = true : tensor<1x4x4x2xf32> -> tensor<1x4x4x2xf32>
  return %r : tensor<1x4x4x2xf32>
}

// -----

func.func @mean_axes_decreasing(%x: tensor<1x4x4x2xf32>) -> tensor<1x1x1x2xf32> {
  // expected-error @+1 {{expects non-empty, strictly increasing axes in [0, 4)}}
  %r = nn.mean %x axes = [2, 1] keep_dims = true : tensor<1x4x4x2xf32> -> tensor<1x1x1x2xf32>
  return %r : tensor<1x1x1x2xf32>
}

// -----

func.func @mean_axes_repeated(%x: tensor<1x4x4x2xf32>) -> tensor<1x1x1x2xf32> {
  // expected-error @+1 {{expects non-empty, strictly increasing axes in [0, 4)}}
  %r = nn.mean %x axes = [1, 1] keep_dims = true : tensor<1x4x4x2xf32> -> tensor<1x1x1x2xf32>
  return %r : tensor<1x1x1x2xf32>
}

// -----

func.func @mean_axes_out_of_range(%x: tensor<1x4x4x2xf32>) -> tensor<1x1x1x2xf32> {
  // expected-error @+1 {{expects non-empty, strictly increasing axes in [0, 4)}}
  %r = nn.mean %x axes = [1, 4] keep_dims = true : tensor<1x4x4x2xf32> -> tensor<1x1x1x2xf32>
  return %r : tensor<1x1x1x2xf32>
}

// -----

func.func @mean_axes_negative(%x: tensor<1x4x4x2xf32>) -> tensor<1x1x1x2xf32> {
  // expected-error @+1 {{expects non-empty, strictly increasing axes in [0, 4)}}
  %r = nn.mean %x axes = [-1] keep_dims = true : tensor<1x4x4x2xf32> -> tensor<1x1x1x2xf32>
  return %r : tensor<1x1x1x2xf32>
}

// -----

func.func @mean_output_keep_dims(%x: tensor<1x4x4x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{expects output shape [1, 1, 1, 2], got [1, 2]}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @mean_output_drop_dims(%x: tensor<1x4x4x2xf32>) -> tensor<1x1x1x2xf32> {
  // expected-error @+1 {{expects output shape [1, 2], got [1, 1, 1, 2]}}
  %r = nn.mean %x axes = [1, 2] keep_dims = false : tensor<1x4x4x2xf32> -> tensor<1x1x1x2xf32>
  return %r : tensor<1x1x1x2xf32>
}

// -----

func.func @mean_mixed_output(%x: tensor<1x4x4x2xf32>) -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2xf32> -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @mean_mixed_input(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x1x1x2xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x1x1x2xf32>
  return %r : tensor<1x1x1x2xf32>
}

// -----

func.func @mean_input_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @mean_input_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:4, {0.1}>>) -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 4 of input to be below its rank 4}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32:4, {0.1}>> -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @mean_input_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @mean_input_per_axis(%x: tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @mean_input_i16_storage(%x: tensor<1x4x4x2x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @mean_output_f16_expressed(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x1x1x2x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x1x1x2x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @mean_output_axis_beyond_rank(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x1x1x2x!quant.uniform<i8:f32:4, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 4 of output to be below its rank 4}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x1x1x2x!quant.uniform<i8:f32:4, {0.1}>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32:4, {0.1}>>
}

// -----

func.func @mean_output_scale_count(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x1x1x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x1x1x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @mean_output_per_axis(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x1x1x2x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x1x1x2x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x1x1x2x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @mean_output_i16_storage(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x1x1x2x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x1x1x2x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x1x1x2x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.softmax ---------------------------------------------------------===//

func.func @softmax_axis_too_large(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects axis in [0, 2), got 2}}
  %r = nn.softmax %x axis = 2 beta = 1.0 : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @softmax_axis_negative(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects axis in [0, 2), got -1}}
  %r = nn.softmax %x axis = -1 beta = 1.0 : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @softmax_beta_zero(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects a positive beta}}
  %r = nn.softmax %x axis = 1 beta = 0.0 : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @softmax_beta_negative(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects a positive beta}}
  %r = nn.softmax %x axis = 1 beta = -1.0 : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @softmax_beta_nan(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{expects a positive beta}}
  %r = nn.softmax %x axis = 1 beta = 0x7FC00000 : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @softmax_output_shape(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{expects output shape [1, 4], got [1, 3]}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4xf32> -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @softmax_mixed_output(%x: tensor<1x4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @softmax_mixed_input(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32> {
  // expected-error @+1 {{mixes f32 and quantized tensors; convert with nn.quantize or nn.dequantize first}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @softmax_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

func.func @softmax_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  // expected-error @+1 {{expects the quantized dimension 2 of input to be below its rank 2}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

func.func @softmax_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

func.func @softmax_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

func.func @softmax_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.00390625:-128>>
}

// -----

func.func @softmax_output_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @softmax_output_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @softmax_output_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @softmax_output_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @softmax_output_i16_storage(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.reshape ---------------------------------------------------------===//

func.func @reshape_element_count(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{expects the same number of elements, got 8 and 6}}
  %r = nn.reshape %x : tensor<2x4xf32> -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

func.func @reshape_element_type_float_to_quantized(%x: tensor<2x4xf32>) -> tensor<8x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects the same element type, got 'f32' and '!quant.uniform<i8:f32}}
  %r = nn.reshape %x : tensor<2x4xf32> -> tensor<8x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<8x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @reshape_element_type_quantization(%x: tensor<2x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<8x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the same element type, got '!quant.uniform<i8:f32, 1.000000e-01:-3>' and '!quant.uniform<i8:f32, 2.000000e-01:4>'}}
  %r = nn.reshape %x : tensor<2x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<8x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<8x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @reshape_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<2x2x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.reshape %x : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<2x2x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<2x2x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @reshape_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<2x2x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of input to be below its rank 2}}
  %r = nn.reshape %x : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<2x2x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<2x2x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @reshape_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.reshape %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @reshape_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.reshape %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<2x2x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @reshape_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<2x2x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.reshape %x : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<2x2x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<2x2x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.transpose -------------------------------------------------------===//

func.func @transpose_perm_size(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+2 {{expects perm to be a permutation of [0, 2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [0] : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @transpose_perm_repeated(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+2 {{expects perm to be a permutation of [0, 2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [0, 0] : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @transpose_perm_out_of_range(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+2 {{expects perm to be a permutation of [0, 2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [1, 2] : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @transpose_inferred_shape(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+2 {{inferred type(s) 'tensor<4x1xf32>' are incompatible with return type(s) of operation 'tensor<1x4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [1, 0] : tensor<1x4xf32> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @transpose_inferred_element_type(%x: tensor<1x4xf32>) -> tensor<4x1x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+2 {{inferred type(s) 'tensor<4x1xf32>' are incompatible with return type(s) of operation 'tensor<4x1x!quant.uniform}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [1, 0] : tensor<1x4xf32> -> tensor<4x1x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<4x1x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @transpose_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<4x1x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+2 {{expects quantized input to express f32 values, got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [1, 0] : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<4x1x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<4x1x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @transpose_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<4x1x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+2 {{expects the quantized dimension 2 of input to be below its rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [1, 0] : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<4x1x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<4x1x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @transpose_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<4x1x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+2 {{expects 1 scales for dimension 0 of input, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [1, 0] : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<4x1x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<4x1x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @transpose_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<4x1x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+2 {{expects per-tensor quantization for input}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [1, 0] : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<4x1x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<4x1x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @transpose_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<4x1x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+2 {{expects 8-bit storage for input, got 'i16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.transpose %x perm = [1, 0] : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<4x1x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<4x1x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.concat ----------------------------------------------------------===//

func.func @concat_no_input() -> tensor<1x4xf32> {
  // expected-error @+2 {{expects at least one input}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat axis = 0 : () -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @concat_axis_too_large(%x0: tensor<1x4xf32>, %x1: tensor<1x2xf32>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects axis in [0, 2), got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 2 : (tensor<1x4xf32>, tensor<1x2xf32>) -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @concat_axis_negative(%x0: tensor<1x4xf32>, %x1: tensor<1x2xf32>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects axis in [0, 2), got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = -1 : (tensor<1x4xf32>, tensor<1x2xf32>) -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @concat_element_type(%x0: tensor<1x4xf32>, %x1: tensor<1x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects input 1 to have the element type of input 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4xf32>, tensor<1x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @concat_quantization(%x0: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, %x1: tensor<1x2x!quant.uniform<i8:f32, 0.1:-3>>, %x2: tensor<1x2x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x8x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+2 {{expects input 2 to have the element type of input 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1, %x2 axis = 1 : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<1x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<1x2x!quant.uniform<i8:f32, 0.2:4>>) -> tensor<1x8x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x8x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @concat_rank(%x0: tensor<1x4xf32>, %x1: tensor<1x2x1xf32>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects input 1 to have rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4xf32>, tensor<1x2x1xf32>) -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @concat_dimension(%x0: tensor<1x4xf32>, %x1: tensor<2x2xf32>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects input 1 to match input 0 in dimension 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4xf32>, tensor<2x2xf32>) -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @concat_dimension_third_input(%x0: tensor<1x4x3xf32>, %x1: tensor<1x4x3xf32>, %x2: tensor<1x5x3xf32>) -> tensor<1x4x9xf32> {
  // expected-error @+2 {{expects input 2 to match input 0 in dimension 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1, %x2 axis = 2 : (tensor<1x4x3xf32>, tensor<1x4x3xf32>, tensor<1x5x3xf32>) -> tensor<1x4x9xf32>
  return %r : tensor<1x4x9xf32>
}

// -----

func.func @concat_inferred_shape(%x0: tensor<1x4xf32>, %x1: tensor<1x2xf32>) -> tensor<1x5xf32> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x6xf32>' are incompatible with return type(s) of operation 'tensor<1x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4xf32>, tensor<1x2xf32>) -> tensor<1x5xf32>
  return %r : tensor<1x5xf32>
}

// -----

func.func @concat_inferred_axis(%x0: tensor<1x4xf32>, %x1: tensor<1x4xf32>) -> tensor<1x8xf32> {
  // expected-error @+2 {{inferred type(s) 'tensor<2x4xf32>' are incompatible with return type(s) of operation 'tensor<1x8xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 0 : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x8xf32>
  return %r : tensor<1x8xf32>
}

// -----

func.func @concat_input_f16_expressed(%x0: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>, %x1: tensor<1x2x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x6x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+2 {{expects quantized input 0 to express f32 values, got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>, tensor<1x2x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x6x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x6x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @concat_input_axis_beyond_rank(%x0: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>, %x1: tensor<1x2x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+2 {{expects the quantized dimension 2 of input 0 to be below its rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>, tensor<1x2x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x6x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @concat_input_scale_count(%x0: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, %x1: tensor<1x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+2 {{expects 1 scales for dimension 0 of input 0, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>, tensor<1x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x6x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @concat_input_per_axis(%x0: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>, %x1: tensor<1x2x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+2 {{expects per-tensor quantization for input 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>, tensor<1x2x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x6x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @concat_input_i16_storage(%x0: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>, %x1: tensor<1x2x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x6x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+2 {{expects 8-bit storage for input 0, got 'i16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.concat %x0, %x1 axis = 1 : (tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>, tensor<1x2x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x6x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x6x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.slice -----------------------------------------------------------===//

func.func @slice_offsets_count(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects 2 offsets, sizes and strides}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [1] sizes = [1, 2] strides = [1, 1] : tensor<1x4xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @slice_sizes_count(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects 2 offsets, sizes and strides}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2, 1] strides = [1, 1] : tensor<1x4xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @slice_strides_count(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects 2 offsets, sizes and strides}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2] strides = [1] : tensor<1x4xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @slice_negative_offset(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects non-negative offsets and positive sizes and strides}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, -1] sizes = [1, 2] strides = [1, 1] : tensor<1x4xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @slice_zero_size(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects non-negative offsets and positive sizes and strides}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 0] strides = [1, 1] : tensor<1x4xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @slice_zero_stride(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects non-negative offsets and positive sizes and strides}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2] strides = [0, 1] : tensor<1x4xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @slice_outside(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects the slice to stay inside the input along dimension 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 3] sizes = [1, 2] strides = [1, 1] : tensor<1x4xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @slice_outside_strided(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+2 {{expects the slice to stay inside the input along dimension 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 0] sizes = [1, 3] strides = [1, 2] : tensor<1x4xf32> -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @slice_outside_batch(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects the slice to stay inside the input along dimension 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [1, 0] sizes = [1, 2] strides = [1, 1] : tensor<1x4xf32> -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @slice_inferred_shape(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x2xf32>' are incompatible with return type(s) of operation 'tensor<1x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2] strides = [1, 1] : tensor<1x4xf32> -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// -----

func.func @slice_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x2x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+2 {{expects quantized input to express f32 values, got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2] strides = [1, 1] : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x2x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x2x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @slice_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x2x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+2 {{expects the quantized dimension 2 of input to be below its rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2] strides = [1, 1] : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<1x2x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x2x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @slice_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+2 {{expects 1 scales for dimension 0 of input, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2] strides = [1, 1] : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x2x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @slice_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x2x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+2 {{expects per-tensor quantization for input}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2] strides = [1, 1] : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x2x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x2x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @slice_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x2x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+2 {{expects 8-bit storage for input, got 'i16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.slice %x offsets = [0, 1] sizes = [1, 2] strides = [1, 1] : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x2x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x2x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.pad -------------------------------------------------------------===//

func.func @pad_low_count(%x: tensor<1x4xf32>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects 2 non-negative low and high pads}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [1] high = [0, 1] value = 0.0 : tensor<1x4xf32> -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @pad_high_count(%x: tensor<1x4xf32>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects 2 non-negative low and high pads}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, 1] high = [0, 1, 0] value = 0.0 : tensor<1x4xf32> -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @pad_negative_low(%x: tensor<1x4xf32>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects 2 non-negative low and high pads}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, -1] high = [0, 1] value = 0.0 : tensor<1x4xf32> -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @pad_negative_high(%x: tensor<1x4xf32>) -> tensor<1x6xf32> {
  // expected-error @+2 {{expects 2 non-negative low and high pads}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, 1] high = [-1, 0] value = 0.0 : tensor<1x4xf32> -> tensor<1x6xf32>
  return %r : tensor<1x6xf32>
}

// -----

func.func @pad_inferred_shape(%x: tensor<1x4xf32>) -> tensor<1x5xf32> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x6xf32>' are incompatible with return type(s) of operation 'tensor<1x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, 1] high = [0, 1] value = 0.0 : tensor<1x4xf32> -> tensor<1x5xf32>
  return %r : tensor<1x5xf32>
}

// -----

func.func @pad_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x6x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+2 {{expects quantized input to express f32 values, got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, 1] high = [0, 1] value = 0.0 : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x6x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x6x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @pad_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+2 {{expects the quantized dimension 2 of input to be below its rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, 1] high = [0, 1] value = 0.0 : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<1x6x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x6x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @pad_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+2 {{expects 1 scales for dimension 0 of input, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, 1] high = [0, 1] value = 0.0 : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x6x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x6x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @pad_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x6x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+2 {{expects per-tensor quantization for input}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, 1] high = [0, 1] value = 0.0 : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x6x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x6x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @pad_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x6x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+2 {{expects 8-bit storage for input, got 'i16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.pad %x low = [0, 1] high = [0, 1] value = 0.0 : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x6x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x6x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----

//===- nn.quantize --------------------------------------------------------===//

func.func @quantize_output_shape(%x: tensor<1x4xf32>) -> tensor<1x5x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects output shape [1, 4], got [1, 5]}}
  %r = nn.quantize %x : tensor<1x4xf32> -> tensor<1x5x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x5x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @quantize_output_rank(%x: tensor<1x4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>> {
  // expected-error @+1 {{expects output shape [1, 4], got [4]}}
  %r = nn.quantize %x : tensor<1x4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

func.func @quantize_output_f16_expressed(%x: tensor<1x4xf32>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.quantize %x : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @quantize_output_axis_beyond_rank(%x: tensor<1x4xf32>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.quantize %x : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @quantize_output_scale_count(%x: tensor<1x4xf32>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.quantize %x : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

//===- nn.dequantize ------------------------------------------------------===//

func.func @dequantize_inferred_shape(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<4xf32> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x4xf32>' are incompatible with return type(s) of operation 'tensor<4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.dequantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

func.func @dequantize_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4xf32> {
  // expected-error @+2 {{expects quantized input to express f32 values, got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.dequantize %x : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @dequantize_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x4xf32> {
  // expected-error @+2 {{expects the quantized dimension 2 of input to be below its rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.dequantize %x : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

func.func @dequantize_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x4xf32> {
  // expected-error @+2 {{expects 1 scales for dimension 0 of input, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %r = nn.dequantize %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

//===- nn.requantize ------------------------------------------------------===//

func.func @requantize_output_shape(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<4x1x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects output shape [1, 4], got [4, 1]}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<4x1x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<4x1x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @requantize_input_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects quantized input to express f32 values, got 'f16'}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @requantize_input_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects the quantized dimension 2 of input to be below its rank 2}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @requantize_input_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of input, got 2}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @requantize_input_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects per-tensor quantization for input}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @requantize_input_i16_storage(%x: tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>> {
  // expected-error @+1 {{expects 8-bit storage for input, got 'i16'}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 0.2:4>>
}

// -----

func.func @requantize_output_f16_expressed(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>> {
  // expected-error @+1 {{expects quantized output to express f32 values, got 'f16'}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i8:f16, 0.1:-3>>
}

// -----

func.func @requantize_output_axis_beyond_rank(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>> {
  // expected-error @+1 {{expects the quantized dimension 2 of output to be below its rank 2}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:2, {0.1}>>
}

// -----

func.func @requantize_output_scale_count(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>> {
  // expected-error @+1 {{expects 1 scales for dimension 0 of output, got 2}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1, 0.1}>>
}

// -----

func.func @requantize_output_per_axis(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>> {
  // expected-error @+1 {{expects per-tensor quantization for output}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
  return %r : tensor<1x4x!quant.uniform<i8:f32:0, {0.1}>>
}

// -----

func.func @requantize_output_i16_storage(%x: tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %r = nn.requantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
  return %r : tensor<1x4x!quant.uniform<i16:f32, 0.1:-3>>
}

// -----
// Overflow and signedness cases found in review.

func.func @slice_stride_overflow(%x: tensor<4xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{expects the slice to stay inside the input along dimension 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nn.slice %x offsets = [1] sizes = [2] strides = [9223372036854775807] : tensor<4xf32> -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// -----

func.func @pad_overflow(%x: tensor<4xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{expects the padded size to fit in 64 bits}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nn.pad %x low = [9223372036854775807] high = [9223372036854775807] value = 0.0 : tensor<4xf32> -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// -----

func.func @concat_overflow(%a: tensor<1x4611686018427387904xf32>) -> tensor<1x2xf32> {
  // expected-error @+2 {{expects the concatenated size to fit in 64 bits}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nn.concat %a, %a, %a axis = 1 : (tensor<1x4611686018427387904xf32>, tensor<1x4611686018427387904xf32>, tensor<1x4611686018427387904xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @reshape_count_overflow(%x: tensor<4x4611686018427387904xf32>) -> tensor<0xf32> {
  // expected-error @+1 {{expects the same number of elements, got too many and 0}}
  %y = nn.reshape %x : tensor<4x4611686018427387904xf32> -> tensor<0xf32>
  return %y : tensor<0xf32>
}

// -----

func.func @conv_unsigned_bias(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<u32:f32, 0.05>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2>> {
  // expected-error @+1 {{expects an i32 bias for a quantized operator}}
  %y = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1>>, tensor<4x1x1x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<u32:f32, 0.05>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2>>
  return %y : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2>>
}

// -----

func.func @constant_vector_value() -> tensor<4xf32> {
  // expected-error @+1 {{expects a tensor value, got 'vector<4xf32>'}}
  %c = nn.constant dense<1.0> : vector<4xf32> -> tensor<4xf32>
  return %c : tensor<4xf32>
}

// -----

func.func @quantize_16_bit(%x: tensor<1x2xf32>) -> tensor<1x2x!quant.uniform<i16:f32, 0.1>> {
  // expected-error @+1 {{expects 8-bit storage for output, got 'i16'}}
  %q = nn.quantize %x : tensor<1x2xf32> -> tensor<1x2x!quant.uniform<i16:f32, 0.1>>
  return %q : tensor<1x2x!quant.uniform<i16:f32, 0.1>>
}
