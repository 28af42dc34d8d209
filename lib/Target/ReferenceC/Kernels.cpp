//===- Kernels.cpp - Shared C pieces and the kernel tables ----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The C that several reference kernels share: the fixed-point primitives of
// docs/quantization.md under TFLite's names, rounding for quantize, a libm-free
// exp, and one parameter struct per kernel family (TFLite's ConvParams,
// PoolParams, ArithmeticParams...), shapes included; and the lookup of a
// kernel in the tables of the *Kernels.cpp files.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include "llvm/Support/ErrorHandling.h"

using namespace morsel;
using namespace morsel::referencec;

static constexpr llvm::StringLiteral kKernelAttribute = R"c(
/* Kernels are compiled as TFLite Micro compiles its reference kernels:
   generic in every shape and parameter, never specialized for one call. */
#if defined(__GNUC__) && !defined(__clang__)
#define MORSEL_KERNEL static __attribute__((noipa))
#elif defined(__GNUC__)
#define MORSEL_KERNEL static __attribute__((noinline))
#else
#define MORSEL_KERNEL static
#endif
)c";

static constexpr llvm::StringLiteral kIntegerClamp = R"c(
/* TFLite's ActivationFunctionWithMinMax on integers. */
static inline int32_t clamp_int32(int32_t x, int32_t lo, int32_t hi) {
  x = x < lo ? lo : x;
  return x > hi ? hi : x;
}
)c";

static constexpr llvm::StringLiteral kFloatActivation = R"c(
/* TFLite's ActivationFunctionWithMinMax. */
static inline float activation_with_min_max(float x, float lo, float hi) {
  x = x < lo ? lo : x;
  return hi < x ? hi : x;
}
)c";

static constexpr llvm::StringLiteral kFixedPoint = R"c(
/* gemmlowp's SaturatingRoundingDoublingHighMul: round(a * b / 2^31), ties
   toward +infinity; the one overflow, INT32_MIN * INT32_MIN, saturates. */
static inline int32_t saturating_rounding_doubling_high_mul(int32_t a,
                                                            int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN)
    return INT32_MAX;
  const int64_t ab = (int64_t)a * (int64_t)b;
  const int64_t nudge =
      ab >= 0 ? (INT64_C(1) << 30) : (1 - (INT64_C(1) << 30));
  return (int32_t)((ab + nudge) / (INT64_C(1) << 31));
}

/* gemmlowp's RoundingDivideByPOT: x / 2^exponent, ties away from zero. */
static inline int32_t rounding_divide_by_pot(int32_t x, int32_t exponent) {
  const int32_t mask = (int32_t)((INT64_C(1) << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/* TFLite's MultiplyByQuantizedMultiplier: x * multiplier * 2^(shift - 31),
   the left shift wrapping in 32 bits. */
static inline int32_t multiply_by_quantized_multiplier(int32_t x,
                                                       int32_t multiplier,
                                                       int32_t shift) {
  const int32_t left_shift = shift > 0 ? shift : 0;
  const int32_t right_shift = shift > 0 ? 0 : -shift;
  return rounding_divide_by_pot(
      saturating_rounding_doubling_high_mul(
          (int32_t)((uint32_t)x << left_shift), multiplier),
      right_shift);
}
)c";

static constexpr llvm::StringLiteral kRoundHalfEven = R"c(
/* x rounded half to even (ONNX QuantizeLinear) after clamping |x| to 65536,
   beyond which every 8-bit result saturates (NaN becomes -65536); exact
   float and integer steps only. */
static inline int32_t round_half_even(float x) {
  if (!(x >= -65536.0f))
    x = -65536.0f;
  if (x > 65536.0f)
    x = 65536.0f;
  const int32_t truncated = (int32_t)x;
  const float fraction = x - (float)truncated;
  const int32_t odd = (truncated & 1) == 1;
  const int32_t up = fraction > 0.5f || (fraction == 0.5f && odd);
  const int32_t down = fraction < -0.5f || (fraction == -0.5f && odd);
  return truncated + up - down;
}
)c";

static constexpr llvm::StringLiteral kExp = R"c(
/* e^x in single precision without libm: x = k ln(2) + r with
   |r| <= ln(2) / 2, e^r by its Taylor polynomial of degree 7 (truncation
   error below 1e-8), 2^k through the exponent bits. */
static float reference_expf(float x) {
  union {
    float f;
    uint32_t u;
  } power;
  if (x != x)
    return x;
  if (x > 88.7228394f)
    return INFINITY;
  if (x < -103.972084f)
    return 0.0f;
  int32_t k = (int32_t)(x * 1.44269504f + (x >= 0.0f ? 0.5f : -0.5f));
  /* ln(2) in two parts; k * 0.693145752f is exact for |k| < 2^9. */
  const float r = (x - (float)k * 0.693145752f) - (float)k * 1.42860677e-6f;
  float p = 1.98412701e-4f;
  p = p * r + 1.38888892e-3f;
  p = p * r + 8.33333377e-3f;
  p = p * r + 4.16666679e-2f;
  p = p * r + 1.66666672e-1f;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  if (k > 127) {
    p *= 2.0f;
    k -= 1;
  }
  if (k < -126) {
    p *= 5.42101086e-20f; /* 2^-64 */
    k += 64;
  }
  power.u = (uint32_t)(k + 127) << 23;
  return p * power.f;
}
)c";

