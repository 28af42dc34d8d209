//===- QemuRunner.h - Run a compiled model on a Cortex-M board --*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DRIVER_QEMURUNNER_H
#define MORSEL_DRIVER_QEMURUNNER_H

#include "morsel/Driver/Model.h"

namespace morsel {

/// What a QEMU run needs besides the model.
struct QemuRunOptions {
  /// The Cortex-M target (a row of runtime/boards/boards.tsv).
  std::string target;
  /// The symbol prefix the model was compiled with.
  std::string prefix = "model";
  /// The runtime/ directory holding run-on-qemu.sh.
  std::string runtimeDir;
  /// The stack the harness reserves.
  int64_t stackBytes = 16384;
  /// Path of qemu-insn-count.so, to count the model's instructions.
  std::string instructionCounter;
};

/// What a QEMU run produced.
struct QemuRunResult {
  llvm::SmallVector<NpyArray> outputs;
  /// RAM the linker was given: stack + arena + outputs, nothing more.
  int64_t ramBytes = 0;
  /// Instructions executed in the model's code, when counted.
  std::optional<int64_t> instructions;
};

/// Links `object` (compiled for the target) with the runtime harness and
/// `inputs`, in a linker script whose RAM region is cut to exactly the
/// stack, the arena and the outputs, runs one inference under QEMU and
/// returns the outputs. Fails with the runtime's message when the image does
/// not link (e.g. the RAM region overflowed), faults or times out.
llvm::Expected<QemuRunResult> runOnQemu(llvm::StringRef object,
                                        llvm::StringRef header,
                                        const ModelSignature &signature,
                                        llvm::ArrayRef<NpyArray> inputs,
                                        const QemuRunOptions &options);

/// Returns the runtime directory: $MORSEL_RUNTIME_DIR, else the source
/// tree's runtime/ that this build was configured from.
std::string getDefaultRuntimeDir();

} // namespace morsel

#endif // MORSEL_DRIVER_QEMURUNNER_H
