// RUN: %mlir_opt_upstream --load-dialect-plugin=%morsel_plugin %s --verify-diagnostics -o /dev/null

// The verifiers run inside upstream mlir-opt too.
func.func @verified_by_upstream(%x: tensor<1x8x8x6xf32>, %w: tensor<8x3x3x4xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{expects filter input channels (4) x groups (2) to equal input channels (6)}}
  %y = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 2
       : (tensor<1x8x8x6xf32>, tensor<8x3x3x4xf32>) -> tensor<1x6x6x8xf32>
  return %y : tensor<1x6x6x8xf32>
}