static constexpr llvm::StringLiteral kNhwcShape = R"c(
/* The dimensions of an NHWC activation or an OHWI filter. */
typedef struct {
  int32_t n, h, w, c;
} nhwc_shape;

/* TFLite's Offset(shape, b, y, x, c): the row-major index of an element. */
static inline int32_t offset4(const nhwc_shape *shape, int32_t b, int32_t y,
                              int32_t x, int32_t c) {
  return ((b * shape->h + y) * shape->w + x) * shape->c + c;
}
)c";

static constexpr llvm::StringLiteral kConvParams = R"c(
/* A 2-D convolution (TFLite's ConvParams with the shapes). The offsets and
   per-channel multipliers serve quantized kernels (filter_offset[oc] is
   -z_w[oc]; output_multiplier[oc] * 2^(output_shift[oc] - 31) is
   s_in * s_w[oc] / s_out), the float bounds float kernels. */
typedef struct {
  nhwc_shape input, filter, output;
  int32_t stride_height, stride_width;
  int32_t dilation_height, dilation_width;
  int32_t pad_top, pad_left;
  int32_t input_offset;
  const int32_t *filter_offset;
  int32_t output_offset;
  const int32_t *output_multiplier;
  const int32_t *output_shift;
  int32_t output_activation_min, output_activation_max;
  float float_activation_min, float_activation_max;
} conv_params;
)c";

static constexpr llvm::StringLiteral kFullyConnectedParams = R"c(
/* A fully-connected layer: [batches, input_depth] times the transposed
   [output_depth, input_depth] weights (TFLite's FullyConnectedParams,
   per-channel). */
typedef struct {
  int32_t batches, input_depth, output_depth;
  int32_t input_offset;
  const int32_t *filter_offset;
  int32_t output_offset;
  const int32_t *output_multiplier;
  const int32_t *output_shift;
  int32_t output_activation_min, output_activation_max;
  float float_activation_min, float_activation_max;
} fully_connected_params;
)c";

static constexpr llvm::StringLiteral kPoolParams = R"c(
/* A 2-D pooling window (TFLite's PoolParams with the shapes). The average
   divides by the window positions inside the input, or by the whole window
   with count_include_pad; rescale applies output_multiplier and
   output_shift when input and output scales differ. */
