//===- SegAttrs.td - seg dialect attributes ---------------*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_IR_SEGATTRS_TD
#define MORSEL_DIALECT_SEG_IR_SEGATTRS_TD

include "morsel/Dialect/Seg/IR/SegBase.td"

def Seg_WindowAccessAttr : Seg_Attr<"WindowAccess", "window"> {
  let summary = "The access order of a convolution-like kernel";
  let description = [{
    Declares that a kernel walks its NHWC output one pixel per step, in
    row-major order (batch, row, column), and that the step of an output
    pixel reads the input pixels of its window (clamped to the input) and
    writes the output pixel. Shapes are `[batch, height, width, bytes per
    pixel]`; `pad` is `[top, left]`. A fully connected layer is the 1x1 case
    whose pixels are whole rows.

    The step loops (batch, rows, columns) carry the unit attribute
    `seg.step_loop`, so that the kernel can be made to run its steps
    backwards without touching the loops inside a step.

    Example:

    ```mlir
    scf.for %n = %c0 to %c1 step %c1 {
      ...
    } {seg.access = #seg.window<[1, 49, 10, 1] -> [1, 25, 5, 64],
                                kernel [10, 4], strides [2, 2],
                                dilations [1, 1], pad [4, 1]>,
       seg.step_loop}
    ```
  }];
  let parameters = (ins
    ArrayRefParameter<"int64_t", "input [batch, height, width, bytes]">:$input,
    ArrayRefParameter<"int64_t", "output [batch, height, width, bytes]">:$output,
    ArrayRefParameter<"int64_t", "kernel [height, width]">:$kernel,
    ArrayRefParameter<"int64_t", "strides [height, width]">:$strides,
    ArrayRefParameter<"int64_t", "dilations [height, width]">:$dilations,
    ArrayRefParameter<"int64_t", "padding [top, left]">:$pad
  );
  let assemblyFormat = [{
    `<` `[` $input `]` `->` `[` $output `]` `,` `kernel` `[` $kernel `]` `,`
    `strides` `[` $strides `]` `,` `dilations` `[` $dilations `]` `,`
    `pad` `[` $pad `]` `>`
  }];
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The window as the plain description AccessOrder.h works with.
    ::morsel::WindowAccess getWindow() const;
    /// Bytes of the input and output buffers the window walks.
    int64_t getInputBytes() const;
    int64_t getOutputBytes() const;
  }];
}

#endif // MORSEL_DIALECT_SEG_IR_SEGATTRS_TD
