// RUN: morsel-opt %s --convert-nn-to-linalg --split-input-file | FileCheck %s

// Quantized constants become storage-typed arith.constant ops (a u8 200 is
// kept as the bit pattern -56); f32 constants keep their value.

!q = !quant.uniform<u8:f32, 0.1:128>

// CHECK-LABEL: func.func @constants() -> (tensor<2xi8>, tensor<2xf32>)
// CHECK-DAG: %[[Q:.+]] = arith.constant dense<[-56, 3]> : tensor<2xi8>
// CHECK-DAG: %[[F:.+]] = arith.constant dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>
// CHECK: return %[[Q]], %[[F]]
func.func @constants() -> (tensor<2x!q>, tensor<2xf32>) {
  %q = nn.constant dense<[200, 3]> : tensor<2xi8> -> tensor<2x!q>
  %f = nn.constant dense<[0.5, -1.0]> : tensor<2xf32> -> tensor<2xf32>
  return %q, %f : tensor<2x!q>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @reshape(
// CHECK-SAME: %[[X:.+]]: tensor<2x3x4xi8>
// CHECK: %[[FLAT:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1, 2]] : tensor<2x3x4xi8> into tensor<24xi8>
// CHECK: %[[R:.+]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1, 2]] output_shape [4, 1, 6] : tensor<24xi8> into tensor<4x1x6xi8>
// CHECK: return %[[R]]
func.func @reshape(%x: tensor<2x3x4x!quant.uniform<i8:f32, 0.1>>)
    -> tensor<4x1x6x!quant.uniform<i8:f32, 0.1>> {
  %y = nn.reshape %x : tensor<2x3x4x!quant.uniform<i8:f32, 0.1>>
       -> tensor<4x1x6x!quant.uniform<i8:f32, 0.1>>
  return %y : tensor<4x1x6x!quant.uniform<i8:f32, 0.1>>
}

// -----

// CHECK-LABEL: func.func @reshape_to_scalar(
// CHECK: %[[FLAT:.+]] = tensor.collapse_shape %{{.+}} {{\[}}[0, 1]] : tensor<1x1xf32> into tensor<1xf32>
// CHECK: tensor.collapse_shape %[[FLAT]] [] : tensor<1xf32> into tensor<f32>
func.func @reshape_to_scalar(%x: tensor<1x1xf32>) -> tensor<f32> {
  %y = nn.reshape %x : tensor<1x1xf32> -> tensor<f32>
  return %y : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @transpose(
// CHECK-SAME: %[[X:.+]]: tensor<1x4x4x8xf32>
// CHECK: %[[E:.+]] = tensor.empty() : tensor<1x8x4x4xf32>
// CHECK: %[[T:.+]] = linalg.transpose ins(%[[X]] : tensor<1x4x4x8xf32>) outs(%[[E]] : tensor<1x8x4x4xf32>) permutation = [0, 3, 1, 2]
// CHECK: return %[[T]]
func.func @transpose(%x: tensor<1x4x4x8xf32>) -> tensor<1x8x4x4xf32> {
  %y = nn.transpose %x perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

!q = !quant.uniform<i8:f32, 0.1:-2>

// CHECK-LABEL: func.func @concat(
// CHECK-SAME: %[[A:.+]]: tensor<1x2x3xi8>, %[[B:.+]]: tensor<1x2x5xi8>
// CHECK: %[[C:.+]] = tensor.concat dim(2) %[[A]], %[[B]] : (tensor<1x2x3xi8>, tensor<1x2x5xi8>) -> tensor<1x2x8xi8>
// CHECK: return %[[C]]
func.func @concat(%a: tensor<1x2x3x!q>, %b: tensor<1x2x5x!q>) -> tensor<1x2x8x!q> {
  %y = nn.concat %a, %b axis = 2 : (tensor<1x2x3x!q>, tensor<1x2x5x!q>) -> tensor<1x2x8x!q>
  return %y : tensor<1x2x8x!q>
}

// -----

// CHECK-LABEL: func.func @slice(
// CHECK-SAME: %[[X:.+]]: tensor<2x7x6xf32>
// CHECK: %[[S:.+]] = tensor.extract_slice %[[X]][1, 1, 0] [1, 3, 2] [1, 2, 3] : tensor<2x7x6xf32> to tensor<1x3x2xf32>
// CHECK: return %[[S]]
func.func @slice(%x: tensor<2x7x6xf32>) -> tensor<1x3x2xf32> {
  %y = nn.slice %x offsets = [1, 1, 0] sizes = [1, 3, 2] strides = [1, 2, 3]
       : tensor<2x7x6xf32> -> tensor<1x3x2xf32>
  return %y : tensor<1x3x2xf32>
}

// -----

// CHECK-LABEL: func.func @pad_f32(
// CHECK: %[[V:.+]] = arith.constant 1.500000e+00 : f32
// CHECK: tensor.pad %{{.+}} low[0, 1] high[2, 0]
// CHECK: tensor.yield %[[V]] : f32
func.func @pad_f32(%x: tensor<2x3xf32>) -> tensor<4x4xf32> {
  %y = nn.pad %x low = [0, 1] high = [2, 0] value = 1.5 : tensor<2x3xf32> -> tensor<4x4xf32>
  return %y : tensor<4x4xf32>
}

// -----

// The pad value is quantized with the tensor's parameters:
// -2 + round(0.25 / 0.1) = 1.

// CHECK-LABEL: func.func @pad_i8(
// CHECK: %[[V:.+]] = arith.constant 1 : i8
// CHECK: tensor.yield %[[V]] : i8
func.func @pad_i8(%x: tensor<2x3x!quant.uniform<i8:f32, 0.1:-2>>)
    -> tensor<4x4x!quant.uniform<i8:f32, 0.1:-2>> {
  %y = nn.pad %x low = [0, 1] high = [2, 0] value = 0.25
       : tensor<2x3x!quant.uniform<i8:f32, 0.1:-2>>
      -> tensor<4x4x!quant.uniform<i8:f32, 0.1:-2>>
  return %y : tensor<4x4x!quant.uniform<i8:f32, 0.1:-2>>
}

// -----

// A pad value beyond the u8 range saturates to 255 (stored as -1).

// CHECK-LABEL: func.func @pad_u8_saturating(
// CHECK: %[[V:.+]] = arith.constant -1 : i8
// CHECK: tensor.yield %[[V]] : i8
func.func @pad_u8_saturating(%x: tensor<2x!quant.uniform<u8:f32, 0.1:200>>)
    -> tensor<3x!quant.uniform<u8:f32, 0.1:200>> {
  %y = nn.pad %x low = [1] high = [0] value = 10.0
       : tensor<2x!quant.uniform<u8:f32, 0.1:200>>
      -> tensor<3x!quant.uniform<u8:f32, 0.1:200>>
  return %y : tensor<3x!quant.uniform<u8:f32, 0.1:200>>
}

// -----

// A transpose read only by an element-wise operator is not materialized:
// the quantization reads the NCHW input through a permuted map and writes
// the NHWC int8 tensor directly.

// CHECK-DAG: #[[$NCHW:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d1, d2)>
// CHECK-DAG: #[[$NHWC:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @quantize_nchw_input
// CHECK-NOT: linalg.transpose
// CHECK: linalg.generic {indexing_maps = [#[[$NCHW]], #[[$NHWC]]]
// CHECK-SAME: ins(%{{.+}} : tensor<1x3x4x5xf32>) outs(%{{.+}} : tensor<1x4x5x3xi8>)
func.func @quantize_nchw_input(%x: tensor<1x3x4x5xf32>) -> tensor<1x4x5x3x!quant.uniform<i8:f32, 0.5:1>> {
  %t = nn.transpose %x perm = [0, 2, 3, 1] : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
  %q = nn.quantize %t : tensor<1x4x5x3xf32> -> tensor<1x4x5x3x!quant.uniform<i8:f32, 0.5:1>>
  return %q : tensor<1x4x5x3x!quant.uniform<i8:f32, 0.5:1>>
}

// -----

// A transpose with another user stays.

// CHECK-LABEL: func.func @transpose_also_returned
// CHECK: linalg.transpose
func.func @transpose_also_returned(%x: tensor<1x3x4x5xf32>) -> (tensor<1x4x5x3xf32>, tensor<1x4x5x3x!quant.uniform<i8:f32, 0.5:1>>) {
  %t = nn.transpose %x perm = [0, 2, 3, 1] : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
  %q = nn.quantize %t : tensor<1x4x5x3xf32> -> tensor<1x4x5x3x!quant.uniform<i8:f32, 0.5:1>>
  return %t, %q : tensor<1x4x5x3xf32>, tensor<1x4x5x3x!quant.uniform<i8:f32, 0.5:1>>
}
