// RUN: morsel-opt %s --split-input-file | FileCheck %s
// RUN: morsel-opt %s --split-input-file | morsel-opt --split-input-file | FileCheck %s
// RUN: morsel-opt %s --split-input-file --mlir-print-op-generic | morsel-opt --split-input-file | FileCheck %s

// Valid nn.channel_partition bodies print in the custom form and parse back
// to the same IR (directly, after a round trip, and from the generic form).
// The chain rules are those of lib/Dialect/NN/IR/ChannelChain.cpp; every
// rejected body is in channel-partition-invalid.mlir.

// An int8 MobileNetV2 block: expand 1x1 -> ReLU6 -> depthwise 3x3 (stride 2,
// padded) -> ReLU6 -> project 1x1. The expansion's weights and bias are
// defined above the op, the others inside the body.

!qx = !quant.uniform<i8:f32, 0.05:-3>
!qe = !quant.uniform<i8:f32, 0.04:-128>
!qy = !quant.uniform<i8:f32, 0.1:7>
!qw = !quant.uniform<i8:f32, 0.02>
!qwc = !quant.uniform<i8:f32:0, {0.01, 0.02, 0.03, 0.04}>
!qb = !quant.uniform<i32:f32, 1.0e-3>

// CHECK-LABEL: func.func @expand_dw_project_i8(
// CHECK-SAME: %[[X:.+]]: tensor<1x8x8x4x!quant.uniform<i8:f32, 5.000000e-02:-3>>)
// CHECK: %[[W1:.+]] = nn.constant dense<1> : tensor<16x1x1x4xi8>
// CHECK: %[[B1:.+]] = nn.constant dense<10> : tensor<16xi32>
// CHECK: %[[Y:.+]] = nn.channel_partition %[[X]] chunks = 4 : (tensor<1x8x8x4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 1.000000e-01:7>> {
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<1x8x8x4x!quant.uniform<i8:f32, 5.000000e-02:-3>>):
// CHECK-NEXT: %[[E:.+]] = nn.conv2d %[[IN]], %[[W1]], %[[B1]] strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : {{.*}} -> tensor<1x8x8x16x!quant.uniform<i8:f32, 4.000000e-02:-128>>
// CHECK-NEXT: %[[EC:.+]] = nn.clamp %[[E]] min = 0.000000e+00 max = 6.000000e+00 : tensor<1x8x8x16x!quant.uniform<i8:f32, 4.000000e-02:-128>>
// CHECK-NEXT: %[[W2:.+]] = nn.constant dense<2> : tensor<16x3x3x1xi8>
// CHECK-NEXT: %[[D:.+]] = nn.conv2d %[[EC]], %[[W2]] strides = [2, 2] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 16 : {{.*}} -> tensor<1x4x4x16x!quant.uniform<i8:f32, 4.000000e-02:-128>>
// CHECK-NEXT: %[[DC:.+]] = nn.clamp %[[D]] min = 0.000000e+00 max = 6.000000e+00
// CHECK-NEXT: %[[W3:.+]] = nn.constant dense<3> : tensor<4x1x1x16xi8>
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[DC]], %[[W3]] strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : {{.*}} -> tensor<1x4x4x4x!quant.uniform<i8:f32, 1.000000e-01:7>>
// CHECK-NEXT: nn.yield %[[P]] : tensor<1x4x4x4x!quant.uniform<i8:f32, 1.000000e-01:7>>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[Y]]
func.func @expand_dw_project_i8(%x: tensor<1x8x8x4x!qx>) -> tensor<1x4x4x4x!qy> {
  %w1 = nn.constant dense<1> : tensor<16x1x1x4xi8> -> tensor<16x1x1x4x!qw>
  %b1 = nn.constant dense<10> : tensor<16xi32> -> tensor<16x!qb>
  %y = nn.channel_partition %x chunks = 4 : (tensor<1x8x8x4x!qx>) -> tensor<1x4x4x4x!qy> {
  ^bb0(%in: tensor<1x8x8x4x!qx>):
    %e = nn.conv2d %in, %w1, %b1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x8x8x4x!qx>, tensor<16x1x1x4x!qw>, tensor<16x!qb>) -> tensor<1x8x8x16x!qe>
    %ec = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x8x8x16x!qe>
    %w2 = nn.constant dense<2> : tensor<16x3x3x1xi8> -> tensor<16x3x3x1x!qw>
    %d = nn.conv2d %ec, %w2 strides = [2, 2] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 16
         : (tensor<1x8x8x16x!qe>, tensor<16x3x3x1x!qw>) -> tensor<1x4x4x16x!qe>
    %dc = nn.clamp %d min = 0.0 max = 6.0 : tensor<1x4x4x16x!qe>
    %w3 = nn.constant dense<3> : tensor<4x1x1x16xi8> -> tensor<4x1x1x16x!qwc>
    %p = nn.conv2d %dc, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x4x4x16x!qe>, tensor<4x1x1x16x!qwc>) -> tensor<1x4x4x4x!qy>
    nn.yield %p : tensor<1x4x4x4x!qy>
  }
  return %y : tensor<1x4x4x4x!qy>
}

