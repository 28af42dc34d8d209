//===- SegInterfaces.td - kernel access order interface ---*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_SEG_IR_SEGINTERFACES_TD
#define MORSEL_DIALECT_SEG_IR_SEGINTERFACES_TD

include "mlir/IR/OpBase.td"

def Seg_SegmentAccessOpInterface : OpInterface<"SegmentAccessOpInterface"> {
  let cppNamespace = "::morsel::seg";
  let description = [{
    A kernel that declares the order in which it reads an input and writes
    its output: at step t it reads these input bytes and writes these output
    bytes, in any interleaving within the step. The overlap planner and the
    plan verifier work from this interface alone. Upstream kernels (scf.for
    loop nests built by Morsel's lowering, element-wise linalg.generic)
    implement it through external models.
  }];
  let methods = [
    InterfaceMethod<[{
        Returns the order in which this kernel reads `input` and writes
        `output` (memrefs it uses but does not define), or std::nullopt if it
        declares none for that pair.
      }],
      "std::optional<::morsel::AccessOrder>", "getAccessOrder",
      (ins "::mlir::Value":$input, "::mlir::Value":$output)>,
    InterfaceMethod<[{
        Rewrites the kernel to run its steps in reverse order (last step
        first), keeping the work inside each step unchanged. Fails, without
        changing the IR, if it cannot.
      }],
      "::llvm::LogicalResult", "reverseSteps",
      (ins "::mlir::RewriterBase &":$rewriter)>,
  ];
}

#endif // MORSEL_DIALECT_SEG_IR_SEGINTERFACES_TD
