// RUN: morsel-translate --nn-to-reference-c %s --reference-c-entry=int8_block | FileCheck %s --check-prefix=INT8
// RUN: morsel-translate --nn-to-reference-c %s --reference-c-entry=float_outputs | FileCheck %s --check-prefix=FLOAT
// RUN: morsel-translate --nn-to-reference-c %s --reference-c-entry=views --reference-c-prefix=net | FileCheck %s --check-prefix=VIEW

// The C is valid C99 that compiles without a warning.
// RUN: morsel-translate --nn-to-reference-c %s --reference-c-entry=int8_block -o %t.int8.c
// RUN: morsel-translate --nn-to-reference-c %s --reference-c-entry=float_outputs -o %t.float.c
// RUN: morsel-translate --nn-to-reference-c %s --reference-c-entry=views -o %t.views.c
// RUN: clang-22 -std=c99 -Wall -Wextra -pedantic -Werror -fsyntax-only %t.int8.c
// RUN: clang-22 -std=c99 -Wall -Wextra -pedantic -Werror -fsyntax-only %t.float.c
// RUN: clang-22 -std=c99 -Wall -Wextra -pedantic -Werror -fsyntax-only %t.views.c

// An int8 block: conv (per-channel weights) with a fused ReLU6, depthwise
// conv (groups = channels), residual add, reshape (a view) and a
// fully-connected layer writing the output.

// INT8: arena: 96 bytes,
// INT8-NEXT: 16-byte aligned (MODEL_ARENA_BYTES in model.h)
// INT8: #include <stdint.h>
// INT8: static inline int32_t multiply_by_quantized_multiplier(int32_t x,
// INT8: static inline int32_t add_quantized_element(
// INT8: MORSEL_KERNEL void conv2d_s8(
// INT8-NEXT: const conv_params *params, const int8_t *input_data,
// INT8: acc += (filter_val + filter_offset) *
// INT8-NEXT: (input_val + params->input_offset);
// INT8: MORSEL_KERNEL void depthwise_conv2d_s8(
// INT8: MORSEL_KERNEL void add_s8(
// INT8: MORSEL_KERNEL void fully_connected_s8(

// Weights keep their stored integers; multipliers are QM(s_in s_w / s_out).
// INT8: static const int32_t [[$BIAS:w[0-9]+]][2] = {100, -100};
// INT8: static const int32_t op2_output_multiplier[2] = {1374389535, 1374389535};
// INT8: static const int32_t op2_output_shift[2] = {-7, -6};
// INT8-LABEL: static const conv_params op2 = {
// INT8: .stride_height = 2,
// INT8: .input_offset = 3,
// INT8: .output_offset = -5,
// The clamp [0, 6] on scale 0.1, zero point -5, becomes the activation.
// INT8: .output_activation_min = -5,
// INT8-NEXT: .output_activation_max = 55,
// INT8: static const int8_t [[$DW:w[0-9]+]][18] = {
// INT8-NEXT: 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -2, -3, -4, -5, -6, -7,
// INT8: static const int32_t op5_output_multiplier[2] = {2061584302, 2061584302};
// Add: both inputs to 2 max(s1, s2), shifted left by 20.
// INT8-LABEL: static const arithmetic_params op6 = {
// INT8: .left_shift = 20,
// INT8-NEXT: .input1_multiplier = 1073741824,
// INT8-NEXT: .input1_shift = -1,
// INT8-NEXT: .input2_multiplier = 1073741824,
// INT8-NEXT: .input2_shift = 0,
// INT8-NEXT: .output_multiplier = 1717986918,
// INT8-NEXT: .output_shift = -19,

// INT8-LABEL: void model_run(const int8_t *input0, int8_t *output0, void *arena) {
// INT8: int8_t *const [[CONV:t[0-9]+]] = (int8_t *)(scratch + 0); /* 1x4x4x2, 32 bytes, op2 to op6 */
// INT8: int8_t *const [[DEPTH:t[0-9]+]] = (int8_t *)(scratch + 32);
// INT8: int8_t *const [[SUM:t[0-9]+]] = (int8_t *)(scratch + 64);
// INT8: /* op2: nn.conv2d + nn.clamp, 1x8x8x4, 2x3x3x4, 2 -> 1x4x4x2 */
// INT8-NEXT: conv2d_s8(&op2, input0, {{w[0-9]+}}, [[$BIAS]], [[CONV]]);
// INT8: depthwise_conv2d_s8(&op5, [[CONV]], [[$DW]], NULL, [[DEPTH]]);
// INT8: add_s8(&op6, [[CONV]], [[DEPTH]], [[SUM]]);
// INT8-NOT: reshape
// INT8: fully_connected_s8(&op10, [[SUM]], {{w[0-9]+}}, {{w[0-9]+}}, output0);
// INT8-NEXT: }

