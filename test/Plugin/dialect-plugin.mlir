// Debian's upstream mlir-opt loads Morsel's dialects from the plugin.
// RUN: %mlir_opt_upstream --load-dialect-plugin=%morsel_plugin --show-dialects | FileCheck %s --check-prefix=DIALECTS
// RUN: %mlir_opt_upstream --load-dialect-plugin=%morsel_plugin %s | FileCheck %s

// DIALECTS: Available Dialects:
// DIALECTS-SAME: nn

// CHECK-LABEL: func.func @parsed_by_upstream
// CHECK: nn.conv2d {{.*}} groups = 8
// CHECK: nn.clamp
func.func @parsed_by_upstream(%x: tensor<1x8x8x8x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x8x8x8x!quant.uniform<i8:f32, 0.1:-3>> {
  %w = nn.constant dense<1> : tensor<8x3x3x1xi8> -> tensor<8x3x3x1x!quant.uniform<i8:f32, 0.02>>
  %y = nn.conv2d %x, %w strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 8
       : (tensor<1x8x8x8x!quant.uniform<i8:f32, 0.1:-3>>, tensor<8x3x3x1x!quant.uniform<i8:f32, 0.02>>) -> tensor<1x8x8x8x!quant.uniform<i8:f32, 0.1:-3>>
  %r = nn.clamp %y min = 0.0 max = 6.0 : tensor<1x8x8x8x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x8x8x8x!quant.uniform<i8:f32, 0.1:-3>>
}
