//===- ImportONNX.cpp - TEMPORARY SCAFFOLD, replaced by the real importer -===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Target/ONNX/ImportONNX.h"

#include "onnx/onnx_pb.h"

mlir::OwningOpRef<mlir::ModuleOp>
morsel::importONNX(llvm::StringRef, llvm::StringRef fileName,
                   mlir::MLIRContext *context) {
  mlir::emitError(mlir::FileLineColLoc::get(context, fileName, 0, 0))
      << "the ONNX importer is not implemented yet";
  return nullptr;
}

void morsel::registerImportONNXTranslation() {}
