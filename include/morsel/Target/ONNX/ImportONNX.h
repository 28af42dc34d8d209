//===- ImportONNX.h - Import ONNX models into the nn dialect ----*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_TARGET_ONNX_IMPORTONNX_H
#define MORSEL_TARGET_ONNX_IMPORTONNX_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

namespace morsel {

/// Parses the serialized ONNX model in `buffer` (named `fileName` in
/// diagnostics) and returns a module holding one `func.func @main` in the nn
/// dialect whose arguments and results are the graph's inputs and outputs,
/// in ONNX's own layout. Emits a diagnostic naming the file, node or
/// operator and returns null on any malformed or unsupported input.
mlir::OwningOpRef<mlir::ModuleOp> importONNX(llvm::StringRef buffer,
                                             llvm::StringRef fileName,
                                             mlir::MLIRContext *context);

/// Registers the `--import-onnx` translation of morsel-translate.
void registerImportONNXTranslation();

} // namespace morsel

#endif // MORSEL_TARGET_ONNX_IMPORTONNX_H
