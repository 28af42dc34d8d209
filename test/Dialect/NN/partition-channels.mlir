// RUN: morsel-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(nn-partition-channels{chunks=2}))' | FileCheck %s --check-prefixes=CHECK,CHUNKS2
// RUN: morsel-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(nn-partition-channels{chunks=4}))' | FileCheck %s --check-prefixes=CHECK,CHUNKS4
// The partitioned IR parses back and is a fixed point of the pass.
// RUN: morsel-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(nn-partition-channels{chunks=2}))' | morsel-opt --split-input-file --pass-pipeline='builtin.module(func.func(nn-partition-channels{chunks=2}))' | FileCheck %s --check-prefixes=CHECK,CHUNKS2
// The cost model (default options), and with no instruction budget.
// RUN: morsel-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(nn-partition-channels))' | FileCheck %s --check-prefix=COST
// RUN: morsel-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(nn-partition-channels{max-overhead=0.0}))' | FileCheck %s --check-prefix=NOBUDGET

// The CHECK/CHUNKS2/CHUNKS4 cases force the chunk count (chunks=2, 4); the
// COST and NOBUDGET cases at the end run the cost model.

// A MobileNetV2 inverted residual block without its shortcut (int8): expand
// 1x1 -> ReLU6 -> depthwise 3x3 -> ReLU6 -> project 1x1. The whole chain
// moves into one nn.channel_partition, in order, reading the block's input
// through the body argument; the weights stay above it.

!qx = !quant.uniform<i8:f32, 0.05:-3>
!qe = !quant.uniform<i8:f32, 0.04:-128>
!qy = !quant.uniform<i8:f32, 0.1:7>
!qw = !quant.uniform<i8:f32, 0.02>
!qb = !quant.uniform<i32:f32, 1.0e-3>

// CHECK-LABEL: func.func @mobilenetv2_block(
// CHECK-SAME: %[[X:[^:]+]]: tensor<1x8x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>)
// CHECK: %[[W1:.+]] = nn.constant dense<1> : tensor<48x1x1x8xi8>
// CHECK: %[[B1:.+]] = nn.constant dense<10> : tensor<48xi32>
// CHECK: %[[W2:.+]] = nn.constant dense<2> : tensor<48x3x3x1xi8>
// CHECK: %[[W3:.+]] = nn.constant dense<3> : tensor<8x1x1x48xi8>
// CHUNKS2: %[[Y:.+]] = nn.channel_partition %[[X]] chunks = 2 : (tensor<1x8x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<1x8x8x8x!quant.uniform<i8:f32, 1.000000e-01:7>> {
// CHUNKS4: %[[Y:.+]] = nn.channel_partition %[[X]] chunks = 4 : (tensor<1x8x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<1x8x8x8x!quant.uniform<i8:f32, 1.000000e-01:7>> {
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<1x8x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>):
// CHECK-NEXT: %[[E:.+]] = nn.conv2d %[[IN]], %[[W1]], %[[B1]] {{.*}} groups = 1 : {{.*}} -> tensor<1x8x8x48x!quant.uniform<i8:f32, 4.000000e-02:-128>>
// CHECK-NEXT: %[[EC:.+]] = nn.clamp %[[E]] min = 0.000000e+00 max = 6.000000e+00
// CHECK-NEXT: %[[D:.+]] = nn.conv2d %[[EC]], %[[W2]] {{.*}} pad = [1, 1, 1, 1] {{.*}} groups = 48
// CHECK-NEXT: %[[DC:.+]] = nn.clamp %[[D]] min = 0.000000e+00 max = 6.000000e+00
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[DC]], %[[W3]] {{.*}} groups = 1 : {{.*}} -> tensor<1x8x8x8x!quant.uniform<i8:f32, 1.000000e-01:7>>
// CHECK-NEXT: nn.yield %[[P]] : tensor<1x8x8x8x!quant.uniform<i8:f32, 1.000000e-01:7>>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[Y]]
func.func @mobilenetv2_block(%x: tensor<1x8x8x8x!qx>) -> tensor<1x8x8x8x!qy> {
  %w1 = nn.constant dense<1> : tensor<48x1x1x8xi8> -> tensor<48x1x1x8x!qw>
  %b1 = nn.constant dense<10> : tensor<48xi32> -> tensor<48x!qb>
  %e = nn.conv2d %x, %w1, %b1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x8x!qx>, tensor<48x1x1x8x!qw>, tensor<48x!qb>) -> tensor<1x8x8x48x!qe>
  %ec = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x8x8x48x!qe>
  %w2 = nn.constant dense<2> : tensor<48x3x3x1xi8> -> tensor<48x3x3x1x!qw>
  %d = nn.conv2d %ec, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 48 : (tensor<1x8x8x48x!qe>, tensor<48x3x3x1x!qw>) -> tensor<1x8x8x48x!qe>
  %dc = nn.clamp %d min = 0.0 max = 6.0 : tensor<1x8x8x48x!qe>
  %w3 = nn.constant dense<3> : tensor<8x1x1x48xi8> -> tensor<8x1x1x48x!qw>
  %p = nn.conv2d %dc, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x48x!qe>, tensor<8x1x1x48x!qw>) -> tensor<1x8x8x8x!qy>
  return %p : tensor<1x8x8x8x!qy>
}

