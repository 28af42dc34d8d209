// RUN: morsel-opt %s --canonicalize --split-input-file | FileCheck %s

// Folders of the nn data-movement ops.

// CHECK-LABEL: func.func @reshape_chain
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x8xf32>)
func.func @reshape_chain(%x: tensor<1x4x4x8xf32>) -> tensor<1x128xf32> {
  // CHECK-NEXT: %[[R:.+]] = nn.reshape %[[X]] : tensor<1x4x4x8xf32> -> tensor<1x128xf32>
  // CHECK-NEXT: return %[[R]]
  %0 = nn.reshape %x : tensor<1x4x4x8xf32> -> tensor<1x16x8xf32>
  %1 = nn.reshape %0 : tensor<1x16x8xf32> -> tensor<1x128xf32>
  return %1 : tensor<1x128xf32>
}

// CHECK-LABEL: func.func @reshape_round_trip
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x8xf32>)
func.func @reshape_round_trip(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = nn.reshape %x : tensor<1x4x4x8xf32> -> tensor<1x128xf32>
  %1 = nn.reshape %0 : tensor<1x128xf32> -> tensor<1x4x4x8xf32>
  return %1 : tensor<1x4x4x8xf32>
}

// CHECK-LABEL: func.func @identity_data_movement
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x8xf32>)
func.func @identity_data_movement(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = nn.transpose %x perm = [0, 1, 2, 3] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %1 = nn.slice %0 offsets = [0, 0, 0, 0] sizes = [1, 4, 4, 8] strides = [1, 1, 1, 1] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %2 = nn.pad %1 low = [0, 0, 0, 0] high = [0, 0, 0, 0] value = 0.0 : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  return %2 : tensor<1x4x4x8xf32>
}

// CHECK-LABEL: func.func @real_data_movement_stays
func.func @real_data_movement_stays(%x: tensor<1x4x4x8xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x2x4x8xf32>, tensor<1x5x4x8xf32>) {
  // CHECK: nn.transpose
  // CHECK: nn.slice
  // CHECK: nn.pad
  %0 = nn.transpose %x perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.slice %x offsets = [0, 0, 0, 0] sizes = [1, 2, 4, 8] strides = [1, 2, 1, 1] : tensor<1x4x4x8xf32> -> tensor<1x2x4x8xf32>
  %2 = nn.pad %x low = [0, 1, 0, 0] high = [0, 0, 0, 0] value = 0.0 : tensor<1x4x4x8xf32> -> tensor<1x5x4x8xf32>
  return %0, %1, %2 : tensor<1x8x4x4xf32>, tensor<1x2x4x8xf32>, tensor<1x5x4x8xf32>
}

// -----

// Identical constants are merged, quantized ones included.

// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<2xf32>, tensor<2xf32>, tensor<2x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i8:f32, 0.25>>) {
  // CHECK-DAG: %[[F:.+]] = nn.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32> -> tensor<2xf32>
  // CHECK-DAG: %[[Q:.+]] = nn.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 5.000000e-01>>
  // CHECK-DAG: %[[R:.+]] = nn.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 2.500000e-01>>
  // CHECK: return %[[F]], %[[F]], %[[Q]], %[[Q]], %[[R]]
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<2xf32>
  %1 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<2xf32>
  %2 = nn.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  %3 = nn.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  // Same stored values, other scale: a different constant.
  %4 = nn.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.25>>
  return %0, %1, %2, %3, %4 : tensor<2xf32>, tensor<2xf32>, tensor<2x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i8:f32, 0.25>>
}

// -----

// Transposes: inverse pairs cancel, chains compose, and transposes of
// constants fold into the constants (through quantization ops too) unless
// another user still needs the original.

// CHECK-LABEL: func.func @transpose_chain
// CHECK-SAME: (%[[X:.+]]: tensor<1x2x3x4xf32>)
func.func @transpose_chain(%x: tensor<1x2x3x4xf32>) -> (tensor<1x2x3x4xf32>, tensor<4x3x2x1xf32>) {
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[X]] perm = [3, 2, 1, 0] : tensor<1x2x3x4xf32> -> tensor<4x3x2x1xf32>
  // CHECK-NEXT: return %[[X]], %[[T]]
  %0 = nn.transpose %x perm = [0, 2, 3, 1] : tensor<1x2x3x4xf32> -> tensor<1x3x4x2xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x3x4x2xf32> -> tensor<1x2x3x4xf32>
  %2 = nn.transpose %0 perm = [2, 1, 3, 0] : tensor<1x3x4x2xf32> -> tensor<4x3x2x1xf32>
  return %1, %2 : tensor<1x2x3x4xf32>, tensor<4x3x2x1xf32>
}

