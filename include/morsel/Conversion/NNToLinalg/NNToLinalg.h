//===- NNToLinalg.h - Lower nn to linalg on tensors -------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_CONVERSION_NNTOLINALG_NNTOLINALG_H
#define MORSEL_CONVERSION_NNTOLINALG_NNTOLINALG_H

#include "mlir/Transforms/DialectConversion.h"

namespace morsel {

/// Converts quantized element types to their storage types (in tensors and
/// function signatures) and leaves every other type unchanged.
class QuantStorageTypeConverter : public mlir::TypeConverter {
public:
  QuantStorageTypeConverter();
};

/// Adds the patterns that rewrite every nn operator into linalg, tensor and
/// arith operations on storage-typed tensors.
void populateNNToLinalgConversionPatterns(mlir::TypeConverter &converter,
                                          mlir::RewritePatternSet &patterns);

} // namespace morsel

#endif // MORSEL_CONVERSION_NNTOLINALG_NNTOLINALG_H
