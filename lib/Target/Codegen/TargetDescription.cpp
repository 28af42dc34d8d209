//===- TargetDescription.cpp - The CPUs Morsel generates code for ---------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Target/Codegen/TargetDescription.h"

#include <string>

using namespace morsel;

/// The triples are those that toolchain tests showed to produce objects that
/// arm-none-eabi-ld links: hard-float ABI wherever the CPU has an FPU.
static const TargetDescription kTargets[] = {
    {"cortex-m0plus", "thumbv6m-none-eabi", "cortex-m0plus", 32, true},
    {"cortex-m3", "thumbv7m-none-eabi", "cortex-m3", 32, true},
    {"cortex-m4", "thumbv7em-none-eabihf", "cortex-m4", 32, true},
    {"cortex-m7", "thumbv7em-none-eabihf", "cortex-m7", 32, true},
    {"cortex-m33", "thumbv8m.main-none-eabihf", "cortex-m33", 32, true},
    {"cortex-m55", "thumbv8.1m.main-none-eabihf", "cortex-m55", 32, true},
    {"host", "", "", 64, false},
};

llvm::ArrayRef<TargetDescription> morsel::getTargets() { return kTargets; }

const TargetDescription *morsel::lookupTarget(llvm::StringRef name) {
  for (const TargetDescription &target : kTargets)
    if (target.name == name)
      return &target;
  return nullptr;
}

std::string morsel::getTargetNames() {
  std::string names;
  for (const TargetDescription &target : kTargets) {
    if (!names.empty())
      names += ", ";
    names += target.name.str();
  }
  return names;
}
