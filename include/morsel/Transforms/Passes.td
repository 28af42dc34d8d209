//===- Passes.td - Buffer-level passes of Morsel -----------*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_TRANSFORMS_PASSES_TD
#define MORSEL_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def ExpandStridedCopies : Pass<"morsel-expand-strided-copies", "mlir::ModuleOp"> {
  let summary = "Rewrite copies of strided views into linalg.copy loops";
  let description = [{
    Bufferization copies into and out of views (the windows of tensor.pad,
    the slots of tensor.concat). The LLVM lowering turns a `memref.copy`
    between contiguous buffers into `llvm.memcpy`, but any other copy into a
    call of MLIR's C runner library (`memrefCopy`), which a microcontroller
    firmware does not have. This pass rewrites exactly those copies into
    `linalg.copy`, which becomes plain loops; contiguous copies stay.
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect"];
}

def ApproximateMath : Pass<"morsel-approximate-math", "mlir::ModuleOp"> {
  let summary = "Replace calls of the math library by polynomial arithmetic";
  let description = [{
    Float models use `math.exp` (softmax, sigmoid) and the like, which the
    LLVM lowering turns into calls of libm (`expf`). A firmware should not
    need libm, and two libms need not agree bit for bit. This pass rewrites
    every math operation that MLIR can approximate into polynomial
    arithmetic (accurate to about one ulp in f32) and expands the resulting
    `math.fma` into a multiply and an add and `math.floor` into an integer
    truncation with a correction, and `arith.maximumf`/`minimumf` into
    compare and select, so that CPUs without an FMA, a rounding instruction
    or an FPU call nothing either.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::math::MathDialect",
                           "mlir::vector::VectorDialect"];
}

def OutlineKernels : Pass<"morsel-outline-kernels", "mlir::ModuleOp"> {
  let summary = "Give every kernel of a function its own function";
  let description = [{
    After the buffers are placed, each linalg operation and each scf.for
    loop nest without results at the top level of a public function (a
    kernel) becomes a call of a new private function
    that holds the operation and clones of the side-effect-free operations
    its operands come from: constants, globals, and the views of the arena
    or of the function's arguments. A kernel's arguments are therefore only
    arguments of the original function (inputs, outputs, arena), all with
    identity layouts, as the bare-pointer calling convention needs; buffer
    offsets stay compile-time constants inside the kernel.

    One function per kernel keeps LLVM's loop optimizations linear in the
    size of the model: on a whole MobileNetV2 in one function, induction
    variable simplification and loop unrolling alone take tens of seconds.
    Kernels are marked `noinline` (as LLVM passthrough) and get internal
    linkage, so that two models still link into one firmware.

    ```mlir
    func.func @f(%in: memref<4xf32>, %out: memref<4xf32>) {
      linalg.copy ins(%in : memref<4xf32>) outs(%out : memref<4xf32>)
      return
    }
    ```
    becomes
    ```mlir
    func.func @f(%in: memref<4xf32>, %out: memref<4xf32>) {
      call @f_k0_copy(%in, %out) : (memref<4xf32>, memref<4xf32>) -> ()
      return
    }
    func.func private @f_k0_copy(%in: memref<4xf32>, %out: memref<4xf32>)
        attributes {llvm.linkage = #llvm.linkage<internal>,
                    passthrough = ["noinline"]} {
      linalg.copy ins(%in : memref<4xf32>) outs(%out : memref<4xf32>)
      return
    }
    ```
  }];
  let dependentDialects = ["mlir::func::FuncDialect",
                           "mlir::LLVM::LLVMDialect"];
}

#endif // MORSEL_TRANSFORMS_PASSES_TD