typedef struct {
  nhwc_shape input, output;
  int32_t filter_height, filter_width;
  int32_t stride_height, stride_width;
  int32_t pad_top, pad_left;
  int32_t count_include_pad;
  int32_t input_offset, output_offset;
  int32_t rescale, output_multiplier, output_shift;
  int32_t output_activation_min, output_activation_max;
  float float_activation_min, float_activation_max;
} pool_params;
)c";

static constexpr llvm::StringLiteral kArithmeticParams = R"c(
/* An element-wise add or mul (TFLite's ArithmeticParams). Without
   broadcasting the kernels walk `size` elements; with it, the output as 4-D
   `output_dims`, each input through its strides (0 along the dimensions it
   broadcasts). Quantized add rescales both inputs, shifted left by
   left_shift, to a common scale first. */
typedef struct {
  int32_t size;
  int32_t output_dims[4];
  int32_t input1_strides[4], input2_strides[4];
  int32_t input1_offset, input2_offset, output_offset;
  int32_t left_shift;
  int32_t input1_multiplier, input1_shift;
  int32_t input2_multiplier, input2_shift;
  int32_t output_multiplier, output_shift;
  int32_t output_activation_min, output_activation_max;
  float float_activation_min, float_activation_max;
} arithmetic_params;
)c";

static constexpr llvm::StringLiteral kQuantizedAdd = R"c(
/* reference_integer_ops::AddFunc: both inputs, shifted left, are rescaled
   to twice the larger input scale, added, and rescaled to the output. */
static inline int32_t add_quantized_element(
    const arithmetic_params *params, int32_t input1_val,
    int32_t input2_val) {
  const int32_t shifted_input1_val =
      (input1_val + params->input1_offset) * (1 << params->left_shift);
  const int32_t shifted_input2_val =
      (input2_val + params->input2_offset) * (1 << params->left_shift);
  const int32_t scaled_input1_val = multiply_by_quantized_multiplier(
      shifted_input1_val, params->input1_multiplier, params->input1_shift);
  const int32_t scaled_input2_val = multiply_by_quantized_multiplier(
      shifted_input2_val, params->input2_multiplier, params->input2_shift);
  const int32_t raw_sum = scaled_input1_val + scaled_input2_val;
  const int32_t raw_output =
      multiply_by_quantized_multiplier(raw_sum, params->output_multiplier,
                                       params->output_shift) +
      params->output_offset;
  return clamp_int32(raw_output, params->output_activation_min,
                     params->output_activation_max);
}
)c";

static constexpr llvm::StringLiteral kReduceParams = R"c(
/* A reduction over the middle dimension of [outer, depth, inner] (mean,
   softmax), or, for a mean over axes that are not adjacent, over the
   dimensions of the 6-D `dims` that `reduced` marks (depth elements).
   Mean rescales the sum by s_in / (s_out * depth); quantized softmax reads
   exp_table[d] = round(e^(-beta s_in d) 2^20) and scales by
   output_scale_q16 = round(2^16 / s_out). */
typedef struct {
  int32_t outer, depth, inner;
  int32_t dims[6], reduced[6];
  int32_t input_offset, output_offset;
  int32_t output_multiplier, output_shift;
  const int32_t *exp_table;
  int64_t output_scale_q16;
  float beta;
  int32_t output_activation_min, output_activation_max;
} reduce_params;
)c";

static constexpr llvm::StringLiteral kReduceIndex = R"c(
/* TFLite's NextIndex, restricted to the dimensions whose reduced flag is
   `which`: steps the 6-D `index` in row-major order; returns 0 once it
   wraps around to all zeros. */
static inline int32_t next_index(const reduce_params *params, int32_t which,
                                 int32_t *index) {
  for (int32_t d = 5; d >= 0; --d) {
    if (params->reduced[d] != which)
      continue;
    if (++index[d] < params->dims[d])
      return 1;
    index[d] = 0;
  }
  return 0;
}

/* The row-major offset of a 6-D index into `dims`. */
static inline int32_t offset6(const int32_t *dims, const int32_t *index) {
  int32_t offset = 0;
  for (int32_t d = 0; d < 6; ++d)
    offset = offset * dims[d] + index[d];
  return offset;
}
)c";

