// RUN: morsel-opt %s --nn-optimize-layout --split-input-file | FileCheck %s

// Inverse transposes cancel; other consecutive transposes compose into one.

// CHECK-LABEL: func.func @cancel_and_compose
// CHECK-SAME: (%[[X:.+]]: tensor<1x2x3x4xf32>)
func.func @cancel_and_compose(%x: tensor<1x2x3x4xf32>) -> (tensor<1x2x3x4xf32>, tensor<1x4x3x2xf32>) {
  // CHECK: %[[T:.+]] = nn.transpose %[[X]] perm = [0, 3, 2, 1]
  // CHECK-NOT: nn.transpose
  // CHECK: return %[[X]], %[[T]]
  %0 = nn.transpose %x perm = [0, 2, 3, 1] : tensor<1x2x3x4xf32> -> tensor<1x3x4x2xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x3x4x2xf32> -> tensor<1x2x3x4xf32>
  %2 = nn.transpose %0 perm = [0, 2, 1, 3] : tensor<1x3x4x2xf32> -> tensor<1x4x3x2xf32>
  return %1, %2 : tensor<1x2x3x4xf32>, tensor<1x4x3x2xf32>
}

// -----

// A transpose of a constant becomes a permuted constant.

// CHECK-LABEL: func.func @fold_constant
func.func @fold_constant() -> tensor<3x2xf32> {
  // CHECK: %[[C:.+]] = nn.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
  // CHECK-NOT: nn.transpose
  // CHECK: return %[[C]]
  %c = nn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %0 = nn.transpose %c perm = [1, 0] : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// QDQ weights: the OIHW -> OHWI transpose of a dequantized per-channel
// constant folds into the constant; the quantized dimension stays 0.

// CHECK-LABEL: func.func @fold_dequantized_weights
func.func @fold_dequantized_weights() -> tensor<2x1x2x2xf32> {
  // CHECK: %[[W:.+]] = nn.constant dense<{{\[}}[{{\[}}[1, 3], [2, 4]]], [{{\[}}[5, 7], [6, 8]]]]> : tensor<2x1x2x2xi8> -> tensor<2x1x2x2x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>
  // CHECK: %[[D:.+]] = nn.dequantize %[[W]]
  // CHECK-NOT: nn.transpose
  // CHECK: return %[[D]]
  %w = nn.constant dense<[[[[1, 2]], [[3, 4]]], [[[5, 6]], [[7, 8]]]]> : tensor<2x2x1x2xi8> -> tensor<2x2x1x2x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  %d = nn.dequantize %w : tensor<2x2x1x2x!quant.uniform<i8:f32:0, {0.5, 0.25}>> -> tensor<2x2x1x2xf32>
  %t = nn.transpose %d perm = [0, 2, 3, 1] : tensor<2x2x1x2xf32> -> tensor<2x1x2x2xf32>
  return %t : tensor<2x1x2x2xf32>
}

// -----

// Unary element-wise ops and clamp run in NHWC between two convolutions.

// CHECK-LABEL: func.func @sink_through_unary
func.func @sink_through_unary(%x: tensor<1x4x4x8xf32>, %w: tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK: %[[C0:.+]] = nn.conv2d
  // CHECK-NEXT: %[[R:.+]] = nn.clamp %[[C0]] min = 0.000000e+00 max = 6.000000e+00 : tensor<1x4x4x8xf32>
  // CHECK-NEXT: %[[S:.+]] = nn.hard_swish %[[R]] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  // CHECK-NEXT: %[[G:.+]] = nn.hard_sigmoid %[[S]] alpha = 2.000000e-01 beta = 5.000000e-01 : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  // CHECK-NEXT: %[[L:.+]] = nn.sigmoid %[[G]] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  // CHECK-NEXT: %[[C1:.+]] = nn.conv2d %[[L]]
  // CHECK-NOT: nn.transpose
  // CHECK: return %[[C1]]
  %c0 = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %0 = nn.transpose %c0 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.clamp %0 min = 0.0 max = 6.0 : tensor<1x8x4x4xf32>
  %2 = nn.hard_swish %1 : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %3 = nn.hard_sigmoid %2 alpha = 0.2 beta = 0.5 : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %4 = nn.sigmoid %3 : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %5 = nn.transpose %4 perm = [0, 2, 3, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
  %c1 = nn.conv2d %5, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  return %c1 : tensor<1x4x4x8xf32>
}

// -----

// Quantize, dequantize and requantize of per-tensor activations move data
// only, so a transpose passes through them.

!qa = !quant.uniform<i8:f32, 0.1:-3>
!qb = !quant.uniform<i8:f32, 0.2:5>

// CHECK-LABEL: func.func @sink_through_quantization
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x8xf32>)
func.func @sink_through_quantization(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK-NEXT: %[[C:.+]] = nn.max_pool2d %[[X]]
  // CHECK-NEXT: %[[Q:.+]] = nn.quantize %[[C]] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>
  // CHECK-NEXT: %[[R:.+]] = nn.requantize %[[Q]] : tensor<1x4x4x8x!quant.uniform<i8:f32, 1.000000e-01:-3>> -> tensor<1x4x4x8x!quant.uniform<i8:f32, 2.000000e-01:5>>
  // CHECK-NEXT: %[[D:.+]] = nn.dequantize %[[R]]
  // CHECK-NEXT: return %[[D]]
  %0 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %2 = nn.quantize %1 : tensor<1x8x4x4xf32> -> tensor<1x8x4x4x!qa>
  %3 = nn.requantize %2 : tensor<1x8x4x4x!qa> -> tensor<1x8x4x4x!qb>
  %4 = nn.dequantize %3 : tensor<1x8x4x4x!qb> -> tensor<1x8x4x4xf32>
  %5 = nn.transpose %4 perm = [0, 2, 3, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
  return %5 : tensor<1x4x4x8xf32>
}

// -----

// Both operands carry the same transpose.

// CHECK-LABEL: func.func @sink_through_add_of_transposes
// CHECK-SAME: (%[[A:[^:]+]]: tensor<1x4x4x8xf32>, %[[B:[^:]+]]: tensor<1x4x4x8xf32>)
func.func @sink_through_add_of_transposes(%a: tensor<1x4x4x8xf32>, %b: tensor<1x4x4x8xf32>) -> tensor<1x8x4x4xf32> {
  // CHECK-NEXT: %[[RA:.+]] = nn.max_pool2d %[[A]]
  // CHECK-NEXT: %[[RB:.+]] = nn.max_pool2d %[[B]]
  // CHECK-NEXT: %[[S:.+]] = nn.add %[[RA]], %[[RB]] : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[S]] perm = [0, 3, 1, 2]
  // CHECK-NEXT: return %[[T]]
  %ra = nn.max_pool2d %a kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %rb = nn.max_pool2d %b kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %0 = nn.transpose %ra perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.transpose %rb perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %2 = nn.add %0, %1 : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %2 : tensor<1x8x4x4xf32>
}

// -----

// A [C, 1, 1] bias (NCHW broadcasting) is expanded to rank 4 and permuted to
// [1, 1, 1, C] at compile time; a splat scale of any rank follows too.

// CHECK-LABEL: func.func @sink_through_add_of_constant
func.func @sink_through_add_of_constant(%x: tensor<1x4x4x3xf32>, %w: tensor<3x1x1x3xf32>) -> tensor<1x4x4x3xf32> {
  // CHECK-DAG: %[[B:.+]] = nn.constant dense<{{\[}}[{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00]]]]> : tensor<1x1x1x3xf32> -> tensor<1x1x1x3xf32>
  // CHECK-DAG: %[[S:.+]] = nn.constant dense<5.000000e-01> : tensor<1x1x1x1xf32> -> tensor<1x1x1x1xf32>
  // CHECK: %[[C0:.+]] = nn.conv2d
  // CHECK-NEXT: %[[A:.+]] = nn.add %[[C0]], %[[B]] : (tensor<1x4x4x3xf32>, tensor<1x1x1x3xf32>) -> tensor<1x4x4x3xf32>
  // CHECK-NEXT: %[[M:.+]] = nn.mul %[[A]], %[[S]] : (tensor<1x4x4x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x4x4x3xf32>
  // CHECK-NEXT: %[[C1:.+]] = nn.conv2d %[[M]]
  // CHECK-NOT: nn.transpose
  %c0 = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x3xf32>, tensor<3x1x1x3xf32>) -> tensor<1x4x4x3xf32>
  %0 = nn.transpose %c0 perm = [0, 3, 1, 2] : tensor<1x4x4x3xf32> -> tensor<1x3x4x4xf32>
  %b = nn.constant dense<[[[1.0]], [[2.0]], [[3.0]]]> : tensor<3x1x1xf32> -> tensor<3x1x1xf32>
  %1 = nn.add %0, %b : (tensor<1x3x4x4xf32>, tensor<3x1x1xf32>) -> tensor<1x3x4x4xf32>
  %s = nn.constant dense<0.5> : tensor<1xf32> -> tensor<1xf32>
  %2 = nn.mul %s, %1 : (tensor<1xf32>, tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  %3 = nn.transpose %2 perm = [0, 2, 3, 1] : tensor<1x3x4x4xf32> -> tensor<1x4x4x3xf32>
  %c1 = nn.conv2d %3, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x3xf32>, tensor<3x1x1x3xf32>) -> tensor<1x4x4x3xf32>
  return %c1 : tensor<1x4x4x3xf32>
}

// -----

// Squeeze-and-excitation: the [1, C, 1, 1] gate is a smaller, broadcast
// value; the full-size transpose sinks below the multiplication and the
// gate takes the inverse, which moves up to the argument as a reshape (only
// unit dimensions move).

// CHECK-LABEL: func.func @sink_through_mul_of_broadcast_value
// CHECK-SAME: %[[GATE:[^:]+]]: tensor<1x8x1x1xf32>)
func.func @sink_through_mul_of_broadcast_value(%x: tensor<1x4x4x8xf32>, %w: tensor<8x1x1x8xf32>, %gate: tensor<1x8x1x1xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK: %[[C0:.+]] = nn.conv2d
  // CHECK: %[[G:.+]] = nn.reshape %[[GATE]] : tensor<1x8x1x1xf32> -> tensor<1x1x1x8xf32>
  // CHECK-NEXT: %[[S:.+]] = nn.sigmoid %[[G]] : tensor<1x1x1x8xf32>
  // CHECK-NEXT: %[[M:.+]] = nn.mul %[[C0]], %[[S]] : (tensor<1x4x4x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  // CHECK-NEXT: %[[C1:.+]] = nn.conv2d %[[M]]
  // CHECK-NOT: nn.transpose
  %c0 = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %0 = nn.transpose %c0 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %g = nn.sigmoid %gate : tensor<1x8x1x1xf32> -> tensor<1x8x1x1xf32>
  %1 = nn.mul %0, %g : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %2 = nn.transpose %1 perm = [0, 2, 3, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
  %c1 = nn.conv2d %2, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  return %c1 : tensor<1x4x4x8xf32>
}

// -----

// NCHW pads, slices and softmax axes are remapped to NHWC.

// CHECK-LABEL: func.func @sink_through_pad_slice_softmax
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x8xf32>)
func.func @sink_through_pad_slice_softmax(%x: tensor<1x4x4x8xf32>) -> tensor<1x3x6x6xf32> {
  // CHECK-NEXT: %[[C:.+]] = nn.max_pool2d %[[X]]
  // CHECK-NEXT: %[[P:.+]] = nn.pad %[[C]] low = [0, 1, 1, 0] high = [0, 1, 1, 0] value = 0.000000e+00 : tensor<1x4x4x8xf32> -> tensor<1x6x6x8xf32>
  // CHECK-NEXT: %[[S:.+]] = nn.slice %[[P]] offsets = [0, 0, 0, 2] sizes = [1, 6, 6, 3] strides = [1, 1, 1, 2] : tensor<1x6x6x8xf32> -> tensor<1x6x6x3xf32>
  // CHECK-NEXT: %[[M:.+]] = nn.softmax %[[S]] axis = 3 beta = 1.000000e+00 : tensor<1x6x6x3xf32> -> tensor<1x6x6x3xf32>
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[M]] perm = [0, 3, 1, 2]
  // CHECK-NEXT: return %[[T]]
  %0 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %2 = nn.pad %1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] value = 0.0 : tensor<1x8x4x4xf32> -> tensor<1x8x6x6xf32>
  %3 = nn.slice %2 offsets = [0, 2, 0, 0] sizes = [1, 3, 6, 6] strides = [1, 2, 1, 1] : tensor<1x8x6x6xf32> -> tensor<1x3x6x6xf32>
  %4 = nn.softmax %3 axis = 1 beta = 1.0 : tensor<1x3x6x6xf32> -> tensor<1x3x6x6xf32>
  return %4 : tensor<1x3x6x6xf32>
}

