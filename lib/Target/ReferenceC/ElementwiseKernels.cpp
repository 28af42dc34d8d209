//===- ElementwiseKernels.cpp - Element-wise reference kernels ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Add, mul, clamp, activation functions and the quantization operators as
// C templates, in the style of TFLite Micro's reference kernels and with the
// integer rules of docs/quantization.md.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include <iterator>

using namespace morsel;
using namespace morsel::referencec;

//===----------------------------------------------------------------------===//
// Arithmetic and activations
//===----------------------------------------------------------------------===//

static constexpr llvm::StringLiteral kAddQuantized = R"c(
/* reference_integer_ops::AddElementwise. */
MORSEL_KERNEL void {NAME}(
    const arithmetic_params *params, const {L} *input1_data,
    const {R} *input2_data, {Y} *output_data) {
  for (int32_t i = 0; i < params->size; ++i)
    output_data[i] =
        ({Y})add_quantized_element(params, input1_data[i], input2_data[i]);
}
)c";

static constexpr llvm::StringLiteral kAddFloat = R"c(
/* reference_ops::Add. */
MORSEL_KERNEL void {NAME}(
    const arithmetic_params *params, const float *input1_data,
    const float *input2_data, float *output_data) {
  for (int32_t i = 0; i < params->size; ++i)
    output_data[i] = activation_with_min_max(
        input1_data[i] + input2_data[i], params->float_activation_min,
        params->float_activation_max);
}
)c";

static constexpr llvm::StringLiteral kBroadcastAddQuantized = R"c(
/* reference_integer_ops::BroadcastAdd4DSlow. */
MORSEL_KERNEL void {NAME}(
    const arithmetic_params *params, const {L} *input1_data,
    const {R} *input2_data, {Y} *output_data) {
  const int32_t *dims = params->output_dims;
  const int32_t *s1 = params->input1_strides;
  const int32_t *s2 = params->input2_strides;
  int32_t out = 0;
  for (int32_t b = 0; b < dims[0]; ++b)
    for (int32_t y = 0; y < dims[1]; ++y)
      for (int32_t x = 0; x < dims[2]; ++x)
        for (int32_t c = 0; c < dims[3]; ++c)
          output_data[out++] = ({Y})add_quantized_element(
              params,
              input1_data[b * s1[0] + y * s1[1] + x * s1[2] + c * s1[3]],
              input2_data[b * s2[0] + y * s2[1] + x * s2[2] + c * s2[3]]);
}
)c";

static constexpr llvm::StringLiteral kBroadcastAddFloat = R"c(
/* reference_ops::BroadcastAdd4DSlow. */
MORSEL_KERNEL void {NAME}(
    const arithmetic_params *params, const float *input1_data,
    const float *input2_data, float *output_data) {
  const int32_t *dims = params->output_dims;
  const int32_t *s1 = params->input1_strides;
  const int32_t *s2 = params->input2_strides;
  int32_t out = 0;
  for (int32_t b = 0; b < dims[0]; ++b)
    for (int32_t y = 0; y < dims[1]; ++y)
      for (int32_t x = 0; x < dims[2]; ++x)
        for (int32_t c = 0; c < dims[3]; ++c)
          output_data[out++] = activation_with_min_max(
              input1_data[b * s1[0] + y * s1[1] + x * s1[2] + c * s1[3]] +
                  input2_data[b * s2[0] + y * s2[1] + x * s2[2] + c * s2[3]],
              params->float_activation_min, params->float_activation_max);
}
)c";

static constexpr llvm::StringLiteral kMulQuantized = R"c(
/* reference_integer_ops::MulElementwise. */
MORSEL_KERNEL void {NAME}(
    const arithmetic_params *params, const {L} *input1_data,
    const {R} *input2_data, {Y} *output_data) {
  for (int32_t i = 0; i < params->size; ++i) {
    const int32_t input1_val = params->input1_offset + input1_data[i];
    const int32_t input2_val = params->input2_offset + input2_data[i];
    const int32_t unclamped_result =
        params->output_offset +
        multiply_by_quantized_multiplier(input1_val * input2_val,
                                         params->output_multiplier,
                                         params->output_shift);
    output_data[i] = ({Y})clamp_int32(unclamped_result,
                                      params->output_activation_min,
                                      params->output_activation_max);
  }
}
)c";

static constexpr llvm::StringLiteral kMulFloat = R"c(
/* reference_ops::Mul. */
MORSEL_KERNEL void {NAME}(
    const arithmetic_params *params, const float *input1_data,
    const float *input2_data, float *output_data) {
  for (int32_t i = 0; i < params->size; ++i)
    output_data[i] = activation_with_min_max(
        input1_data[i] * input2_data[i], params->float_activation_min,
        params->float_activation_max);
}
)c";

