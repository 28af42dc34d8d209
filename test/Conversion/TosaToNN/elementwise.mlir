// RUN: morsel-opt %s --split-input-file --convert-tosa-to-nn | FileCheck %s

// CHECK-LABEL: func.func @add_mul
// CHECK-SAME: (%[[A:.+]]: tensor<1x4x4x8xf32>, %[[B:.+]]: tensor<1x1x1x8xf32>)
// CHECK: %[[S:.+]] = nn.add %[[A]], %[[B]] : (tensor<1x4x4x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32>
// CHECK: %[[P:.+]] = nn.mul %[[S]], %[[B]] : (tensor<1x4x4x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32>
// CHECK: return %[[P]]
func.func @add_mul(%a: tensor<1x4x4x8xf32>, %b: tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32> {
  %s = tosa.add %a, %b : (tensor<1x4x4x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %shift = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %p = tosa.mul %s, %b, %shift : (tensor<1x4x4x8xf32>, tensor<1x1x1x8xf32>, tensor<1xi8>) -> tensor<1x4x4x8xf32>
  return %p : tensor<1x4x4x8xf32>
}

// -----

// CHECK-LABEL: func.func @clamp_sigmoid
// CHECK: %[[C:.+]] = nn.clamp %{{.+}} min = 0.000000e+00 max = 6.000000e+00 : tensor<1x16xf32>
// CHECK: nn.sigmoid %[[C]] : tensor<1x16xf32> -> tensor<1x16xf32>
func.func @clamp_sigmoid(%x: tensor<1x16xf32>) -> tensor<1x16xf32> {
  %c = tosa.clamp %x {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x16xf32>) -> tensor<1x16xf32>
  %s = tosa.sigmoid %c : (tensor<1x16xf32>) -> tensor<1x16xf32>
  return %s : tensor<1x16xf32>
}

// -----

// ReLU as torch-mlir and onnx-mlir emit it: an infinite upper bound.
// CHECK-LABEL: func.func @relu
// CHECK: nn.clamp %{{.+}} min = 0.000000e+00 max = 0x7F800000 : tensor<2x3xf32>
func.func @relu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %c = tosa.clamp %x {min_val = 0.0 : f32, max_val = 0x7F800000 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %c : tensor<2x3xf32>
}

// -----

// A cast to the same type and an identity are no-ops.
// CHECK-LABEL: func.func @no_ops
// CHECK-SAME: (%[[X:.+]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @no_ops(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = tosa.cast %x : (tensor<4xf32>) -> tensor<4xf32>
  %i = tosa.identity %c : (tensor<4xf32>) -> tensor<4xf32>
  return %i : tensor<4xf32>
}

// -----

// Constants of f32, i32 and quantized values become nn.constant.
// CHECK-LABEL: func.func @constants
// CHECK: nn.constant dense<1.500000e+00> : tensor<2xf32> -> tensor<2xf32>
// CHECK: nn.constant dense<7> : tensor<3xi32> -> tensor<3xi32>
// CHECK: nn.constant dense<[1, -2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 5.000000e-01:1>>
func.func @constants() -> (tensor<2xf32>, tensor<3xi32>, tensor<2x!quant.uniform<i8:f32, 0.5:1>>) {
  %a = "tosa.const"() {values = dense<1.5> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "tosa.const"() {values = dense<7> : tensor<3xi32>} : () -> tensor<3xi32>
  %c = "tosa.const"() {values = dense<[1, -2]> : tensor<2xi8>} : () -> tensor<2x!quant.uniform<i8:f32, 0.5:1>>
  return %a, %b, %c : tensor<2xf32>, tensor<3xi32>, tensor<2x!quant.uniform<i8:f32, 0.5:1>>
}
