//===- PrintCosts.cpp - Print the MACs and bytes of nn operators ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/Analysis/OpCost.h"
#include "morsel/Dialect/NN/IR/NNDialect.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/raw_ostream.h"

namespace morsel::nn {
#define GEN_PASS_DEF_NNPRINTCOSTS
#include "morsel/Dialect/NN/Transforms/Passes.h.inc"
} // namespace morsel::nn

using namespace mlir;
using namespace morsel::nn;

namespace {
struct NNPrintCostsPass
    : public morsel::nn::impl::NNPrintCostsBase<NNPrintCostsPass> {
  void runOnOperation() override {
    llvm::raw_ostream &os = llvm::errs();
    getOperation().walk([&](FunctionOpInterface function) {
      os << "nn costs of @" << function.getName() << "\n";
      OpCost total;
      function.walk([&](Operation *op) {
        if (!isa<NNDialect>(op->getDialect()))
          return;
        OpCost cost = getOpCost(op);
        os << "  " << op->getName() << " ";
        llvm::interleaveComma(op->getResultTypes(), os);
        os << "  macs " << cost.macs << "  in " << cost.activationBytesIn
           << "  weights " << cost.weightBytes << "  out " << cost.bytesOut
           << "\n";
        total.macs += cost.macs;
        total.weightBytes += cost.weightBytes;
      });
      os << "  total: macs " << total.macs << "  weights "
         << total.weightBytes << "\n";
    });
    markAllAnalysesPreserved();
  }
};
} // namespace
