//===- HostTensor.h - ONNX tensors known at import time ---------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Tensors whose values the ONNX importer knows on the host: initializers,
// Constant nodes and the shape computations that exporters emit around them.
// The importer folds such computations here instead of emitting nn ops, and
// turns the results into nn.constant attributes where the graph needs them.
// Private to lib/Target/ONNX.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_LIB_TARGET_ONNX_HOSTTENSOR_H
#define MORSEL_LIB_TARGET_ONNX_HOSTTENSOR_H

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onnx {
class TensorProto;
} // namespace onnx

namespace morsel::onnx_import {

/// The largest number of elements a host tensor may hold, so that a malicious
/// shape (ConstantOfShape, Expand) cannot exhaust memory at import time.
constexpr int64_t kMaxHostElements = int64_t(1) << 28;

/// A tensor whose values are known at import time. Floating-point types
/// (FLOAT, DOUBLE) keep their values in `floats` as f32; integer and boolean
/// types keep them in `ints`. `dataType` is the ONNX
/// `TensorProto::DataType` the values have in the graph.
struct HostTensor {
  /// The ONNX element type (onnx::TensorProto_DataType).
  int32_t dataType = 0;
  /// The dimensions; empty for a scalar.
  llvm::SmallVector<int64_t, 4> shape;
  /// Values of FLOAT and DOUBLE tensors, row-major.
  std::vector<float> floats;
  /// Values of integer and BOOL tensors, row-major.
  std::vector<int64_t> ints;

  /// Returns true if the values live in `floats`.
  bool isFloat() const;
  /// Returns the number of elements.
  int64_t getNumElements() const;
  /// Returns element `index` as a double, whichever storage holds it.
  double getAsDouble(int64_t index) const;
  /// Returns element `index` as an integer (floats truncate towards zero).
  int64_t getAsInt(int64_t index) const;
};

/// Returns true if an ONNX data type is stored in HostTensor::floats.
bool isFloatDataType(int32_t dataType);

/// Returns true if an ONNX data type is one the importer reads (FLOAT, DOUBLE,
/// the 8 to 64-bit integers, BOOL).
bool isSupportedDataType(int32_t dataType);

/// Returns the ONNX name of a data type ("FLOAT", "INT64", ...).
std::string getDataTypeName(int32_t dataType);

/// Returns an empty tensor of `dataType` and `shape`, with zeroed values, or
/// an error when the element count is negative or too large.
llvm::Expected<HostTensor> makeHostTensor(int32_t dataType,
                                          llvm::ArrayRef<int64_t> shape);

/// Reads an ONNX TensorProto. Fails with a message (without the tensor's
/// name) for external data, unsupported data types, negative dimensions and
/// data whose size disagrees with the dimensions.
llvm::Expected<HostTensor> readTensorProto(const onnx::TensorProto &proto);

/// Returns a copy of `source` whose element `i` is `source[indices[i]]`, with
/// shape `shape`. Every index must be in range.
HostTensor gatherElements(const HostTensor &source,
                          llvm::ArrayRef<int64_t> shape,
                          llvm::ArrayRef<int64_t> indices);

/// Returns the row-major strides of a shape.
llvm::SmallVector<int64_t, 4> getStrides(llvm::ArrayRef<int64_t> shape);

/// Returns `source` with its dimensions permuted (output dimension k is input
/// dimension perm[k]). `perm` must be a permutation of the rank.
HostTensor transposeHost(const HostTensor &source,
                         llvm::ArrayRef<int64_t> perm);

/// Returns the strided box of `source` that starts at `offsets` and takes
/// `sizes` elements `strides` apart in each dimension (all in range).
HostTensor sliceHost(const HostTensor &source, llvm::ArrayRef<int64_t> offsets,
                     llvm::ArrayRef<int64_t> sizes,
                     llvm::ArrayRef<int64_t> strides);

/// Returns the flat source index, in a tensor of shape `sourceShape`, that
/// NumPy broadcasting reads for each element of `resultShape`.
std::vector<int64_t> getBroadcastIndices(llvm::ArrayRef<int64_t> sourceShape,
                                         llvm::ArrayRef<int64_t> resultShape);

/// Returns the values of a FLOAT tensor as a dense f32 attribute of its shape.
mlir::DenseElementsAttr getFloatAttr(const HostTensor &tensor,
                                     mlir::MLIRContext *context);

/// Returns the values of an integer tensor as a dense attribute of signless
/// integers of `bitWidth` bits (8 or 32), keeping the low bits of each value
/// (so that UINT8 200 is stored as the i8 bit pattern 0xC8).
mlir::DenseElementsAttr getIntegerAttr(const HostTensor &tensor,
                                       unsigned bitWidth,
                                       mlir::MLIRContext *context);

} // namespace morsel::onnx_import

#endif // MORSEL_LIB_TARGET_ONNX_HOSTTENSOR_H
