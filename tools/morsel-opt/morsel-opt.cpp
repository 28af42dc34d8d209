//===- morsel-opt.cpp - The opt-style driver of Morsel --------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Parses MLIR, runs Morsel and upstream passes over it, and prints the
// result: the tool every lit test drives. Every upstream dialect, extension
// and pass is registered too, so that IR at any level of the pipeline can be
// inspected and transformed.
//
//===----------------------------------------------------------------------===//

#include "morsel/InitAll.h"

#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  morsel::registerAllDialects(registry);

  mlir::registerAllPasses();
  morsel::registerAllPasses();

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Morsel optimizer driver\n", registry));
}