// -----

// A split along channels (one slice per part) and a concat along channels:
// every slice takes the transpose, so the shared one moves below them all.

// CHECK-LABEL: func.func @sink_through_split_and_concat
func.func @sink_through_split_and_concat(%x: tensor<1x4x4x8xf32>, %w: tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK: %[[C0:.+]] = nn.conv2d
  // CHECK-NEXT: %[[A:.+]] = nn.slice %[[C0]] offsets = [0, 0, 0, 0] sizes = [1, 4, 4, 4] strides = [1, 1, 1, 1]
  // CHECK-NEXT: %[[B:.+]] = nn.slice %[[C0]] offsets = [0, 0, 0, 4] sizes = [1, 4, 4, 4] strides = [1, 1, 1, 1]
  // CHECK-NEXT: %[[R:.+]] = nn.clamp %[[B]]
  // CHECK-NEXT: %[[J:.+]] = nn.concat %[[A]], %[[R]] axis = 3 : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x4x4x8xf32>
  // CHECK-NEXT: %[[C1:.+]] = nn.conv2d %[[J]]
  // CHECK-NOT: nn.transpose
  %c0 = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %0 = nn.transpose %c0 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.slice %0 offsets = [0, 0, 0, 0] sizes = [1, 4, 4, 4] strides = [1, 1, 1, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x4xf32>
  %2 = nn.slice %0 offsets = [0, 4, 0, 0] sizes = [1, 4, 4, 4] strides = [1, 1, 1, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x4xf32>
  %3 = nn.clamp %2 min = 0.0 max = 6.0 : tensor<1x4x4x4xf32>
  %4 = nn.concat %1, %3 axis = 1 : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x8x4x4xf32>
  %5 = nn.transpose %4 perm = [0, 2, 3, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
  %c1 = nn.conv2d %5, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  return %c1 : tensor<1x4x4x8xf32>
}

// -----

// Global average pooling in NCHW: axes [2, 3] become [1, 2]. With keep_dims
// the remaining transpose only moves unit dimensions (a reshape); without,
// the kept dimensions are already in order and no transpose remains.

// CHECK-LABEL: func.func @sink_through_mean
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x8xf32>)
func.func @sink_through_mean(%x: tensor<1x4x4x8xf32>) -> (tensor<1x8x1x1xf32>, tensor<1x8xf32>) {
  // CHECK-NEXT: %[[C:.+]] = nn.max_pool2d %[[X]]
  // CHECK-NEXT: %[[K:.+]] = nn.mean %[[C]] axes = [1, 2] keep_dims = true : tensor<1x4x4x8xf32> -> tensor<1x1x1x8xf32>
  // CHECK-NEXT: %[[KR:.+]] = nn.reshape %[[K]] : tensor<1x1x1x8xf32> -> tensor<1x8x1x1xf32>
  // CHECK-NEXT: %[[D:.+]] = nn.mean %[[C]] axes = [1, 2] keep_dims = false : tensor<1x4x4x8xf32> -> tensor<1x8xf32>
  // CHECK-NEXT: return %[[KR]], %[[D]]
  %0 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %2 = nn.mean %1 axes = [2, 3] keep_dims = true : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
  %3 = nn.mean %1 axes = [2, 3] keep_dims = false : tensor<1x8x4x4xf32> -> tensor<1x8xf32>
  return %2, %3 : tensor<1x8x1x1xf32>, tensor<1x8xf32>
}

// -----

// Without keep_dims, the order of the kept dimensions is derived: a mean
// over NCHW channels leaves [N, H, W], which in NHWC is already in order,
// while a mean over H of the source leaves a real transpose.

// CHECK-LABEL: func.func @mean_result_permutation
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x5x8xf32>)
func.func @mean_result_permutation(%x: tensor<1x4x5x8xf32>) -> (tensor<1x4x5xf32>, tensor<1x8x5xf32>) {
  // CHECK: %[[R:.+]] = nn.max_pool2d %[[X]]
  // CHECK: %[[C:.+]] = nn.mean %[[R]] axes = [3] keep_dims = false : tensor<1x4x5x8xf32> -> tensor<1x4x5xf32>
  // CHECK: %[[H:.+]] = nn.mean %[[R]] axes = [1] keep_dims = false : tensor<1x4x5x8xf32> -> tensor<1x5x8xf32>
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[H]] perm = [0, 2, 1] : tensor<1x5x8xf32> -> tensor<1x8x5xf32>
  // CHECK-NEXT: return %[[C]], %[[T]]
  %0 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x5x8xf32> -> tensor<1x4x5x8xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x4x5x8xf32> -> tensor<1x8x4x5xf32>
  %2 = nn.mean %1 axes = [1] keep_dims = false : tensor<1x8x4x5xf32> -> tensor<1x4x5xf32>
  %3 = nn.mean %1 axes = [2] keep_dims = false : tensor<1x8x4x5xf32> -> tensor<1x8x5xf32>
  return %2, %3 : tensor<1x4x5xf32>, tensor<1x8x5xf32>
}

