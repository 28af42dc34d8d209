// RUN: morsel-opt %s --split-input-file --convert-tosa-to-nn | FileCheck %s

// TOSA divides an average by the window positions inside the input only.
// CHECK-LABEL: func.func @avg_pool2d
// CHECK: nn.avg_pool2d %{{.+}} kernel = [3, 3] strides = [2, 2] pad = [1, 0, 1, 0] count_include_pad = false
// CHECK-SAME: : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
func.func @avg_pool2d(%x: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.avg_pool2d %x, %zp, %zp {acc_type = f32, kernel = array<i64: 3, 3>, stride = array<i64: 2, 2>, pad = array<i64: 1, 0, 1, 0>} : (tensor<1x8x8x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @max_pool2d
// CHECK: nn.max_pool2d %{{.+}} kernel = [2, 2] strides = [2, 2] pad = [0, 1, 0, 1] : tensor<1x7x7x4xf32> -> tensor<1x4x4x4xf32>
func.func @max_pool2d(%x: tensor<1x7x7x4xf32>) -> tensor<1x4x4x4xf32> {
  %y = tosa.max_pool2d %x {kernel = array<i64: 2, 2>, stride = array<i64: 2, 2>, pad = array<i64: 0, 1, 0, 1>} : (tensor<1x7x7x4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// A global max pooling as reductions over H, then W.
// CHECK-LABEL: func.func @reduce_max
// CHECK: %[[H:.+]] = nn.max_pool2d %{{.+}} kernel = [6, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x6x5x4xf32> -> tensor<1x1x5x4xf32>
// CHECK: nn.max_pool2d %[[H]] kernel = [1, 5] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x1x5x4xf32> -> tensor<1x1x1x4xf32>
func.func @reduce_max(%x: tensor<1x6x5x4xf32>) -> tensor<1x1x1x4xf32> {
  %h = tosa.reduce_max %x {axis = 1 : i32} : (tensor<1x6x5x4xf32>) -> tensor<1x1x5x4xf32>
  %w = tosa.reduce_max %h {axis = 2 : i32} : (tensor<1x1x5x4xf32>) -> tensor<1x1x1x4xf32>
  return %w : tensor<1x1x1x4xf32>
}

// -----

// A global average pooling as tflite-to-tosa and torch-mlir emit a mean:
// sums over H and W, then a multiplication by 1/(H*W).
// CHECK-LABEL: func.func @mean
// CHECK-SAME: (%[[X:.+]]: tensor<1x7x7x64xf32>)
// CHECK: %[[M:.+]] = nn.mean %[[X]] axes = [1, 2] keep_dims = true : tensor<1x7x7x64xf32> -> tensor<1x1x1x64xf32>
// CHECK-NEXT: return %[[M]]
func.func @mean(%x: tensor<1x7x7x64xf32>) -> tensor<1x1x1x64xf32> {
  %h = tosa.reduce_sum %x {axis = 1 : i32} : (tensor<1x7x7x64xf32>) -> tensor<1x1x7x64xf32>
  %w = tosa.reduce_sum %h {axis = 2 : i32} : (tensor<1x1x7x64xf32>) -> tensor<1x1x1x64xf32>
  %f = "tosa.const"() {values = dense<0.0204081628> : tensor<1x1x1x1xf32>} : () -> tensor<1x1x1x1xf32>
  %shift = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %m = tosa.mul %w, %f, %shift : (tensor<1x1x1x64xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x1x1x64xf32>
  return %m : tensor<1x1x1x64xf32>
}

// -----

// A mean over the last axis with the constant on the left.
// CHECK-LABEL: func.func @mean_last_axis
// CHECK: nn.mean %{{.+}} axes = [1] keep_dims = true : tensor<2x4xf32> -> tensor<2x1xf32>
func.func @mean_last_axis(%x: tensor<2x4xf32>) -> tensor<2x1xf32> {
  %s = tosa.reduce_sum %x {axis = 1 : i32} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %f = "tosa.const"() {values = dense<0.25> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %shift = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %m = tosa.mul %f, %s, %shift : (tensor<1x1xf32>, tensor<2x1xf32>, tensor<1xi8>) -> tensor<2x1xf32>
  return %m : tensor<2x1xf32>
}
