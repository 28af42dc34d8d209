// RUN: morsel-opt %s --split-input-file | FileCheck %s
// RUN: morsel-opt %s --split-input-file | morsel-opt --split-input-file | FileCheck %s
// RUN: morsel-opt %s --split-input-file --mlir-print-op-generic | morsel-opt --split-input-file | FileCheck %s

// Every nn op prints in its custom form and parses back to the same IR.

!qb = !quant.uniform<i8:f32, 0.1:2>

// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<2x2xf32>, tensor<4x!qb>, tensor<4xi32>) {
  // CHECK: nn.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  %f = nn.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  // CHECK: nn.constant dense<[-128, 0, 5, 127]> : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 1.000000e-01:2>>
  %q = nn.constant dense<[-128, 0, 5, 127]> : tensor<4xi8> -> tensor<4x!qb>
  // CHECK: nn.constant dense<[1, -2, 3, -4]> : tensor<4xi32> -> tensor<4xi32>
  %b = nn.constant dense<[1, -2, 3, -4]> : tensor<4xi32> -> tensor<4xi32>
  return %f, %q, %b : tensor<2x2xf32>, tensor<4x!qb>, tensor<4xi32>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qb = !quant.uniform<i8:f32, 0.1:2>
!qw = !quant.uniform<i8:f32:0, {0.01, 0.02, 0.03, 0.04}>
!qbias = !quant.uniform<i32:f32:0, {1.0e-3, 2.0e-3, 3.0e-3, 4.0e-3}>