static constexpr llvm::StringLiteral kBroadcastMulQuantized = R"c(
/* reference_integer_ops::BroadcastMul4DSlow. */
MORSEL_KERNEL void {NAME}(
    const arithmetic_params *params, const {L} *input1_data,
    const {R} *input2_data, {Y} *output_data) {
  const int32_t *dims = params->output_dims;
  const int32_t *s1 = params->input1_strides;
  const int32_t *s2 = params->input2_strides;
  int32_t out = 0;
  for (int32_t b = 0; b < dims[0]; ++b)
    for (int32_t y = 0; y < dims[1]; ++y)
      for (int32_t x = 0; x < dims[2]; ++x)
        for (int32_t c = 0; c < dims[3]; ++c) {
          const int32_t input1_val =
              params->input1_offset +
              input1_data[b * s1[0] + y * s1[1] + x * s1[2] + c * s1[3]];
          const int32_t input2_val =
              params->input2_offset +
              input2_data[b * s2[0] + y * s2[1] + x * s2[2] + c * s2[3]];
          const int32_t unclamped_result =
              params->output_offset +
              multiply_by_quantized_multiplier(input1_val * input2_val,
                                               params->output_multiplier,
                                               params->output_shift);
          output_data[out++] = ({Y})clamp_int32(
              unclamped_result, params->output_activation_min,
              params->output_activation_max);
        }
}
)c";

static constexpr llvm::StringLiteral kBroadcastMulFloat = R"c(
/* reference_ops::BroadcastMul4DSlow. */
MORSEL_KERNEL void {NAME}(
    const arithmetic_params *params, const float *input1_data,
    const float *input2_data, float *output_data) {
  const int32_t *dims = params->output_dims;
  const int32_t *s1 = params->input1_strides;
  const int32_t *s2 = params->input2_strides;
  int32_t out = 0;
  for (int32_t b = 0; b < dims[0]; ++b)
    for (int32_t y = 0; y < dims[1]; ++y)
      for (int32_t x = 0; x < dims[2]; ++x)
        for (int32_t c = 0; c < dims[3]; ++c)
          output_data[out++] = activation_with_min_max(
              input1_data[b * s1[0] + y * s1[1] + x * s1[2] + c * s1[3]] *
                  input2_data[b * s2[0] + y * s2[1] + x * s2[2] + c * s2[3]],
              params->float_activation_min, params->float_activation_max);
}
)c";

static constexpr llvm::StringLiteral kClampQuantized = R"c(
/* A ReLU-style clamp of stored values to [lo, hi]. */
MORSEL_KERNEL void {NAME}(
    int32_t size, int32_t lo, int32_t hi, const {T} *input_data,
    {T} *output_data) {
  for (int32_t i = 0; i < size; ++i)
    output_data[i] = ({T})clamp_int32(input_data[i], lo, hi);
}
)c";

static constexpr llvm::StringLiteral kClampFloat = R"c(
/* A ReLU-style clamp to [lo, hi]. */
MORSEL_KERNEL void {NAME}(
    int32_t size, float lo, float hi, const float *input_data,
    float *output_data) {
  for (int32_t i = 0; i < size; ++i)
    output_data[i] = activation_with_min_max(input_data[i], lo, hi);
}
)c";

static constexpr llvm::StringLiteral kLookup = R"c(
/* A quantized activation function as a table of its 256 results, indexed by
   the stored input plus table_offset (128 for signed storage). */
MORSEL_KERNEL void {NAME}(
    int32_t size, const {Y} *table, int32_t table_offset,
    const {X} *input_data, {Y} *output_data) {
  for (int32_t i = 0; i < size; ++i)
    output_data[i] = table[input_data[i] + table_offset];
}
)c";

static constexpr llvm::StringLiteral kSigmoidFloat = R"c(
/* reference_ops::Logistic. */
MORSEL_KERNEL void {NAME}(
    int32_t size, const float *input_data, float *output_data) {
  for (int32_t i = 0; i < size; ++i)
    output_data[i] = 1.0f / (1.0f + reference_expf(-input_data[i]));
}
)c";

static constexpr llvm::StringLiteral kHardSigmoidFloat = R"c(
/* max(0, min(1, alpha * x + beta)), as ONNX HardSigmoid. */
MORSEL_KERNEL void {NAME}(
    int32_t size, float alpha, float beta, const float *input_data,
    float *output_data) {
  for (int32_t i = 0; i < size; ++i) {
    const float y = alpha * input_data[i] + beta;
    output_data[i] = y < 0.0f ? 0.0f : (y > 1.0f ? 1.0f : y);
  }
}
)c";

static constexpr llvm::StringLiteral kHardSwishFloat = R"c(
/* reference_ops::HardSwish: x * relu6(x + 3) / 6. */
MORSEL_KERNEL void {NAME}(
    int32_t size, const float *input_data, float *output_data) {
  for (int32_t i = 0; i < size; ++i) {
    const float x = input_data[i];
    const float relu6 = activation_with_min_max(x + 3.0f, 0.0f, 6.0f);
    output_data[i] = x * relu6 / 6.0f;
  }
}
)c";

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

