// RUN: morsel-opt %s --convert-nn-to-linalg --split-input-file | FileCheck %s

// A float convolution pads with 0.0 (asymmetrically), starts from the bias
// and reduces over (kh, kw, ic) with strides and dilations in the input map.

// CHECK-DAG: #[[$BIAS:.+]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[$IN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 * 2 + d4 * 2, d2 + d5, d6)>
// CHECK-DAG: #[[$FILTER:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d3, d4, d5, d6)>
// CHECK-DAG: #[[$OUT:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_f32(
// CHECK-SAME: %[[X:.+]]: tensor<1x8x8x3xf32>, %[[W:.+]]: tensor<4x3x2x3xf32>, %[[B:.+]]: tensor<4xf32>) -> tensor<1x3x8x4xf32>
// CHECK: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[PADDED:.+]] = tensor.pad %[[X]] low[0, 1, 0, 0] high[0, 0, 1, 0]
// CHECK: tensor.yield %[[ZERO]] : f32
// CHECK: %[[INIT:.+]] = linalg.generic {indexing_maps = [#[[$BIAS]], {{.+}}]{{.*}} ins(%[[B]] : tensor<4xf32>)
// CHECK: %[[ACC:.+]] = linalg.generic {indexing_maps = [#[[$IN]], #[[$FILTER]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%[[PADDED]], %[[W]] : {{.+}}) outs(%[[INIT]] : tensor<1x3x8x4xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: return %[[ACC]]
func.func @conv_f32(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x2x3xf32>,
                    %b: tensor<4xf32>) -> tensor<1x3x8x4xf32> {
  %y = nn.conv2d %x, %w, %b strides = [2, 1] pad = [1, 0, 0, 1]
         dilations = [2, 1] groups = 1
       : (tensor<1x8x8x3xf32>, tensor<4x3x2x3xf32>, tensor<4xf32>)
      -> tensor<1x3x8x4xf32>
  return %y : tensor<1x3x8x4xf32>
}

// -----

// A depthwise convolution (groups = C_in, channel multiplier 2) reads input
// channel oc floordiv 2; without a bias the accumulator starts at zero.

// CHECK-DAG: #[[$IN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4, d2 + d5, d3 floordiv 2 + d6)>
// CHECK-LABEL: func.func @depthwise_f32(
// CHECK: %[[FILL:.+]] = linalg.fill
// CHECK: linalg.generic {indexing_maps = [#[[$IN]], {{.+}}]{{.*}} outs(%[[FILL]] :
func.func @depthwise_f32(%x: tensor<1x4x4x3xf32>, %w: tensor<6x3x3x1xf32>)
    -> tensor<1x2x2x6xf32> {
  %y = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0]
         dilations = [1, 1] groups = 3
       : (tensor<1x4x4x3xf32>, tensor<6x3x3x1xf32>) -> tensor<1x2x2x6xf32>
  return %y : tensor<1x2x2x6xf32>
}

// -----

// A grouped convolution: group g of output channel oc is oc floordiv 3 and
// reads input channels [2g, 2g + 2).

// CHECK-DAG: #[[$IN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4, d2 + d5, (d3 floordiv 3) * 2 + d6)>
// CHECK-LABEL: func.func @grouped_f32(
// CHECK: linalg.generic {indexing_maps = [#[[$IN]],
func.func @grouped_f32(%x: tensor<1x3x3x4xf32>, %w: tensor<6x1x1x2xf32>)
    -> tensor<1x3x3x6xf32> {
  %y = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0]
         dilations = [1, 1] groups = 2
       : (tensor<1x3x3x4xf32>, tensor<6x1x1x2xf32>) -> tensor<1x3x3x6xf32>
  return %y : tensor<1x3x3x6xf32>
}

// -----

// Quantized with constant weights: explicit loops, one i32 accumulator per
// output element, requantized at once. Pixels whose window lies inside the
// input start from the bias with the input zero point folded in
// (10 - (-3) * 9 = 37, -20 + 27 = 7) and multiply the raw input; border
// pixels clamp the window, start from the bias and subtract the zero point.

!qi = !quant.uniform<i8:f32, 0.05:-3>
!qo = !quant.uniform<i8:f32, 0.1:5>
!qw = !quant.uniform<i8:f32:0, {0.02, 0.03}>
!qb = !quant.uniform<i32:f32:0, {0.001, 0.0015}>