static constexpr llvm::StringLiteral kChannelParams = R"c(
/* Scales and zero points along the middle dimension of [outer, channels,
   inner] (channels = 1 for per-tensor quantization), and the storage range
   of quantized results. */
typedef struct {
  int32_t outer, channels, inner;
  const float *scale;
  const int32_t *zero_point;
  int32_t output_activation_min, output_activation_max;
} channel_params;
)c";

static constexpr llvm::StringLiteral kRequantizeParams = R"c(
/* A change of quantization parameters: rescale is 0 when the scales are
   equal and only the zero point moves. */
typedef struct {
  int32_t size;
  int32_t input_offset, output_offset;
  int32_t rescale, output_multiplier, output_shift;
  int32_t output_activation_min, output_activation_max;
} requantize_params;
)c";

static constexpr llvm::StringLiteral kMovementParams = R"c(
/* Data movement on 6 dimensions (lower ranks are padded with leading
   dimensions of size 1): transpose (output dimension k is input dimension
   perm[k]), strided slice (start and step per dimension) and pad (low
   elements before each dimension). */
typedef struct {
  int32_t input_dims[6], output_dims[6];
  int32_t perm[6];
  int32_t start[6], step[6];
  int32_t low[6];
} movement_params;

/* Row-major strides, in elements, of a 6-D shape. */
static inline void get_strides6(const int32_t *dims, int32_t *strides) {
  int32_t stride = 1;
  for (int32_t d = 5; d >= 0; --d) {
    strides[d] = stride;
    stride *= dims[d];
  }
}
)c";

llvm::StringRef referencec::getPieceSource(Piece piece) {
  switch (piece) {
  case Piece::KernelAttribute:
    return kKernelAttribute;
  case Piece::IntegerClamp:
    return kIntegerClamp;
  case Piece::FloatActivation:
    return kFloatActivation;
  case Piece::FixedPoint:
    return kFixedPoint;
  case Piece::RoundHalfEven:
    return kRoundHalfEven;
  case Piece::Exp:
    return kExp;
  case Piece::NhwcShape:
    return kNhwcShape;
  case Piece::ConvParams:
    return kConvParams;
  case Piece::FullyConnectedParams:
    return kFullyConnectedParams;
  case Piece::PoolParams:
    return kPoolParams;
  case Piece::ArithmeticParams:
    return kArithmeticParams;
  case Piece::QuantizedAdd:
    return kQuantizedAdd;
  case Piece::ReduceParams:
    return kReduceParams;
  case Piece::ReduceIndex:
    return kReduceIndex;
  case Piece::ChannelParams:
    return kChannelParams;
  case Piece::RequantizeParams:
    return kRequantizeParams;
  case Piece::MovementParams:
    return kMovementParams;
  }
  return "";
}

llvm::ArrayRef<Piece> referencec::getPieceDependencies(Piece piece) {
  static constexpr Piece kShape[] = {Piece::NhwcShape};
  static constexpr Piece kReduce[] = {Piece::ReduceParams};
  static constexpr Piece kAdd[] = {Piece::IntegerClamp, Piece::FixedPoint,
                                   Piece::ArithmeticParams};
  if (piece == Piece::ConvParams || piece == Piece::PoolParams)
    return kShape;
  if (piece == Piece::ReduceIndex)
    return kReduce;
  if (piece == Piece::QuantizedAdd)
    return kAdd;
  return {};
}

const KernelInfo &referencec::getKernelInfo(Kernel kernel) {
  for (llvm::ArrayRef<KernelInfo> table :
       {getLayerKernels(), getElementwiseKernels(), getMovementKernels()})
    for (const KernelInfo &info : table)
      if (info.kernel == kernel)
        return info;
  llvm::report_fatal_error("reference C: a kernel without a template");
}
