// RUN: morsel-opt %s --convert-nn-to-linalg --split-input-file | FileCheck %s

// nn.channel_partition becomes (ChannelPartition.cpp): a loop nest that
// initializes the consumer's accumulators for the whole output, an scf.for
// over the chunks whose body runs the producer and the channel-wise kernels
// on k-channel slices (k = 12 / 2 = 6 here) at channel offset chunk x k and
// adds the consumer's partial sums over those k input channels to the
// accumulators, and after the loop one nest that turns the accumulators into
// the output. Sizes are all different so that each constant names one
// thing: 3x5 pixels, 3 input channels, 12 wide channels, 5 output channels.

!qx = !quant.uniform<i8:f32, 0.05:-3>
!qe = !quant.uniform<i8:f32, 0.04:-128>
!qy = !quant.uniform<i8:f32, 0.1:7>
!qw = !quant.uniform<i8:f32, 0.02>
!qb = !quant.uniform<i32:f32, 1.0e-3>

// CHECK-LABEL: func.func @chain_i8(
// CHECK-SAME: %[[X:.+]]: tensor<1x3x5x3xi8>) -> tensor<1x3x5x5xi8>
// CHECK-NOT: nn.
// The accumulators start from the consumer's bias with its input zero
// point folded in (1x1, no padding: 0 - (-128) x 3 x 12 = 4608).
// CHECK: %[[FOLDED:.+]] = arith.constant dense<4608> : tensor<5xi32>
// CHECK: %[[EMPTY:.+]] = tensor.empty() : tensor<1x3x5x5xi32>
// CHECK: %[[INIT:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[EMPTY]]) -> (tensor<1x3x5x5xi32>)
// CHECK: tensor.extract %[[FOLDED]]
// CHECK: tensor.insert {{.*}} : tensor<1x3x5x5xi32>
// The loop over 2 chunks of 6 channels.
// CHECK: %[[C2:.+]] = arith.constant 2 : index
// CHECK: %[[ACC:.+]] = scf.for %[[CHUNK:[^ ]+]] = %{{.+}} to %[[C2]] step %{{.+}} iter_args(%[[ITER:[^ ]+]] = %[[INIT]]) -> (tensor<1x3x5x5xi32>) {
// CHECK-NEXT: %[[C6:.+]] = arith.constant 6 : index
// CHECK-NEXT: %[[OFF:.+]] = arith.muli %[[CHUNK]], %[[C6]] : index
// The producer (1x1, bias 100 + 3 x 3 x 2 = 118 with the input zero point
// folded) computes output channels [offset, offset + 6) of the whole input
// into a slice of 6 channels.
// CHECK: %[[W1:.+]] = arith.constant dense<2> : tensor<12x1x1x3xi8>
// CHECK: %[[B1:.+]] = arith.constant dense<118> : tensor<12xi32>
// CHECK: %[[S1:.+]] = tensor.empty() : tensor<1x3x5x6xi8>
// CHECK: %[[E:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[S1]]) -> (tensor<1x3x5x6xi8>)
// CHECK: %[[OC:.+]] = arith.addi %[[OFF]], %{{.+}} : index
// CHECK: tensor.extract %[[B1]][%[[OC]]] : tensor<12xi32>
// CHECK: tensor.extract %[[X]][{{.*}}] : tensor<1x3x5x3xi8>
// CHECK: tensor.extract %[[W1]][%[[OC]], {{.*}}] : tensor<12x1x1x3xi8>
// CHECK: tensor.insert {{.*}} : tensor<1x3x5x6xi8>
// The depthwise 3x3 reads the producer's slice and writes its own 6
// channels, with its weights and bias at the offset.
// CHECK: %[[W2:.+]] = arith.constant dense<-1> : tensor<12x3x3x1xi8>
// CHECK: %[[S2:.+]] = tensor.empty() : tensor<1x3x5x6xi8>
// CHECK: %[[D:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[S2]]) -> (tensor<1x3x5x6xi8>)
// CHECK: %[[DC:.+]] = arith.addi %[[OFF]], %{{.+}} : index
// CHECK: tensor.extract %[[E]][{{.*}}] : tensor<1x3x5x6xi8>
// CHECK: tensor.extract %[[W2]][%[[DC]], {{.*}}] : tensor<12x3x3x1xi8>
// CHECK: tensor.insert {{.*}} : tensor<1x3x5x6xi8>
// The consumer adds the partial sums of input channels [offset, offset + 6)
// to the accumulators: weights at input channel offset + ic, no
// requantization inside the loop.
// CHECK: %[[W3:.+]] = arith.constant dense<3> : tensor<5x1x1x12xi8>
// CHECK: %[[P:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[ITER]]) -> (tensor<1x3x5x5xi32>)
// CHECK: tensor.extract %{{.+}}[{{.*}}] : tensor<1x3x5x5xi32>
// CHECK: tensor.extract %[[D]][{{.*}}] : tensor<1x3x5x6xi8>
// CHECK: %[[IC:.+]] = arith.addi %[[OFF]], %{{.+}} : index
// CHECK: tensor.extract %[[W3]][{{.*}}, %[[IC]]] : tensor<5x1x1x12xi8>
// CHECK-NOT: arith.trunci
// CHECK: tensor.insert {{.*}} : tensor<1x3x5x5xi32>
// CHECK: scf.yield %[[P]] : tensor<1x3x5x5xi32>
// CHECK-NEXT: }
// After the loop, the accumulators are requantized once (output zero
// point 7).
// CHECK: %[[OUT:.+]] = tensor.empty() : tensor<1x3x5x5xi8>
// CHECK: %[[Y:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[OUT]]) -> (tensor<1x3x5x5xi8>)
// CHECK: tensor.extract %[[ACC]][{{.*}}] : tensor<1x3x5x5xi32>
// CHECK: arith.constant 7 : i32
// CHECK: arith.trunci {{.*}} : i32 to i8
// CHECK: tensor.insert {{.*}} : tensor<1x3x5x5xi8>
// CHECK: return %[[Y]] : tensor<1x3x5x5xi8>
func.func @chain_i8(%x: tensor<1x3x5x3x!qx>) -> tensor<1x3x5x5x!qy> {
  %w1 = nn.constant dense<2> : tensor<12x1x1x3xi8> -> tensor<12x1x1x3x!qw>
  %b1 = nn.constant dense<100> : tensor<12xi32> -> tensor<12x!qb>
  %w2 = nn.constant dense<-1> : tensor<12x3x3x1xi8> -> tensor<12x3x3x1x!qw>
  %w3 = nn.constant dense<3> : tensor<5x1x1x12xi8> -> tensor<5x1x1x12x!qw>
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x3x5x3x!qx>) -> tensor<1x3x5x5x!qy> {
  ^bb0(%in: tensor<1x3x5x3x!qx>):
    %e = nn.conv2d %in, %w1, %b1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x3x5x3x!qx>, tensor<12x1x1x3x!qw>, tensor<12x!qb>) -> tensor<1x3x5x12x!qe>
    %ec = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x3x5x12x!qe>
    %d = nn.conv2d %ec, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 12
         : (tensor<1x3x5x12x!qe>, tensor<12x3x3x1x!qw>) -> tensor<1x3x5x12x!qe>
    %dc = nn.clamp %d min = 0.0 max = 6.0 : tensor<1x3x5x12x!qe>
    %p = nn.conv2d %dc, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x3x5x12x!qe>, tensor<5x1x1x12x!qw>) -> tensor<1x3x5x5x!qy>
    nn.yield %p : tensor<1x3x5x5x!qy>
  }
  return %y : tensor<1x3x5x5x!qy>
}

