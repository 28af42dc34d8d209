// RUN: morsel-opt %s --convert-nn-to-linalg --split-input-file \
// RUN:   --mlir-print-elementsattrs-with-hex-if-larger=1000 | FileCheck %s

// Max pooling pads with -inf (padding never wins); the window loops take
// their range from a tensor.empty of the kernel shape.

// CHECK-DAG: #[[$IN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d4, d2 * 2 + d5, d3)>
// CHECK-DAG: #[[$WIN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
// CHECK-LABEL: func.func @max_pool_f32(
// CHECK-SAME: %[[X:.+]]: tensor<1x8x8x4xf32>
// CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[P:.+]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: tensor.yield %[[NEGINF]]
// CHECK: %[[K:.+]] = tensor.empty() : tensor<3x3xf32>
// CHECK: %[[INIT:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<1x4x4x4xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[$IN]], #[[$WIN]], {{.+}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%[[P]], %[[K]] : tensor<1x10x10x4xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x4x4x4xf32>)
// CHECK: arith.maximumf
func.func @max_pool_f32(%x: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %y = nn.max_pool2d %x kernel = [3, 3] strides = [2, 2] pad = [1, 1, 1, 1]
       : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// u8 max pooling pads with the storage minimum 0 and compares unsigned.

!q = !quant.uniform<u8:f32, 0.1:128>

// CHECK-LABEL: func.func @max_pool_u8(
// CHECK: %[[ZERO:.+]] = arith.constant 0 : i8
// CHECK: tensor.pad
// CHECK: tensor.yield %[[ZERO]] : i8
// CHECK: arith.maxui %{{.+}}, %{{.+}} : i8
func.func @max_pool_u8(%x: tensor<1x4x4x1x!q>) -> tensor<1x2x2x1x!q> {
  %y = nn.max_pool2d %x kernel = [2, 2] strides = [2, 2] pad = [0, 1, 0, 1]
       : tensor<1x4x4x1x!q> -> tensor<1x2x2x1x!q>
  return %y : tensor<1x2x2x1x!q>
}

// -----

// Quantized average pooling without count_include_pad: the input is padded
// with its zero point (contributing 0 after centering), and the divisor of
// each output position is a compile-time [oh, ow] table.

!q = !quant.uniform<i8:f32, 0.1:4>

// CHECK-DAG: #[[$COUNT:.+]] = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
// CHECK-LABEL: func.func @avg_pool_i8(
// CHECK: %[[ZP:.+]] = arith.constant 4 : i8
// CHECK: tensor.pad
// CHECK: tensor.yield %[[ZP]] : i8
// CHECK: %[[SUM:.+]] = linalg.generic
// CHECK: arith.subi
// CHECK: %[[COUNTS:.+]] = arith.constant dense<{{\[}}[4, 6, 4], [6, 9, 6], [4, 6, 4]]> : tensor<3x3xi32>
// CHECK: linalg.generic {indexing_maps = [{{.+}}, #[[$COUNT]], {{.+}}]{{.*}} ins(%[[SUM]], %[[COUNTS]] : tensor<1x3x3x2xi32>, tensor<3x3xi32>)
// CHECK: ^bb0(%[[ACC:.+]]: i32, %[[N:.+]]: i32, %{{.+}}: i8):
// CHECK: %[[HALF:.+]] = arith.divsi %[[N]], %{{.+}} : i32
// CHECK: %[[NEG:.+]] = arith.subi %{{.+}}, %[[HALF]] : i32
// CHECK: %[[R:.+]] = arith.select %{{.+}}, %[[HALF]], %[[NEG]] : i32
// CHECK: %[[T:.+]] = arith.addi %[[ACC]], %[[R]] : i32
// CHECK: arith.divsi %[[T]], %[[N]] : i32
func.func @avg_pool_i8(%x: tensor<1x5x5x2x!q>) -> tensor<1x3x3x2x!q> {
  %y = nn.avg_pool2d %x kernel = [3, 3] strides = [2, 2] pad = [1, 1, 1, 1]
         count_include_pad = false
       : tensor<1x5x5x2x!q> -> tensor<1x3x3x2x!q>
  return %y : tensor<1x3x3x2x!q>
}

// -----

// With count_include_pad the divisor is the constant K_h * K_w, and
// different scales add an MBQM.

!qi = !quant.uniform<i8:f32, 0.1:4>
!qo = !quant.uniform<i8:f32, 0.05:-2>

// CHECK-LABEL: func.func @avg_pool_i8_include_pad(
// CHECK: linalg.generic
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{[^,]+}} : tensor<1x2x2x1xi32>)
// CHECK: arith.constant 4 : i32
// CHECK: arith.divsi
// CHECK: arith.constant 1073741824 : i32
// CHECK: arith.constant 2 : i32
// CHECK: arith.muli %{{.+}}, %{{.+}} : i64
func.func @avg_pool_i8_include_pad(%x: tensor<1x3x3x1x!qi>) -> tensor<1x2x2x1x!qo> {
  %y = nn.avg_pool2d %x kernel = [2, 2] strides = [1, 1] pad = [0, 0, 0, 0]
         count_include_pad = true
       : tensor<1x3x3x1x!qi> -> tensor<1x2x2x1x!qo>
  return %y : tensor<1x2x2x1x!qo>
}

