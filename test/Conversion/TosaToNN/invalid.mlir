// RUN: morsel-opt %s --split-input-file --convert-tosa-to-nn -verify-diagnostics

func.func @no_counterpart(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'tosa.tanh' op cannot be converted to nn: the operator has no nn counterpart}}
  %y = tosa.tanh %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %y : tensor<1x8xf32>
}

// -----

func.func @non_constant_bias(%x: tensor<1x4x4x2xf32>, %w: tensor<3x1x1x2xf32>, %b: tensor<1xf32>) -> tensor<1x4x4x3xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  // expected-error @+1 {{'tosa.conv2d' op cannot be converted to nn: the bias of type 'tensor<1xf32>' has neither 3 elements nor one constant element to broadcast}}
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x4x4x2xf32>, tensor<3x1x1x2xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x3xf32>
  return %y : tensor<1x4x4x3xf32>
}

// -----

func.func @matmul_activations(%a: tensor<1x2x3xf32>, %b: tensor<1x3x4xf32>) -> tensor<1x2x4xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  // expected-error @+1 {{'tosa.matmul' op cannot be converted to nn: the right operand is not a constant; nn has no product of two activations, only fully_connected}}
  %y = tosa.matmul %a, %b, %zp, %zp : (tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x4xf32>
  return %y : tensor<1x2x4xf32>
}

// -----

func.func @value_cast(%x: tensor<4xf32>) -> tensor<4xi8> {
  // expected-error @+1 {{'tosa.cast' op cannot be converted to nn: casts 'tensor<4xf32>' to 'tensor<4xi8>', which changes values; only a cast to the same type is a no-op}}
  %y = tosa.cast %x : (tensor<4xf32>) -> tensor<4xi8>
  return %y : tensor<4xi8>
}

// -----

func.func @dynamic(%a: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @+1 {{'tosa.add' op cannot be converted to nn: an operand or result has the dynamic or unranked type 'tensor<?x4xf32>'; nn needs static shapes}}
  %y = tosa.add %a, %a : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  return %y : tensor<?x4xf32>
}

// -----

func.func @nan_ignore(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'tosa.clamp' op cannot be converted to nn: uses nan_mode IGNORE; nn operators propagate NaN}}
  %y = tosa.clamp %x {min_val = 0.0 : f32, max_val = 6.0 : f32, nan_mode = IGNORE} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @reduce_max_channels(%x: tensor<1x2x2x8xf32>) -> tensor<1x2x2x1xf32> {
  // expected-error @+1 {{'tosa.reduce_max' op cannot be converted to nn: reduces a dimension other than H or W of a 4-D tensor; only those are a max pooling}}
  %y = tosa.reduce_max %x {axis = 3 : i32} : (tensor<1x2x2x8xf32>) -> tensor<1x2x2x1xf32>
  return %y : tensor<1x2x2x1xf32>
}

// -----

func.func @sum_without_mean(%x: tensor<2x4xf32>) -> tensor<2x1xf32> {
  // expected-error @+1 {{'tosa.reduce_sum' op cannot be converted to nn: converts only in a mean: reduce_sum ops followed by a tosa.mul by the constant 1/N}}
  %y = tosa.reduce_sum %x {axis = 1 : i32} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// -----

func.func @exp_without_softmax(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'tosa.exp' op cannot be converted to nn: converts only in a softmax: mul(exp(x), reciprocal(reduce_sum(exp(x)))), x optionally minus its reduce_max}}
  %y = tosa.exp %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// A TOSA 1.0 int8 graph whose quantization types were stripped: only the
