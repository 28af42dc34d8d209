//===- Npy.h - Read and write NumPy .npy arrays -----------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// NumPy's .npy format (versions 1.0 to 3.0, little-endian, C order) is what
// users keep their test vectors in; morselc reads model inputs from it and
// writes outputs to it.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_NPY_H
#define MORSEL_SUPPORT_NPY_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace morsel {

/// The element types morselc exchanges through .npy files.
enum class NpyDType { Float32, Float64, Int8, UInt8, Int32, Int64 };

/// Returns the NumPy spelling of `dtype` ("float32", "int8", ...).
llvm::StringRef getNpyDTypeName(NpyDType dtype);

/// Returns the size in bytes of one element of `dtype`.
size_t getNpyDTypeSize(NpyDType dtype);

/// A dense array in C order with little-endian elements.
struct NpyArray {
  NpyDType dtype = NpyDType::Float32;
  llvm::SmallVector<int64_t> shape;
  std::vector<char> data;

  /// Returns the number of elements that `shape` describes.
  int64_t getNumElements() const;
};

/// Parses a .npy file held in `buffer`. Fails with a message that says what
/// is wrong (bad magic, unsupported version or dtype, Fortran order, a data
/// size that disagrees with the shape) on any malformed input.
llvm::Expected<NpyArray> parseNpy(llvm::StringRef buffer);

/// Serializes `array` as a version 1.0 .npy file.
std::string serializeNpy(const NpyArray &array);

} // namespace morsel

#endif // MORSEL_SUPPORT_NPY_H