// CHECK-LABEL: func.func @conv_i8_per_channel(
// CHECK-SAME: %[[X:.+]]: tensor<1x5x5x2xi8>) -> tensor<1x3x3x2xi8>
// CHECK-NOT: tensor.pad
// CHECK: %[[W:.+]] = arith.constant dense<1> : tensor<2x3x3x1xi8>
// CHECK: %[[FOLDED:.+]] = arith.constant dense<[37, 7]> : tensor<2xi32>
// CHECK: %[[BIAS:.+]] = arith.constant dense<[10, -20]> : tensor<2xi32>
// CHECK: %[[MULT:.+]] = arith.constant dense<[1374389535, 2061584302]> : tensor<2xi32>
// CHECK: %[[Y:.+]] = scf.for %[[N:[a-z0-9_]+]] = {{.+}} iter_args({{.+}}) -> (tensor<1x3x3x2xi8>)
// CHECK: scf.for %[[OH:[a-z0-9_]+]] = {{.+}} -> (tensor<1x3x3x2xi8>)
// CHECK: scf.for %[[OW:[a-z0-9_]+]] = {{.+}} -> (tensor<1x3x3x2xi8>)
// CHECK: scf.if %{{.+}} -> (tensor<1x3x3x2xi8>)
// CHECK: scf.for %[[OC:[a-z0-9_]+]] = {{.+}} -> (tensor<1x3x3x2xi8>)
// CHECK: %[[ACC0:.+]] = tensor.extract %[[FOLDED]][%[[OC]]]
// CHECK: scf.for {{.+}} iter_args({{.+}} = %[[ACC0]]) -> (i32)
// CHECK: tensor.extract %[[X]]
// CHECK: tensor.extract %[[W]]
// CHECK: arith.muli {{.+}} : i32
// CHECK: arith.addi {{.+}} : i32
// CHECK: tensor.extract %[[MULT]][%[[OC]]]
// CHECK: arith.muli {{.+}} : i64
// CHECK: arith.divsi {{.+}} : i64
// CHECK: arith.trunci {{.+}} : i32 to i8
// CHECK: tensor.insert {{.+}}[%{{.+}}, %[[OH]], %[[OW]], %[[OC]]]
// CHECK: } else {
// CHECK: %[[ACC1:.+]] = tensor.extract %[[BIAS]]
// CHECK: scf.for {{.+}} iter_args({{.+}} = %[[ACC1]]) -> (i32)
// CHECK: %[[XV:.+]] = tensor.extract %[[X]]
// CHECK: %[[XE:.+]] = arith.extsi %[[XV]] : i8 to i32
// CHECK: arith.subi %[[XE]], %{{.+}} : i32
// CHECK: return %[[Y]] : tensor<1x3x3x2xi8>
func.func @conv_i8_per_channel(%x: tensor<1x5x5x2x!qi>) -> tensor<1x3x3x2x!qo> {
  %w = nn.constant dense<1> : tensor<2x3x3x1xi8> -> tensor<2x3x3x1x!qw>
  %b = nn.constant dense<[10, -20]> : tensor<2xi32> -> tensor<2x!qb>
  %y = nn.conv2d %x, %w, %b strides = [2, 2] pad = [1, 1, 0, 2]
         dilations = [1, 1] groups = 2
       : (tensor<1x5x5x2x!qi>, tensor<2x3x3x1x!qw>, tensor<2x!qb>)
      -> tensor<1x3x3x2x!qo>
  return %y : tensor<1x3x3x2x!qo>
}

// -----

// u8 activations and per-tensor weights: the input is zero-extended, the
// weights sign-extended, and one multiplier is an arith.constant.

!qu = !quant.uniform<u8:f32, 0.05:130>
!qw = !quant.uniform<i8:f32, 0.02>
!qo = !quant.uniform<u8:f32, 0.1:120>

// CHECK-LABEL: func.func @conv_u8_per_tensor(
// CHECK: linalg.generic
// CHECK: arith.extui %{{.+}} : i8 to i32
// CHECK: arith.extsi %{{.+}} : i8 to i32
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{[^,]+}} : tensor<1x1x1x2xi32>)
// CHECK: arith.constant 1374389535 : i32
// CHECK: arith.constant 0 : i32
// CHECK: arith.constant 255 : i32
// CHECK: arith.trunci {{.+}} : i32 to i8
func.func @conv_u8_per_tensor(%x: tensor<1x3x3x1x!qu>, %w: tensor<2x3x3x1x!qw>)
    -> tensor<1x1x1x2x!qo> {
  %y = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0]
         dilations = [1, 1] groups = 1
       : (tensor<1x3x3x1x!qu>, tensor<2x3x3x1x!qw>) -> tensor<1x1x1x2x!qo>
  return %y : tensor<1x1x1x2x!qo>
}