// ratios of the scales survive in the rescale, so nothing converts.
func.func @stripped_int8(%x: tensor<1x4x4x3xi8>) -> tensor<1x4x4x2xi8> {
  %w = "tosa.const"() {values = dense<1> : tensor<2x1x1x3xi8>} : () -> tensor<2x1x1x3xi8>
  %b = "tosa.const"() {values = dense<0> : tensor<2xi32>} : () -> tensor<2xi32>
  %zp = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  // expected-error @+1 {{'tosa.conv2d' op cannot be converted to nn: the input is 'tensor<1x4x4x3xi8>', a plain integer tensor without quantization scales; nn needs !quant.uniform types, and tosa.rescale multipliers only give ratios of scales, so the scales cannot be recovered (keep the frontend's quantized types)}}
  %acc = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = i32, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x4x4x3xi8>, tensor<2x1x1x3xi8>, tensor<2xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x2xi32>
  %m = "tosa.const"() {values = dense<1073741824> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tosa.const"() {values = dense<35> : tensor<1xi8>} : () -> tensor<1xi8>
  %z32 = "tosa.const"() {values = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %y = tosa.rescale %acc, %m, %s, %z32, %zp {scale32 = true, rounding_mode = DOUBLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x4x4x2xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x4x2xi8>
  return %y : tensor<1x4x4x2xi8>
}

// -----

// The multiplier says 0.04, the types say 0.02 * 0.1 / 0.1 = 0.02.
!qin = !quant.uniform<i8:f32, 0.02:-5>
!qw = !quant.uniform<i8<-127:127>:f32, 0.1>
!qout = !quant.uniform<i8:f32, 0.1:3>
func.func @wrong_multiplier(%x: tensor<1x4x4x3x!qin>) -> tensor<1x4x4x2x!qout> {
  %w = "tosa.const"() {values = dense<1> : tensor<2x1x1x3xi8>} : () -> tensor<2x1x1x3x!qw>
  %b = "tosa.const"() {values = dense<0> : tensor<2xi32>} : () -> tensor<2xi32>
  %izp = "tosa.const"() {values = dense<-5> : tensor<1xi8>} : () -> tensor<1xi8>
  %wzp = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  // expected-error @+1 {{'tosa.conv2d' op cannot be converted to nn: rescales output channel 0 by 0.04 but the quantized types give 0.02; the types and the multipliers disagree}}
  %acc = tosa.conv2d %x, %w, %b, %izp, %wzp {acc_type = i32, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x4x4x3x!qin>, tensor<2x1x1x3x!qw>, tensor<2xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x2xi32>
  %m = "tosa.const"() {values = dense<1374389535> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tosa.const"() {values = dense<35> : tensor<1xi8>} : () -> tensor<1xi8>
  %z32 = "tosa.const"() {values = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %ozp = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1xi8>
  %y = tosa.rescale %acc, %m, %s, %z32, %ozp {scale32 = true, rounding_mode = DOUBLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x4x4x2xi32>, tensor<1xi32>, tensor<1xi8>, tensor<1xi32>, tensor<1xi8>) -> tensor<1x4x4x2x!qout>
  return %y : tensor<1x4x4x2x!qout>
}

// -----

!qin = !quant.uniform<i8:f32, 0.02:-5>
!qw = !quant.uniform<i8<-127:127>:f32, 0.1>
func.func @wrong_input_zero_point(%x: tensor<1x4x4x3x!qin>) -> tensor<1x4x4x2xi32> {
  %w = "tosa.const"() {values = dense<1> : tensor<2x1x1x3xi8>} : () -> tensor<2x1x1x3x!qw>
  %b = "tosa.const"() {values = dense<0> : tensor<2xi32>} : () -> tensor<2xi32>
  %zp = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  // expected-error @+1 {{'tosa.conv2d' op cannot be converted to nn: the input zero point is 0 but the quantized type states -5}}
  %acc = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = i32, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x4x4x3x!qin>, tensor<2x1x1x3x!qw>, tensor<2xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x4x4x2xi32>
  return %acc : tensor<1x4x4x2xi32>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:3>
!qb = !quant.uniform<i8:f32, 0.1:-1>
func.func @single_round(%x: tensor<1x8x!qa>) -> tensor<1x8x!qb> {
  %m = "tosa.const"() {values = dense<1073741824> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tosa.const"() {values = dense<31> : tensor<1xi8>} : () -> tensor<1xi8>
  %izp = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1xi8>
  %ozp = "tosa.const"() {values = dense<-1> : tensor<1xi8>} : () -> tensor<1xi8>
  // expected-error @+1 {{'tosa.rescale' op cannot be converted to nn: uses rounding_mode SINGLE_ROUND; nn requantizes with TFLite's double rounding, which TOSA expresses as DOUBLE_ROUND}}
  %y = tosa.rescale %x, %m, %s, %izp, %ozp {scale32 = true, rounding_mode = SINGLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<1x8x!qa>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x8x!qb>
  return %y : tensor<1x8x!qb>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:3>
!qb = !quant.uniform<i8:f32, 0.1:3>
func.func @avg_pool_rescaling(%x: tensor<1x2x2x1x!qa>) -> tensor<1x1x1x1x!qb> {
  %zp = "tosa.const"() {values = dense<3> : tensor<1xi8>} : () -> tensor<1xi8>
  // expected-error @+1 {{'tosa.avg_pool2d' op cannot be converted to nn: has input scale 0.05 and output scale 0.1, but TOSA average pooling does not rescale}}
  %y = tosa.avg_pool2d %x, %zp, %zp {acc_type = i32, kernel = array<i64: 2, 2>, stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>} : (tensor<1x2x2x1x!qa>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x1x1x1x!qb>
  return %y : tensor<1x1x1x1x!qb>
}

// -----

!qin = !quant.uniform<i8:f32, 0.05:3>
!qout = !quant.uniform<i8:f32, 0.00390625:-128>
func.func @other_table(%x: tensor<1x8x!qin>) -> tensor<1x8x!qout> {
  %t = "tosa.const"() {values = dense<0> : tensor<256xi8>} : () -> tensor<256xi8>
  // expected-error @+1 {{'tosa.table' op cannot be converted to nn: holds a table that is neither sigmoid nor hard swish of the quantized types}}
  %y = tosa.table %x, %t : (tensor<1x8x!qin>, tensor<256xi8>) -> tensor<1x8x!qout>
  return %y : tensor<1x8x!qout>
}
