//===- SegBase.td - seg dialect definition ----------------*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_IR_SEGBASE_TD
#define MORSEL_DIALECT_SEG_IR_SEGBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Seg_Dialect : Dialect {
  let name = "seg";
  let cppNamespace = "::morsel::seg";
  let summary = "Memory pools, tensors placed in them, and kernel access orders";
  let description = [{
    The `seg` dialect is where Morsel decides where every byte lives. After
    bufferization each function has one SRAM pool (`seg.pool`); every
    intermediate buffer is a view placed at an offset of it (`seg.view`).

    Kernels (the top-level loop nests and linalg operations of a function)
    declare, through `SegmentAccessOpInterface`, the order in which they
    read each input and write their output, one step at a time. From that
    order alone the overlap planner lets an output share the bytes of an
    input it has already consumed (vMCU), and the plan verifier replays the
    orders over the placed pool to prove that no byte is overwritten before
    its last read. A convolution declares its order with a `#seg.window`
    attribute named `seg.access` on its outermost loop; element-wise
    `linalg.generic` operations declare theirs through their indexing maps.
    A kernel the planner made run backwards carries `seg.reversed`.
  }];
  let useDefaultAttributePrinterParser = 1;
}

class Seg_Op<string mnemonic, list<Trait> traits = []>
    : Op<Seg_Dialect, mnemonic, traits>;

class Seg_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Seg_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

#endif // MORSEL_DIALECT_SEG_IR_SEGBASE_TD