// -----

// A transpose that only moves unit dimensions is a reshape; a flatten after
// it reads the source directly.

// CHECK-LABEL: func.func @unit_dims
// CHECK-SAME: (%[[X:.+]]: tensor<1x1x1x8xf32>)
func.func @unit_dims(%x: tensor<1x1x1x8xf32>) -> (tensor<1x8x1x1xf32>, tensor<1x8xf32>) {
  // CHECK-NEXT: %[[R:.+]] = nn.reshape %[[X]] : tensor<1x1x1x8xf32> -> tensor<1x8x1x1xf32>
  // CHECK-NEXT: %[[C:.+]] = nn.max_pool2d %[[X]]
  // CHECK-NEXT: %[[F:.+]] = nn.reshape %[[C]] : tensor<1x1x1x8xf32> -> tensor<1x8xf32>
  // CHECK-NEXT: return %[[R]], %[[F]]
  %0 = nn.transpose %x perm = [0, 3, 1, 2] : tensor<1x1x1x8xf32> -> tensor<1x8x1x1xf32>
  %1 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x1x1x8xf32> -> tensor<1x1x1x8xf32>
  %2 = nn.transpose %1 perm = [0, 3, 1, 2] : tensor<1x1x1x8xf32> -> tensor<1x8x1x1xf32>
  %3 = nn.reshape %2 : tensor<1x8x1x1xf32> -> tensor<1x8xf32>
  return %0, %3 : tensor<1x8x1x1xf32>, tensor<1x8xf32>
}