static constexpr llvm::StringLiteral kQuantize = R"c(
/* ONNX QuantizeLinear: z + round_half_even(x / s), saturated. */
MORSEL_KERNEL void {NAME}(
    const channel_params *params, const float *input_data,
    {Y} *output_data) {
  int32_t i = 0;
  for (int32_t outer = 0; outer < params->outer; ++outer)
    for (int32_t channel = 0; channel < params->channels; ++channel)
      for (int32_t inner = 0; inner < params->inner; ++inner, ++i) {
        const int32_t q =
            round_half_even(input_data[i] / params->scale[channel]) +
            params->zero_point[channel];
        output_data[i] = ({Y})clamp_int32(q, params->output_activation_min,
                                          params->output_activation_max);
      }
}
)c";

static constexpr llvm::StringLiteral kDequantize = R"c(
/* reference_ops::Dequantize: (q - z) * s in float. */
MORSEL_KERNEL void {NAME}(
    const channel_params *params, const {X} *input_data,
    float *output_data) {
  int32_t i = 0;
  for (int32_t outer = 0; outer < params->outer; ++outer)
    for (int32_t channel = 0; channel < params->channels; ++channel)
      for (int32_t inner = 0; inner < params->inner; ++inner, ++i)
        output_data[i] = (float)(({ACC})input_data[i] -
                                 ({ACC})params->zero_point[channel]) *
                         params->scale[channel];
}
)c";

static constexpr llvm::StringLiteral kRequantize = R"c(
/* reference_ops::Requantize: z_out + (q - z_in) * s_in / s_out, saturated. */
MORSEL_KERNEL void {NAME}(
    const requantize_params *params, const {X} *input_data,
    {Y} *output_data) {
  for (int32_t i = 0; i < params->size; ++i) {
    int32_t acc = input_data[i] + params->input_offset;
    if (params->rescale)
      acc = multiply_by_quantized_multiplier(acc, params->output_multiplier,
                                             params->output_shift);
    acc += params->output_offset;
    output_data[i] = ({Y})clamp_int32(acc, params->output_activation_min,
                                      params->output_activation_max);
  }
}
)c";

//===----------------------------------------------------------------------===//
// Table
//===----------------------------------------------------------------------===//

static constexpr Piece kQuantizedAddNeeds[] = {Piece::KernelAttribute,
                                               Piece::QuantizedAdd};
static constexpr Piece kQuantizedArithmeticNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::FixedPoint,
    Piece::ArithmeticParams};
static constexpr Piece kFloatArithmeticNeeds[] = {
    Piece::KernelAttribute, Piece::FloatActivation, Piece::ArithmeticParams};
static constexpr Piece kIntegerClampNeeds[] = {Piece::KernelAttribute,
                                               Piece::IntegerClamp};
static constexpr Piece kFloatActivationNeeds[] = {Piece::KernelAttribute,
                                                  Piece::FloatActivation};
static constexpr Piece kPlainNeeds[] = {Piece::KernelAttribute};
static constexpr Piece kWithExpNeeds[] = {Piece::KernelAttribute, Piece::Exp};
static constexpr Piece kQuantizeNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::RoundHalfEven,
    Piece::ChannelParams};
static constexpr Piece kDequantizeNeeds[] = {Piece::KernelAttribute,
                                             Piece::ChannelParams};
static constexpr Piece kRequantizeNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::FixedPoint,
    Piece::RequantizeParams};

static const KernelInfo kKernels[] = {
    {Kernel::AddQuantized, "add", kAddQuantized, kQuantizedAddNeeds},
    {Kernel::AddFloat, "add", kAddFloat, kFloatArithmeticNeeds},
    {Kernel::BroadcastAddQuantized, "broadcast_add", kBroadcastAddQuantized,
     kQuantizedAddNeeds},
    {Kernel::BroadcastAddFloat, "broadcast_add", kBroadcastAddFloat,
     kFloatArithmeticNeeds},
    {Kernel::MulQuantized, "mul", kMulQuantized, kQuantizedArithmeticNeeds},
    {Kernel::MulFloat, "mul", kMulFloat, kFloatArithmeticNeeds},
    {Kernel::BroadcastMulQuantized, "broadcast_mul", kBroadcastMulQuantized,
     kQuantizedArithmeticNeeds},
    {Kernel::BroadcastMulFloat, "broadcast_mul", kBroadcastMulFloat,
     kFloatArithmeticNeeds},
    {Kernel::ClampQuantized, "clamp", kClampQuantized, kIntegerClampNeeds},
    {Kernel::ClampFloat, "clamp", kClampFloat, kFloatActivationNeeds},
    {Kernel::Lookup, "lookup", kLookup, kPlainNeeds},
    {Kernel::SigmoidFloat, "sigmoid", kSigmoidFloat, kWithExpNeeds},
    {Kernel::HardSigmoidFloat, "hard_sigmoid", kHardSigmoidFloat, kPlainNeeds},
    {Kernel::HardSwishFloat, "hard_swish", kHardSwishFloat,
     kFloatActivationNeeds},
    {Kernel::Quantize, "quantize", kQuantize, kQuantizeNeeds},
    {Kernel::Dequantize, "dequantize", kDequantize, kDequantizeNeeds},
    {Kernel::Requantize, "requantize", kRequantize, kRequantizeNeeds},
};

llvm::ArrayRef<KernelInfo> referencec::getElementwiseKernels() {
  return kKernels;
}
