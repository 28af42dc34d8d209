//===- Passes.td - Passes of the nn dialect ----------------*- tablegen -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DIALECT_NN_TRANSFORMS_PASSES_TD
#define MORSEL_DIALECT_NN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNPrintCosts : Pass<"nn-print-costs", "mlir::ModuleOp"> {
  let summary = "Print the MACs and bytes of every nn operator";
  let description = [{
    Walks every function of the module in order and prints, to stderr, one
    row per nn operator: its name, result type, multiply-accumulates,
    activation bytes read, weight bytes read and bytes written, then the
    totals of the function. The IR is not changed.

    For

    ```mlir
    func.func @fc(%x: tensor<1x64xf32>) -> tensor<1x10xf32> {
      %w = nn.constant dense<0.5> : tensor<10x64xf32> -> tensor<10x64xf32>
      %y = nn.fully_connected %x, %w
           : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
      return %y : tensor<1x10xf32>
    }
    ```

    it prints

    ```
    nn costs of @fc
      nn.constant tensor<10x64xf32>  macs 0  in 0  weights 0  out 2560
      nn.fully_connected tensor<1x10xf32>  macs 640  in 256  weights 2560  out 40
      total: macs 640  weights 2560
    ```
  }];
}

#endif // MORSEL_DIALECT_NN_TRANSFORMS_PASSES_TD
