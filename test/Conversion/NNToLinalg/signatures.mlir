// RUN: morsel-opt %s --convert-nn-to-linalg | FileCheck %s

// Quantized types become their storage types in signatures, calls and
// returns; i8 and u8 both become i8.

!qi = !quant.uniform<i8:f32, 0.1:-3>
!qu = !quant.uniform<u8:f32, 0.1:128>

// CHECK-LABEL: func.func private @external(tensor<4xi8>) -> tensor<4xi8>
func.func private @external(tensor<4x!qu>) -> tensor<4x!qu>

// CHECK-LABEL: func.func @caller(
// CHECK-SAME: %[[X:.+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK: %[[Y:.+]] = call @external(%[[X]]) : (tensor<4xi8>) -> tensor<4xi8>
// CHECK: %[[Z:.+]] = linalg.generic {{.+}} ins(%[[Y]] : tensor<4xi8>)
// CHECK: return %[[Z]] : tensor<4xi8>
func.func @caller(%x: tensor<4x!qu>) -> tensor<4x!qi> {
  %y = call @external(%x) : (tensor<4x!qu>) -> tensor<4x!qu>
  %z = nn.requantize %y : tensor<4x!qu> -> tensor<4x!qi>
  return %z : tensor<4x!qi>
}

// CHECK-LABEL: func.func @untouched(
// CHECK-SAME: %{{.+}}: tensor<2xf32>, %{{.+}}: tensor<2xi32>) -> tensor<2xf32>
func.func @untouched(%x: tensor<2xf32>, %b: tensor<2xi32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
