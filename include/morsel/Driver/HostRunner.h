//===- HostRunner.h - Run a compiled model on the host ----------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DRIVER_HOSTRUNNER_H
#define MORSEL_DRIVER_HOSTRUNNER_H

#include "morsel/Driver/Model.h"

namespace morsel {

/// Checks that `inputs` match the signature's inputs in number, dtype and
/// shape; the message names the first input that does not.
llvm::Error checkInputs(const ModelSignature &signature,
                        llvm::ArrayRef<NpyArray> inputs);

/// JIT-compiles `module`, already lowered to the LLVM dialect with the
/// bare-pointer calling convention and results as out-parameters, and calls
/// `entry` once with `inputs`. Returns the outputs that `signature`
/// describes.
llvm::Expected<llvm::SmallVector<NpyArray>>
runOnHost(mlir::ModuleOp module, llvm::StringRef entry,
          const ModelSignature &signature, llvm::ArrayRef<NpyArray> inputs);

} // namespace morsel

#endif // MORSEL_DRIVER_HOSTRUNNER_H