// -----

// The chain's result has other readers after the partition: all of them
// read the partition's result. The consumer's clamp joins the chain.

// CHECK-LABEL: func.func @result_read_twice(
// CHECK: %[[Y:.+]] = nn.channel_partition
// CHECK: nn.conv2d
// CHECK: nn.conv2d
// CHECK-NEXT: %[[C:.+]] = nn.clamp
// CHECK-NEXT: nn.yield %[[C]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[S:.+]] = nn.add %[[Y]], %[[Y]]
// CHECK-NEXT: return %[[S]], %[[Y]]
func.func @result_read_twice(%x: tensor<1x4x4x8xf32>) -> (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %e = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
  %c = nn.clamp %p min = 0.0 max = 6.0 : tensor<1x4x4x8xf32>
  %s = nn.add %c, %c : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %s, %c : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>
}

// -----

// A classifier head: fully connected -> ReLU -> fully connected.

// CHECK-LABEL: func.func @fc_clamp_fc(
// CHECK-SAME: %[[X:[^:]+]]: tensor<1x32xf32>)
// CHUNKS2: nn.channel_partition %[[X]] chunks = 2 : (tensor<1x32xf32>) -> tensor<1x10xf32> {
// CHUNKS4: nn.channel_partition %[[X]] chunks = 4 : (tensor<1x32xf32>) -> tensor<1x10xf32> {
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<1x32xf32>):
// CHECK-NEXT: %[[H:.+]] = nn.fully_connected %[[IN]]
// CHECK-NEXT: %[[HC:.+]] = nn.clamp %[[H]]
// CHECK-NEXT: %[[O:.+]] = nn.fully_connected %[[HC]]
// CHECK-NEXT: nn.yield %[[O]]
func.func @fc_clamp_fc(%x: tensor<1x32xf32>) -> tensor<1x10xf32> {
  %w1 = nn.constant dense<0.5> : tensor<64x32xf32> -> tensor<64x32xf32>
  %b1 = nn.constant dense<0.5> : tensor<64xf32> -> tensor<64xf32>
  %h = nn.fully_connected %x, %w1, %b1 : (tensor<1x32xf32>, tensor<64x32xf32>, tensor<64xf32>) -> tensor<1x64xf32>
  %hc = nn.clamp %h min = 0.0 max = 6.0 : tensor<1x64xf32>
  %w2 = nn.constant dense<0.5> : tensor<10x64xf32> -> tensor<10x64xf32>
  %o = nn.fully_connected %hc, %w2 : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
  return %o : tensor<1x10xf32>
}