// -----

// CHECK-DAG: #[[$IN:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$W:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @fully_connected_f32(
// CHECK-SAME: %[[X:.+]]: tensor<2x8xf32>, %[[W:.+]]: tensor<3x8xf32>, %[[B:.+]]: tensor<3xf32>
// CHECK: %[[INIT:.+]] = linalg.generic {{.+}} ins(%[[B]] : tensor<3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[$IN]], #[[$W]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]], %[[W]] : tensor<2x8xf32>, tensor<3x8xf32>) outs(%[[INIT]] : tensor<2x3xf32>)
func.func @fully_connected_f32(%x: tensor<2x8xf32>, %w: tensor<3x8xf32>,
                               %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %y = nn.fully_connected %x, %w, %b
       : (tensor<2x8xf32>, tensor<3x8xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

!qi = !quant.uniform<i8:f32, 0.04:-7>
!qw = !quant.uniform<i8:f32, 0.015>
!qo = !quant.uniform<i8:f32, 0.1:2>

// CHECK-LABEL: func.func @fully_connected_i8(
// CHECK-SAME: %[[X:.+]]: tensor<1x4xi8>, %[[W:.+]]: tensor<2x4xi8>, %[[B:.+]]: tensor<2xi32>) -> tensor<1x2xi8>
// CHECK: %[[INIT:.+]] = linalg.generic {{.+}} ins(%[[B]] : tensor<2xi32>)
// CHECK: %[[ACC:.+]] = linalg.generic {{.+}} ins(%[[X]], %[[W]] : tensor<1x4xi8>, tensor<2x4xi8>) outs(%[[INIT]] : tensor<1x2xi32>)
// CHECK: linalg.generic {{.+}} ins(%[[ACC]] : tensor<1x2xi32>) outs(%{{.+}} : tensor<1x2xi8>)
func.func @fully_connected_i8(%x: tensor<1x4x!qi>, %w: tensor<2x4x!qw>,
                              %b: tensor<2xi32>) -> tensor<1x2x!qo> {
  %y = nn.fully_connected %x, %w, %b
       : (tensor<1x4x!qi>, tensor<2x4x!qw>, tensor<2xi32>) -> tensor<1x2x!qo>
  return %y : tensor<1x2x!qo>
}

// -----

// A clamp that is the only user of a convolution with constant weights is
// fused into its output: ReLU6 in storage units is [z, z + 6 / s] =
// [-128, -68], so the output saturates to that range and no nn.clamp
// remains.

!qi = !quant.uniform<i8:f32, 0.05:-3>
!qo = !quant.uniform<i8:f32, 0.1:-128>
!qw = !quant.uniform<i8:f32, 0.02>

// CHECK-LABEL: func.func @conv_relu6_i8(
// CHECK: scf.for
// CHECK: %[[MAX:.+]] = arith.maxsi %{{.+}}, %c-128_i32{{.*}} : i32
// CHECK: %[[HI:.+]] = arith.constant -68 : i32
// CHECK: %[[MIN:.+]] = arith.minsi %[[MAX]], %[[HI]] : i32
// CHECK: arith.trunci %[[MIN]] : i32 to i8
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @conv_relu6_i8(%x: tensor<1x2x2x1x!qi>) -> tensor<1x2x2x1x!qo> {
  %w = nn.constant dense<3> : tensor<1x1x1x1xi8> -> tensor<1x1x1x1x!qw>
  %y = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0]
         dilations = [1, 1] groups = 1
       : (tensor<1x2x2x1x!qi>, tensor<1x1x1x1x!qw>) -> tensor<1x2x2x1x!qo>
  %r = nn.clamp %y min = 0.0 max = 6.0 : tensor<1x2x2x1x!qo>
  return %r : tensor<1x2x2x1x!qo>
}

// -----

// f32: the fused clamp is maximumf then minimumf on the accumulator.

// CHECK-LABEL: func.func @fc_relu_f32(
// CHECK: scf.for
// CHECK: %[[MAX:.+]] = arith.maximumf %{{.+}}, %{{.+}} : f32
// CHECK: arith.minimumf %[[MAX]], %{{.+}} : f32
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @fc_relu_f32(%x: tensor<1x2xf32>) -> tensor<1x3xf32> {
  %w = nn.constant dense<1.0> : tensor<3x2xf32> -> tensor<3x2xf32>
  %y = nn.fully_connected %x, %w : (tensor<1x2xf32>, tensor<3x2xf32>) -> tensor<1x3xf32>
  %r = nn.clamp %y min = 0.0 max = 3.4e38 : tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}
