// RUN: morsel-opt %s --nn-print-costs -o /dev/null 2>&1 | FileCheck %s

// The pass leaves the IR unchanged.
// RUN: morsel-opt %s --nn-print-costs 2>/dev/null | FileCheck %s --check-prefix=IR

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qw = !quant.uniform<i8:f32:0, {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08}>

// CHECK-LABEL: nn costs of @block
// A 3x3 convolution 4 -> 8 on 8x8, stride 1, pad 1: 8*8*8 outputs x 3*3*4 taps.
// CHECK-NEXT: nn.constant tensor<8x3x3x4xf32>  macs 0  in 0  weights 0  out 1152
// CHECK-NEXT: nn.conv2d tensor<1x8x8x8xf32>  macs 18432  in 1024  weights 1152  out 2048
// A depthwise 3x3 on 8 channels: 8*8*8 outputs x 9 taps.
// CHECK-NEXT: nn.constant tensor<8x3x3x1xf32>  macs 0  in 0  weights 0  out 288
// CHECK-NEXT: nn.conv2d tensor<1x8x8x8xf32>  macs 4608  in 2048  weights 288  out 2048
// CHECK-NEXT: nn.clamp tensor<1x8x8x8xf32>  macs 0  in 2048  weights 0  out 2048
// CHECK-NEXT: total: macs 23040  weights 1440
func.func @block(%x: tensor<1x8x8x4xf32>) -> tensor<1x8x8x8xf32> {
  %w = nn.constant dense<0.5> : tensor<8x3x3x4xf32> -> tensor<8x3x3x4xf32>
  %y = nn.conv2d %x, %w strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 1
       : (tensor<1x8x8x4xf32>, tensor<8x3x3x4xf32>) -> tensor<1x8x8x8xf32>
  %d = nn.constant dense<0.5> : tensor<8x3x3x1xf32> -> tensor<8x3x3x1xf32>
  %z = nn.conv2d %y, %d strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 8
       : (tensor<1x8x8x8xf32>, tensor<8x3x3x1xf32>) -> tensor<1x8x8x8xf32>
  %r = nn.clamp %z min = 0.0 max = 6.0 : tensor<1x8x8x8xf32>
  return %r : tensor<1x8x8x8xf32>
}

// Quantized tensors count their storage bytes: i8 weights, i32 bias.
// CHECK-LABEL: nn costs of @int8_fc
// CHECK-NEXT: nn.constant tensor<8x16x!quant.uniform{{.*}}>  macs 0  in 0  weights 0  out 128
// CHECK-NEXT: nn.constant tensor<8xi32>  macs 0  in 0  weights 0  out 32
// CHECK-NEXT: nn.fully_connected tensor<2x8x!quant.uniform{{.*}}>  macs 256  in 32  weights 160  out 16
// CHECK-NEXT: total: macs 256  weights 160
func.func @int8_fc(%x: tensor<2x16x!qa>) -> tensor<2x8x!qa> {
  %w = nn.constant dense<1> : tensor<8x16xi8> -> tensor<8x16x!qw>
  %b = nn.constant dense<7> : tensor<8xi32> -> tensor<8xi32>
  %y = nn.fully_connected %x, %w, %b : (tensor<2x16x!qa>, tensor<8x16x!qw>, tensor<8xi32>) -> tensor<2x8x!qa>
  return %y : tensor<2x8x!qa>
}

// IR-LABEL: func.func @block
// IR: nn.conv2d
// IR: nn.conv2d
// IR: nn.clamp