// -----

// Refused: a softmax between the two fully connected layers reduces across
// the wide tensor's channels. Nothing moves.

// CHECK-LABEL: func.func @softmax_in_the_middle(
// CHECK-NOT: nn.channel_partition
// CHECK: %[[H:.+]] = nn.fully_connected
// CHECK-NEXT: %[[S:.+]] = nn.softmax %[[H]]
// CHECK-NEXT: nn.constant
// CHECK-NEXT: %[[O:.+]] = nn.fully_connected %[[S]]
// CHECK-NEXT: return %[[O]]
func.func @softmax_in_the_middle(%x: tensor<1x32xf32>) -> tensor<1x10xf32> {
  %w1 = nn.constant dense<0.5> : tensor<64x32xf32> -> tensor<64x32xf32>
  %h = nn.fully_connected %x, %w1 : (tensor<1x32xf32>, tensor<64x32xf32>) -> tensor<1x64xf32>
  %s = nn.softmax %h axis = 1 beta = 1.0 : tensor<1x64xf32> -> tensor<1x64xf32>
  %w2 = nn.constant dense<0.5> : tensor<10x64xf32> -> tensor<10x64xf32>
  %o = nn.fully_connected %s, %w2 : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
  return %o : tensor<1x10xf32>
}

// -----

// Refused: a ShuffleNet channel shuffle (reshape, transpose, reshape)
// between the two 1x1 convolutions moves channels across slices.

// CHECK-LABEL: func.func @channel_shuffle(
// CHECK-NOT: nn.channel_partition
// CHECK: %[[E:.+]] = nn.conv2d
// CHECK-NEXT: %[[R:.+]] = nn.reshape %[[E]]
// CHECK-NEXT: %[[T:.+]] = nn.transpose %[[R]]
// CHECK-NEXT: %[[S:.+]] = nn.reshape %[[T]]
// CHECK-NEXT: nn.constant
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[S]]
// CHECK-NEXT: return %[[P]]
func.func @channel_shuffle(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %e = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
  %r = nn.reshape %e : tensor<1x4x4x16xf32> -> tensor<1x4x4x2x8xf32>
  %t = nn.transpose %r perm = [0, 1, 2, 4, 3] : tensor<1x4x4x2x8xf32> -> tensor<1x4x4x8x2xf32>
  %s = nn.reshape %t : tensor<1x4x4x8x2xf32> -> tensor<1x4x4x16xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  %p = nn.conv2d %s, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
  return %p : tensor<1x4x4x8xf32>
}

// -----

// Refused: a concat mixes the wide tensor with another one (the input).

// CHECK-LABEL: func.func @concat_in_the_middle(
// CHECK-SAME: %[[X:[^:]+]]: tensor<1x4x4x8xf32>)
// CHECK-NOT: nn.channel_partition
// CHECK: %[[E:.+]] = nn.conv2d %[[X]]
// CHECK-NEXT: %[[C:.+]] = nn.concat %[[E]], %[[X]] axis = 3
// CHECK-NEXT: nn.constant
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[C]]
// CHECK-NEXT: return %[[P]]
func.func @concat_in_the_middle(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %e = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
  %c = nn.concat %e, %x axis = 3 : (tensor<1x4x4x16xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x24xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x24xf32> -> tensor<8x1x1x24xf32>
  %p = nn.conv2d %c, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x24xf32>, tensor<8x1x1x24xf32>) -> tensor<1x4x4x8xf32>
  return %p : tensor<1x4x4x8xf32>
}

// -----

// Refused: the wide tensor has two readers.

