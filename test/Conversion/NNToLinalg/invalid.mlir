// RUN: morsel-opt %s --convert-nn-to-linalg --split-input-file -verify-diagnostics

// Operations of other dialects that carry quantized types cannot be
// converted; they are reported by name.

!q = !quant.uniform<i8:f32, 0.1>

func.func @foreign_op(%x: tensor<4x!q>, %i: index) -> !q {
  // expected-error @below {{'tensor.extract' op uses quantized types, which convert-nn-to-linalg converts only in nn operators and in func signatures, calls and returns}}
  %e = tensor.extract %x[%i] : tensor<4x!q>
  return %e : !q
}

// -----

!q = !quant.uniform<i8:f32, 0.1>

func.func @foreign_region(%x: tensor<4x!q>, %c: i1) -> tensor<4x!q> {
  // expected-error @below {{'scf.if' op uses quantized types}}
  %r = scf.if %c -> tensor<4x!q> {
    // expected-error @below {{'scf.yield' op uses quantized types}}
    scf.yield %x : tensor<4x!q>
  } else {
    // expected-error @below {{'scf.yield' op uses quantized types}}
    scf.yield %x : tensor<4x!q>
  }
  return %r : tensor<4x!q>
}
