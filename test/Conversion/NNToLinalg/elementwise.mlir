// RUN: morsel-opt %s --convert-nn-to-linalg --split-input-file \
// RUN:   --mlir-print-elementsattrs-with-hex-if-larger=1000 | FileCheck %s

// NumPy broadcasting: size-1 dimensions read index 0, missing leading
// dimensions are dropped from the operand's map.

// CHECK-DAG: #[[$LHS:.+]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG: #[[$RHS:.+]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @add_f32_broadcast(
// CHECK-SAME: %[[A:.+]]: tensor<3x1x5xf32>, %[[B:.+]]: tensor<4x1xf32>
// CHECK: %[[E:.+]] = tensor.empty() : tensor<3x4x5xf32>
// CHECK: %[[R:.+]] = linalg.generic {indexing_maps = [#[[$LHS]], #[[$RHS]], #[[$ID]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x1x5xf32>, tensor<4x1xf32>) outs(%[[E]] : tensor<3x4x5xf32>)
// CHECK: ^bb0(%[[X:.+]]: f32, %[[Y:.+]]: f32, %{{.+}}: f32):
// CHECK: %[[S:.+]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK: linalg.yield %[[S]]
// CHECK: return %[[R]]
func.func @add_f32_broadcast(%a: tensor<3x1x5xf32>, %b: tensor<4x1xf32>)
    -> tensor<3x4x5xf32> {
  %y = nn.add %a, %b : (tensor<3x1x5xf32>, tensor<4x1xf32>) -> tensor<3x4x5xf32>
  return %y : tensor<3x4x5xf32>
}

// -----