// CHECK-LABEL: func.func @conv_float
func.func @conv_float(%x: tensor<1x8x8x3xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x4x4x16xf32> {
  // CHECK: nn.conv2d %{{.*}}, %{{.*}}, %{{.*}} strides = [2, 2] pad = [0, 1, 0, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x4x4x16xf32>
  %y = nn.conv2d %x, %w, %b strides = [2, 2] pad = [0, 1, 0, 1] dilations = [1, 1] groups = 1
       : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}

// CHECK-LABEL: func.func @conv_depthwise_no_bias
func.func @conv_depthwise_no_bias(%x: tensor<1x8x8x4xf32>, %w: tensor<8x3x3x1xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK: nn.conv2d %{{.*}}, %{{.*}} strides = [1, 1] pad = [0, 0, 0, 0] dilations = [2, 2] groups = 4 : (tensor<1x8x8x4xf32>, tensor<8x3x3x1xf32>) -> tensor<1x4x4x8xf32>
  %y = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [2, 2] groups = 4
       : (tensor<1x8x8x4xf32>, tensor<8x3x3x1xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// CHECK-LABEL: func.func @conv_int8_per_channel
func.func @conv_int8_per_channel(%x: tensor<1x4x4x2x!qb>, %w: tensor<4x1x1x2x!qw>, %b: tensor<4x!qbias>) -> tensor<1x4x4x4x!qa> {
  // CHECK: nn.conv2d {{.*}} groups = 1 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 1.000000e-01:2>>, tensor<4x1x1x2x!quant.uniform<i8:f32:0, {1.000000e-02,2.000000e-02,3.000000e-02,4.000000e-02}>>, tensor<4x!quant.uniform<i32:f32:0, {1.000000e-03,2.000000e-03,3.000000e-03,4.000000e-03}>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %y = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
       : (tensor<1x4x4x2x!qb>, tensor<4x1x1x2x!qw>, tensor<4x!qbias>) -> tensor<1x4x4x4x!qa>
  return %y : tensor<1x4x4x4x!qa>
}

// CHECK-LABEL: func.func @conv_int8_plain_i32_bias
func.func @conv_int8_plain_i32_bias(%x: tensor<1x4x4x2x!qb>, %w: tensor<4x1x1x2x!qw>, %b: tensor<4xi32>) -> tensor<1x4x4x4x!qa> {
  // CHECK: nn.conv2d {{.*}}tensor<4xi32>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %y = nn.conv2d %x, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
       : (tensor<1x4x4x2x!qb>, tensor<4x1x1x2x!qw>, tensor<4xi32>) -> tensor<1x4x4x4x!qa>
  return %y : tensor<1x4x4x4x!qa>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qb = !quant.uniform<i8:f32, 0.1:2>
!qw = !quant.uniform<i8:f32:0, {0.01, 0.02, 0.03, 0.04}>
!qbias = !quant.uniform<i32:f32:0, {1.0e-3, 2.0e-3, 3.0e-3, 4.0e-3}>

// CHECK-LABEL: func.func @fully_connected
func.func @fully_connected(%x: tensor<2x64xf32>, %w: tensor<10x64xf32>, %b: tensor<10xf32>) -> (tensor<2x10xf32>, tensor<2x10xf32>) {
  // CHECK: nn.fully_connected %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<2x10xf32>
  %y = nn.fully_connected %x, %w, %b : (tensor<2x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<2x10xf32>
  // CHECK: nn.fully_connected %{{.*}}, %{{.*}} : (tensor<2x64xf32>, tensor<10x64xf32>) -> tensor<2x10xf32>
  %z = nn.fully_connected %x, %w : (tensor<2x64xf32>, tensor<10x64xf32>) -> tensor<2x10xf32>
  return %y, %z : tensor<2x10xf32>, tensor<2x10xf32>
}

// CHECK-LABEL: func.func @fully_connected_int8
func.func @fully_connected_int8(%x: tensor<1x2x!qb>, %w: tensor<4x2x!qw>, %b: tensor<4x!qbias>) -> tensor<1x4x!qa> {
  // CHECK: nn.fully_connected {{.*}} -> tensor<1x4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %y = nn.fully_connected %x, %w, %b : (tensor<1x2x!qb>, tensor<4x2x!qw>, tensor<4x!qbias>) -> tensor<1x4x!qa>
  return %y : tensor<1x4x!qa>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qb = !quant.uniform<i8:f32, 0.1:2>

// CHECK-LABEL: func.func @elementwise
func.func @elementwise(%a: tensor<1x4x4x8xf32>, %b: tensor<8xf32>, %qa: tensor<1x4x4x8x!qa>, %qb: tensor<1x1x1x8x!qb>) -> (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8x!qb>) {
  // CHECK: nn.add %{{.*}}, %{{.*}} : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  %0 = nn.add %a, %b : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  // CHECK: nn.mul %{{.*}}, %{{.*}} : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  %1 = nn.mul %0, %b : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  // CHECK: nn.add {{.*}} : (tensor<1x4x4x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<1x1x1x8x!quant.uniform<i8:f32, 1.000000e-01:2>>) -> tensor<1x4x4x8x!quant.uniform<i8:f32, 1.000000e-01:2>>
  %2 = nn.add %qa, %qb : (tensor<1x4x4x8x!qa>, tensor<1x1x1x8x!qb>) -> tensor<1x4x4x8x!qb>
  return %0, %1, %2 : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8x!qb>
}

// CHECK-LABEL: func.func @activations
func.func @activations(%x: tensor<1x16xf32>, %q: tensor<1x16x!qa>) -> (tensor<1x16xf32>, tensor<1x16x!qb>) {
  // CHECK: nn.clamp %{{.*}} min = 0.000000e+00 max = 6.000000e+00 : tensor<1x16xf32>
  %0 = nn.clamp %x min = 0.0 max = 6.0 : tensor<1x16xf32>
  // CHECK: nn.clamp %{{.*}} min = 0.000000e+00 max = 0x7F800000 : tensor<1x16xf32>
  %1 = nn.clamp %0 min = 0.0 max = 0x7F800000 : tensor<1x16xf32>
  // CHECK: nn.hard_swish %{{.*}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %2 = nn.hard_swish %1 : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.hard_sigmoid %{{.*}} alpha = 2.000000e-01 beta = 5.000000e-01 : tensor<1x16xf32> -> tensor<1x16xf32>
  %3 = nn.hard_sigmoid %2 alpha = 0.2 beta = 0.5 : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.sigmoid %{{.*}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %4 = nn.sigmoid %3 : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.clamp %{{.*}} : tensor<1x16x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %5 = nn.clamp %q min = 0.0 max = 6.0 : tensor<1x16x!qa>
  // CHECK: nn.hard_swish %{{.*}} : tensor<1x16x!quant.uniform<i8:f32, 5.000000e-02:-3>> -> tensor<1x16x!quant.uniform<i8:f32, 1.000000e-01:2>>
  %6 = nn.hard_swish %5 : tensor<1x16x!qa> -> tensor<1x16x!qb>
  return %4, %6 : tensor<1x16xf32>, tensor<1x16x!qb>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qs = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK-LABEL: func.func @pooling_and_reductions
func.func @pooling_and_reductions(%x: tensor<1x8x8x4xf32>, %q: tensor<1x8x8x4x!qa>) -> (tensor<1x4x4x4xf32>, tensor<1x4x4x4x!qa>, tensor<1x4x4x4xf32>, tensor<1x4xf32>, tensor<1x1x1x4xf32>) {
  // CHECK: nn.max_pool2d %{{.*}} kernel = [3, 3] strides = [2, 2] pad = [1, 0, 1, 0] : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
  %0 = nn.max_pool2d %x kernel = [3, 3] strides = [2, 2] pad = [1, 0, 1, 0] : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
  // CHECK: nn.max_pool2d {{.*}} -> tensor<1x4x4x4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %1 = nn.max_pool2d %q kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x8x8x4x!qa> -> tensor<1x4x4x4x!qa>
  // CHECK: nn.avg_pool2d %{{.*}} kernel = [3, 3] strides = [2, 2] pad = [1, 1, 1, 1] count_include_pad = false : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
  %2 = nn.avg_pool2d %x kernel = [3, 3] strides = [2, 2] pad = [1, 1, 1, 1] count_include_pad = false : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
  // CHECK: nn.mean %{{.*}} axes = [1, 2] keep_dims = false : tensor<1x8x8x4xf32> -> tensor<1x4xf32>
  %3 = nn.mean %x axes = [1, 2] keep_dims = false : tensor<1x8x8x4xf32> -> tensor<1x4xf32>
  // CHECK: nn.mean %{{.*}} axes = [1, 2] keep_dims = true : tensor<1x8x8x4xf32> -> tensor<1x1x1x4xf32>
  %4 = nn.mean %x axes = [1, 2] keep_dims = true : tensor<1x8x8x4xf32> -> tensor<1x1x1x4xf32>
  return %0, %1, %2, %3, %4 : tensor<1x4x4x4xf32>, tensor<1x4x4x4x!qa>, tensor<1x4x4x4xf32>, tensor<1x4xf32>, tensor<1x1x1x4xf32>
}

// CHECK-LABEL: func.func @softmax
func.func @softmax(%x: tensor<1x10xf32>, %q: tensor<1x10x!qa>) -> (tensor<1x10xf32>, tensor<1x10x!qs>) {
  // CHECK: nn.softmax %{{.*}} axis = 1 beta = 1.000000e+00 : tensor<1x10xf32> -> tensor<1x10xf32>
  %0 = nn.softmax %x axis = 1 beta = 1.0 : tensor<1x10xf32> -> tensor<1x10xf32>
  // CHECK: nn.softmax {{.*}} -> tensor<1x10x!quant.uniform<i8:f32, 3.906250e-03:-128>>
  %1 = nn.softmax %q axis = 1 beta = 1.0 : tensor<1x10x!qa> -> tensor<1x10x!qs>
  return %0, %1 : tensor<1x10xf32>, tensor<1x10x!qs>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>

// CHECK-LABEL: func.func @data_movement
func.func @data_movement(%x: tensor<1x4x4x8xf32>, %y: tensor<1x4x4x2xf32>, %q: tensor<1x4x4x8x!qa>) -> (tensor<1x128xf32>, tensor<1x8x4x4xf32>, tensor<1x4x4x10xf32>, tensor<1x2x4x4xf32>, tensor<1x6x6x8xf32>, tensor<1x4x4x8x!qa>) {
  // CHECK: nn.reshape %{{.*}} : tensor<1x4x4x8xf32> -> tensor<1x128xf32>
  %0 = nn.reshape %x : tensor<1x4x4x8xf32> -> tensor<1x128xf32>
  // CHECK: nn.transpose %{{.*}} perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.transpose %x perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  // CHECK: nn.concat %{{.*}}, %{{.*}} axis = 3 : (tensor<1x4x4x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x10xf32>
  %2 = nn.concat %x, %y axis = 3 : (tensor<1x4x4x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x10xf32>
  // CHECK: nn.slice %{{.*}} offsets = [0, 1, 0, 0] sizes = [1, 2, 4, 4] strides = [1, 2, 1, 1] : tensor<1x8x4x4xf32> -> tensor<1x2x4x4xf32>
  %3 = nn.slice %1 offsets = [0, 1, 0, 0] sizes = [1, 2, 4, 4] strides = [1, 2, 1, 1] : tensor<1x8x4x4xf32> -> tensor<1x2x4x4xf32>
  // CHECK: nn.pad %{{.*}} low = [0, 1, 1, 0] high = [0, 1, 1, 0] value = 0.000000e+00 : tensor<1x4x4x8xf32> -> tensor<1x6x6x8xf32>
  %4 = nn.pad %x low = [0, 1, 1, 0] high = [0, 1, 1, 0] value = 0.0 : tensor<1x4x4x8xf32> -> tensor<1x6x6x8xf32>
  // A channel shuffle: reshape to 5-D, swap the group dimensions.
  // CHECK: nn.reshape {{.*}} -> tensor<1x4x4x2x4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %5 = nn.reshape %q : tensor<1x4x4x8x!qa> -> tensor<1x4x4x2x4x!qa>
  // CHECK: nn.transpose %{{.*}} perm = [0, 1, 2, 4, 3] : tensor<1x4x4x2x4x!quant.uniform<i8:f32, 5.000000e-02:-3>> -> tensor<1x4x4x4x2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %6 = nn.transpose %5 perm = [0, 1, 2, 4, 3] : tensor<1x4x4x2x4x!qa> -> tensor<1x4x4x4x2x!qa>
  %7 = nn.reshape %6 : tensor<1x4x4x4x2x!qa> -> tensor<1x4x4x8x!qa>
  return %0, %1, %2, %3, %4, %7 : tensor<1x128xf32>, tensor<1x8x4x4xf32>, tensor<1x4x4x10xf32>, tensor<1x2x4x4xf32>, tensor<1x6x6x8xf32>, tensor<1x4x4x8x!qa>
}

// -----

!qu = !quant.uniform<u8:f32, 0.1:128>
!qi = !quant.uniform<i8:f32, 0.1>
!qw = !quant.uniform<i8:f32:0, {0.01, 0.02}>

// CHECK-LABEL: func.func @quantization
func.func @quantization(%x: tensor<1x16xf32>, %w: tensor<2x3x!qw>) -> (tensor<1x16xf32>, tensor<1x16x!qi>, tensor<2x3xf32>) {
  // CHECK: nn.quantize %{{.*}} : tensor<1x16xf32> -> tensor<1x16x!quant.uniform<u8:f32, 1.000000e-01:128>>
  %0 = nn.quantize %x : tensor<1x16xf32> -> tensor<1x16x!qu>
  // CHECK: nn.requantize %{{.*}} : tensor<1x16x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<1x16x!quant.uniform<i8:f32, 1.000000e-01>>
  %1 = nn.requantize %0 : tensor<1x16x!qu> -> tensor<1x16x!qi>
  // CHECK: nn.dequantize %{{.*}} : tensor<1x16x!quant.uniform<i8:f32, 1.000000e-01>> -> tensor<1x16xf32>
  %2 = nn.dequantize %1 : tensor<1x16x!qi> -> tensor<1x16xf32>
  // Per-channel weights dequantize too.
  // CHECK: nn.dequantize %{{.*}} : tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-02,2.000000e-02}>> -> tensor<2x3xf32>
  %3 = nn.dequantize %w : tensor<2x3x!qw> -> tensor<2x3xf32>
  return %2, %1, %3 : tensor<1x16xf32>, tensor<1x16x!qi>, tensor<2x3xf32>
}
