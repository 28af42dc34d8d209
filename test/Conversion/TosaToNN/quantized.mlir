// RUN: morsel-opt %s --split-input-file --convert-tosa-to-nn | FileCheck %s

// int8 as tflite-to-tosa emits it with quantized types kept: conv2d
// accumulates in i32 and a per-channel tosa.rescale by
// s_in * s_w[c] / s_out (0.02 * {0.1, 0.2} / 0.05) requantizes the result.
// Both become one nn.conv2d with the rescale's result type.
!qin = !quant.uniform<i8:f32, 0.02:-5>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2}>
!qout = !quant.uniform<i8:f32, 0.05:3>
// CHECK-LABEL: func.func @conv2d
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x3x!quant.uniform<i8:f32, 2.000000e-02:-5>>)
// CHECK-DAG: %[[W:.+]] = nn.constant dense<1> : tensor<2x3x3x3xi8> -> tensor<2x3x3x3x!quant.uniform<i8<-127:127>:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK-DAG: %[[B:.+]] = nn.constant dense<[10, -20]> : tensor<2xi32> -> tensor<2xi32>
// CHECK: %[[Y:.+]] = nn.conv2d %[[X]], %[[W]], %[[B]] strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 1
// CHECK-SAME: -> tensor<1x4x4x2x!quant.uniform<i8:f32, 5.000000e-02:3>>
// CHECK-NEXT: return %[[Y]]
func.func @conv2d(%x: tensor<1x4x4x3x!qin>) -> tensor<1x4x4x2x!qout> {
  %w = "tosa.const"() {values = dense<1> : tensor<2x3x3x3xi8>} : () -> tensor<2x3x3x3x!qw>
  %b = "tosa.const"() {values = dense<[10, -20]> : tensor<2xi32>} : () -> tensor<2xi32>
  %izp = "tosa.const"() {values = dense<-5> : tensor<1xi8>} : () -> tensor<1xi8>
  %wzp = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %acc = tosa.conv2d %x, %w, %b, %izp, %wzp {acc_type = i32, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x4x4x3x!qin>, tensor<2x3x3x3x!qw>, tensor<2xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x2xi32>
  %m = "tosa.const"() {values = dense<[1374389535, 1374389535]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s = "tosa.const"() {values = dense<[35, 34]> : tensor<2xi8>} : () -> tensor<2xi8>
  %z32 = "tosa.const"() {values = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %ozp = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1xi8>
  %y = tosa.rescale %acc, %m, %s, %z32, %ozp {scale32 = true, rounding_mode = DOUBLE_ROUND, per_channel = true, input_unsigned = false, output_unsigned = false} : (tensor<1x4x4x2xi32>, tensor<2xi32>, tensor<2xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x4x2x!qout>
  return %y : tensor<1x4x4x2x!qout>
}

// -----

// Depthwise with per-tensor weights (scale 0.25): multiplier 0.1.
!qin = !quant.uniform<i8:f32, 0.02:-5>
!qw = !quant.uniform<i8<-127:127>:f32, 0.25>
!qout = !quant.uniform<i8:f32, 0.05:3>
// CHECK-LABEL: func.func @depthwise_conv2d
// CHECK: %[[F:.+]] = nn.constant dense<{{\[}}[{{\[}}[1], [3]]], [{{\[}}[2], [4]]]]> : tensor<2x1x2x1xi8> -> tensor<2x1x2x1x!quant.uniform<i8<-127:127>:f32, 2.500000e-01>>
// CHECK: nn.conv2d %{{.+}}, %[[F]], %{{.+}} strides = [1, 1] pad = [0, 0, 0, 1] dilations = [1, 1] groups = 2
// CHECK-SAME: -> tensor<1x3x3x2x!quant.uniform<i8:f32, 5.000000e-02:3>>
func.func @depthwise_conv2d(%x: tensor<1x3x3x2x!qin>) -> tensor<1x3x3x2x!qout> {
  %w = "tosa.const"() {values = dense<[[[[1], [2]], [[3], [4]]]]> : tensor<1x2x2x1xi8>} : () -> tensor<1x2x2x1x!qw>
  %b = "tosa.const"() {values = dense<0> : tensor<2xi32>} : () -> tensor<2xi32>
  %izp = "tosa.const"() {values = dense<-5> : tensor<1xi8>} : () -> tensor<1xi8>
  %wzp = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %acc = tosa.depthwise_conv2d %x, %w, %b, %izp, %wzp {acc_type = i32, pad = array<i64: 0, 0, 0, 1>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x3x3x2x!qin>, tensor<1x2x2x1x!qw>, tensor<2xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x3x3x2xi32>
  %m = "tosa.const"() {values = dense<1717986918> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tosa.const"() {values = dense<34> : tensor<1xi8>} : () -> tensor<1xi8>
  %z32 = "tosa.const"() {values = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %ozp = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1xi8>
  %y = tosa.rescale %acc, %m, %s, %z32, %ozp {scale32 = true, rounding_mode = DOUBLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x3x3x2xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x3x3x2x!qout>
  return %y : tensor<1x3x3x2x!qout>
}

// -----

// matmul by constant int8 weights: multiplier 0.02 * 0.01 / 0.1.
!qa = !quant.uniform<i8:f32, 0.02:-5>
!qb = !quant.uniform<i8<-127:127>:f32, 0.01>
!qout = !quant.uniform<i8:f32, 0.1>
// CHECK-LABEL: func.func @matmul
// CHECK: %[[IN:.+]] = nn.reshape %{{.+}} : tensor<1x1x4x!quant.uniform<i8:f32, 2.000000e-02:-5>> -> tensor<1x4x!quant.uniform<i8:f32, 2.000000e-02:-5>>
// CHECK: %[[W:.+]] = nn.constant dense<{{\[}}[1, 4, 7, 10], [2, 5, 8, 11], [3, 6, 9, 12]]> : tensor<3x4xi8> -> tensor<3x4x!quant.uniform<i8<-127:127>:f32, 1.000000e-02>>
// CHECK: %[[FC:.+]] = nn.fully_connected %[[IN]], %[[W]] : {{.+}} -> tensor<1x3x!quant.uniform<i8:f32, 1.000000e-01>>
// CHECK: nn.reshape %[[FC]] : tensor<1x3x!quant.uniform<i8:f32, 1.000000e-01>> -> tensor<1x1x3x!quant.uniform<i8:f32, 1.000000e-01>>
func.func @matmul(%a: tensor<1x1x4x!qa>) -> tensor<1x1x3x!qout> {
  %b = "tosa.const"() {values = dense<[[[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]]> : tensor<1x4x3xi8>} : () -> tensor<1x4x3x!qb>
  %azp = "tosa.const"() {values = dense<-5> : tensor<1xi8>} : () -> tensor<1xi8>
  %bzp = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %acc = tosa.matmul %a, %b, %azp, %bzp : (tensor<1x1x4x!qa>, tensor<1x4x3x!qb>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x1x3xi32>
  %m = "tosa.const"() {values = dense<1099511628> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tosa.const"() {values = dense<39> : tensor<1xi8>} : () -> tensor<1xi8>
  %z32 = "tosa.const"() {values = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %ozp = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %y = tosa.rescale %acc, %m, %s, %z32, %ozp {scale32 = true, rounding_mode = DOUBLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x1x3xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x1x3x!qout>
  return %y : tensor<1x1x3x!qout>
}

// -----

// An 8-bit to 8-bit rescale by 0.05 / 0.1 is an nn.requantize.
!qa = !quant.uniform<i8:f32, 0.05:3>
!qb = !quant.uniform<i8:f32, 0.1:-1>
// CHECK-LABEL: func.func @requantize
// CHECK: nn.requantize %{{.+}} : tensor<1x8x!quant.uniform<i8:f32, 5.000000e-02:3>> -> tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-1>>
func.func @requantize(%x: tensor<1x8x!qa>) -> tensor<1x8x!qb> {
  %m = "tosa.const"() {values = dense<1073741824> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tosa.const"() {values = dense<31> : tensor<1xi8>} : () -> tensor<1xi8>
  %izp = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1xi8>
  %ozp = "tosa.const"() {values = dense<-1> : tensor<1xi8>} : () -> tensor<1xi8>
  %y = tosa.rescale %x, %m, %s, %izp, %ozp {scale32 = true, rounding_mode = DOUBLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x8x!qa>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x8x!qb>
  return %y : tensor<1x8x!qb>
}

// -----

// Pooling, clamping (ReLU6: stored bounds 3 and 123 are 0.0 and 6.0),
// padding with the zero point (0.0) and reshaping keep the parameters.
!q = !quant.uniform<i8:f32, 0.05:3>
// CHECK-LABEL: func.func @activations
// CHECK: %[[C:.+]] = nn.clamp %{{.+}} min = 0.000000e+00 max = 6.000000e+00 : tensor<1x4x4x2x!quant.uniform<i8:f32, 5.000000e-02:3>>
// CHECK: %[[A:.+]] = nn.avg_pool2d %[[C]] kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] count_include_pad = false
// CHECK: %[[M:.+]] = nn.max_pool2d %[[A]] kernel = [2, 2] strides = [1, 1] pad = [0, 0, 0, 0]
// CHECK: %[[P:.+]] = nn.pad %[[M]] low = [0, 1, 1, 0] high = [0, 1, 1, 0] value = 0.000000e+00
// CHECK: nn.reshape %[[P]] : tensor<1x3x3x2x!quant.uniform<i8:f32, 5.000000e-02:3>> -> tensor<1x18x!quant.uniform<i8:f32, 5.000000e-02:3>>
func.func @activations(%x: tensor<1x4x4x2x!q>) -> tensor<1x18x!q> {
  %c = tosa.clamp %x {min_val = 3 : i8, max_val = 123 : i8} : (tensor<1x4x4x2x!q>) -> tensor<1x4x4x2x!q>
  %zp = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1xi8>
  %a = tosa.avg_pool2d %c, %zp, %zp {acc_type = i32, kernel = array<i64: 2, 2>, stride = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>} : (tensor<1x4x4x2x!q>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x2x2x2x!q>
  %m = tosa.max_pool2d %a {kernel = array<i64: 2, 2>, stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>} : (tensor<1x2x2x2x!q>) -> tensor<1x1x1x2x!q>
  %p0 = tosa.const_shape {values = dense<[0, 0, 1, 1, 1, 1, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %v = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1x!q>
  %p = tosa.pad %m, %p0, %v : (tensor<1x1x1x2x!q>, !tosa.shape<8>, tensor<1x!q>) -> tensor<1x3x3x2x!q>
  %s = tosa.const_shape {values = dense<[1, 18]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %r = tosa.reshape %p, %s : (tensor<1x3x3x2x!q>, !tosa.shape<2>) -> tensor<1x18x!q>
  return %r : tensor<1x18x!q>
}

// -----

// An int8 sigmoid is a TOSA table; this one is exactly nn's sigmoid table
// for input 0.05:3 and output 1/256:-128.
!qin = !quant.uniform<i8:f32, 0.05:3>
!qout = !quant.uniform<i8:f32, 0.00390625:-128>
// CHECK-LABEL: func.func @sigmoid_table
// CHECK: nn.sigmoid %{{.+}} : tensor<1x8x!quant.uniform<i8:f32, 5.000000e-02:3>> -> tensor<1x8x!quant.uniform<i8:f32, 3.906250e-03:-128>>
func.func @sigmoid_table(%x: tensor<1x8x!qin>) -> tensor<1x8x!qout> {
  %t = "tosa.const"() {values = dense<[-128, -128, -128, -128, -128, -128, -128, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -127, -126, -126, -126, -126, -126, -126, -126, -126, -126, -126, -125, -125, -125, -125, -125, -125, -125, -124, -124, -124, -124, -124, -123, -123, -123, -123, -122, -122, -122, -122, -121, -121, -120, -120, -120, -119, -119, -118, -118, -117, -117, -116, -116, -115, -115, -114, -113, -113, -112, -111, -110, -109, -109, -108, -107, -106, -105, -104, -102, -101, -100, -99, -97, -96, -95, -93, -92, -90, -88, -87, -85, -83, -81, -79, -77, -75, -73, -71, -69, -66, -64, -62, -59, -57, -54, -51, -49, -46, -43, -40, -37, -34, -31, -28, -25, -22, -19, -16, -13, -10, -6, -3, 0, 3, 6, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37, 40, 43, 46, 49, 51, 54, 57, 59, 62, 64, 66, 69, 71, 73, 75, 77, 79, 81, 83, 85, 87, 88, 90, 92, 93, 95, 96, 97, 99, 100, 101, 102, 104, 105, 106, 107, 108, 109, 109, 110, 111, 112, 113, 113, 114, 115, 115, 116, 116, 117, 117, 118, 118, 119, 119, 120, 120, 120, 121, 121, 122, 122, 122, 122, 123, 123, 123, 123, 124, 124, 124, 124, 124, 125, 125, 125, 125, 125, 125, 125, 126, 126, 126, 126, 126, 126, 126, 126, 126, 126, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127]> : tensor<256xi8>} : () -> tensor<256xi8>
  %y = tosa.table %x, %t : (tensor<1x8x!qin>, tensor<256xi8>) -> tensor<1x8x!qout>
  return %y : tensor<1x8x!qout>
}

// -----

// Per-channel depthwise weights (quantized along C) become per-channel nn
// filters along dimension 0; a one-element i32 bias is broadcast.
// CHECK-LABEL: func.func @depthwise_per_channel
// CHECK-DAG: %[[F:.+]] = nn.constant dense<{{\[}}[{{\[}}[1], [3]]], [{{\[}}[2], [4]]]]> : tensor<2x1x2x1xi8> -> tensor<2x1x2x1x!quant.uniform<i8<-127:127>:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK-DAG: %[[B:.+]] = nn.constant dense<7> : tensor<2xi32> -> tensor<2xi32>
// CHECK: nn.conv2d %{{.+}}, %[[F]], %[[B]] strides = [1, 1] pad = [0, 0, 0, 1] dilations = [1, 1] groups = 2
!qin = !quant.uniform<i8:f32, 0.02:-5>
!qw = !quant.uniform<i8<-127:127>:f32:2, {0.1, 0.2}>
!qout = !quant.uniform<i8:f32, 0.05:3>
func.func @depthwise_per_channel(%x: tensor<1x3x3x2x!qin>) -> tensor<1x3x3x2x!qout> {
  %w = "tosa.const"() {values = dense<[[[[1], [2]], [[3], [4]]]]> : tensor<1x2x2x1xi8>} : () -> tensor<1x2x2x1x!qw>
  %b = "tosa.const"() {values = dense<7> : tensor<1xi32>} : () -> tensor<1xi32>
  %izp = "tosa.const"() {values = dense<-5> : tensor<1xi8>} : () -> tensor<1xi8>
  %wzp = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %acc = tosa.depthwise_conv2d %x, %w, %b, %izp, %wzp {acc_type = i32, pad = array<i64: 0, 0, 0, 1>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x3x3x2x!qin>, tensor<1x2x2x1x!qw>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x3x3x2xi32>
  %m = "tosa.const"() {values = dense<[1374389535, 1374389535]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s = "tosa.const"() {values = dense<[35, 34]> : tensor<2xi8>} : () -> tensor<2xi8>
  %z32 = "tosa.const"() {values = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %ozp = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1xi8>
  %y = tosa.rescale %acc, %m, %s, %z32, %ozp {scale32 = true, rounding_mode = DOUBLE_ROUND, per_channel = true, input_unsigned = false, output_unsigned = false} : (tensor<1x3x3x2xi32>, tensor<2xi32>, tensor<2xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x3x3x2x!qout>
  return %y : tensor<1x3x3x2x!qout>
}
