//===- TargetDescription.h - The CPUs Morsel generates code for -*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_TARGET_CODEGEN_TARGETDESCRIPTION_H
#define MORSEL_TARGET_CODEGEN_TARGETDESCRIPTION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace morsel {

/// One `--target` of morselc: how LLVM generates code for it.
struct TargetDescription {
  /// The name users give (`cortex-m4`, `host`).
  llvm::StringRef name;
  /// The LLVM triple before normalization (empty: this machine's).
  llvm::StringRef triple;
  /// The LLVM CPU name (empty: generic).
  llvm::StringRef cpu;
  /// Bit width of index values in generated code.
  unsigned indexBitwidth;
  /// True for microcontroller targets (bare metal, static relocation).
  bool isMicrocontroller;
};

/// Returns every target, microcontrollers first.
llvm::ArrayRef<TargetDescription> getTargets();

/// Returns the target named `name`, or null.
const TargetDescription *lookupTarget(llvm::StringRef name);

/// Returns the target names separated by ", " for help texts and errors.
std::string getTargetNames();

} // namespace morsel

#endif // MORSEL_TARGET_CODEGEN_TARGETDESCRIPTION_H
