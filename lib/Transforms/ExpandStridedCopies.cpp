//===- ExpandStridedCopies.cpp - Copies of views as loops -----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"

namespace morsel {
#define GEN_PASS_DEF_EXPANDSTRIDEDCOPIES
#include "morsel/Transforms/Passes.h.inc"
} // namespace morsel

using namespace mlir;

/// Returns true if the LLVM lowering turns a copy between these types into
/// llvm.memcpy rather than a library call.
static bool lowersToMemcpy(Type source, Type target) {
  auto sourceType = dyn_cast<MemRefType>(source);
  auto targetType = dyn_cast<MemRefType>(target);
  return sourceType && targetType &&
         memref::isStaticShapeAndContiguousRowMajor(sourceType) &&
         memref::isStaticShapeAndContiguousRowMajor(targetType);
}

namespace {
struct ExpandStridedCopiesPass
    : public morsel::impl::ExpandStridedCopiesBase<ExpandStridedCopiesPass> {
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp copy) {
      if (!lowersToMemcpy(copy.getSource().getType(),
                          copy.getTarget().getType()))
        copies.push_back(copy);
    });
    for (memref::CopyOp copy : copies) {
      OpBuilder builder(copy);
      linalg::CopyOp::create(builder, copy.getLoc(), copy.getSource(),
                             copy.getTarget());
      copy.erase();
    }
  }
};
} // namespace
