//===- Passes.td - seg dialect passes ---------------------*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_TRANSFORMS_PASSES_TD
#define MORSEL_DIALECT_SEG_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def SegPlaceBuffers : Pass<"seg-place-buffers", "mlir::ModuleOp"> {
  let summary = "Place every intermediate buffer of a function in one SRAM pool";
  let description = [{
    After bufferization, gives each public function one `seg.pool` and
    replaces each `memref.alloc` and `memref.alloca` by a `seg.view` of it
    (deleting the deallocations), so that the generated code never touches
    a heap. A buffer lives from the first to the last top-level operation
    (step) that uses it or any view of it. Views start at multiples of 16
    bytes.

    `plan` chooses the placement:
    * `naive`: every buffer its own bytes;
    * `tflm-greedy` (default): TensorFlow Lite Micro's GreedyMemoryPlanner
      (largest first, each in the lowest gap among the placed buffers whose
      lifetimes overlap its own);
    * `usmp`: TVM USMP's hill climb over greedy placements;
    * `overlap`: vMCU's segment overlap. A kernel's output may share the
      bytes of an input that dies at that kernel, as far as the access order
      the kernel declares (SegmentAccessOpInterface) proves that no write
      lands on a byte still to be read. Each such kernel runs forwards (the
      output starts below the input) or backwards (its end lies above the
      input's; the kernel gets `seg.reversed`), so that chains zigzag in one
      band of the pool. Never larger than `tflm-greedy`.

    The function records `morsel.arena_bytes` (the pool's size),
    `morsel.arena_lower_bound` (the op-level lower bound of the plan's
    strategy: the most bytes live at one step, where under `overlap` an
    output counts only the bytes its best overlap cannot share),
    `morsel.arena_buffers` (offset, size, first and last step of each
    buffer) and `morsel.arena_steps` (the operation at each step), from
    which the driver writes the report and the memory map.
  }];
  let options = [
    Option<"plan", "plan", "std::string", /*default=*/"\"tflm-greedy\"",
           "How buffers share the pool: naive, tflm-greedy, usmp or overlap">,
  ];
  let dependentDialects = ["morsel::seg::SegDialect"];
}

def SegVerifyPlan : Pass<"seg-verify-plan", "mlir::ModuleOp"> {
  let summary = "Prove that no placed tensor is overwritten before its last read";
  let description = [{
    Checks every pair of `seg.view`s of one pool that share bytes while both
    are live. The only sharing allowed is an output with an input that dies
    at the kernel writing the output, and only if replaying the access order
    the kernel declares (backwards if it carries `seg.reversed`) over the
    placed bytes finds no write on a byte that the same or a later step
    still reads. Anything else is an error that names both tensors and the
    operation.
  }];
}

def ConvertSegToMemRef : Pass<"convert-seg-to-memref", "mlir::ModuleOp"> {
  let summary = "Lower pools and placed views to a caller-owned arena";
  let description = [{
    Replaces each function's `seg.pool` by a new trailing argument, the
    arena (`memref<Nxi8>`, owned by the caller), and each `seg.view` by a
    `memref.view` of it. Kernels marked `seg.reversed` are rewritten to run
    their steps backwards, as the plan assumed. A public function without a
    pool still receives an empty arena, so that every model has the same
    calling convention.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::scf::SCFDialect"];
}

#endif // MORSEL_DIALECT_SEG_TRANSFORMS_PASSES_TD
