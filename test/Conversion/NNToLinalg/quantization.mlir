// RUN: morsel-opt %s --convert-nn-to-linalg --split-input-file | FileCheck %s

// quantize divides in f32 and rounds half to even with integer operations
// only: truncate, compare the exact fraction with +-0.5, fix the parity.

// CHECK-LABEL: func.func @quantize_i8(
// CHECK-SAME: %[[X:.+]]: tensor<3x8xf32>) -> tensor<3x8xi8>
// CHECK: linalg.generic {{.+}} ins(%[[X]] : tensor<3x8xf32>)
// CHECK: ^bb0(%[[V:.+]]: f32, %{{.+}}: i8):
// CHECK: %[[S:.+]] = arith.constant 1.250000e-01 : f32
// CHECK: %[[Z:.+]] = arith.constant -3 : i32
// CHECK: %[[R:.+]] = arith.divf %[[V]], %[[S]] : f32
// CHECK: arith.cmpf ult
// CHECK: arith.cmpf ogt
// CHECK: %[[T:.+]] = arith.fptosi %{{.+}} : f32 to i32
// CHECK: %[[F:.+]] = arith.sitofp %[[T]] : i32 to f32
// CHECK: arith.subf %{{.+}}, %[[F]] : f32
// CHECK: arith.cmpf oeq
// CHECK: %[[Q:.+]] = arith.subi
// CHECK: %[[QZ:.+]] = arith.addi %[[Q]], %[[Z]] : i32
// CHECK: arith.maxsi %[[QZ]]
// CHECK: arith.trunci %{{.+}} : i32 to i8
// CHECK-NOT: math.roundeven
func.func @quantize_i8(%x: tensor<3x8xf32>) -> tensor<3x8x!quant.uniform<i8:f32, 0.125:-3>> {
  %y = nn.quantize %x : tensor<3x8xf32> -> tensor<3x8x!quant.uniform<i8:f32, 0.125:-3>>
  return %y : tensor<3x8x!quant.uniform<i8:f32, 0.125:-3>>
}

// -----

// Per-channel parameters (along dimension 1) enter as constant tensors.

// CHECK-DAG: #[[$CHANNEL:.+]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @quantize_per_channel(
// CHECK-DAG: %[[SCALES:.+]] = arith.constant dense<[2.500000e-01, 1.000000e-01, 3.000000e-02]> : tensor<3xf32>
// CHECK-DAG: %[[ZPS:.+]] = arith.constant dense<[1, -2, 0]> : tensor<3xi32>
// CHECK: linalg.generic {indexing_maps = [{{.+}}, #[[$CHANNEL]], #[[$CHANNEL]], {{.+}}]{{.*}} ins(%{{.+}}, %[[SCALES]], %[[ZPS]] :
// CHECK: ^bb0(%[[V:.+]]: f32, %[[S:.+]]: f32, %[[Z:.+]]: i32, %{{.+}}: i8):
// CHECK: arith.divf %[[V]], %[[S]] : f32
func.func @quantize_per_channel(%x: tensor<2x3x4xf32>)
    -> tensor<2x3x4x!quant.uniform<i8:f32:1, {0.25:1, 0.1:-2, 0.03}>> {
  %y = nn.quantize %x : tensor<2x3x4xf32>
       -> tensor<2x3x4x!quant.uniform<i8:f32:1, {0.25:1, 0.1:-2, 0.03}>>
  return %y : tensor<2x3x4x!quant.uniform<i8:f32:1, {0.25:1, 0.1:-2, 0.03}>>
}

// -----

// CHECK-LABEL: func.func @dequantize_u8(
// CHECK-SAME: %[[X:.+]]: tensor<4xi8>) -> tensor<4xf32>
// CHECK: ^bb0(%[[Q:.+]]: i8, %{{.+}}: f32):
// CHECK: %[[S:.+]] = arith.constant 5.000000e-02 : f32
// CHECK: %[[W:.+]] = arith.extui %[[Q]] : i8 to i32
// CHECK: %[[C:.+]] = arith.subi %[[W]], %{{.+}} : i32
// CHECK: %[[F:.+]] = arith.sitofp %[[C]] : i32 to f32
// CHECK: arith.mulf %[[F]], %[[S]] : f32
func.func @dequantize_u8(%x: tensor<4x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<4xf32> {
  %y = nn.dequantize %x : tensor<4x!quant.uniform<u8:f32, 0.05:128>> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// Equal scales: q - z_in + z_out, saturated, with no MBQM.

// CHECK-LABEL: func.func @requantize_u8_to_i8(
// CHECK: %[[W:.+]] = arith.extui %{{.+}} : i8 to i32
// CHECK: %[[C:.+]] = arith.subi %[[W]], %{{.+}} : i32
// CHECK-NOT: arith.muli
// CHECK: arith.addi %[[C]], %{{.+}} : i32
// CHECK: arith.maxsi
// CHECK: arith.minsi
// CHECK: arith.trunci
func.func @requantize_u8_to_i8(%x: tensor<4x!quant.uniform<u8:f32, 0.1:128>>)
    -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  %y = nn.requantize %x : tensor<4x!quant.uniform<u8:f32, 0.1:128>>
       -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %y : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

// Different scales: MBQM(q - z_in, 0.1 / 0.037), 0.1 / 0.037 =
// 1451002465 * 2^(2 - 31).

// CHECK-LABEL: func.func @requantize_rescale(
// CHECK: arith.subi
// CHECK: %[[M:.+]] = arith.constant 1451002465 : i32
// CHECK: %[[L:.+]] = arith.constant 2 : i32
// CHECK: %[[R:.+]] = arith.constant 0 : i32
// CHECK: arith.shli %{{.+}}, %[[L]] : i32
func.func @requantize_rescale(%x: tensor<4x!quant.uniform<i8:f32, 0.1:3>>)
    -> tensor<4x!quant.uniform<i8:f32, 0.037:-9>> {
  %y = nn.requantize %x : tensor<4x!quant.uniform<i8:f32, 0.1:3>>
       -> tensor<4x!quant.uniform<i8:f32, 0.037:-9>>
  return %y : tensor<4x!quant.uniform<i8:f32, 0.037:-9>>
}