// CHECK-LABEL: func.func @wide_tensor_read_twice(
// CHECK-NOT: nn.channel_partition
// CHECK: %[[E:.+]] = nn.conv2d
// CHECK-NEXT: nn.constant
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[E]]
// CHECK-NEXT: return %[[P]], %[[E]]
func.func @wide_tensor_read_twice(%x: tensor<1x4x4x8xf32>) -> (tensor<1x4x4x8xf32>, tensor<1x4x4x16xf32>) {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %e = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
  return %p, %e : tensor<1x4x4x8xf32>, tensor<1x4x4x16xf32>
}

// -----

// Chunks must divide the chain's channels: 6 wide channels split into 2
// chunks but not into 4, 9 into neither.

// CHECK-LABEL: func.func @six_channels(
// CHUNKS2: nn.channel_partition %{{.+}} chunks = 2
// CHUNKS4-NOT: nn.channel_partition
// CHECK: nn.conv2d {{.*}} -> tensor<1x4x4x6xf32>
// CHECK: return
func.func @six_channels(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<6x1x1x8xf32> -> tensor<6x1x1x8xf32>
  %e = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<6x1x1x8xf32>) -> tensor<1x4x4x6xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x6xf32> -> tensor<8x1x1x6xf32>
  %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x6xf32>, tensor<8x1x1x6xf32>) -> tensor<1x4x4x8xf32>
  return %p : tensor<1x4x4x8xf32>
}

// CHECK-LABEL: func.func @nine_channels(
// CHECK-NOT: nn.channel_partition
// CHECK: %[[E:.+]] = nn.conv2d {{.*}} -> tensor<1x4x4x9xf32>
// CHECK-NEXT: nn.constant
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[E]]
// CHECK-NEXT: return %[[P]]
func.func @nine_channels(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<9x1x1x8xf32> -> tensor<9x1x1x8xf32>
  %e = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<9x1x1x8xf32>) -> tensor<1x4x4x9xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x9xf32> -> tensor<8x1x1x9xf32>
  %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x9xf32>, tensor<8x1x1x9xf32>) -> tensor<1x4x4x8xf32>
  return %p : tensor<1x4x4x8xf32>
}

// -----

// MobileNetV1: pw1 -> dw1 -> pw2 -> dw2 -> pw3, each convolution followed by
// a ReLU6. pw2 both ends the chain from pw1 and could start one to pw3; each
// operator belongs to one chain at most and the first in source order wins:
// one nn.channel_partition of pw1 .. pw2 and its clamp. dw2 and pw3 stay
// outside (pw3 starts no chain: its result is returned).

