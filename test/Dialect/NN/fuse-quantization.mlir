// RUN: morsel-opt %s --nn-fuse-quantization --split-input-file | FileCheck %s

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qb = !quant.uniform<i8:f32, 0.1:2>
!qw = !quant.uniform<i8:f32:0, {0.01, 0.02}>

// A QDQ convolution with a float bias and a fused ReLU6 becomes a quantized
// convolution with an i32 bias (scale input x weight, per channel) and a
// quantized clamp.
// CHECK-LABEL: func.func @conv_relu6
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>)
// CHECK-DAG: %[[W:.+]] = nn.constant dense<1> : tensor<2x1x1x3xi8>
// CHECK-DAG: %[[B:.+]] = nn.constant dense<[1000, 1500]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32:0, {5.000000e-04,1.000000e-03}>>
// CHECK: %[[C:.+]] = nn.conv2d %[[X]], %[[W]], %[[B]] {{.*}} -> tensor<1x4x4x2x!quant.uniform<i8:f32, 1.000000e-01:2>>
// CHECK: %[[R:.+]] = nn.clamp %[[C]] min = 0.000000e+00 max = 6.000000e+00 : tensor<1x4x4x2x!quant.uniform<i8:f32, 1.000000e-01:2>>
// CHECK: return %[[R]]
// CHECK-NOT: nn.dequantize
func.func @conv_relu6(%x: tensor<1x4x4x3x!qa>) -> tensor<1x4x4x2x!qb> {
  %w = nn.constant dense<1> : tensor<2x1x1x3xi8> -> tensor<2x1x1x3x!qw>
  %wf = nn.dequantize %w : tensor<2x1x1x3x!qw> -> tensor<2x1x1x3xf32>
  %b = nn.constant dense<[0.5, 1.5]> : tensor<2xf32> -> tensor<2xf32>
  %xf = nn.dequantize %x : tensor<1x4x4x3x!qa> -> tensor<1x4x4x3xf32>
  %y = nn.conv2d %xf, %wf, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
       : (tensor<1x4x4x3xf32>, tensor<2x1x1x3xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  %r = nn.clamp %y min = 0.0 max = 6.0 : tensor<1x4x4x2xf32>
  %q = nn.quantize %r : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!qb>
  return %q : tensor<1x4x4x2x!qb>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qb = !quant.uniform<i8:f32, 0.1:2>
!qw = !quant.uniform<i8:f32, 0.02>
!qbias = !quant.uniform<i32:f32, 0.002>

// A quantized i32 bias whose scale differs from input x weight is requantized.
// CHECK-LABEL: func.func @fc_rescaled_bias
// CHECK: %[[B:.+]] = nn.constant dense<[2000, -2000]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32, 1.000000e-03>>
// CHECK: nn.fully_connected %{{.*}}, %{{.*}}, %[[B]] {{.*}} -> tensor<1x2x!quant.uniform<i8:f32, 1.000000e-01:2>>
func.func @fc_rescaled_bias(%x: tensor<1x3x!qa>) -> tensor<1x2x!qb> {
  %w = nn.constant dense<3> : tensor<2x3xi8> -> tensor<2x3x!qw>
  %wf = nn.dequantize %w : tensor<2x3x!qw> -> tensor<2x3xf32>
  %b = nn.constant dense<[1000, -1000]> : tensor<2xi32> -> tensor<2x!qbias>
  %bf = nn.dequantize %b : tensor<2x!qbias> -> tensor<2xf32>
  %xf = nn.dequantize %x : tensor<1x3x!qa> -> tensor<1x3xf32>
  %y = nn.fully_connected %xf, %wf, %bf : (tensor<1x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %q = nn.quantize %y : tensor<1x2xf32> -> tensor<1x2x!qb>
  return %q : tensor<1x2x!qb>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qb = !quant.uniform<i8:f32, 0.1:2>
!qc = !quant.uniform<i8:f32, 0.2:0>

// Element-wise and unary islands; data movement carries the stored values.
// CHECK-LABEL: func.func @elementwise_and_data_movement
// CHECK-SAME: (%[[A:.+]]: tensor<1x4x4x8x{{.*}}>, %[[B:.+]]: tensor<1x4x4x8x{{.*}}>)
// CHECK: %[[ADD:.+]] = nn.add %[[A]], %[[B]] : {{.*}} -> tensor<1x4x4x8x!quant.uniform<i8:f32, 2.000000e-01>>
// CHECK: %[[HS:.+]] = nn.hard_swish %[[ADD]] : {{.*}} -> tensor<1x4x4x8x!quant.uniform<i8:f32, 1.000000e-01:2>>
// CHECK: %[[MP:.+]] = nn.max_pool2d %[[HS]] {{.*}} -> tensor<1x2x2x8x!quant.uniform<i8:f32, 1.000000e-01:2>>
// CHECK: %[[RS:.+]] = nn.reshape %[[MP]] : {{.*}} -> tensor<1x32x!quant.uniform<i8:f32, 1.000000e-01:2>>
// CHECK: %[[RQ:.+]] = nn.requantize %[[RS]] : {{.*}} -> tensor<1x32x!quant.uniform<i8:f32, 5.000000e-02:-3>>
// CHECK: return %[[RQ]]
func.func @elementwise_and_data_movement(%a: tensor<1x4x4x8x!qa>, %b: tensor<1x4x4x8x!qb>) -> tensor<1x32x!qa> {
  %af = nn.dequantize %a : tensor<1x4x4x8x!qa> -> tensor<1x4x4x8xf32>
  %bf = nn.dequantize %b : tensor<1x4x4x8x!qb> -> tensor<1x4x4x8xf32>
  %s = nn.add %af, %bf : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %sq = nn.quantize %s : tensor<1x4x4x8xf32> -> tensor<1x4x4x8x!qc>
  %sf = nn.dequantize %sq : tensor<1x4x4x8x!qc> -> tensor<1x4x4x8xf32>
  %h = nn.hard_swish %sf : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %hq = nn.quantize %h : tensor<1x4x4x8xf32> -> tensor<1x4x4x8x!qb>
  %hf = nn.dequantize %hq : tensor<1x4x4x8x!qb> -> tensor<1x4x4x8xf32>
  %m = nn.max_pool2d %hf kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x8xf32> -> tensor<1x2x2x8xf32>
  %r = nn.reshape %m : tensor<1x2x2x8xf32> -> tensor<1x32xf32>
  %q = nn.quantize %r : tensor<1x32xf32> -> tensor<1x32x!qa>
  return %q : tensor<1x32x!qa>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qb = !quant.uniform<u8:f32, 0.1:128>

// Concat requantizes its inputs to the parameters of the first.
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.+]]: tensor<1x2x{{.*}}>, %[[B:.+]]: tensor<1x3x{{.*}}>)
// CHECK: %[[RB:.+]] = nn.requantize %[[B]] : {{.*}} -> tensor<1x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>
// CHECK: %[[C:.+]] = nn.concat %[[A]], %[[RB]] axis = 1
// CHECK: return %[[C]]
func.func @concat(%a: tensor<1x2x!qa>, %b: tensor<1x3x!qb>) -> tensor<1x5x!qa> {
  %af = nn.dequantize %a : tensor<1x2x!qa> -> tensor<1x2xf32>
  %bf = nn.dequantize %b : tensor<1x3x!qb> -> tensor<1x3xf32>
  %c = nn.concat %af, %bf axis = 1 : (tensor<1x2xf32>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %q = nn.quantize %c : tensor<1x5xf32> -> tensor<1x5x!qa>
  return %q : tensor<1x5x!qa>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>

// Operators that are not QDQ islands stay in float: the convolution's result
// has a second, float user, and the model returns float.
// CHECK-LABEL: func.func @not_an_island
// CHECK: %[[X:.+]] = nn.dequantize
// CHECK: nn.conv2d %[[X]], {{.*}} -> tensor<1x4x4x2xf32>
// CHECK: nn.sigmoid {{.*}} : tensor<1x4x4x2xf32> -> tensor<1x4x4x2xf32>
func.func @not_an_island(%x: tensor<1x4x4x3x!qa>, %w: tensor<2x1x1x3xf32>) -> (tensor<1x4x4x2x!qa>, tensor<1x4x4x2xf32>) {
  %xf = nn.dequantize %x : tensor<1x4x4x3x!qa> -> tensor<1x4x4x3xf32>
  %y = nn.conv2d %xf, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
       : (tensor<1x4x4x3xf32>, tensor<2x1x1x3xf32>) -> tensor<1x4x4x2xf32>
  %q = nn.quantize %y : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!qa>
  %s = nn.sigmoid %y : tensor<1x4x4x2xf32> -> tensor<1x4x4x2xf32>
  return %q, %s : tensor<1x4x4x2x!qa>, tensor<1x4x4x2xf32>
}
