//===- morsel-opt.cpp - The opt-style driver of Morsel --------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Parses MLIR, runs Morsel and upstream passes over it, and prints the
// result: the tool every lit test drives.
//
//===----------------------------------------------------------------------===//

#include "morsel/InitAll.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  morsel::registerAllDialects(registry);
  registry.insert<mlir::arith::ArithDialect, mlir::func::FuncDialect,
                  mlir::linalg::LinalgDialect, mlir::LLVM::LLVMDialect,
                  mlir::memref::MemRefDialect, mlir::quant::QuantDialect,
                  mlir::scf::SCFDialect, mlir::tensor::TensorDialect,
                  mlir::tosa::TosaDialect>();

  morsel::registerAllPasses();
  mlir::registerTransformsPasses();

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Morsel optimizer driver\n", registry));
}