// -----

// The same chain in f32, with a bias and a clamp on the consumer: f32
// accumulators start from the bias; the producer's ReLU6 is applied to each
// slice element; the consumer's clamp is applied after the loop, once.

// CHECK-LABEL: func.func @chain_f32(
// CHECK-SAME: %[[X:.+]]: tensor<1x3x5x3xf32>) -> tensor<1x3x5x5xf32>
// CHECK-NOT: nn.
// CHECK: arith.constant dense<1.500000e+00> : tensor<5xf32>
// CHECK: %[[EMPTY:.+]] = tensor.empty() : tensor<1x3x5x5xf32>
// CHECK: %[[INIT:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[EMPTY]]) -> (tensor<1x3x5x5xf32>)
// CHECK: tensor.extract %{{.+}}[%{{.+}}] : tensor<5xf32>
// CHECK: tensor.insert {{.*}} : tensor<1x3x5x5xf32>
// CHECK: %[[C2:.+]] = arith.constant 2 : index
// CHECK: %[[ACC:.+]] = scf.for %[[CHUNK:[^ ]+]] = %{{.+}} to %[[C2]] step %{{.+}} iter_args(%[[ITER:[^ ]+]] = %[[INIT]]) -> (tensor<1x3x5x5xf32>) {
// CHECK-NEXT: %[[C6:.+]] = arith.constant 6 : index
// CHECK-NEXT: %[[OFF:.+]] = arith.muli %[[CHUNK]], %[[C6]] : index
// CHECK: %[[W1:.+]] = arith.constant dense<5.000000e-01> : tensor<12x1x1x3xf32>
// CHECK: %[[S1:.+]] = tensor.empty() : tensor<1x3x5x6xf32>
// CHECK: %[[E:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[S1]]) -> (tensor<1x3x5x6xf32>)
// CHECK: %[[OC:.+]] = arith.addi %[[OFF]], %{{.+}} : index
// CHECK: tensor.extract %[[X]][{{.*}}] : tensor<1x3x5x3xf32>
// CHECK: tensor.extract %[[W1]][%[[OC]], {{.*}}] : tensor<12x1x1x3xf32>
// CHECK: arith.constant 6.000000e+00 : f32
// CHECK: arith.minimumf
// CHECK: tensor.insert {{.*}} : tensor<1x3x5x6xf32>
// CHECK: %[[W2:.+]] = arith.constant dense<2.500000e-01> : tensor<12x3x3x1xf32>
// CHECK: %[[S2:.+]] = tensor.empty() : tensor<1x3x5x6xf32>
// CHECK: %[[D:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[S2]]) -> (tensor<1x3x5x6xf32>)
// CHECK: %[[DC:.+]] = arith.addi %[[OFF]], %{{.+}} : index
// CHECK: tensor.extract %[[E]][{{.*}}] : tensor<1x3x5x6xf32>
// CHECK: tensor.extract %[[W2]][%[[DC]], {{.*}}] : tensor<12x3x3x1xf32>
// CHECK: %[[W3:.+]] = arith.constant dense<-5.000000e-01> : tensor<5x1x1x12xf32>
// CHECK: %[[P:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[ITER]]) -> (tensor<1x3x5x5xf32>)
// CHECK: tensor.extract %{{.+}}[{{.*}}] : tensor<1x3x5x5xf32>
// CHECK: tensor.extract %[[D]][{{.*}}] : tensor<1x3x5x6xf32>
// CHECK: %[[IC:.+]] = arith.addi %[[OFF]], %{{.+}} : index
// CHECK: tensor.extract %[[W3]][{{.*}}, %[[IC]]] : tensor<5x1x1x12xf32>
// CHECK-NOT: arith.minimumf
// CHECK: scf.yield %[[P]] : tensor<1x3x5x5xf32>
// CHECK-NEXT: }
// CHECK: %[[OUT:.+]] = tensor.empty() : tensor<1x3x5x5xf32>
// CHECK: %[[Y:.+]] = scf.for {{.*}} iter_args(%{{.+}} = %[[OUT]]) -> (tensor<1x3x5x5xf32>)
// CHECK: tensor.extract %[[ACC]][{{.*}}] : tensor<1x3x5x5xf32>
// CHECK: arith.constant -1.000000e+00 : f32
// CHECK: arith.maximumf
// CHECK: arith.constant 1.000000e+00 : f32
// CHECK: arith.minimumf
// CHECK: return %[[Y]] : tensor<1x3x5x5xf32>
func.func @chain_f32(%x: tensor<1x3x5x3xf32>) -> tensor<1x3x5x5xf32> {
  %w1 = nn.constant dense<0.5> : tensor<12x1x1x3xf32> -> tensor<12x1x1x3xf32>
  %w2 = nn.constant dense<0.25> : tensor<12x3x3x1xf32> -> tensor<12x3x3x1xf32>
  %w3 = nn.constant dense<-0.5> : tensor<5x1x1x12xf32> -> tensor<5x1x1x12xf32>
  %b3 = nn.constant dense<1.5> : tensor<5xf32> -> tensor<5xf32>
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x3x5x3xf32>) -> tensor<1x3x5x5xf32> {
  ^bb0(%in: tensor<1x3x5x3xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x3x5x3xf32>, tensor<12x1x1x3xf32>) -> tensor<1x3x5x12xf32>
    %ec = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x3x5x12xf32>
    %d = nn.conv2d %ec, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 12
         : (tensor<1x3x5x12xf32>, tensor<12x3x3x1xf32>) -> tensor<1x3x5x12xf32>
    %p = nn.conv2d %d, %w3, %b3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
         : (tensor<1x3x5x12xf32>, tensor<5x1x1x12xf32>, tensor<5xf32>) -> tensor<1x3x5x5xf32>
    %pc = nn.clamp %p min = -1.0 max = 1.0 : tensor<1x3x5x5xf32>
    nn.yield %pc : tensor<1x3x5x5xf32>
  }
  return %y : tensor<1x3x5x5xf32>
}

