//===- LayerKernels.cpp - Layer reference kernels -------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Convolution, fully-connected, pooling, mean and softmax kernels as C
// templates. Each follows the loop structure of the TFLite Micro reference
// kernel of the same name (reference_ops:: for float,
// reference_integer_ops:: for quantized) and the integer rules of
// docs/quantization.md.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include <iterator>

using namespace morsel;
using namespace morsel::referencec;

//===----------------------------------------------------------------------===//
// Convolution and fully-connected
//===----------------------------------------------------------------------===//

static constexpr llvm::StringLiteral kConvQuantized = R"c(
/* reference_integer_ops::ConvPerChannel; grouped when the filter has fewer
   input channels than the input. */
MORSEL_KERNEL void {NAME}(
    const conv_params *params, const {X} *input_data,
    const {W} *filter_data, const int32_t *bias_data, {Y} *output_data) {
  const nhwc_shape *input_shape = &params->input;
  const nhwc_shape *filter_shape = &params->filter;
  const nhwc_shape *output_shape = &params->output;
  const int32_t filter_input_depth = filter_shape->c;
  const int32_t groups = input_shape->c / filter_input_depth;
  const int32_t filters_per_group = output_shape->c / groups;
  for (int32_t batch = 0; batch < output_shape->n; ++batch) {
    for (int32_t out_y = 0; out_y < output_shape->h; ++out_y) {
      const int32_t in_y_origin =
          out_y * params->stride_height - params->pad_top;
      for (int32_t out_x = 0; out_x < output_shape->w; ++out_x) {
        const int32_t in_x_origin =
            out_x * params->stride_width - params->pad_left;
        for (int32_t out_channel = 0; out_channel < output_shape->c;
             ++out_channel) {
          const int32_t group = out_channel / filters_per_group;
          const int32_t filter_offset = params->filter_offset[out_channel];
          int32_t acc = 0;
          for (int32_t filter_y = 0; filter_y < filter_shape->h; ++filter_y) {
            const int32_t in_y =
                in_y_origin + params->dilation_height * filter_y;
            for (int32_t filter_x = 0; filter_x < filter_shape->w;
                 ++filter_x) {
              const int32_t in_x =
                  in_x_origin + params->dilation_width * filter_x;
              /* Padding holds the input zero point: it adds nothing. */
              if (in_y < 0 || in_y >= input_shape->h || in_x < 0 ||
                  in_x >= input_shape->w)
                continue;
              for (int32_t in_channel = 0; in_channel < filter_input_depth;
                   ++in_channel) {
                const int32_t input_val = input_data[offset4(
                    input_shape, batch, in_y, in_x,
                    in_channel + group * filter_input_depth)];
                const int32_t filter_val = filter_data[offset4(
                    filter_shape, out_channel, filter_y, filter_x,
                    in_channel)];
                acc += (filter_val + filter_offset) *
                       (input_val + params->input_offset);
              }
            }
          }
          if (bias_data)
            acc += bias_data[out_channel];
          acc = multiply_by_quantized_multiplier(
              acc, params->output_multiplier[out_channel],
              params->output_shift[out_channel]);
          acc += params->output_offset;
          acc = clamp_int32(acc, params->output_activation_min,
                            params->output_activation_max);
          output_data[offset4(output_shape, batch, out_y, out_x,
                              out_channel)] = ({Y})acc;
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kConvFloat = R"c(
/* reference_ops::Conv; grouped when the filter has fewer input channels
   than the input. */
MORSEL_KERNEL void {NAME}(
    const conv_params *params, const float *input_data,
    const float *filter_data, const float *bias_data, float *output_data) {
  const nhwc_shape *input_shape = &params->input;
  const nhwc_shape *filter_shape = &params->filter;
  const nhwc_shape *output_shape = &params->output;
  const int32_t filter_input_depth = filter_shape->c;
  const int32_t groups = input_shape->c / filter_input_depth;
  const int32_t filters_per_group = output_shape->c / groups;
  for (int32_t batch = 0; batch < output_shape->n; ++batch) {
    for (int32_t out_y = 0; out_y < output_shape->h; ++out_y) {
      const int32_t in_y_origin =
          out_y * params->stride_height - params->pad_top;
      for (int32_t out_x = 0; out_x < output_shape->w; ++out_x) {
        const int32_t in_x_origin =
            out_x * params->stride_width - params->pad_left;
        for (int32_t out_channel = 0; out_channel < output_shape->c;
             ++out_channel) {
          const int32_t group = out_channel / filters_per_group;
          float total = 0.0f;
          for (int32_t filter_y = 0; filter_y < filter_shape->h; ++filter_y) {
            const int32_t in_y =
                in_y_origin + params->dilation_height * filter_y;
            for (int32_t filter_x = 0; filter_x < filter_shape->w;
                 ++filter_x) {
              const int32_t in_x =
                  in_x_origin + params->dilation_width * filter_x;
              if (in_y < 0 || in_y >= input_shape->h || in_x < 0 ||
                  in_x >= input_shape->w)
                continue;
              for (int32_t in_channel = 0; in_channel < filter_input_depth;
                   ++in_channel) {
                const float input_value = input_data[offset4(
                    input_shape, batch, in_y, in_x,
                    in_channel + group * filter_input_depth)];
                const float filter_value = filter_data[offset4(
                    filter_shape, out_channel, filter_y, filter_x,
                    in_channel)];
                total += input_value * filter_value;
              }
            }
          }
          const float bias_value = bias_data ? bias_data[out_channel] : 0.0f;
          output_data[offset4(output_shape, batch, out_y, out_x,
                              out_channel)] =
              activation_with_min_max(total + bias_value,
                                      params->float_activation_min,
                                      params->float_activation_max);
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kDepthwiseConvQuantized = R"c(
/* reference_integer_ops::DepthwiseConvPerChannel: output channel
   in_channel * depth_multiplier + m reads input channel in_channel (the
   filter is [C_in * depth_multiplier, K_h, K_w, 1]). */
MORSEL_KERNEL void {NAME}(
    const conv_params *params, const {X} *input_data,
    const {W} *filter_data, const int32_t *bias_data, {Y} *output_data) {
  const nhwc_shape *input_shape = &params->input;
  const nhwc_shape *filter_shape = &params->filter;
  const nhwc_shape *output_shape = &params->output;
  const int32_t depth_multiplier = output_shape->c / input_shape->c;
  for (int32_t batch = 0; batch < output_shape->n; ++batch) {
    for (int32_t out_y = 0; out_y < output_shape->h; ++out_y) {
      for (int32_t out_x = 0; out_x < output_shape->w; ++out_x) {
        for (int32_t in_channel = 0; in_channel < input_shape->c;
             ++in_channel) {
          for (int32_t m = 0; m < depth_multiplier; ++m) {
            const int32_t output_channel = m + in_channel * depth_multiplier;
            const int32_t filter_offset =
                params->filter_offset[output_channel];
            const int32_t in_x_origin =
                out_x * params->stride_width - params->pad_left;
            const int32_t in_y_origin =
                out_y * params->stride_height - params->pad_top;
            int32_t acc = 0;
            for (int32_t filter_y = 0; filter_y < filter_shape->h;
                 ++filter_y) {
              for (int32_t filter_x = 0; filter_x < filter_shape->w;
                   ++filter_x) {
                const int32_t in_x =
                    in_x_origin + params->dilation_width * filter_x;
                const int32_t in_y =
                    in_y_origin + params->dilation_height * filter_y;
                /* Padding holds the input zero point: it adds nothing. */
                if (in_x >= 0 && in_x < input_shape->w && in_y >= 0 &&
                    in_y < input_shape->h) {
                  const int32_t input_val = input_data[offset4(
                      input_shape, batch, in_y, in_x, in_channel)];
                  const int32_t filter_val = filter_data[offset4(
                      filter_shape, output_channel, filter_y, filter_x, 0)];
                  acc += (filter_val + filter_offset) *
                         (input_val + params->input_offset);
                }
              }
            }
            if (bias_data)
              acc += bias_data[output_channel];
            acc = multiply_by_quantized_multiplier(
                acc, params->output_multiplier[output_channel],
                params->output_shift[output_channel]);
            acc += params->output_offset;
            acc = clamp_int32(acc, params->output_activation_min,
                              params->output_activation_max);
            output_data[offset4(output_shape, batch, out_y, out_x,
                                output_channel)] = ({Y})acc;
          }
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kDepthwiseConvFloat = R"c(
/* reference_ops::DepthwiseConv: output channel
   in_channel * depth_multiplier + m reads input channel in_channel (the
   filter is [C_in * depth_multiplier, K_h, K_w, 1]). */
MORSEL_KERNEL void {NAME}(
    const conv_params *params, const float *input_data,
    const float *filter_data, const float *bias_data, float *output_data) {
  const nhwc_shape *input_shape = &params->input;
  const nhwc_shape *filter_shape = &params->filter;
  const nhwc_shape *output_shape = &params->output;
  const int32_t depth_multiplier = output_shape->c / input_shape->c;
  for (int32_t b = 0; b < output_shape->n; ++b) {
    for (int32_t out_y = 0; out_y < output_shape->h; ++out_y) {
      for (int32_t out_x = 0; out_x < output_shape->w; ++out_x) {
        for (int32_t ic = 0; ic < input_shape->c; ++ic) {
          for (int32_t m = 0; m < depth_multiplier; m++) {
            const int32_t oc = m + ic * depth_multiplier;
            const int32_t in_x_origin =
                out_x * params->stride_width - params->pad_left;
            const int32_t in_y_origin =
                out_y * params->stride_height - params->pad_top;
            float total = 0.0f;
            for (int32_t filter_y = 0; filter_y < filter_shape->h;
                 ++filter_y) {
              for (int32_t filter_x = 0; filter_x < filter_shape->w;
                   ++filter_x) {
                const int32_t in_x =
                    in_x_origin + params->dilation_width * filter_x;
                const int32_t in_y =
                    in_y_origin + params->dilation_height * filter_y;
                if (in_x >= 0 && in_x < input_shape->w && in_y >= 0 &&
                    in_y < input_shape->h) {
                  const float input_value =
                      input_data[offset4(input_shape, b, in_y, in_x, ic)];
                  const float filter_value = filter_data[offset4(
                      filter_shape, oc, filter_y, filter_x, 0)];
                  total += input_value * filter_value;
                }
              }
            }
            const float bias_value = bias_data ? bias_data[oc] : 0.0f;
            output_data[offset4(output_shape, b, out_y, out_x, oc)] =
                activation_with_min_max(total + bias_value,
                                        params->float_activation_min,
                                        params->float_activation_max);
          }
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kFullyConnectedQuantized = R"c(
/* reference_integer_ops::FullyConnected, with per-channel weights. */
MORSEL_KERNEL void {NAME}(
    const fully_connected_params *params, const {X} *input_data,
    const {W} *filter_data, const int32_t *bias_data, {Y} *output_data) {
  const int32_t accum_depth = params->input_depth;
  const int32_t output_depth = params->output_depth;
  for (int32_t b = 0; b < params->batches; ++b) {
    for (int32_t out_c = 0; out_c < output_depth; ++out_c) {
      const int32_t filter_offset = params->filter_offset[out_c];
      int32_t acc = 0;
      for (int32_t d = 0; d < accum_depth; ++d) {
        const int32_t input_val = input_data[b * accum_depth + d];
        const int32_t filter_val = filter_data[out_c * accum_depth + d];
        acc += (filter_val + filter_offset) *
               (input_val + params->input_offset);
      }
      if (bias_data)
        acc += bias_data[out_c];
      acc = multiply_by_quantized_multiplier(
          acc, params->output_multiplier[out_c], params->output_shift[out_c]);
      acc += params->output_offset;
      acc = clamp_int32(acc, params->output_activation_min,
                        params->output_activation_max);
      output_data[out_c + output_depth * b] = ({Y})acc;
    }
  }
}
)c";

static constexpr llvm::StringLiteral kFullyConnectedFloat = R"c(
/* reference_ops::FullyConnected. */
MORSEL_KERNEL void {NAME}(
    const fully_connected_params *params, const float *input_data,
    const float *weights_data, const float *bias_data, float *output_data) {
  const int32_t accum_depth = params->input_depth;
  const int32_t output_depth = params->output_depth;
  for (int32_t b = 0; b < params->batches; ++b) {
    for (int32_t out_c = 0; out_c < output_depth; ++out_c) {
      float total = 0.0f;
      for (int32_t d = 0; d < accum_depth; ++d)
        total += input_data[b * accum_depth + d] *
                 weights_data[out_c * accum_depth + d];
      const float bias_value = bias_data ? bias_data[out_c] : 0.0f;
      output_data[out_c + output_depth * b] = activation_with_min_max(
          total + bias_value, params->float_activation_min,
          params->float_activation_max);
    }
  }
}
)c";

//===----------------------------------------------------------------------===//
// Pooling and reductions
//===----------------------------------------------------------------------===//

static constexpr llvm::StringLiteral kMaxPoolQuantized = R"c(
/* reference_integer_ops::MaxPool: padding never wins. */
MORSEL_KERNEL void {NAME}(
    const pool_params *params, const {T} *input_data, {T} *output_data) {
  const nhwc_shape *input_shape = &params->input;
  const nhwc_shape *output_shape = &params->output;
  for (int32_t batch = 0; batch < output_shape->n; ++batch) {
    for (int32_t out_y = 0; out_y < output_shape->h; ++out_y) {
      for (int32_t out_x = 0; out_x < output_shape->w; ++out_x) {
        for (int32_t channel = 0; channel < output_shape->c; ++channel) {
          const int32_t in_x_origin =
              out_x * params->stride_width - params->pad_left;
          const int32_t in_y_origin =
              out_y * params->stride_height - params->pad_top;
          const int32_t filter_x_start = in_x_origin < 0 ? -in_x_origin : 0;
          const int32_t filter_x_end =
              params->filter_width < input_shape->w - in_x_origin
                  ? params->filter_width
                  : input_shape->w - in_x_origin;
          const int32_t filter_y_start = in_y_origin < 0 ? -in_y_origin : 0;
          const int32_t filter_y_end =
              params->filter_height < input_shape->h - in_y_origin
                  ? params->filter_height
                  : input_shape->h - in_y_origin;
          int32_t max = {LOWEST};
          for (int32_t filter_y = filter_y_start; filter_y < filter_y_end;
               ++filter_y) {
            for (int32_t filter_x = filter_x_start; filter_x < filter_x_end;
                 ++filter_x) {
              const int32_t in_x = in_x_origin + filter_x;
              const int32_t in_y = in_y_origin + filter_y;
              const int32_t value =
                  input_data[offset4(input_shape, batch, in_y, in_x, channel)];
              max = value > max ? value : max;
            }
          }
          max = clamp_int32(max, params->output_activation_min,
                            params->output_activation_max);
          output_data[offset4(output_shape, batch, out_y, out_x, channel)] =
              ({T})max;
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kMaxPoolFloat = R"c(
/* reference_ops::MaxPool: padding never wins. */
MORSEL_KERNEL void {NAME}(
    const pool_params *params, const float *input_data,
    float *output_data) {
  const nhwc_shape *input_shape = &params->input;
  const nhwc_shape *output_shape = &params->output;
  for (int32_t batch = 0; batch < output_shape->n; ++batch) {
    for (int32_t out_y = 0; out_y < output_shape->h; ++out_y) {
      for (int32_t out_x = 0; out_x < output_shape->w; ++out_x) {
        for (int32_t channel = 0; channel < output_shape->c; ++channel) {
          const int32_t in_x_origin =
              out_x * params->stride_width - params->pad_left;
          const int32_t in_y_origin =
              out_y * params->stride_height - params->pad_top;
          const int32_t filter_x_start = in_x_origin < 0 ? -in_x_origin : 0;
          const int32_t filter_x_end =
              params->filter_width < input_shape->w - in_x_origin
                  ? params->filter_width
                  : input_shape->w - in_x_origin;
          const int32_t filter_y_start = in_y_origin < 0 ? -in_y_origin : 0;
          const int32_t filter_y_end =
              params->filter_height < input_shape->h - in_y_origin
                  ? params->filter_height
                  : input_shape->h - in_y_origin;
          float max = -INFINITY;
          for (int32_t filter_y = filter_y_start; filter_y < filter_y_end;
               ++filter_y) {
            for (int32_t filter_x = filter_x_start; filter_x < filter_x_end;
                 ++filter_x) {
              const int32_t in_x = in_x_origin + filter_x;
              const int32_t in_y = in_y_origin + filter_y;
              const float value =
                  input_data[offset4(input_shape, batch, in_y, in_x, channel)];
              max = value > max ? value : max;
            }
          }
          output_data[offset4(output_shape, batch, out_y, out_x, channel)] =
              activation_with_min_max(max, params->float_activation_min,
                                      params->float_activation_max);
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kAvgPoolQuantized = R"c(
/* reference_integer_ops::AveragePool, the average rounded to the nearest
   with ties away from zero. */
MORSEL_KERNEL void {NAME}(
    const pool_params *params, const {X} *input_data, {Y} *output_data) {
  const nhwc_shape *input_shape = &params->input;
  const nhwc_shape *output_shape = &params->output;
  for (int32_t batch = 0; batch < output_shape->n; ++batch) {
    for (int32_t out_y = 0; out_y < output_shape->h; ++out_y) {
      for (int32_t out_x = 0; out_x < output_shape->w; ++out_x) {
        for (int32_t channel = 0; channel < output_shape->c; ++channel) {
          const int32_t in_x_origin =
              out_x * params->stride_width - params->pad_left;
          const int32_t in_y_origin =
              out_y * params->stride_height - params->pad_top;
          const int32_t filter_x_start = in_x_origin < 0 ? -in_x_origin : 0;
          const int32_t filter_x_end =
              params->filter_width < input_shape->w - in_x_origin
                  ? params->filter_width
                  : input_shape->w - in_x_origin;
          const int32_t filter_y_start = in_y_origin < 0 ? -in_y_origin : 0;
          const int32_t filter_y_end =
              params->filter_height < input_shape->h - in_y_origin
                  ? params->filter_height
                  : input_shape->h - in_y_origin;
          int32_t acc = 0;
          int32_t filter_count = 0;
          for (int32_t filter_y = filter_y_start; filter_y < filter_y_end;
               ++filter_y) {
            for (int32_t filter_x = filter_x_start; filter_x < filter_x_end;
                 ++filter_x) {
              const int32_t in_x = in_x_origin + filter_x;
              const int32_t in_y = in_y_origin + filter_y;
              acc += input_data[offset4(input_shape, batch, in_y, in_x,
                                        channel)] +
                     params->input_offset;
              filter_count++;
            }
          }
          if (params->count_include_pad)
            filter_count = params->filter_height * params->filter_width;
          acc = (acc + (acc >= 0 ? filter_count / 2 : -(filter_count / 2))) /
                filter_count;
          if (params->rescale)
            acc = multiply_by_quantized_multiplier(
                acc, params->output_multiplier, params->output_shift);
          acc += params->output_offset;
          acc = clamp_int32(acc, params->output_activation_min,
                            params->output_activation_max);
          output_data[offset4(output_shape, batch, out_y, out_x, channel)] =
              ({Y})acc;
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kAvgPoolFloat = R"c(
/* reference_ops::AveragePool. */
MORSEL_KERNEL void {NAME}(
    const pool_params *params, const float *input_data,
    float *output_data) {
  const nhwc_shape *input_shape = &params->input;
  const nhwc_shape *output_shape = &params->output;
  for (int32_t batch = 0; batch < output_shape->n; ++batch) {
    for (int32_t out_y = 0; out_y < output_shape->h; ++out_y) {
      for (int32_t out_x = 0; out_x < output_shape->w; ++out_x) {
        for (int32_t channel = 0; channel < output_shape->c; ++channel) {
          const int32_t in_x_origin =
              out_x * params->stride_width - params->pad_left;
          const int32_t in_y_origin =
              out_y * params->stride_height - params->pad_top;
          const int32_t filter_x_start = in_x_origin < 0 ? -in_x_origin : 0;
          const int32_t filter_x_end =
              params->filter_width < input_shape->w - in_x_origin
                  ? params->filter_width
                  : input_shape->w - in_x_origin;
          const int32_t filter_y_start = in_y_origin < 0 ? -in_y_origin : 0;
          const int32_t filter_y_end =
              params->filter_height < input_shape->h - in_y_origin
                  ? params->filter_height
                  : input_shape->h - in_y_origin;
          float total = 0.0f;
          int32_t filter_count = 0;
          for (int32_t filter_y = filter_y_start; filter_y < filter_y_end;
               ++filter_y) {
            for (int32_t filter_x = filter_x_start; filter_x < filter_x_end;
                 ++filter_x) {
              const int32_t in_x = in_x_origin + filter_x;
              const int32_t in_y = in_y_origin + filter_y;
              total +=
                  input_data[offset4(input_shape, batch, in_y, in_x, channel)];
              filter_count++;
            }
          }
          if (params->count_include_pad)
            filter_count = params->filter_height * params->filter_width;
          output_data[offset4(output_shape, batch, out_y, out_x, channel)] =
              activation_with_min_max(total / (float)filter_count,
                                      params->float_activation_min,
                                      params->float_activation_max);
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kMeanQuantized = R"c(
/* reference_integer_ops::Mean: the sum of the centered inputs, rescaled by
   s_in / (s_out * depth). */
MORSEL_KERNEL void {NAME}(
    const reduce_params *params, const {X} *input_data, {Y} *output_data) {
  for (int32_t outer = 0; outer < params->outer; ++outer) {
    for (int32_t inner = 0; inner < params->inner; ++inner) {
      int32_t acc = 0;
      for (int32_t d = 0; d < params->depth; ++d)
        acc += input_data[(outer * params->depth + d) * params->inner + inner] +
               params->input_offset;
      acc = multiply_by_quantized_multiplier(acc, params->output_multiplier,
                                             params->output_shift);
      acc += params->output_offset;
      output_data[outer * params->inner + inner] = ({Y})clamp_int32(
          acc, params->output_activation_min, params->output_activation_max);
    }
  }
}
)c";

static constexpr llvm::StringLiteral kMeanFloat = R"c(
/* reference_ops::Mean. */
MORSEL_KERNEL void {NAME}(
    const reduce_params *params, const float *input_data,
    float *output_data) {
  for (int32_t outer = 0; outer < params->outer; ++outer) {
    for (int32_t inner = 0; inner < params->inner; ++inner) {
      float total = 0.0f;
      for (int32_t d = 0; d < params->depth; ++d)
        total +=
            input_data[(outer * params->depth + d) * params->inner + inner];
      output_data[outer * params->inner + inner] =
          total / (float)params->depth;
    }
  }
}
)c";

static constexpr llvm::StringLiteral kMeanAnyAxesQuantized = R"c(
/* reference_integer_ops::Mean over any axes: for each output element (an
   index over the kept dimensions), the sum over the reduced ones. */
MORSEL_KERNEL void {NAME}(
    const reduce_params *params, const {X} *input_data, {Y} *output_data) {
  int32_t output_index[6] = {0, 0, 0, 0, 0, 0};
  int32_t out = 0;
  do {
    int32_t index[6];
    for (int32_t d = 0; d < 6; ++d)
      index[d] = output_index[d];
    int32_t acc = 0;
    do {
      acc += input_data[offset6(params->dims, index)] + params->input_offset;
    } while (next_index(params, 1, index));
    acc = multiply_by_quantized_multiplier(acc, params->output_multiplier,
                                           params->output_shift);
    acc += params->output_offset;
    output_data[out++] = ({Y})clamp_int32(acc, params->output_activation_min,
                                          params->output_activation_max);
  } while (next_index(params, 0, output_index));
}
)c";

static constexpr llvm::StringLiteral kMeanAnyAxesFloat = R"c(
/* reference_ops::Mean over any axes: for each output element (an index over
   the kept dimensions), the sum over the reduced ones. */
MORSEL_KERNEL void {NAME}(
    const reduce_params *params, const float *input_data,
    float *output_data) {
  int32_t output_index[6] = {0, 0, 0, 0, 0, 0};
  int32_t out = 0;
  do {
    int32_t index[6];
    for (int32_t d = 0; d < 6; ++d)
      index[d] = output_index[d];
    float total = 0.0f;
    do {
      total += input_data[offset6(params->dims, index)];
    } while (next_index(params, 1, index));
    output_data[out++] = total / (float)params->depth;
  } while (next_index(params, 0, output_index));
}
)c";

static constexpr llvm::StringLiteral kSoftmaxQuantized = R"c(
/* Quantized softmax of docs/quantization.md: e = exp_table[max - q] in Q20,
   out = z_out + floor((e * K + sum * 2^15) / (sum * 2^16)). */
MORSEL_KERNEL void {NAME}(
    const reduce_params *params, const {X} *input_data, {Y} *output_data) {
  const int32_t depth = params->depth, inner = params->inner;
  for (int32_t outer = 0; outer < params->outer; ++outer) {
    for (int32_t i = 0; i < inner; ++i) {
      const {X} *input = input_data + outer * depth * inner + i;
      {Y} *output = output_data + outer * depth * inner + i;
      int32_t max_in_row = INT32_MIN;
      for (int32_t c = 0; c < depth; ++c)
        max_in_row = input[c * inner] > max_in_row ? input[c * inner]
                                                   : max_in_row;
      int64_t sum_of_exps = 0;
      for (int32_t c = 0; c < depth; ++c)
        sum_of_exps += params->exp_table[max_in_row - input[c * inner]];
      for (int32_t c = 0; c < depth; ++c) {
        const int64_t exp_in_0 =
            params->exp_table[max_in_row - input[c * inner]];
        const int64_t numerator = exp_in_0 * params->output_scale_q16 +
                                  sum_of_exps * (INT64_C(1) << 15);
        const int64_t denominator = sum_of_exps * (INT64_C(1) << 16);
        int64_t quotient = numerator / denominator;
        if (numerator % denominator != 0 &&
            (numerator < 0) != (denominator < 0))
          --quotient;
        quotient += params->output_offset;
        if (quotient < params->output_activation_min)
          quotient = params->output_activation_min;
        if (quotient > params->output_activation_max)
          quotient = params->output_activation_max;
        output[c * inner] = ({Y})quotient;
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kSoftmaxFloat = R"c(
/* reference_ops::Softmax. */
MORSEL_KERNEL void {NAME}(
    const reduce_params *params, const float *input_data,
    float *output_data) {
  const int32_t depth = params->depth, inner = params->inner;
  for (int32_t outer = 0; outer < params->outer; ++outer) {
    for (int32_t i = 0; i < inner; ++i) {
      const float *input = input_data + outer * depth * inner + i;
      float *output = output_data + outer * depth * inner + i;
      float max = -INFINITY;
      for (int32_t c = 0; c < depth; ++c)
        max = input[c * inner] > max ? input[c * inner] : max;
      float sum = 0.0f;
      for (int32_t c = 0; c < depth; ++c)
        sum += reference_expf(params->beta * (input[c * inner] - max));
      for (int32_t c = 0; c < depth; ++c)
        output[c * inner] =
            reference_expf(params->beta * (input[c * inner] - max)) / sum;
    }
  }
}
)c";

//===----------------------------------------------------------------------===//
// Table
//===----------------------------------------------------------------------===//

static constexpr Piece kQuantizedConvNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::FixedPoint,
    Piece::ConvParams};
static constexpr Piece kFloatConvNeeds[] = {
    Piece::KernelAttribute, Piece::FloatActivation, Piece::ConvParams};
static constexpr Piece kQuantizedFullyConnectedNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::FixedPoint,
    Piece::FullyConnectedParams};
static constexpr Piece kFloatFullyConnectedNeeds[] = {
    Piece::KernelAttribute, Piece::FloatActivation,
    Piece::FullyConnectedParams};
static constexpr Piece kQuantizedMaxPoolNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::PoolParams};
static constexpr Piece kQuantizedPoolNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::FixedPoint,
    Piece::PoolParams};
static constexpr Piece kFloatPoolNeeds[] = {
    Piece::KernelAttribute, Piece::FloatActivation, Piece::PoolParams};
static constexpr Piece kQuantizedReduceNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::FixedPoint,
    Piece::ReduceParams};
static constexpr Piece kFloatReduceNeeds[] = {Piece::KernelAttribute,
                                              Piece::ReduceParams};
static constexpr Piece kQuantizedAnyAxesNeeds[] = {
    Piece::KernelAttribute, Piece::IntegerClamp, Piece::FixedPoint,
    Piece::ReduceIndex};
static constexpr Piece kFloatAnyAxesNeeds[] = {Piece::KernelAttribute,
                                               Piece::ReduceIndex};
static constexpr Piece kQuantizedSoftmaxNeeds[] = {Piece::KernelAttribute,
                                                   Piece::ReduceParams};
static constexpr Piece kFloatSoftmaxNeeds[] = {Piece::KernelAttribute,
                                               Piece::Exp, Piece::ReduceParams};

static const KernelInfo kKernels[] = {
    {Kernel::ConvQuantized, "conv2d", kConvQuantized, kQuantizedConvNeeds},
    {Kernel::ConvFloat, "conv2d", kConvFloat, kFloatConvNeeds},
    {Kernel::DepthwiseConvQuantized, "depthwise_conv2d",
     kDepthwiseConvQuantized, kQuantizedConvNeeds},
    {Kernel::DepthwiseConvFloat, "depthwise_conv2d", kDepthwiseConvFloat,
     kFloatConvNeeds},
    {Kernel::FullyConnectedQuantized, "fully_connected",
     kFullyConnectedQuantized, kQuantizedFullyConnectedNeeds},
    {Kernel::FullyConnectedFloat, "fully_connected", kFullyConnectedFloat,
     kFloatFullyConnectedNeeds},
    {Kernel::MaxPoolQuantized, "max_pool2d", kMaxPoolQuantized,
     kQuantizedMaxPoolNeeds},
    {Kernel::MaxPoolFloat, "max_pool2d", kMaxPoolFloat, kFloatPoolNeeds},
    {Kernel::AvgPoolQuantized, "avg_pool2d", kAvgPoolQuantized,
     kQuantizedPoolNeeds},
    {Kernel::AvgPoolFloat, "avg_pool2d", kAvgPoolFloat, kFloatPoolNeeds},
    {Kernel::MeanQuantized, "mean", kMeanQuantized, kQuantizedReduceNeeds},
    {Kernel::MeanFloat, "mean", kMeanFloat, kFloatReduceNeeds},
    {Kernel::MeanAnyAxesQuantized, "mean_any_axes", kMeanAnyAxesQuantized,
     kQuantizedAnyAxesNeeds},
    {Kernel::MeanAnyAxesFloat, "mean_any_axes", kMeanAnyAxesFloat,
     kFloatAnyAxesNeeds},
    {Kernel::SoftmaxQuantized, "softmax", kSoftmaxQuantized,
     kQuantizedSoftmaxNeeds},
    {Kernel::SoftmaxFloat, "softmax", kSoftmaxFloat, kFloatSoftmaxNeeds},
};

llvm::ArrayRef<KernelInfo> referencec::getLayerKernels() { return kKernels; }