// CHECK-LABEL: func.func @mul_f32(
// CHECK: arith.mulf
func.func @mul_f32(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %y = nn.mul %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// TFLite's add: both operands are centred, shifted left by 20 and rescaled
// by MBQM; their sum is rescaled once more and saturated.

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qb = !quant.uniform<u8:f32, 0.1:128>
!qo = !quant.uniform<i8:f32, 0.11:-1>

// CHECK-LABEL: func.func @add_i8_u8(
// CHECK-SAME: %[[A:.+]]: tensor<2x3xi8>, %[[B:.+]]: tensor<3xi8>) -> tensor<2x3xi8>
// CHECK: linalg.generic {{.+}} ins(%[[A]], %[[B]] : tensor<2x3xi8>, tensor<3xi8>)
// CHECK: ^bb0(%[[X:.+]]: i8, %[[Y:.+]]: i8, %{{.+}}: i8):
// CHECK: %[[C20:.+]] = arith.constant 20 : i32
// CHECK: %[[XE:.+]] = arith.extsi %[[X]] : i8 to i32
// CHECK: %[[XC:.+]] = arith.subi %[[XE]], %{{.+}} : i32
// CHECK: arith.shli %[[XC]], %[[C20]] : i32
// CHECK: arith.constant 1073741824 : i32
// CHECK: %[[YE:.+]] = arith.extui %[[Y]] : i8 to i32
// CHECK: %[[YC:.+]] = arith.subi %[[YE]], %{{.+}} : i32
// CHECK: arith.shli %[[YC]], %[[C20]] : i32
// The sum is rescaled by 2 * 0.1 / (2^20 * 0.11) = 1952257862 * 2^(-19 - 31).
// CHECK: arith.constant 1952257862 : i32
// CHECK: arith.constant 19 : i32
// CHECK: arith.trunci %{{.+}} : i32 to i8
func.func @add_i8_u8(%a: tensor<2x3x!qa>, %b: tensor<3x!qb>) -> tensor<2x3x!qo> {
  %y = nn.add %a, %b : (tensor<2x3x!qa>, tensor<3x!qb>) -> tensor<2x3x!qo>
  return %y : tensor<2x3x!qo>
}

// -----

!qa = !quant.uniform<i8:f32, 0.05:-3>
!qo = !quant.uniform<i8:f32, 0.12:4>

// CHECK-LABEL: func.func @mul_i8(
// CHECK: ^bb0(%[[X:.+]]: i8, %[[Y:.+]]: i8, %{{.+}}: i8):
// CHECK: %[[XC:.+]] = arith.subi
// CHECK: %[[YC:.+]] = arith.subi
// CHECK: %[[P:.+]] = arith.muli %[[XC]], %[[YC]] : i32
// CHECK: arith.shli %[[P]]
// CHECK: arith.addi %{{.+}}, %{{.+}} : i64
// CHECK: arith.constant 4 : i32
// CHECK: arith.trunci %{{.+}} : i32 to i8
func.func @mul_i8(%a: tensor<4x!qa>, %b: tensor<4x!qa>) -> tensor<4x!qo> {
  %y = nn.mul %a, %b : (tensor<4x!qa>, tensor<4x!qa>) -> tensor<4x!qo>
  return %y : tensor<4x!qo>
}

// -----

// CHECK-LABEL: func.func @clamp_f32(
// CHECK: %[[LO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[M:.+]] = arith.maximumf %{{.+}}, %[[LO]] : f32
// CHECK: %[[HI:.+]] = arith.constant 6.000000e+00 : f32
// CHECK: arith.minimumf %[[M]], %[[HI]] : f32
func.func @clamp_f32(%x: tensor<8xf32>) -> tensor<8xf32> {
  %y = nn.clamp %x min = 0.0 max = 6.0 : tensor<8xf32>
  return %y : tensor<8xf32>
}

// -----

// Quantized bounds: lo = max(-128, -10 + round(0 / 0.05)) = -10,
// hi = min(127, -10 + round(6 / 0.05)) = 110.

!q = !quant.uniform<i8:f32, 0.05:-10>

// CHECK-LABEL: func.func @clamp_i8_relu6(
// CHECK: %[[W:.+]] = arith.extsi %{{.+}} : i8 to i32
// CHECK: %[[LO:.+]] = arith.constant -10 : i32
// CHECK: %[[M:.+]] = arith.maxsi %[[W]], %[[LO]] : i32
// CHECK: %[[HI:.+]] = arith.constant 110 : i32
// CHECK: %[[N:.+]] = arith.minsi %[[M]], %[[HI]] : i32
// CHECK: arith.trunci %[[N]] : i32 to i8
func.func @clamp_i8_relu6(%x: tensor<1x8x!q>) -> tensor<1x8x!q> {
  %y = nn.clamp %x min = 0.0 max = 6.0 : tensor<1x8x!q>
  return %y : tensor<1x8x!q>
}

// -----

// An infinite upper bound saturates to the storage maximum (255 for u8).

!q = !quant.uniform<u8:f32, 0.1:60>

// CHECK-LABEL: func.func @clamp_u8_relu(
// CHECK: arith.extui %{{.+}} : i8 to i32
// CHECK: arith.constant 60 : i32
// CHECK: arith.constant 255 : i32
func.func @clamp_u8_relu(%x: tensor<4x!q>) -> tensor<4x!q> {
  %y = nn.clamp %x min = 0.0 max = 0x7F800000 : tensor<4x!q>
  return %y : tensor<4x!q>
}

// -----

// CHECK-LABEL: func.func @sigmoid_f32(
// CHECK: %[[N:.+]] = arith.negf
// CHECK: %[[E:.+]] = math.exp %[[N]] : f32
// CHECK: %[[D:.+]] = arith.addf %{{.+}}, %[[E]] : f32
// CHECK: arith.divf %{{.+}}, %[[D]] : f32
func.func @sigmoid_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = nn.sigmoid %x : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// Quantized sigmoid reads a 256-entry table computed at compile time,
// indexed by the stored value + 128 for i8 storage. Its first entry is
// sigmoid(0.1 * (-128 - 0)) = 2.8e-6, quantized to -128; its last is
// sigmoid(12.7), 127.

!qi = !quant.uniform<i8:f32, 0.1>
!qo = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK-LABEL: func.func @sigmoid_i8(
// CHECK: %[[TABLE:.+]] = arith.constant dense<[-128, {{.+}}, 127]> : tensor<256xi8>
// CHECK: linalg.generic
// CHECK: ^bb0(%[[Q:.+]]: i8, %{{.+}}: i8):
// CHECK: %[[W:.+]] = arith.extsi %[[Q]] : i8 to i32
// CHECK: %[[C128:.+]] = arith.constant 128 : i32
// CHECK: %[[S:.+]] = arith.addi %[[W]], %[[C128]] : i32
// CHECK: %[[I:.+]] = arith.index_cast %[[S]] : i32 to index
// CHECK: %[[V:.+]] = tensor.extract %[[TABLE]][%[[I]]] : tensor<256xi8>
// CHECK: linalg.yield %[[V]] : i8
func.func @sigmoid_i8(%x: tensor<16x!qi>) -> tensor<16x!qo> {
  %y = nn.sigmoid %x : tensor<16x!qi> -> tensor<16x!qo>
  return %y : tensor<16x!qo>
}

// -----

// CHECK-LABEL: func.func @hard_sigmoid_f32(
// CHECK: %[[ALPHA:.+]] = arith.constant 2.000000e-01 : f32
// CHECK: %[[M:.+]] = arith.mulf %[[ALPHA]], %{{.+}} : f32
// CHECK: %[[BETA:.+]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[A:.+]] = arith.addf %[[M]], %[[BETA]] : f32
// CHECK: %[[U:.+]] = arith.minimumf %{{.+}}, %[[A]] : f32
// CHECK: arith.maximumf %{{.+}}, %[[U]] : f32
func.func @hard_sigmoid_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = nn.hard_sigmoid %x alpha = 0.2 beta = 0.5 : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// u8 storage indexes the table with the zero-extended value, no offset.
// Entry 0 is hard_sigmoid(0.05 * (0 - 128)) = 0 -> 0; entry 255 is 1 -> 255.

!qi = !quant.uniform<u8:f32, 0.05:128>
!qo = !quant.uniform<u8:f32, 0.0039215686274509803>

// CHECK-LABEL: func.func @hard_sigmoid_u8(
// CHECK: arith.constant dense<[0, {{.+}}, -1]> : tensor<256xi8>
// CHECK: arith.extui %{{.+}} : i8 to i32
// CHECK: arith.constant 0 : i32
// CHECK: tensor.extract
func.func @hard_sigmoid_u8(%x: tensor<4x!qi>) -> tensor<4x!qo> {
  %y = nn.hard_sigmoid %x alpha = 0.16666667 beta = 0.5
       : tensor<4x!qi> -> tensor<4x!qo>
  return %y : tensor<4x!qo>
}

// -----

// CHECK-LABEL: func.func @hard_swish_f32(
// CHECK: %[[X3:.+]] = arith.addf %[[X:.+]], %{{.+}} : f32
// CHECK: %[[R:.+]] = arith.maximumf %[[X3]], %{{.+}} : f32
// CHECK: %[[R6:.+]] = arith.minimumf %[[R]], %{{.+}} : f32
// CHECK: %[[P:.+]] = arith.mulf %[[X]], %[[R6]] : f32
// CHECK: arith.divf %[[P]], %{{.+}} : f32
func.func @hard_swish_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = nn.hard_swish %x : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

!qi = !quant.uniform<i8:f32, 0.045:-10>
!qo = !quant.uniform<i8:f32, 0.025:-100>

// CHECK-LABEL: func.func @hard_swish_i8(
// CHECK: arith.constant dense<{{.+}}> : tensor<256xi8>
// CHECK: tensor.extract
func.func @hard_swish_i8(%x: tensor<4x!qi>) -> tensor<4x!qo> {
  %y = nn.hard_swish %x : tensor<4x!qi> -> tensor<4x!qo>
  return %y : tensor<4x!qo>
}