// -----

// The same block in f32, every weight inside the body and 8 chunks of one
// channel each (chunks may equal the channels).

// CHECK-LABEL: func.func @expand_dw_project_f32(
// CHECK-SAME: %[[X:.+]]: tensor<1x8x8x8xf32>)
// CHECK-NEXT: %[[Y:.+]] = nn.channel_partition %[[X]] chunks = 8 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> {
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<1x8x8x8xf32>):
// CHECK-NEXT: %[[W1:.+]] = nn.constant dense<5.000000e-01> : tensor<8x1x1x8xf32>
// CHECK-NEXT: %[[B1:.+]] = nn.constant dense<2.500000e-01> : tensor<8xf32>
// CHECK-NEXT: %[[E:.+]] = nn.conv2d %[[IN]], %[[W1]], %[[B1]] {{.*}} groups = 1
// CHECK-NEXT: %[[EC:.+]] = nn.clamp %[[E]] min = 0.000000e+00 max = 6.000000e+00 : tensor<1x8x8x8xf32>
// CHECK-NEXT: %[[W2:.+]] = nn.constant
// CHECK-NEXT: %[[D:.+]] = nn.conv2d %[[EC]], %[[W2]] {{.*}} groups = 8
// CHECK-NEXT: %[[DC:.+]] = nn.clamp %[[D]]
// CHECK-NEXT: %[[W3:.+]] = nn.constant
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[DC]], %[[W3]] {{.*}} groups = 1
// CHECK-NEXT: nn.yield %[[P]] : tensor<1x8x8x8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[Y]]
func.func @expand_dw_project_f32(%x: tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> {
  %y = nn.channel_partition %x chunks = 8 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> {
  ^bb0(%in: tensor<1x8x8x8xf32>):
    %w1 = nn.constant dense<0.5> : tensor<8x1x1x8xf32> -> tensor<8x1x1x8xf32>
    %b1 = nn.constant dense<0.25> : tensor<8xf32> -> tensor<8xf32>
    %e = nn.conv2d %in, %w1, %b1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x8x8x8xf32>, tensor<8x1x1x8xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
    %ec = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x8x8x8xf32>
    %w2 = nn.constant dense<0.125> : tensor<8x3x3x1xf32> -> tensor<8x3x3x1xf32>
    %d = nn.conv2d %ec, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 8
         : (tensor<1x8x8x8xf32>, tensor<8x3x3x1xf32>) -> tensor<1x8x8x8xf32>
    %dc = nn.clamp %d min = 0.0 max = 6.0 : tensor<1x8x8x8xf32>
    %w3 = nn.constant dense<-0.5> : tensor<8x1x1x8xf32> -> tensor<8x1x1x8xf32>
    %p = nn.conv2d %dc, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x8x8x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x8x8x8xf32>
    nn.yield %p : tensor<1x8x8x8xf32>
  }
  return %y : tensor<1x8x8x8xf32>
}

// -----

// A classifier head: fully connected -> ReLU -> fully connected, int8, the
// wide tensor (64 features) in 2 chunks. Weights above the op.

!qa = !quant.uniform<i8:f32, 0.04:-7>
!qh = !quant.uniform<i8:f32, 0.1:-128>
!qo = !quant.uniform<i8:f32, 0.2:2>
!qw = !quant.uniform<i8:f32, 0.015>

// CHECK-LABEL: func.func @fc_clamp_fc_i8(
// CHECK-SAME: %[[X:.+]]: tensor<1x32x!quant.uniform<i8:f32, 4.000000e-02:-7>>)
// CHECK: %[[W1:.+]] = nn.constant {{.*}} -> tensor<64x32x!quant.uniform<i8:f32, 1.500000e-02>>
// CHECK: %[[B1:.+]] = nn.constant {{.*}} -> tensor<64xi32>
// CHECK: %[[W2:.+]] = nn.constant {{.*}} -> tensor<10x64x!quant.uniform<i8:f32, 1.500000e-02>>
// CHECK: %[[Y:.+]] = nn.channel_partition %[[X]] chunks = 2 : (tensor<1x32x!quant.uniform<i8:f32, 4.000000e-02:-7>>) -> tensor<1x10x!quant.uniform<i8:f32, 2.000000e-01:2>> {
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<1x32x!quant.uniform<i8:f32, 4.000000e-02:-7>>):
// CHECK-NEXT: %[[H:.+]] = nn.fully_connected %[[IN]], %[[W1]], %[[B1]] : {{.*}} -> tensor<1x64x!quant.uniform<i8:f32, 1.000000e-01:-128>>
// CHECK-NEXT: %[[HC:.+]] = nn.clamp %[[H]] min = 0.000000e+00 max = 0x7F800000
// CHECK-NEXT: %[[O:.+]] = nn.fully_connected %[[HC]], %[[W2]] : {{.*}} -> tensor<1x10x!quant.uniform<i8:f32, 2.000000e-01:2>>
// CHECK-NEXT: nn.yield %[[O]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[Y]]
func.func @fc_clamp_fc_i8(%x: tensor<1x32x!qa>) -> tensor<1x10x!qo> {
  %w1 = nn.constant dense<3> : tensor<64x32xi8> -> tensor<64x32x!qw>
  %b1 = nn.constant dense<-40> : tensor<64xi32> -> tensor<64xi32>
  %w2 = nn.constant dense<-5> : tensor<10x64xi8> -> tensor<10x64x!qw>
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x32x!qa>) -> tensor<1x10x!qo> {
  ^bb0(%in: tensor<1x32x!qa>):
    %h = nn.fully_connected %in, %w1, %b1 : (tensor<1x32x!qa>, tensor<64x32x!qw>, tensor<64xi32>) -> tensor<1x64x!qh>
    %hc = nn.clamp %h min = 0.0 max = 0x7F800000 : tensor<1x64x!qh>
    %o = nn.fully_connected %hc, %w2 : (tensor<1x64x!qh>, tensor<10x64x!qw>) -> tensor<1x10x!qo>
    nn.yield %o : tensor<1x10x!qo>
  }
  return %y : tensor<1x10x!qo>
}