// CHECK-LABEL: func.func @mobilenetv1_overlapping_chains(
// CHECK-SAME: %[[X:[^:]+]]: tensor<1x8x8x8xf32>)
// CHECK: %[[Y:.+]] = nn.channel_partition %[[X]] chunks = {{2|4}} : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x16xf32> {
// CHECK-NEXT: ^bb0(%[[IN:.+]]: tensor<1x8x8x8xf32>):
// CHECK-NEXT: %[[A:.+]] = nn.conv2d %[[IN]], {{.*}} groups = 1 : {{.*}} -> tensor<1x8x8x16xf32>
// CHECK-NEXT: %[[AC:.+]] = nn.clamp %[[A]]
// CHECK-NEXT: %[[B:.+]] = nn.conv2d %[[AC]], {{.*}} groups = 16 :
// CHECK-NEXT: %[[BC:.+]] = nn.clamp %[[B]]
// CHECK-NEXT: %[[C:.+]] = nn.conv2d %[[BC]], {{.*}} groups = 1 : {{.*}} -> tensor<1x8x8x16xf32>
// CHECK-NEXT: %[[CC:.+]] = nn.clamp %[[C]]
// CHECK-NEXT: nn.yield %[[CC]]
// CHECK-NEXT: }
// CHECK-NOT: nn.channel_partition
// CHECK: %[[D:.+]] = nn.conv2d %[[Y]], {{.*}} groups = 16 :
// CHECK-NEXT: %[[DC:.+]] = nn.clamp %[[D]]
// CHECK-NEXT: nn.constant
// CHECK-NEXT: %[[E:.+]] = nn.conv2d %[[DC]], {{.*}} groups = 1 :
// CHECK-NEXT: %[[EC:.+]] = nn.clamp %[[E]]
// CHECK-NEXT: return %[[EC]]
func.func @mobilenetv1_overlapping_chains(%x: tensor<1x8x8x8xf32>) -> tensor<1x8x8x32xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %a = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x8x8x16xf32>
  %ac = nn.clamp %a min = 0.0 max = 6.0 : tensor<1x8x8x16xf32>
  %w2 = nn.constant dense<0.5> : tensor<16x3x3x1xf32> -> tensor<16x3x3x1xf32>
  %b = nn.conv2d %ac, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 16 : (tensor<1x8x8x16xf32>, tensor<16x3x3x1xf32>) -> tensor<1x8x8x16xf32>
  %bc = nn.clamp %b min = 0.0 max = 6.0 : tensor<1x8x8x16xf32>
  %w3 = nn.constant dense<0.5> : tensor<16x1x1x16xf32> -> tensor<16x1x1x16xf32>
  %c = nn.conv2d %bc, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x16xf32>, tensor<16x1x1x16xf32>) -> tensor<1x8x8x16xf32>
  %cc = nn.clamp %c min = 0.0 max = 6.0 : tensor<1x8x8x16xf32>
  %w4 = nn.constant dense<0.5> : tensor<16x3x3x1xf32> -> tensor<16x3x3x1xf32>
  %d = nn.conv2d %cc, %w4 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 16 : (tensor<1x8x8x16xf32>, tensor<16x3x3x1xf32>) -> tensor<1x8x8x16xf32>
  %dc = nn.clamp %d min = 0.0 max = 6.0 : tensor<1x8x8x16xf32>
  %w5 = nn.constant dense<0.5> : tensor<32x1x1x16xf32> -> tensor<32x1x1x16xf32>
  %e = nn.conv2d %dc, %w5 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x16xf32>, tensor<32x1x1x16xf32>) -> tensor<1x8x8x32xf32>
  %ec = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x8x8x32xf32>
  return %ec : tensor<1x8x8x32xf32>
}

// -----

// Two MobileNetV1 blocks followed by a classifier head: pw1 -> dw1 -> pw2 is
// one chain, dw2 is left over, pw3 -> dw3 -> pw4 is a second one. Both are
// partitioned, each once.

// CHECK-LABEL: func.func @two_chains(
// CHECK: %[[Y1:.+]] = nn.channel_partition
// CHECK-COUNT-3: nn.conv2d
// CHECK: nn.yield
// CHECK-NEXT: }
// CHECK-NEXT: nn.constant
// CHECK-NEXT: %[[D:.+]] = nn.conv2d %[[Y1]], {{.*}} groups = 16 :
// CHECK-COUNT-3: nn.constant
// CHECK-NEXT: %[[Y2:.+]] = nn.channel_partition %[[D]]
// CHECK-COUNT-3: nn.conv2d
// CHECK: nn.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %[[Y2]]
func.func @two_chains(%x: tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %a = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x8x8x16xf32>
  %w2 = nn.constant dense<0.5> : tensor<16x3x3x1xf32> -> tensor<16x3x3x1xf32>
  %b = nn.conv2d %a, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 16 : (tensor<1x8x8x16xf32>, tensor<16x3x3x1xf32>) -> tensor<1x8x8x16xf32>
  %w3 = nn.constant dense<0.5> : tensor<16x1x1x16xf32> -> tensor<16x1x1x16xf32>
  %c = nn.conv2d %b, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x16xf32>, tensor<16x1x1x16xf32>) -> tensor<1x8x8x16xf32>
  %w4 = nn.constant dense<0.5> : tensor<16x3x3x1xf32> -> tensor<16x3x3x1xf32>
  %d = nn.conv2d %c, %w4 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 16 : (tensor<1x8x8x16xf32>, tensor<16x3x3x1xf32>) -> tensor<1x8x8x16xf32>
  %w5 = nn.constant dense<0.5> : tensor<32x1x1x16xf32> -> tensor<32x1x1x16xf32>
  %e = nn.conv2d %d, %w5 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x16xf32>, tensor<32x1x1x16xf32>) -> tensor<1x8x8x32xf32>
  %w6 = nn.constant dense<0.5> : tensor<32x3x3x1xf32> -> tensor<32x3x3x1xf32>
  %f = nn.conv2d %e, %w6 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 32 : (tensor<1x8x8x32xf32>, tensor<32x3x3x1xf32>) -> tensor<1x8x8x32xf32>
  %w7 = nn.constant dense<0.5> : tensor<8x1x1x32xf32> -> tensor<8x1x1x32xf32>
  %g = nn.conv2d %f, %w7 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x32xf32>, tensor<8x1x1x32xf32>) -> tensor<1x8x8x8xf32>
  return %g : tensor<1x8x8x8xf32>
}