// -----

// ShuffleNet's channel shuffle in NCHW (reshape to [N, g, C/g, H, W],
// transpose the groups, reshape back) becomes the NHWC shuffle of the
// channel dimension alone.

// CHECK-LABEL: func.func @channel_shuffle
func.func @channel_shuffle(%x: tensor<1x4x4x8xf32>, %w: tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK: %[[C0:.+]] = nn.conv2d
  // CHECK-NEXT: %[[S:.+]] = nn.reshape %[[C0]] : tensor<1x4x4x8xf32> -> tensor<1x4x4x2x4xf32>
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[S]] perm = [0, 1, 2, 4, 3] : tensor<1x4x4x2x4xf32> -> tensor<1x4x4x4x2xf32>
  // CHECK-NEXT: %[[M:.+]] = nn.reshape %[[T]] : tensor<1x4x4x4x2xf32> -> tensor<1x4x4x8xf32>
  // CHECK-NEXT: %[[C1:.+]] = nn.conv2d %[[M]]
  // CHECK-NOT: nn.transpose
  %c0 = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %0 = nn.transpose %c0 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.reshape %0 : tensor<1x8x4x4xf32> -> tensor<1x2x4x4x4xf32>
  %2 = nn.transpose %1 perm = [0, 2, 1, 3, 4] : tensor<1x2x4x4x4xf32> -> tensor<1x4x2x4x4xf32>
  %3 = nn.reshape %2 : tensor<1x4x2x4x4xf32> -> tensor<1x8x4x4xf32>
  %4 = nn.transpose %3 perm = [0, 2, 3, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
  %c1 = nn.conv2d %4, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  return %c1 : tensor<1x4x4x8xf32>
}