// -----

// No channel-wise operator: the producer feeds the consumer directly (a
// conv2d into a 3x3 conv2d with padding, and an FC into an FC).

// CHECK-LABEL: func.func @producer_into_consumer_conv(
// CHECK: nn.channel_partition %{{.+}} chunks = 2 : (tensor<1x6x6x3xf32>) -> tensor<1x6x6x5xf32> {
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<1x6x6x3xf32>):
// CHECK-NEXT: %[[E:.+]] = nn.conv2d %[[IN]], %{{.+}} strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x6x6x3xf32>, tensor<12x1x1x3xf32>) -> tensor<1x6x6x12xf32>
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[E]], %{{.+}} strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x6x6x12xf32>, tensor<5x3x3x12xf32>) -> tensor<1x6x6x5xf32>
// CHECK-NEXT: nn.yield %[[P]]
func.func @producer_into_consumer_conv(%x: tensor<1x6x6x3xf32>) -> tensor<1x6x6x5xf32> {
  %w1 = nn.constant dense<0.5> : tensor<12x1x1x3xf32> -> tensor<12x1x1x3xf32>
  %w2 = nn.constant dense<0.25> : tensor<5x3x3x12xf32> -> tensor<5x3x3x12xf32>
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x6x6x3xf32>) -> tensor<1x6x6x5xf32> {
  ^bb0(%in: tensor<1x6x6x3xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x6x6x3xf32>, tensor<12x1x1x3xf32>) -> tensor<1x6x6x12xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 1
         : (tensor<1x6x6x12xf32>, tensor<5x3x3x12xf32>) -> tensor<1x6x6x5xf32>
    nn.yield %p : tensor<1x6x6x5xf32>
  }
  return %y : tensor<1x6x6x5xf32>
}

