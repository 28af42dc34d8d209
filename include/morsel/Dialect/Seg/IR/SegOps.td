//===- SegOps.td - seg dialect operations -----------------*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_IR_SEGOPS_TD
#define MORSEL_DIALECT_SEG_IR_SEGOPS_TD

include "morsel/Dialect/Seg/IR/SegBase.td"
include "morsel/Dialect/Seg/IR/SegAttrs.td"
include "morsel/Dialect/Seg/IR/SegInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ViewLikeInterface.td"

def Seg_PoolOp : Seg_Op<"pool", [Pure]> {
  let summary = "A memory pool that placed tensors share";
  let description = [{
    One pool of `memory` (for example `"sram"`), of the size of its result
    type, whose views start at multiples of `alignment` bytes. The caller
    owns the bytes: lowering turns the pool into a trailing function
    argument (the arena of the generated C header).

    Example:

    ```mlir
    %pool = seg.pool "sram" align 16 : memref<16448xi8>
    ```
  }];
  let arguments = (ins StrAttr:$memory, ConfinedAttr<I64Attr,
                       [IntPositive]>:$alignment);
  let results = (outs StaticShapeMemRefOf<[I8]>:$result);
  let assemblyFormat = "$memory `align` $alignment attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Seg_ViewOp : Seg_Op<"view", [Pure,
    DeclareOpInterfaceMethods<ViewLikeOpInterface>]> {
  let summary = "A tensor placed at an offset of a pool";
  let description = [{
    The buffer of one tensor, `offset` bytes into `pool`. Views of one pool
    may share bytes only where the plan verifier can prove it safe: while
    both are live, one is the output of a kernel that consumes the other
    and the kernel's access order never writes a byte it still has to read.
    `name` names the tensor in the plan's diagnostics and report.

    Example:

    ```mlir
    %t = seg.view %pool[1024] {name = "conv1"}
        : memref<16448xi8> to memref<1x25x5x64xi8>
    ```
  }];
  let arguments = (ins StaticShapeMemRefOf<[I8]>:$pool,
                       ConfinedAttr<I64Attr, [IntNonNegative]>:$offset,
                       OptionalAttr<StrAttr>:$name);
  let results = (outs StaticShapeMemRefOf<[AnyType]>:$result);
  let assemblyFormat = [{
    $pool `[` $offset `]` attr-dict `:` type($pool) `to` type($result)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Bytes of the viewed buffer.
    int64_t getBytes();
    /// The tensor's name, or "offset <N>" if it has none.
    std::string getDisplayName();
  }];
}

#endif // MORSEL_DIALECT_SEG_IR_SEGOPS_TD
