// Morsel's passes run inside Debian's upstream mlir-opt through the plugin.
// RUN: %mlir_opt_upstream --load-dialect-plugin=%morsel_plugin --load-pass-plugin=%morsel_plugin %s --pass-pipeline='builtin.module(nn-print-costs)' -o /dev/null 2>&1 | FileCheck %s

// CHECK-LABEL: nn costs of @fc
// CHECK-NEXT: nn.constant tensor<10x64xf32>  macs 0  in 0  weights 0  out 2560
// CHECK-NEXT: nn.fully_connected tensor<1x10xf32>  macs 640  in 256  weights 2560  out 40
// CHECK-NEXT: total: macs 640  weights 2560
func.func @fc(%x: tensor<1x64xf32>) -> tensor<1x10xf32> {
  %w = nn.constant dense<0.5> : tensor<10x64xf32> -> tensor<10x64xf32>
  %y = nn.fully_connected %x, %w : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
  return %y : tensor<1x10xf32>
}