// -----

//===- The cost model (default options) -----------------------------------===//

// A MobileNetV2 block (int8, 8x8 pixels, 8 -> 96 -> 8 channels: expansion
// ratio 12) whose expanded tensors are the function's peak. Unpartitioned,
// the model of PartitionChannels.cpp holds at least one whole 8x8x96 tensor
// (6144 bytes) while the expansion, the depthwise convolution and the
// projection run (an output may overlap the input it consumes, the argument
// costs nothing). In N chunks the loop holds the i32 accumulators
// (4 x 8x8x8 = 2048 bytes) and one slice of both wide tensors
// (2 x 6144 / N bytes): below 6144 from N = 4 on, within the default budget
// of added instructions (10% of 4 x 153600 MACs). The count chosen depends
// on the model's calibration and is not pinned.

!qx = !quant.uniform<i8:f32, 0.05:-3>
!qe = !quant.uniform<i8:f32, 0.04:-128>
!qy = !quant.uniform<i8:f32, 0.1:7>
!qw = !quant.uniform<i8:f32, 0.02>
!qb = !quant.uniform<i32:f32, 1.0e-3>

// COST-LABEL: func.func @cost_mobilenetv2_block(
// COST: nn.channel_partition %{{.+}} chunks = {{[1-9][0-9]*}} :
// COST-NEXT: ^bb0
// COST-NEXT: nn.conv2d
// COST-NEXT: nn.clamp
// COST-NEXT: nn.conv2d {{.*}} groups = 96
// COST-NEXT: nn.clamp
// COST-NEXT: nn.conv2d
// COST-NEXT: nn.yield
func.func @cost_mobilenetv2_block(%x: tensor<1x8x8x8x!qx>) -> tensor<1x8x8x8x!qy> {
  %w1 = nn.constant dense<1> : tensor<96x1x1x8xi8> -> tensor<96x1x1x8x!qw>
  %b1 = nn.constant dense<10> : tensor<96xi32> -> tensor<96x!qb>
  %e = nn.conv2d %x, %w1, %b1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x8x!qx>, tensor<96x1x1x8x!qw>, tensor<96x!qb>) -> tensor<1x8x8x96x!qe>
  %ec = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x8x8x96x!qe>
  %w2 = nn.constant dense<2> : tensor<96x3x3x1xi8> -> tensor<96x3x3x1x!qw>
  %d = nn.conv2d %ec, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 96 : (tensor<1x8x8x96x!qe>, tensor<96x3x3x1x!qw>) -> tensor<1x8x8x96x!qe>
  %dc = nn.clamp %d min = 0.0 max = 6.0 : tensor<1x8x8x96x!qe>
  %w3 = nn.constant dense<3> : tensor<8x1x1x96xi8> -> tensor<8x1x1x96x!qw>
  %p = nn.conv2d %dc, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x96x!qe>, tensor<8x1x1x96x!qw>) -> tensor<1x8x8x8x!qy>
  return %p : tensor<1x8x8x8x!qy>
}

