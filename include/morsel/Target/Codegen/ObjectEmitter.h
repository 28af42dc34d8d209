//===- ObjectEmitter.h - LLVM dialect to an object file ---------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_TARGET_CODEGEN_OBJECTEMITTER_H
#define MORSEL_TARGET_CODEGEN_OBJECTEMITTER_H

#include "morsel/Target/Codegen/TargetDescription.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace morsel {

/// Translates `module` (in the LLVM dialect) to LLVM IR, optimizes it for
/// `target` and writes a relocatable object file to `os`, in process through
/// LLVM's backends. Function and data sections are separate so that the
/// linker can drop what a firmware does not use. The same input always gives
/// the same bytes.
llvm::Error emitObjectFile(mlir::ModuleOp module,
                           const TargetDescription &target,
                           llvm::raw_pwrite_stream &os);

} // namespace morsel

#endif // MORSEL_TARGET_CODEGEN_OBJECTEMITTER_H
