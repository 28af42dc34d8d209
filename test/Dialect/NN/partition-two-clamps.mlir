// RUN: morsel-opt %s --pass-pipeline='builtin.module(func.func(nn-partition-channels{chunks=2}))' | FileCheck %s
// RUN: morsel-opt %s --pass-pipeline='builtin.module(func.func(nn-partition-channels{chunks=2}),convert-nn-to-linalg)' | FileCheck %s --check-prefix=LOWERED

// Two clamps in a row: the lowering fuses one clamp per convolution, so the
// chain is refused and everything still lowers.
// CHECK-LABEL: func.func @main
// CHECK-NOT: nn.channel_partition
// LOWERED-NOT: nn.
func.func @main(%x: tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<96x1x1x8xf32> -> tensor<96x1x1x8xf32>
  %e = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x8xf32>, tensor<96x1x1x8xf32>) -> tensor<1x8x8x96xf32>
  %c1 = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x8x8x96xf32>
  %c2 = nn.clamp %c1 min = 1.0 max = 3.0 : tensor<1x8x8x96xf32>
  %w2 = nn.constant dense<0.5> : tensor<96x3x3x1xf32> -> tensor<96x3x3x1xf32>
  %d = nn.conv2d %c2, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 96 : (tensor<1x8x8x96xf32>, tensor<96x3x3x1xf32>) -> tensor<1x8x8x96xf32>
  %w3 = nn.constant dense<0.5> : tensor<8x1x1x96xf32> -> tensor<8x1x1x96xf32>
  %p = nn.conv2d %d, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x96xf32>, tensor<8x1x1x96xf32>) -> tensor<1x8x8x8xf32>
  return %p : tensor<1x8x8x8xf32>
}