func.func @int8_block(%x: tensor<1x8x8x4x!quant.uniform<i8:f32, 0.05:-3>>) -> tensor<1x10x!quant.uniform<i8:f32, 0.1:2>> {
  %w = nn.constant dense<1> : tensor<2x3x3x4xi8> -> tensor<2x3x3x4x!quant.uniform<i8:f32:0, {0.01, 0.02}>>
  %b = nn.constant dense<[100, -100]> : tensor<2xi32> -> tensor<2xi32>
  %c = nn.conv2d %x, %w, %b strides = [2, 2] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x8x4x!quant.uniform<i8:f32, 0.05:-3>>, tensor<2x3x3x4x!quant.uniform<i8:f32:0, {0.01, 0.02}>>, tensor<2xi32>) -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-5>>
  %r = nn.clamp %c min = 0.0 max = 6.0 : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-5>>
  %dw = nn.constant dense<[[[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]], [[[-1], [-2], [-3]], [[-4], [-5], [-6]], [[-7], [-8], [-9]]]]> : tensor<2x3x3x1xi8> -> tensor<2x3x3x1x!quant.uniform<i8:f32, 0.03>>
  %d = nn.conv2d %r, %dw strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 2 : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-5>>, tensor<2x3x3x1x!quant.uniform<i8:f32, 0.03>>) -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.2:1>>
  %a = nn.add %r, %d : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-5>>, tensor<1x4x4x2x!quant.uniform<i8:f32, 0.2:1>>) -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.25:-1>>
  %f = nn.reshape %a : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.25:-1>> -> tensor<1x32x!quant.uniform<i8:f32, 0.25:-1>>
  %fw = nn.constant dense<2> : tensor<10x32xi8> -> tensor<10x32x!quant.uniform<i8:f32, 0.004>>
  %fb = nn.constant dense<7> : tensor<10xi32> -> tensor<10xi32>
  %y = nn.fully_connected %f, %fw, %fb : (tensor<1x32x!quant.uniform<i8:f32, 0.25:-1>>, tensor<10x32x!quant.uniform<i8:f32, 0.004>>, tensor<10xi32>) -> tensor<1x10x!quant.uniform<i8:f32, 0.1:2>>
  return %y : tensor<1x10x!quant.uniform<i8:f32, 0.1:2>>
}

// Float, with a broadcasting add, a mean and a softmax; the outputs are an
// operator's result, a reshape of an intermediate (copied), an input and the
// first output again (copies at the end). Only the kernels used appear.

// FLOAT-NOT: conv2d
// FLOAT: static float reference_expf(float x) {
// FLOAT: MORSEL_KERNEL void broadcast_add_f32(
// FLOAT: MORSEL_KERNEL void mean_f32(
// FLOAT: MORSEL_KERNEL void softmax_f32(
// FLOAT: MORSEL_KERNEL void copy_f32(
// FLOAT: static const float [[$C:w[0-9]+]][4] = {1.0f, 0.5f, -2.0f, 3.0f};
// FLOAT-LABEL: static const arithmetic_params op1 = {
// FLOAT-NEXT: .output_dims = {1, 2, 3, 4},
// FLOAT-NEXT: .input1_strides = {24, 12, 4, 1},
// FLOAT-NEXT: .input2_strides = {4, 0, 0, 1},
// FLOAT-NEXT: .float_activation_min = -INFINITY,
// FLOAT-NEXT: .float_activation_max = INFINITY,
// FLOAT-LABEL: static const reduce_params op2 = {
// FLOAT-NEXT: .outer = 2,
// FLOAT-NEXT: .depth = 3,
// FLOAT-NEXT: .inner = 4,

// FLOAT-LABEL: void model_run(const float *input0, const float *input1, float *output0, float *output1, float *output2, float *output3, void *arena) {
// FLOAT: float *const [[SUM:t[0-9]+]] = (float *)(scratch + 0); /* 2x3x4, 96 bytes, op1 to op4 */
// FLOAT: float *const [[MEAN:t[0-9]+]] = (float *)(scratch + 96);
// FLOAT: broadcast_add_f32(&op1, input0, [[$C]], [[SUM]]);
// FLOAT: mean_f32(&op2, [[SUM]], [[MEAN]]);
// FLOAT: softmax_f32(&op3, [[MEAN]], output0);
// FLOAT: copy_f32(24, [[SUM]], output1);
// FLOAT: /* Outputs that no operator writes. */
// FLOAT-NEXT: copy_f32(4, input1, output2);
// FLOAT-NEXT: copy_f32(8, output0, output3);
func.func @float_outputs(%x: tensor<2x3x4xf32>, %y: tensor<4xf32>) -> (tensor<2x4xf32>, tensor<12x2xf32>, tensor<4xf32>, tensor<2x4xf32>) {
  %c = nn.constant dense<[1.0, 0.5, -2.0, 3.0]> : tensor<4xf32> -> tensor<4xf32>
  %a = nn.add %x, %c : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  %m = nn.mean %a axes = [1] keep_dims = false : tensor<2x3x4xf32> -> tensor<2x4xf32>
  %s = nn.softmax %m axis = 1 beta = 1.0 : tensor<2x4xf32> -> tensor<2x4xf32>
  %r = nn.reshape %a : tensor<2x3x4xf32> -> tensor<12x2xf32>
  return %s, %r, %y, %s : tensor<2x4xf32>, tensor<12x2xf32>, tensor<4xf32>, tensor<2x4xf32>
}

// No intermediate tensor: no arena use. A reshape of an input is a view.

// VIEW-LABEL: void net_run(const uint8_t *input0, uint8_t *output0, void *arena) {
// VIEW-NEXT: (void)arena;
// VIEW: clamp_u8(6, 128, 188, input0, output0);
func.func @views(%x: tensor<2x3x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<6x!quant.uniform<u8:f32, 0.1:128>> {
  %r = nn.reshape %x : tensor<2x3x!quant.uniform<u8:f32, 0.1:128>> -> tensor<6x!quant.uniform<u8:f32, 0.1:128>>
  %c = nn.clamp %r min = 0.0 max = 6.0 : tensor<6x!quant.uniform<u8:f32, 0.1:128>>
  return %c : tensor<6x!quant.uniform<u8:f32, 0.1:128>>
}