// -----

// A tiny int8 chain (4x4 pixels, 8 -> 8 -> 8 channels): unpartitioned, its
// peak is the 128-byte wide tensor and the 128-byte output, 256 bytes; in
// any number of chunks the 512 bytes of i32 accumulators alone exceed it.
// Not partitioned.

!qx = !quant.uniform<i8:f32, 0.05:-3>
!qe = !quant.uniform<i8:f32, 0.04:-128>
!qy = !quant.uniform<i8:f32, 0.1:7>
!qw = !quant.uniform<i8:f32, 0.02>
!qb = !quant.uniform<i32:f32, 1.0e-3>

// COST-LABEL: func.func @cost_tiny_chain(
// COST-NOT: nn.channel_partition
// COST: %[[E:.+]] = nn.conv2d
// COST-NEXT: nn.constant
// COST-NEXT: %[[P:.+]] = nn.conv2d %[[E]]
// COST-NEXT: return %[[P]]
func.func @cost_tiny_chain(%x: tensor<1x4x4x8x!qx>) -> tensor<1x4x4x8x!qy> {
  %w1 = nn.constant dense<1> : tensor<8x1x1x8xi8> -> tensor<8x1x1x8x!qw>
  %e = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8x!qx>, tensor<8x1x1x8x!qw>) -> tensor<1x4x4x8x!qe>
  %w2 = nn.constant dense<1> : tensor<8x1x1x8xi8> -> tensor<8x1x1x8x!qw>
  %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8x!qe>, tensor<8x1x1x8x!qw>) -> tensor<1x4x4x8x!qy>
  return %p : tensor<1x4x4x8x!qy>
}

// -----

// The peak is outside any chain: a 16x16x32 f32 convolution and its max pool
// (32 + 8 KiB) before a chain of 2 KiB tensors. Partitioning the chain
// cannot lower the function's peak: not partitioned.

// COST-LABEL: func.func @cost_peak_elsewhere(
// COST-NOT: nn.channel_partition
// COST: nn.max_pool2d
// COST-NOT: nn.channel_partition
// COST: return
func.func @cost_peak_elsewhere(%x: tensor<1x16x16x4xf32>) -> tensor<1x8x8x4xf32> {
  %w0 = nn.constant dense<0.5> : tensor<32x1x1x4xf32> -> tensor<32x1x1x4xf32>
  %a = nn.conv2d %x, %w0 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<32x1x1x4xf32>) -> tensor<1x16x16x32xf32>
  %m = nn.max_pool2d %a kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x32xf32> -> tensor<1x8x8x32xf32>
  %w1 = nn.constant dense<0.5> : tensor<8x1x1x32xf32> -> tensor<8x1x1x32xf32>
  %e = nn.conv2d %m, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x32xf32>, tensor<8x1x1x32xf32>) -> tensor<1x8x8x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x3x3x1xf32> -> tensor<8x3x3x1xf32>
  %d = nn.conv2d %e, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 8 : (tensor<1x8x8x8xf32>, tensor<8x3x3x1xf32>) -> tensor<1x8x8x8xf32>
  %w3 = nn.constant dense<0.5> : tensor<4x1x1x8xf32> -> tensor<4x1x1x8xf32>
  %p = nn.conv2d %d, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x8xf32>, tensor<4x1x1x8xf32>) -> tensor<1x8x8x4xf32>
  return %p : tensor<1x8x8x4xf32>
}

// With max-overhead=0 nothing is partitioned anywhere in this file: every
// chunk count above one adds instructions.
// NOBUDGET-NOT: nn.channel_partition