// -----

// CHECK-DAG: #[[$REDUCED:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3)>
// CHECK-LABEL: func.func @mean_keep_dims(
// CHECK: %[[SUM:.+]] = linalg.generic {indexing_maps = [{{.+}}, #[[$REDUCED]]], iterator_types = ["parallel", "reduction", "reduction", "parallel"]}
// CHECK: %[[MEAN:.+]] = linalg.generic {{.+}} ins(%[[SUM]] : tensor<1x3xf32>)
// CHECK: arith.constant 1.600000e+01 : f32
// CHECK: arith.divf
// CHECK: %[[E:.+]] = tensor.expand_shape %[[MEAN]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 1, 3] : tensor<1x3xf32> into tensor<1x1x1x3xf32>
// CHECK: return %[[E]]
func.func @mean_keep_dims(%x: tensor<1x4x4x3xf32>) -> tensor<1x1x1x3xf32> {
  %y = nn.mean %x axes = [1, 2] keep_dims = true
       : tensor<1x4x4x3xf32> -> tensor<1x1x1x3xf32>
  return %y : tensor<1x1x1x3xf32>
}

// -----

// Quantized mean: the multiplier s_in / (s_out * N) = 0.05 / (0.02 * 12).

!qi = !quant.uniform<i8:f32, 0.05:-4>
!qo = !quant.uniform<i8:f32, 0.02:3>

// CHECK-LABEL: func.func @mean_i8(
// CHECK-SAME: -> tensor<3xi8>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction", "parallel", "reduction"]
// CHECK: arith.extsi
// CHECK: arith.subi
// CHECK: arith.addi
// CHECK: linalg.generic
// CHECK: arith.constant 1789569707 : i32
// CHECK-NOT: tensor.expand_shape
func.func @mean_i8(%x: tensor<3x3x4x!qi>) -> tensor<3x!qo> {
  %y = nn.mean %x axes = [0, 2] keep_dims = false
       : tensor<3x3x4x!qi> -> tensor<3x!qo>
  return %y : tensor<3x!qo>
}

// -----

// Float softmax subtracts the row maximum before exp.

// CHECK-LABEL: func.func @softmax_f32(
// CHECK: %[[MAX:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]
// CHECK: arith.maximumf
// CHECK: %[[SUM:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]{{.*}} ins(%{{.+}}, %[[MAX]] :
// CHECK: arith.subf
// CHECK: arith.mulf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: linalg.generic {{.+}} ins(%{{.+}}, %[[MAX]], %[[SUM]] :
// CHECK: math.exp
// CHECK: arith.divf
func.func @softmax_f32(%x: tensor<2x10xf32>) -> tensor<2x10xf32> {
  %y = nn.softmax %x axis = 1 beta = 1.0 : tensor<2x10xf32> -> tensor<2x10xf32>
  return %y : tensor<2x10xf32>
}

// -----

// Quantized softmax: row maximum in i32, sum of E[mx - q] in i64 from a
// 256-entry Q20 table (E[0] = 2^20), then floor((E * K + sum * 2^15) /
// (sum * 2^16)) with K = round(2^16 / s_out) = 2^24.

!qi = !quant.uniform<i8:f32, 0.1:4>
!qo = !quant.uniform<i8:f32, 0.00390625:-128>

// CHECK-LABEL: func.func @softmax_i8(
// CHECK: %[[TABLE:.+]] = arith.constant dense<[1048576, {{.+}}]> : tensor<256xi32>
// CHECK: %[[MAX:.+]] = linalg.generic
// CHECK: arith.maxsi
// CHECK: %[[SUM:.+]] = linalg.generic {{.+}} outs(%{{.+}} : tensor<2xi64>)
// CHECK: tensor.extract %[[TABLE]]
// CHECK: linalg.generic {{.+}} ins(%{{.+}}, %[[MAX]], %[[SUM]] : tensor<2x5xi8>, tensor<2xi32>, tensor<2xi64>)
// CHECK: tensor.extract %[[TABLE]]
// CHECK: arith.constant 16777216 : i64
// CHECK: arith.constant 32768 : i64
// CHECK: arith.constant 65536 : i64
// CHECK: arith.floordivsi
func.func @softmax_i8(%x: tensor<2x5x!qi>) -> tensor<2x5x!qo> {
  %y = nn.softmax %x axis = 1 beta = 1.0 : tensor<2x5x!qi> -> tensor<2x5x!qo>
  return %y : tensor<2x5x!qo>
}
