// RUN: morsel-opt %s --split-input-file --convert-tosa-to-nn | FileCheck %s

// A matmul by a constant [1, C, W] is a fully-connected layer with weights
// [W, C]: b[0, c, w] = 10 * c + w lands at weights[w, c].
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.+]]: tensor<1x2x3xf32>)
// CHECK: %[[IN:.+]] = nn.reshape %[[A]] : tensor<1x2x3xf32> -> tensor<2x3xf32>
// CHECK: %[[W:.+]] = nn.constant dense<{{\[}}[0.000000e+00, 1.000000e+01, 2.000000e+01], [1.000000e+00, 1.100000e+01, 2.100000e+01]]> : tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK: %[[FC:.+]] = nn.fully_connected %[[IN]], %[[W]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2xf32>
// CHECK: %[[OUT:.+]] = nn.reshape %[[FC]] : tensor<2x2xf32> -> tensor<1x2x2xf32>
// CHECK: return %[[OUT]]
func.func @matmul(%a: tensor<1x2x3xf32>) -> tensor<1x2x2xf32> {
  %b = "tosa.const"() {values = dense<[[[0.0, 1.0], [10.0, 11.0], [20.0, 21.0]]]> : tensor<1x3x2xf32>} : () -> tensor<1x3x2xf32>
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.matmul %a, %b, %zp, %zp : (tensor<1x2x3xf32>, tensor<1x3x2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x2xf32>
  return %y : tensor<1x2x2xf32>
}

// -----

// The classifier head torch-mlir emits for nn.Linear: reshape, matmul, bias add.
// CHECK-LABEL: func.func @linear
// CHECK: %[[FC:.+]] = nn.fully_connected %{{.+}}, %{{.+}} : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
// CHECK: %[[R:.+]] = nn.reshape %[[FC]] : tensor<1x10xf32> -> tensor<1x1x10xf32>
// CHECK: %[[SUM:.+]] = nn.add %[[R]], %{{.+}} : (tensor<1x1x10xf32>, tensor<1x1x10xf32>) -> tensor<1x1x10xf32>
// CHECK: nn.reshape %[[SUM]] : tensor<1x1x10xf32> -> tensor<1x10xf32>
// CHECK-NOT: tosa.
func.func @linear(%x: tensor<1x64xf32>) -> tensor<1x10xf32> {
  %s3 = tosa.const_shape {values = dense<[1, 1, 64]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %x3 = tosa.reshape %x, %s3 : (tensor<1x64xf32>, !tosa.shape<3>) -> tensor<1x1x64xf32>
  %w = "tosa.const"() {values = dense<0.125> : tensor<1x64x10xf32>} : () -> tensor<1x64x10xf32>
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.matmul %x3, %w, %zp, %zp : (tensor<1x1x64xf32>, tensor<1x64x10xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x10xf32>
  %b = "tosa.const"() {values = dense<1.0> : tensor<1x1x10xf32>} : () -> tensor<1x1x10xf32>
  %z = tosa.add %y, %b : (tensor<1x1x10xf32>, tensor<1x1x10xf32>) -> tensor<1x1x10xf32>
  %s2 = tosa.const_shape {values = dense<[1, 10]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %out = tosa.reshape %z, %s2 : (tensor<1x1x10xf32>, !tosa.shape<2>) -> tensor<1x10xf32>
  return %out : tensor<1x10xf32>
}
