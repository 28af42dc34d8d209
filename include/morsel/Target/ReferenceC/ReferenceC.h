//===- ReferenceC.h - nn models as plain C reference kernels ----*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The baseline that benchmarks compare Morsel's code against: a model in the
// nn dialect written out as one self-contained C99 file whose layers are
// plain nested loops in the style of TensorFlow Lite Micro's reference
// kernels, for any C compiler (arm-none-eabi-gcc -O2 in morselc). The file
// defines the entry point of Morsel's model.h,
// `<prefix>_run(inputs..., outputs..., arena)`, keeps intermediates in the
// caller's arena (greedy-by-size over operator lifetimes) and follows the
// integer semantics of docs/quantization.md, so that int8 results are
// bit-identical to Morsel's compiled code.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_TARGET_REFERENCEC_REFERENCEC_H
#define MORSEL_TARGET_REFERENCEC_REFERENCEC_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

namespace morsel {

/// What the emitted C file needs from its caller besides the tensors.
struct ReferenceCInfo {
  /// Bytes of scratch memory `<prefix>_run` needs (16-byte aligned).
  int64_t arenaBytes = 0;
};

/// Writes `entry`, a function of nn operators as `morselc --emit nn` prints
/// it (after the nn optimization pipeline: NHWC, quantized operators fused,
/// weights as nn.constant), as one C99 file defining
/// `void <prefix>_run(const T *input0, ..., T *output0, ..., void *arena)`.
/// Emits a diagnostic on the first operation or attribute combination it
/// does not support and returns failure; on success `info` (if given) holds
/// the arena size that model.h must state.
mlir::LogicalResult emitReferenceC(mlir::func::FuncOp entry,
                                   llvm::StringRef prefix,
                                   llvm::raw_ostream &os,
                                   ReferenceCInfo *info = nullptr);

/// Registers the `--nn-to-reference-c` translation of morsel-translate (with
/// `--reference-c-prefix` and `--reference-c-entry`).
void registerReferenceCTranslation();

} // namespace morsel

#endif // MORSEL_TARGET_REFERENCEC_REFERENCEC_H
