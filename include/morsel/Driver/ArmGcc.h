//===- ArmGcc.h - C to Cortex-M objects with Arm GCC ------------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Compiles a generated C file (the reference C backend's model) into a
// Cortex-M object with the Arm GNU toolchain, with the flags of the
// target's row of runtime/boards/boards.tsv, so that it links with the
// QEMU harness exactly as Morsel's own objects do.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DRIVER_ARMGCC_H
#define MORSEL_DRIVER_ARMGCC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace morsel {

/// Returns the gcc_flags column of `target`'s row in
/// `runtimeDir`/boards/boards.tsv (e.g. "-mcpu=cortex-m4 -mthumb ...").
llvm::Expected<std::string> getBoardGccFlags(llvm::StringRef target,
                                             llvm::StringRef runtimeDir);

/// Compiles `source` (C99) for `target` with `arm-none-eabi-gcc -std=c99
/// -O2` (or $ARM_GCC) and the board's flags, and returns the object file.
/// `header` is force-included under the name `headerName` (the model's
/// model.h), so that the definition of the entry point must match the
/// prototype the header declares. gcc's messages become the error.
llvm::Expected<std::string> compileWithArmGcc(llvm::StringRef source,
                                              llvm::StringRef header,
                                              llvm::StringRef headerName,
                                              llvm::StringRef target,
                                              llvm::StringRef runtimeDir);

} // namespace morsel

#endif // MORSEL_DRIVER_ARMGCC_H