// -----

// A reshape that merges H and W of NCHW merges them in NHWC too; the
// transpose of whole groups sinks on.

// CHECK-LABEL: func.func @sink_through_spatial_merge
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x4x8xf32>)
func.func @sink_through_spatial_merge(%x: tensor<1x4x4x8xf32>) -> tensor<1x8x16xf32> {
  // CHECK-NEXT: %[[P:.+]] = nn.max_pool2d %[[X]]
  // CHECK-NEXT: %[[R:.+]] = nn.reshape %[[P]] : tensor<1x4x4x8xf32> -> tensor<1x16x8xf32>
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[R]] perm = [0, 2, 1] : tensor<1x16x8xf32> -> tensor<1x8x16xf32>
  // CHECK-NEXT: return %[[T]]
  %0 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %2 = nn.reshape %1 : tensor<1x8x4x4xf32> -> tensor<1x8x16xf32>
  return %2 : tensor<1x8x16xf32>
}

// -----

// A constant input of a concat along channels is permuted with the rest.

// CHECK-LABEL: func.func @sink_through_concat_with_constant
// CHECK-SAME: (%[[X:.+]]: tensor<1x2x2x3xf32>)
func.func @sink_through_concat_with_constant(%x: tensor<1x2x2x3xf32>) -> tensor<1x4x2x2xf32> {
  // CHECK-DAG: %[[C:.+]] = nn.constant dense<{{\[}}[{{\[}}[1.000000e+00], [2.000000e+00]], {{\[}}[3.000000e+00], [4.000000e+00]]]]> : tensor<1x2x2x1xf32>
  // CHECK-DAG: %[[P:.+]] = nn.max_pool2d %[[X]]
  // CHECK: %[[J:.+]] = nn.concat %[[P]], %[[C]] axis = 3 : (tensor<1x2x2x3xf32>, tensor<1x2x2x1xf32>) -> tensor<1x2x2x4xf32>
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[J]] perm = [0, 3, 1, 2]
  // CHECK-NEXT: return %[[T]]
  %0 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x2x2x3xf32> -> tensor<1x2x2x3xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x2x2x3xf32> -> tensor<1x3x2x2xf32>
  %c = nn.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32> -> tensor<1x1x2x2xf32>
  %2 = nn.concat %1, %c axis = 1 : (tensor<1x3x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x4x2x2xf32>
  return %2 : tensor<1x4x2x2xf32>
}

// -----

// At a QDQ input, the transpose moves above quantize/dequantize and the
// input normalization (per-channel constants) to the argument, so that the
// dequantize feeds the convolution directly.

!qa = !quant.uniform<i8:f32, 0.1:-3>

