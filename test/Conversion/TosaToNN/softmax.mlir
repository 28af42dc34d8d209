// RUN: morsel-opt %s --split-input-file --convert-tosa-to-nn | FileCheck %s

// Softmax as torch-mlir decomposes it: max, sub, exp, sum, reciprocal, mul.
// CHECK-LABEL: func.func @softmax_stable
// CHECK-SAME: (%[[X:.+]]: tensor<1x10xf32>)
// CHECK: %[[S:.+]] = nn.softmax %[[X]] axis = 1 beta = 1.000000e+00 : tensor<1x10xf32> -> tensor<1x10xf32>
// CHECK-NEXT: return %[[S]]
func.func @softmax_stable(%x: tensor<1x10xf32>) -> tensor<1x10xf32> {
  %max = tosa.reduce_max %x {axis = 1 : i32} : (tensor<1x10xf32>) -> tensor<1x1xf32>
  %sub = tosa.sub %x, %max : (tensor<1x10xf32>, tensor<1x1xf32>) -> tensor<1x10xf32>
  %exp = tosa.exp %sub : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %sum = tosa.reduce_sum %exp {axis = 1 : i32} : (tensor<1x10xf32>) -> tensor<1x1xf32>
  %rcp = tosa.reciprocal %sum : (tensor<1x1xf32>) -> tensor<1x1xf32>
  %shift = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %y = tosa.mul %exp, %rcp, %shift : (tensor<1x10xf32>, tensor<1x1xf32>, tensor<1xi8>) -> tensor<1x10xf32>
  return %y : tensor<1x10xf32>
}

// -----

// Softmax as tflite-to-tosa emits it for f32: exp, sum, reciprocal, mul.
// CHECK-LABEL: func.func @softmax_plain
// CHECK: nn.softmax %{{.+}} axis = 0 beta = 1.000000e+00 : tensor<3x2xf32> -> tensor<3x2xf32>
// CHECK-NOT: tosa.
func.func @softmax_plain(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %exp = tosa.exp %x : (tensor<3x2xf32>) -> tensor<3x2xf32>
  %sum = tosa.reduce_sum %exp {axis = 0 : i32} : (tensor<3x2xf32>) -> tensor<1x2xf32>
  %rcp = tosa.reciprocal %sum : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %shift = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %y = tosa.mul %rcp, %exp, %shift : (tensor<1x2xf32>, tensor<3x2xf32>, tensor<1xi8>) -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}
