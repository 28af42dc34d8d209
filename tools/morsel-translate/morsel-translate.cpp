//===- morsel-translate.cpp - Translations in and out of Morsel's IR ------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Translates models into MLIR (--import-onnx) and MLIR into other formats
// (every upstream translation, such as --mlir-to-llvmir, and
// --nn-to-reference-c, the plain C baseline).
//
//===----------------------------------------------------------------------===//

#include "morsel/Target/ONNX/ImportONNX.h"
#include "morsel/Target/ReferenceC/ReferenceC.h"

#include "mlir/InitAllTranslations.h"
#include "mlir/Support/LogicalResult.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  mlir::registerAllTranslations();
  morsel::registerImportONNXTranslation();
  morsel::registerReferenceCTranslation();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "Morsel translation driver\n"));
}