// CHECK-LABEL: func.func @producer_into_consumer_fc(
// CHECK: nn.channel_partition %{{.+}} chunks = 3 : (tensor<2x8xf32>) -> tensor<2x4xf32> {
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<2x8xf32>):
// CHECK-NEXT: %[[H:.+]] = nn.fully_connected %[[IN]], %{{.+}}, %{{.+}} : (tensor<2x8xf32>, tensor<24x8xf32>, tensor<24xf32>) -> tensor<2x24xf32>
// CHECK-NEXT: %[[O:.+]] = nn.fully_connected %[[H]], %{{.+}} : (tensor<2x24xf32>, tensor<4x24xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: nn.yield %[[O]]
func.func @producer_into_consumer_fc(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w1 = nn.constant dense<0.5> : tensor<24x8xf32> -> tensor<24x8xf32>
  %b1 = nn.constant dense<1.0> : tensor<24xf32> -> tensor<24xf32>
  %w2 = nn.constant dense<0.25> : tensor<4x24xf32> -> tensor<4x24xf32>
  %y = nn.channel_partition %x chunks = 3 : (tensor<2x8xf32>) -> tensor<2x4xf32> {
  ^bb0(%in: tensor<2x8xf32>):
    %h = nn.fully_connected %in, %w1, %b1 : (tensor<2x8xf32>, tensor<24x8xf32>, tensor<24xf32>) -> tensor<2x24xf32>
    %o = nn.fully_connected %h, %w2 : (tensor<2x24xf32>, tensor<4x24xf32>) -> tensor<2x4xf32>
    nn.yield %o : tensor<2x4xf32>
  }
  return %y : tensor<2x4xf32>
}

// -----

// The consumer's clamp belongs to the chain: it is inside the body and its
// result is yielded (int8, weights inside the body).

!qx = !quant.uniform<i8:f32, 0.05:-3>
!qe = !quant.uniform<i8:f32, 0.04:-128>
!qy = !quant.uniform<i8:f32, 0.1:7>
!qw = !quant.uniform<i8:f32, 0.02>

// CHECK-LABEL: func.func @consumer_clamp_i8(
// CHECK: nn.channel_partition %{{.+}} chunks = 2 :
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<1x4x4x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>):
// CHECK-NEXT: %[[W1:.+]] = nn.constant
// CHECK-NEXT: %[[E:.+]] = nn.conv2d %[[IN]], %[[W1]]
// CHECK-NEXT: %[[W2:.+]] = nn.constant
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[E]], %[[W2]]
// CHECK-NEXT: %[[PC:.+]] = nn.clamp %[[P]] min = -1.000000e+00 max = 1.000000e+00 : tensor<1x4x4x8x!quant.uniform<i8:f32, 1.000000e-01:7>>
// CHECK-NEXT: nn.yield %[[PC]] : tensor<1x4x4x8x!quant.uniform<i8:f32, 1.000000e-01:7>>
func.func @consumer_clamp_i8(%x: tensor<1x4x4x8x!qx>) -> tensor<1x4x4x8x!qy> {
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8x!qx>) -> tensor<1x4x4x8x!qy> {
  ^bb0(%in: tensor<1x4x4x8x!qx>):
    %w1 = nn.constant dense<1> : tensor<32x1x1x8xi8> -> tensor<32x1x1x8x!qw>
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x4x4x8x!qx>, tensor<32x1x1x8x!qw>) -> tensor<1x4x4x32x!qe>
    %w2 = nn.constant dense<-1> : tensor<8x1x1x32xi8> -> tensor<8x1x1x32x!qw>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x4x4x32x!qe>, tensor<8x1x1x32x!qw>) -> tensor<1x4x4x8x!qy>
    %pc = nn.clamp %p min = -1.0 max = 1.0 : tensor<1x4x4x8x!qy>
    nn.yield %pc : tensor<1x4x4x8x!qy>
  }
  return %y : tensor<1x4x4x8x!qy>
}
