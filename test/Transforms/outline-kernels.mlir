// RUN: morsel-opt %s --morsel-outline-kernels --split-input-file | FileCheck %s
// RUN: morsel-opt %s --morsel-outline-kernels --split-input-file | morsel-opt --split-input-file | FileCheck %s

// Each top-level linalg operation and scf.for becomes a call of a private,
// internal, noinline function that takes only arguments of the original
// function; the arena views and constants it reads are cloned into it.

// CHECK-LABEL: func.func @model(
// CHECK-SAME: %[[IN:.+]]: memref<4xf32>, %[[OUT:.+]]: memref<4xf32>, %[[ARENA:.+]]: memref<32xi8>)
// CHECK-NEXT: call @model_k0_copy(%[[IN]], %[[ARENA]]) : (memref<4xf32>, memref<32xi8>) -> ()
// CHECK-NEXT: call @model_k1_for(%[[OUT]], %[[ARENA]]) : (memref<4xf32>, memref<32xi8>) -> ()
// CHECK-NEXT: return
// CHECK: func.func private @model_k0_copy(%[[A:.+]]: memref<4xf32>, %[[B:.+]]: memref<32xi8>)
// CHECK-SAME: attributes {llvm.linkage = #llvm.linkage<internal>, passthrough = ["noinline"]}
// CHECK: %[[C16:.+]] = arith.constant 16 : index
// CHECK: %[[VIEW:.+]] = memref.view %[[B]][%[[C16]]][] : memref<32xi8> to memref<4xf32>
// CHECK: linalg.copy ins(%[[A]] : memref<4xf32>) outs(%[[VIEW]] : memref<4xf32>)
// CHECK: func.func private @model_k1_for(%[[O:.+]]: memref<4xf32>, %[[B2:.+]]: memref<32xi8>)
// CHECK: memref.view %[[B2]]
// CHECK: scf.for
// CHECK: memref.load
// CHECK: memref.store {{.+}}, %[[O]]
func.func @model(%in: memref<4xf32>, %out: memref<4xf32>, %arena: memref<32xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  %tmp = memref.view %arena[%c16][] : memref<32xi8> to memref<4xf32>
  linalg.copy ins(%in : memref<4xf32>) outs(%tmp : memref<4xf32>)
  scf.for %i = %c0 to %c4 step %c1 {
    %v = memref.load %tmp[%i] : memref<4xf32>
    memref.store %v, %out[%i] : memref<4xf32>
  }
  return
}

// -----

// A kernel that reads a buffer made by an operation with side effects (here
// an allocation) stays in place; private functions are left alone.

// CHECK-LABEL: func.func @allocating(
// CHECK: memref.alloc
// CHECK-NEXT: linalg.copy
// CHECK-NOT: call
// CHECK-LABEL: func.func private @helper(
// CHECK-NEXT: linalg.copy
func.func @allocating(%in: memref<4xf32>) {
  %tmp = memref.alloc() : memref<4xf32>
  linalg.copy ins(%in : memref<4xf32>) outs(%tmp : memref<4xf32>)
  return
}
func.func private @helper(%in: memref<4xf32>, %out: memref<4xf32>) {
  linalg.copy ins(%in : memref<4xf32>) outs(%out : memref<4xf32>)
  return
}
