//===- Passes.h - Conversions between Morsel and other dialects -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_CONVERSION_PASSES_H
#define MORSEL_CONVERSION_PASSES_H

#include "morsel/Conversion/NNToLinalg/NNToLinalg.h"
#include "morsel/Conversion/TosaToNN/TosaToNN.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace morsel {

#define GEN_PASS_DECL
#include "morsel/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "morsel/Conversion/Passes.h.inc"

} // namespace morsel

#endif // MORSEL_CONVERSION_PASSES_H
