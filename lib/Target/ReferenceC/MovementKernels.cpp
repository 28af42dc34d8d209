//===- MovementKernels.cpp - Data movement reference kernels --------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Transpose, strided slice, pad, concatenation and copy as C templates over
// any element type `{T}`, on 6 nested loops as TFLite Micro's reference
// kernels run them (lower ranks padded with leading dimensions of size 1).
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

using namespace morsel;
using namespace morsel::referencec;

static constexpr llvm::StringLiteral kTranspose = R"c(
/* reference_ops::Transpose: output dimension k walks input dimension
   perm[k]. */
MORSEL_KERNEL void {NAME}(
    const movement_params *params, const {T} *input_data,
    {T} *output_data) {
  int32_t input_strides[6], stride[6];
  get_strides6(params->input_dims, input_strides);
  for (int32_t k = 0; k < 6; ++k)
    stride[k] = input_strides[params->perm[k]];
  const int32_t *dims = params->output_dims;
  int32_t out = 0;
  for (int32_t i0 = 0; i0 < dims[0]; ++i0)
    for (int32_t i1 = 0; i1 < dims[1]; ++i1)
      for (int32_t i2 = 0; i2 < dims[2]; ++i2)
        for (int32_t i3 = 0; i3 < dims[3]; ++i3)
          for (int32_t i4 = 0; i4 < dims[4]; ++i4)
            for (int32_t i5 = 0; i5 < dims[5]; ++i5)
              output_data[out++] =
                  input_data[i0 * stride[0] + i1 * stride[1] + i2 * stride[2] +
                             i3 * stride[3] + i4 * stride[4] + i5 * stride[5]];
}
)c";

static constexpr llvm::StringLiteral kStridedSlice = R"c(
/* reference_ops::StridedSlice: output index i of dimension k reads input
   index start[k] + i * step[k]. */
MORSEL_KERNEL void {NAME}(
    const movement_params *params, const {T} *input_data,
    {T} *output_data) {
  int32_t stride[6];
  get_strides6(params->input_dims, stride);
  const int32_t *dims = params->output_dims;
  const int32_t *start = params->start, *step = params->step;
  int32_t out = 0;
  for (int32_t i0 = 0; i0 < dims[0]; ++i0)
    for (int32_t i1 = 0; i1 < dims[1]; ++i1)
      for (int32_t i2 = 0; i2 < dims[2]; ++i2)
        for (int32_t i3 = 0; i3 < dims[3]; ++i3)
          for (int32_t i4 = 0; i4 < dims[4]; ++i4)
            for (int32_t i5 = 0; i5 < dims[5]; ++i5)
              output_data[out++] =
                  input_data[(start[0] + i0 * step[0]) * stride[0] +
                             (start[1] + i1 * step[1]) * stride[1] +
                             (start[2] + i2 * step[2]) * stride[2] +
                             (start[3] + i3 * step[3]) * stride[3] +
                             (start[4] + i4 * step[4]) * stride[4] +
                             (start[5] + i5 * step[5]) * stride[5]];
}
)c";

static constexpr llvm::StringLiteral kPad = R"c(
/* reference_ops::PadImpl: positions outside the input (shifted by low)
   take pad_value. */
MORSEL_KERNEL void {NAME}(
    const movement_params *params, {T} pad_value, const {T} *input_data,
    {T} *output_data) {
  int32_t stride[6];
  get_strides6(params->input_dims, stride);
  const int32_t *dims = params->output_dims, *in = params->input_dims;
  const int32_t *low = params->low;
  int32_t out = 0;
  for (int32_t i0 = 0; i0 < dims[0]; ++i0) {
    const int32_t j0 = i0 - low[0];
    const int inside0 = j0 >= 0 && j0 < in[0];
    for (int32_t i1 = 0; i1 < dims[1]; ++i1) {
      const int32_t j1 = i1 - low[1];
      const int inside1 = inside0 && j1 >= 0 && j1 < in[1];
      for (int32_t i2 = 0; i2 < dims[2]; ++i2) {
        const int32_t j2 = i2 - low[2];
        const int inside2 = inside1 && j2 >= 0 && j2 < in[2];
        for (int32_t i3 = 0; i3 < dims[3]; ++i3) {
          const int32_t j3 = i3 - low[3];
          const int inside3 = inside2 && j3 >= 0 && j3 < in[3];
          for (int32_t i4 = 0; i4 < dims[4]; ++i4) {
            const int32_t j4 = i4 - low[4];
            const int inside4 = inside3 && j4 >= 0 && j4 < in[4];
            for (int32_t i5 = 0; i5 < dims[5]; ++i5) {
              const int32_t j5 = i5 - low[5];
              const int inside = inside4 && j5 >= 0 && j5 < in[5];
              output_data[out++] =
                  inside ? input_data[j0 * stride[0] + j1 * stride[1] +
                                      j2 * stride[2] + j3 * stride[3] +
                                      j4 * stride[4] + j5 * stride[5]]
                         : pad_value;
            }
          }
        }
      }
    }
  }
}
)c";

static constexpr llvm::StringLiteral kConcatenation = R"c(
/* reference_ops::Concatenation: each of the outer_size slices of the output
   is the matching slices of the inputs (copy_sizes[i] elements of input i),
   one after the other. */
MORSEL_KERNEL void {NAME}(
    int32_t outer_size, int32_t input_count, const int32_t *copy_sizes,
    const {T} *const *input_data, {T} *output_data) {
  {T} *output_ptr = output_data;
  for (int32_t k = 0; k < outer_size; ++k) {
    for (int32_t i = 0; i < input_count; ++i) {
      const int32_t copy_size = copy_sizes[i];
      const {T} *input_ptr = input_data[i] + k * copy_size;
      for (int32_t j = 0; j < copy_size; ++j)
        output_ptr[j] = input_ptr[j];
      output_ptr += copy_size;
    }
  }
}
)c";

static constexpr llvm::StringLiteral kCopy = R"c(
/* A copy of `size` elements (a reshape into an output, or an output that
   another output or an input already holds). */
MORSEL_KERNEL void {NAME}(
    int32_t size, const {T} *input_data, {T} *output_data) {
  for (int32_t i = 0; i < size; ++i)
    output_data[i] = input_data[i];
}
)c";

//===----------------------------------------------------------------------===//
// Table
//===----------------------------------------------------------------------===//

static constexpr Piece kMovementNeeds[] = {Piece::KernelAttribute,
                                           Piece::MovementParams};
static constexpr Piece kPlainNeeds[] = {Piece::KernelAttribute};

static const KernelInfo kKernels[] = {
    {Kernel::Transpose, "transpose", kTranspose, kMovementNeeds},
    {Kernel::StridedSlice, "strided_slice", kStridedSlice, kMovementNeeds},
    {Kernel::Pad, "pad", kPad, kMovementNeeds},
    {Kernel::Concatenation, "concatenation", kConcatenation, kPlainNeeds},
    {Kernel::Copy, "copy", kCopy, kPlainNeeds},
};

llvm::ArrayRef<KernelInfo> referencec::getMovementKernels() { return kKernels; }
