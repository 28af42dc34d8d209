//===- NNToLinalg.cpp - TEMPORARY SCAFFOLD, replaced by the real lowering -===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace morsel {
#define GEN_PASS_DEF_CONVERTNNTOLINALG
#include "morsel/Conversion/Passes.h.inc"
} // namespace morsel

morsel::QuantStorageTypeConverter::QuantStorageTypeConverter() {
  addConversion([](mlir::Type type) { return type; });
}

void morsel::populateNNToLinalgConversionPatterns(
    mlir::TypeConverter &, mlir::RewritePatternSet &) {}

namespace {
struct ConvertNNToLinalgPass
    : public morsel::impl::ConvertNNToLinalgBase<ConvertNNToLinalgPass> {
  void runOnOperation() override {}
};
} // namespace
