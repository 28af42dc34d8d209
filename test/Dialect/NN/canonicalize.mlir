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

// Identical constants are merged; quantized constants keep their op.

// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<2xf32>, tensor<2xf32>, tensor<2x!quant.uniform<i8:f32, 0.5>>) {
  // CHECK-DAG: %[[F:.+]] = nn.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32> -> tensor<2xf32>
  // CHECK-DAG: %[[Q:.+]] = nn.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 5.000000e-01>>
  // CHECK: return %[[F]], %[[F]], %[[Q]]
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<2xf32>
  %1 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<2xf32>
  %2 = nn.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  return %0, %1, %2 : tensor<2xf32>, tensor<2xf32>, tensor<2x!quant.uniform<i8:f32, 0.5>>
}