// -----

// A fully connected chain (FC -> ReLU -> FC, f32, 2 rows, 8 -> 12 -> 5, in
// 3 chunks of 4 features): the same loop over rows instead of pixels.

// CHECK-LABEL: func.func @fc_chain_f32(
// CHECK: %[[INIT:.+]] = scf.for {{.*}} -> (tensor<2x5xf32>)
// CHECK: %[[C3:.+]] = arith.constant 3 : index
// CHECK: %[[ACC:.+]] = scf.for %[[CHUNK:[^ ]+]] = %{{.+}} to %[[C3]] step %{{.+}} iter_args(%[[ITER:[^ ]+]] = %[[INIT]]) -> (tensor<2x5xf32>) {
// CHECK-NEXT: %[[C4:.+]] = arith.constant 4 : index
// CHECK-NEXT: %[[OFF:.+]] = arith.muli %[[CHUNK]], %[[C4]] : index
// CHECK: tensor.empty() : tensor<2x4xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.+}} = %[[ITER]]) -> (tensor<2x5xf32>)
// CHECK: scf.yield %{{.+}} : tensor<2x5xf32>
// CHECK-NEXT: }
// CHECK: tensor.empty() : tensor<2x5xf32>
// CHECK: tensor.extract %[[ACC]]
func.func @fc_chain_f32(%x: tensor<2x8xf32>) -> tensor<2x5xf32> {
  %w1 = nn.constant dense<0.5> : tensor<12x8xf32> -> tensor<12x8xf32>
  %b1 = nn.constant dense<0.25> : tensor<12xf32> -> tensor<12xf32>
  %w2 = nn.constant dense<-0.5> : tensor<5x12xf32> -> tensor<5x12xf32>
  %y = nn.channel_partition %x chunks = 3 : (tensor<2x8xf32>) -> tensor<2x5xf32> {
  ^bb0(%in: tensor<2x8xf32>):
    %h = nn.fully_connected %in, %w1, %b1 : (tensor<2x8xf32>, tensor<12x8xf32>, tensor<12xf32>) -> tensor<2x12xf32>
    %hc = nn.clamp %h min = 0.0 max = 0x7F800000 : tensor<2x12xf32>
    %o = nn.fully_connected %hc, %w2 : (tensor<2x12xf32>, tensor<5x12xf32>) -> tensor<2x5xf32>
    nn.yield %o : tensor<2x5xf32>
  }
  return %y : tensor<2x5xf32>
}