// CHECK-LABEL: func.func @transpose_f32_constant
func.func @transpose_f32_constant() -> (tensor<2x2x2xf32>, tensor<3x2xf32>, tensor<2x3xf32>) {
  // CHECK-DAG: %[[P:.+]] = nn.constant dense<{{\[}}{{\[}}[0.000000e+00, 2.000000e+00], [4.000000e+00, 6.000000e+00]], {{\[}}[1.000000e+00, 3.000000e+00], [5.000000e+00, 7.000000e+00]]]> : tensor<2x2x2xf32>
  // CHECK-DAG: %[[S:.+]] = nn.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
  // CHECK: %[[T:.+]] = nn.transpose %[[S]] perm = [1, 0]
  // CHECK: return %[[P]], %[[T]], %[[S]]
  %c = nn.constant dense<[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]]> : tensor<2x2x2xf32> -> tensor<2x2x2xf32>
  %0 = nn.transpose %c perm = [2, 0, 1] : tensor<2x2x2xf32> -> tensor<2x2x2xf32>
  // A constant with another user is not copied.
  %s = nn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = nn.transpose %s perm = [1, 0] : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0, %1, %s : tensor<2x2x2xf32>, tensor<3x2xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @transpose_splat_constant
func.func @transpose_splat_constant() -> (tensor<3x2xf32>, tensor<2x3xf32>) {
  // CHECK-DAG: %[[A:.+]] = nn.constant dense<5.000000e-01> : tensor<3x2xf32>
  // CHECK-DAG: %[[B:.+]] = nn.constant dense<5.000000e-01> : tensor<2x3xf32>
  // CHECK: return %[[A]], %[[B]]
  %c = nn.constant dense<0.5> : tensor<2x3xf32> -> tensor<2x3xf32>
  %0 = nn.transpose %c perm = [1, 0] : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0, %c : tensor<3x2xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @transpose_quantized_constant
func.func @transpose_quantized_constant() -> tensor<3x2x!quant.uniform<i8:f32, 5.000000e-01:3>> {
  // CHECK: %[[C:.+]] = nn.constant dense<{{\[}}[1, 4], [2, 5], [3, 6]]> : tensor<3x2xi8> -> tensor<3x2x!quant.uniform<i8:f32, 5.000000e-01:3>>
  // CHECK-NEXT: return %[[C]]
  %c = nn.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32, 0.5:3>>
  %0 = nn.transpose %c perm = [1, 0] : tensor<2x3x!quant.uniform<i8:f32, 0.5:3>> -> tensor<3x2x!quant.uniform<i8:f32, 0.5:3>>
  return %0 : tensor<3x2x!quant.uniform<i8:f32, 0.5:3>>
}

// CHECK-LABEL: func.func @transpose_dequantized_per_axis_constant
func.func @transpose_dequantized_per_axis_constant() -> tensor<3x2xf32> {
  // The quantized dimension (1) moves with the permutation (to 0).
  // CHECK: %[[C:.+]] = nn.constant dense<{{\[}}[1, 4], [2, 5], [3, 6]]> : tensor<3x2xi8> -> tensor<3x2x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01,1.250000e-01}>>
  // CHECK-NEXT: %[[D:.+]] = nn.dequantize %[[C]] : tensor<3x2x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01,1.250000e-01}>> -> tensor<3x2xf32>
  // CHECK-NEXT: return %[[D]]
  %c = nn.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125}>>
  %d = nn.dequantize %c : tensor<2x3x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125}>> -> tensor<2x3xf32>
  %0 = nn.transpose %d perm = [1, 0] : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @transpose_requantized_quantized_constant
func.func @transpose_requantized_quantized_constant() -> tensor<3x2xf32> {
  // A float weight quantized per channel (axis 1) then dequantized: the
  // whole chain is rebuilt on the permuted constant.
  // CHECK: %[[C:.+]] = nn.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
  // CHECK-NEXT: %[[Q:.+]] = nn.quantize %[[C]] : tensor<3x2xf32> -> tensor<3x2x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01,1.250000e-01}>>
  // CHECK-NEXT: %[[D:.+]] = nn.dequantize %[[Q]]
  // CHECK-NEXT: return %[[D]]
  %c = nn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %q = nn.quantize %c : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125}>>
  %d = nn.dequantize %q : tensor<2x3x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125}>> -> tensor<2x3xf32>
  %0 = nn.transpose %d perm = [1, 0] : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
