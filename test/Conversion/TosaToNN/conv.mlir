// RUN: morsel-opt %s --split-input-file --convert-tosa-to-nn | FileCheck %s

// TOSA conv2d weights are [OC, KH, KW, IC] like nn filters; the pads keep
// their [top, bottom, left, right] order.
// CHECK-LABEL: func.func @conv2d
// CHECK-SAME: (%[[X:.+]]: tensor<1x8x8x3xf32>)
// CHECK-DAG: %[[W:.+]] = nn.constant dense<5.000000e-01> : tensor<4x3x3x3xf32> -> tensor<4x3x3x3xf32>
// CHECK-DAG: %[[B:.+]] = nn.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32> -> tensor<4xf32>
// CHECK: %[[Y:.+]] = nn.conv2d %[[X]], %[[W]], %[[B]] strides = [2, 1] pad = [0, 1, 1, 2] dilations = [1, 2] groups = 1
// CHECK-SAME: : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x7x4xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: tosa.
func.func @conv2d(%x: tensor<1x8x8x3xf32>) -> tensor<1x4x7x4xf32> {
  %w = "tosa.const"() {values = dense<0.5> : tensor<4x3x3x3xf32>} : () -> tensor<4x3x3x3xf32>
  %b = "tosa.const"() {values = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>} : () -> tensor<4xf32>
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, pad = array<i64: 0, 1, 1, 2>, stride = array<i64: 2, 1>, dilation = array<i64: 1, 2>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x7x4xf32>
  return %y : tensor<1x4x7x4xf32>
}

// -----

// A one-element constant bias is broadcast to every output channel;
// non-constant weights are used as they are.
// CHECK-LABEL: func.func @conv2d_broadcast_bias
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x2xf32>, %[[W:.+]]: tensor<3x1x1x2xf32>)
// CHECK: %[[B:.+]] = nn.constant dense<2.500000e-01> : tensor<3xf32> -> tensor<3xf32>
// CHECK: nn.conv2d %[[X]], %[[W]], %[[B]] strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
// CHECK-SAME: -> tensor<1x4x4x3xf32>
func.func @conv2d_broadcast_bias(%x: tensor<1x4x4x2xf32>, %w: tensor<3x1x1x2xf32>) -> tensor<1x4x4x3xf32> {
  %b = "tosa.const"() {values = dense<0.25> : tensor<1xf32>} : () -> tensor<1xf32>
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<3x1x1x2xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x3xf32>
  return %y : tensor<1x4x4x3xf32>
}

// -----

// Depthwise weights [KH, KW, C, M] become the nn filter [C * M, KH, KW, 1]
// with groups = C: output channel c * M + m holds weight[kh, kw, c, m].
// Here KH = 1, KW = 2, C = 2, M = 2: weight[0, kw, c, m] = 10 * kw + 2 * c + m.
// CHECK-LABEL: func.func @depthwise_conv2d
// CHECK-SAME: (%[[X:.+]]: tensor<1x5x5x2xf32>)
// CHECK: %[[F:.+]] = nn.constant dense<{{\[}}[{{\[}}[0.000000e+00], [1.000000e+01]]], [{{\[}}[1.000000e+00], [1.100000e+01]]], [{{\[}}[2.000000e+00], [1.200000e+01]]], [{{\[}}[3.000000e+00], [1.300000e+01]]]]> : tensor<4x1x2x1xf32> -> tensor<4x1x2x1xf32>
// CHECK: nn.conv2d %[[X]], %[[F]], %{{.+}} strides = [1, 1] pad = [0, 0, 0, 1] dilations = [1, 1] groups = 2
// CHECK-SAME: : (tensor<1x5x5x2xf32>, tensor<4x1x2x1xf32>, tensor<4xf32>) -> tensor<1x5x5x4xf32>
func.func @depthwise_conv2d(%x: tensor<1x5x5x2xf32>) -> tensor<1x5x5x4xf32> {
  %w = "tosa.const"() {values = dense<[[[[0.0, 1.0], [2.0, 3.0]], [[10.0, 11.0], [12.0, 13.0]]]]> : tensor<1x2x2x2xf32>} : () -> tensor<1x2x2x2xf32>
  %b = "tosa.const"() {values = dense<0.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, pad = array<i64: 0, 0, 0, 1>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x5x5x2xf32>, tensor<1x2x2x2xf32>, tensor<4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x5x4xf32>
  return %y : tensor<1x5x5x4xf32>
}

// -----

// Non-constant depthwise weights are rearranged by nn operators.
// CHECK-LABEL: func.func @depthwise_conv2d_dynamic_weights
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x3xf32>, %[[W:.+]]: tensor<3x3x3x1xf32>)
// CHECK: %[[T:.+]] = nn.transpose %[[W]] perm = [2, 3, 0, 1] : tensor<3x3x3x1xf32> -> tensor<3x1x3x3xf32>
// CHECK: %[[F:.+]] = nn.reshape %[[T]] : tensor<3x1x3x3xf32> -> tensor<3x3x3x1xf32>
// CHECK: nn.conv2d %[[X]], %[[F]], %{{.+}} strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 3
func.func @depthwise_conv2d_dynamic_weights(%x: tensor<1x4x4x3xf32>, %w: tensor<3x3x3x1xf32>) -> tensor<1x4x4x3xf32> {
  %b = "tosa.const"() {values = dense<0.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x4x4x3xf32>, tensor<3x3x3x1xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x3xf32>
  return %y : tensor<1x4x4x3xf32>
}
