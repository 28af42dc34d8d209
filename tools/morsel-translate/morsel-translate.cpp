//===- morsel-translate.cpp - Translations in and out of Morsel's IR ------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Translates models into MLIR (--import-onnx) and MLIR into other formats
// (every upstream translation, such as --mlir-to-llvmir).
//
//===----------------------------------------------------------------------===//

#include "morsel/Target/ONNX/ImportONNX.h"

#include "mlir/InitAllTranslations.h"
#include "mlir/Support/LogicalResult.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  mlir::registerAllTranslations();
  morsel::registerImportONNXTranslation();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "Morsel translation driver\n"));
}