// CHECK-LABEL: func.func @hoist_to_argument
// CHECK-SAME: (%[[X:.+]]: tensor<1x2x4x4xf32>
func.func @hoist_to_argument(%x: tensor<1x2x4x4xf32>, %w: tensor<8x1x1x2xf32>) -> tensor<1x4x4x8xf32> {
  // CHECK-DAG: %[[MEAN:.+]] = nn.constant dense<{{\[}}[{{\[}}[-5.000000e-01, -2.500000e-01]]]]> : tensor<1x1x1x2xf32>
  // CHECK-DAG: %[[STD:.+]] = nn.constant dense<{{\[}}[{{\[}}[2.000000e+00, 4.000000e+00]]]]> : tensor<1x1x1x2xf32>
  // CHECK: %[[T:.+]] = nn.transpose %[[X]] perm = [0, 2, 3, 1]
  // CHECK-NEXT: %[[A:.+]] = nn.add %[[T]], %[[MEAN]]
  // CHECK-NEXT: %[[M:.+]] = nn.mul %[[A]], %[[STD]]
  // CHECK-NEXT: %[[Q:.+]] = nn.quantize %[[M]] : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform
  // CHECK-NEXT: %[[D:.+]] = nn.dequantize %[[Q]]
  // CHECK-NEXT: nn.conv2d %[[D]]
  %mean = nn.constant dense<[[[-0.5]], [[-0.25]]]> : tensor<2x1x1xf32> -> tensor<2x1x1xf32>
  %std = nn.constant dense<[[[[2.0]], [[4.0]]]]> : tensor<1x2x1x1xf32> -> tensor<1x2x1x1xf32>
  %a = nn.add %x, %mean : (tensor<1x2x4x4xf32>, tensor<2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %m = nn.mul %a, %std : (tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %0 = nn.quantize %m : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!qa>
  %1 = nn.dequantize %0 : tensor<1x2x4x4x!qa> -> tensor<1x2x4x4xf32>
  %2 = nn.transpose %1 perm = [0, 2, 3, 1] : tensor<1x2x4x4xf32> -> tensor<1x4x4x2xf32>
  %c = nn.conv2d %2, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2xf32>, tensor<8x1x1x2xf32>) -> tensor<1x4x4x8xf32>
  return %c : tensor<1x4x4x8xf32>
}

// -----

// Negative cases: transposes that must stay.

// CHECK-LABEL: func.func @boundary_transposes_stay
// CHECK-SAME: (%[[X:.+]]: tensor<1x8x4x4xf32>
func.func @boundary_transposes_stay(%x: tensor<1x8x4x4xf32>, %w: tensor<8x1x1x8xf32>) -> tensor<1x8x4x4xf32> {
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[X]] perm = [0, 2, 3, 1]
  // CHECK-NEXT: %[[C:.+]] = nn.conv2d %[[T]]
  // CHECK-NEXT: %[[U:.+]] = nn.transpose %[[C]] perm = [0, 3, 1, 2]
  // CHECK-NEXT: return %[[U]]
  %0 = nn.transpose %x perm = [0, 2, 3, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
  %c = nn.conv2d %0, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %1 = nn.transpose %c perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  return %1 : tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @full_size_operand_stays
func.func @full_size_operand_stays(%x: tensor<1x4x4x8xf32>, %w: tensor<8x1x1x8xf32>) -> tensor<1x8x4x4xf32> {
  // An add with a full-size value computed in NCHW: moving the transpose
  // would only move it to the other operand.
  // CHECK: %[[C:.+]] = nn.conv2d
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[C]] perm = [0, 3, 1, 2]
  // CHECK: %[[A:.+]] = nn.add %[[T]], %{{.+}} : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>)
  // CHECK-NEXT: return %[[A]]
  %c = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %0 = nn.transpose %c perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %s = nn.constant dense<1.0> : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %n = nn.softmax %s axis = 1 beta = 1.0 : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.add %0, %n : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %1 : tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @shared_with_an_nhwc_operator
func.func @shared_with_an_nhwc_operator(%x: tensor<1x4x4x8xf32>, %w: tensor<8x1x1x8xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  // The transposed value is also returned: sinking it below the clamp would
  // leave two transposes instead of one.
  // CHECK: %[[C:.+]] = nn.conv2d
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[C]] perm = [0, 3, 1, 2]
  // CHECK-NEXT: %[[R:.+]] = nn.clamp %[[T]]
  // CHECK-NEXT: nn.max_pool2d %[[C]]
  %c = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %0 = nn.transpose %c perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.clamp %0 min = 0.0 max = 6.0 : tensor<1x8x4x4xf32>
  %2 = nn.transpose %0 perm = [0, 2, 3, 1] : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
  %3 = nn.max_pool2d %2 kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  %4 = nn.transpose %3 perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %5 = nn.add %1, %4 : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %5, %0 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @flatten_of_spatial_dims_stays
func.func @flatten_of_spatial_dims_stays(%x: tensor<1x4x4x8xf32>, %w: tensor<8x1x1x8xf32>) -> tensor<1x128xf32> {
  // Flattening NCHW with H, W > 1 orders the features differently from NHWC.
  // CHECK: %[[C:.+]] = nn.conv2d
  // CHECK-NEXT: %[[T:.+]] = nn.transpose %[[C]] perm = [0, 3, 1, 2]
  // CHECK-NEXT: nn.reshape %[[T]] : tensor<1x8x4x4xf32> -> tensor<1x128xf32>
  %c = nn.conv2d %x, %w strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %0 = nn.transpose %c perm = [0, 3, 1, 2] : tensor<1x4x4x8xf32> -> tensor<1x8x4x4xf32>
  %1 = nn.reshape %0 : tensor<1x8x4x4xf32> -> tensor<1x128xf32>
  return %1 : tensor<1x128xf32>
}

// CHECK-LABEL: func.func @per_axis_quantize_stays
func.func @per_axis_quantize_stays(%x: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01}>> {
  // A per-channel quantized result cannot be transposed (weights only).
  // CHECK: %[[T:.+]] = nn.transpose
  // CHECK-NEXT: nn.quantize %[[T]]
  %0 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %2 = nn.quantize %1 : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
  return %2 : tensor<1x2x2x2x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01}>>
}

!q = !quant.uniform<i8:f32, 0.5>

// CHECK-LABEL: func.func @large_shared_constant_stays
func.func @large_shared_constant_stays(%x: tensor<1x12x12x8x!q>) -> (tensor<1x8x12x12x!q>, tensor<8x12x12x!q>) {
  // A non-splat constant that another user reads is not copied when large.
  // CHECK: %[[T:.+]] = nn.transpose
  // CHECK-NEXT: nn.add %[[T]]
  %0 = nn.max_pool2d %x kernel = [1, 1] strides = [1, 1] pad = [0, 0, 0, 0] : tensor<1x12x12x8x!q> -> tensor<1x12x12x8x!q>
  %1 = nn.transpose %0 perm = [0, 3, 1, 2] : tensor<1x12x12x8x!q> -> tensor<1x8x12x12x!q>
  %c = nn.constant dense<"0x000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203040506000102030405060001020304050600010203"> : tensor<8x12x12xi8> -> tensor<8x12x12x!q>
  %2 = nn.add %1, %c : (tensor<1x8x12x12x!q>, tensor<8x12x12x!q>) -> tensor<1x8x12x12x!q>
  return %2, %c : tensor<1x8x12x12x!q>, tensor<8x12x12x!q>
}

// -----

// The MobileNetV2 inverted residual block as the ONNX importer emits it:
// expand 1x1 conv, folded batch norm as NCHW scale/shift, ReLU6, depthwise
// 3x3 conv, ReLU6, project 1x1 conv, residual add, global average pooling,
// flatten and the classifier. Only the input transpose remains.

// CHECK-LABEL: func.func @mobilenet_block
// CHECK-SAME: (%[[X:.+]]: tensor<1x4x8x8xf32>)
// CHECK-DAG: %[[SCALE:.+]] = nn.constant dense<{{\[}}[{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00, 8.000000e+00]]]]> : tensor<1x1x1x8xf32>
// CHECK-DAG: %[[SHIFT:.+]] = nn.constant dense<{{\[}}[{{\[}}[5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, -5.000000e-01, -5.000000e-01, -5.000000e-01, -5.000000e-01]]]]> : tensor<1x1x1x8xf32>
// CHECK: %[[T:.+]] = nn.transpose %[[X]] perm = [0, 2, 3, 1] : tensor<1x4x8x8xf32> -> tensor<1x8x8x4xf32>
// CHECK-NOT: nn.transpose
// CHECK: %[[E:.+]] = nn.conv2d %[[T]]
// CHECK-NOT: nn.transpose
// CHECK: %[[M:.+]] = nn.mul %[[E]], %[[SCALE]] : (tensor<1x8x8x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x8x8x8xf32>
// CHECK-NOT: nn.transpose
// CHECK: %[[A:.+]] = nn.add %[[M]], %[[SHIFT]] : (tensor<1x8x8x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x8x8x8xf32>
// CHECK-NOT: nn.transpose
// CHECK: %[[R0:.+]] = nn.clamp %[[A]]
// CHECK-NOT: nn.transpose
// CHECK: %[[D:.+]] = nn.conv2d %[[R0]]
// CHECK-SAME: groups = 8
// CHECK-NOT: nn.transpose
// CHECK: %[[R1:.+]] = nn.clamp %[[D]]
// CHECK-NOT: nn.transpose
// CHECK: %[[P:.+]] = nn.conv2d %[[R1]]
// CHECK-NOT: nn.transpose
// CHECK: %[[RES:.+]] = nn.add %[[P]], %[[T]] : (tensor<1x8x8x4xf32>, tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
// CHECK-NOT: nn.transpose
// CHECK: %[[GAP:.+]] = nn.mean %[[RES]] axes = [1, 2] keep_dims = true : tensor<1x8x8x4xf32> -> tensor<1x1x1x4xf32>
// CHECK-NOT: nn.transpose
// CHECK: %[[FLAT:.+]] = nn.reshape %[[GAP]] : tensor<1x1x1x4xf32> -> tensor<1x4xf32>
// CHECK-NOT: nn.transpose
// CHECK: %[[FC:.+]] = nn.fully_connected %[[FLAT]]
// CHECK-NOT: nn.transpose
// CHECK: return %[[FC]]
func.func @mobilenet_block(%x: tensor<1x4x8x8xf32>) -> tensor<1x10xf32> {
  %t0 = nn.transpose %x perm = [0, 2, 3, 1] : tensor<1x4x8x8xf32> -> tensor<1x8x8x4xf32>
  %w0 = nn.constant dense<0.25> : tensor<8x1x1x4xf32> -> tensor<8x1x1x4xf32>
  %c0 = nn.conv2d %t0, %w0 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x4xf32>, tensor<8x1x1x4xf32>) -> tensor<1x8x8x8xf32>
  %u0 = nn.transpose %c0 perm = [0, 3, 1, 2] : tensor<1x8x8x8xf32> -> tensor<1x8x8x8xf32>
  %scale = nn.constant dense<[[[1.0]], [[2.0]], [[3.0]], [[4.0]], [[5.0]], [[6.0]], [[7.0]], [[8.0]]]> : tensor<8x1x1xf32> -> tensor<8x1x1xf32>
  %m0 = nn.mul %u0, %scale : (tensor<1x8x8x8xf32>, tensor<8x1x1xf32>) -> tensor<1x8x8x8xf32>
  %shift = nn.constant dense<[[[[0.5]], [[0.5]], [[0.5]], [[0.5]], [[-0.5]], [[-0.5]], [[-0.5]], [[-0.5]]]]> : tensor<1x8x1x1xf32> -> tensor<1x8x1x1xf32>
  %a0 = nn.add %m0, %shift : (tensor<1x8x8x8xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x8x8xf32>
  %r0 = nn.clamp %a0 min = 0.0 max = 6.0 : tensor<1x8x8x8xf32>
  %t1 = nn.transpose %r0 perm = [0, 2, 3, 1] : tensor<1x8x8x8xf32> -> tensor<1x8x8x8xf32>
  %w1 = nn.constant dense<0.125> : tensor<8x3x3x1xf32> -> tensor<8x3x3x1xf32>
  %b1 = nn.constant dense<0.0> : tensor<8xf32> -> tensor<8xf32>
  %c1 = nn.conv2d %t1, %w1, %b1 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 8 : (tensor<1x8x8x8xf32>, tensor<8x3x3x1xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  %u1 = nn.transpose %c1 perm = [0, 3, 1, 2] : tensor<1x8x8x8xf32> -> tensor<1x8x8x8xf32>
  %r1 = nn.clamp %u1 min = 0.0 max = 6.0 : tensor<1x8x8x8xf32>
  %t2 = nn.transpose %r1 perm = [0, 2, 3, 1] : tensor<1x8x8x8xf32> -> tensor<1x8x8x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<4x1x1x8xf32> -> tensor<4x1x1x8xf32>
  %c2 = nn.conv2d %t2, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x8xf32>, tensor<4x1x1x8xf32>) -> tensor<1x8x8x4xf32>
  %u2 = nn.transpose %c2 perm = [0, 3, 1, 2] : tensor<1x8x8x4xf32> -> tensor<1x4x8x8xf32>
  %res = nn.add %u2, %x : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %gap = nn.mean %res axes = [2, 3] keep_dims = true : tensor<1x4x8x8xf32> -> tensor<1x4x1x1xf32>
  %flat = nn.reshape %gap : tensor<1x4x1x1xf32> -> tensor<1x4xf32>
  %wfc = nn.constant dense<0.1> : tensor<10x4xf32> -> tensor<10x4xf32>
  %bfc = nn.constant dense<0.0> : tensor<10xf32> -> tensor<10xf32>
  %fc = nn.fully_connected %flat, %wfc, %bfc : (tensor<1x4xf32>, tensor<10x4xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %fc : tensor<1x10xf32>
}

// -----

// The int8 QDQ form of a convolution with ReLU6: quantized input, per-channel
// OIHW weights behind dequantize and transpose, requantized output. Only the
// input and output transposes remain, outside the quantize/dequantize pairs.

!qa = !quant.uniform<i8:f32, 0.05:-10>
!qw = !quant.uniform<i8:f32:0, {0.01, 0.02}>
!qy = !quant.uniform<i8:f32, 0.025:-128>

// CHECK-LABEL: func.func @qdq_conv
// CHECK-SAME: (%[[X:.+]]: tensor<1x2x4x4xf32>)
// CHECK-DAG: %[[W:.+]] = nn.constant dense<{{\[}}[{{\[}}[1, 3], [2, 4]]], [{{\[}}[5, 7], [6, 8]]]]> : tensor<2x1x2x2xi8> -> tensor<2x1x2x2x!quant.uniform<i8:f32:0, {1.000000e-02,2.000000e-02}>>
// CHECK-DAG: %[[T:.+]] = nn.transpose %[[X]] perm = [0, 2, 3, 1] : tensor<1x2x4x4xf32> -> tensor<1x4x4x2xf32>
// CHECK-DAG: %[[XQ:.+]] = nn.quantize %[[T]] : tensor<1x4x4x2xf32>
// CHECK-DAG: %[[XD:.+]] = nn.dequantize %[[XQ]]
// CHECK-DAG: %[[WD:.+]] = nn.dequantize %[[W]]
// CHECK: %[[C:.+]] = nn.conv2d %[[XD]], %[[WD]]
// CHECK-NEXT: %[[R:.+]] = nn.clamp %[[C]] min = 0.000000e+00 max = 6.000000e+00 : tensor<1x4x3x2xf32>
// CHECK-NEXT: %[[YQ:.+]] = nn.quantize %[[R]] : tensor<1x4x3x2xf32>
// CHECK-NEXT: %[[YD:.+]] = nn.dequantize %[[YQ]]
// CHECK-NEXT: %[[U:.+]] = nn.transpose %[[YD]] perm = [0, 3, 1, 2] : tensor<1x4x3x2xf32> -> tensor<1x2x4x3xf32>
// CHECK-NEXT: return %[[U]]
func.func @qdq_conv(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x4x3xf32> {
  %xq = nn.quantize %x : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!qa>
  %xd = nn.dequantize %xq : tensor<1x2x4x4x!qa> -> tensor<1x2x4x4xf32>
  %xt = nn.transpose %xd perm = [0, 2, 3, 1] : tensor<1x2x4x4xf32> -> tensor<1x4x4x2xf32>
  %wq = nn.constant dense<[[[[1, 2]], [[3, 4]]], [[[5, 6]], [[7, 8]]]]> : tensor<2x2x1x2xi8> -> tensor<2x2x1x2x!qw>
  %wd = nn.dequantize %wq : tensor<2x2x1x2x!qw> -> tensor<2x2x1x2xf32>
  %wt = nn.transpose %wd perm = [0, 2, 3, 1] : tensor<2x2x1x2xf32> -> tensor<2x1x2x2xf32>
  %b = nn.constant dense<[0.5, -0.5]> : tensor<2xf32> -> tensor<2xf32>
  %c = nn.conv2d %xt, %wt, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x2xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x4x3x2xf32>
  %ct = nn.transpose %c perm = [0, 3, 1, 2] : tensor<1x4x3x2xf32> -> tensor<1x2x4x3xf32>
  %r = nn.clamp %ct min = 0.0 max = 6.0 : tensor<1x2x4x3xf32>
  %yq = nn.quantize %r : tensor<1x2x4x3xf32> -> tensor<1x2x4x3x!qy>
  %yd = nn.dequantize %yq : tensor<1x2x4x3x!qy> -> tensor<1x2x4x3xf32>
  return %yd : tensor<1x2x4x3xf32>
}
