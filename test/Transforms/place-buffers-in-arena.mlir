// RUN: morsel-opt %s --morsel-place-buffers-in-arena --split-input-file --verify-diagnostics | FileCheck %s

// Each buffer gets its own 16-byte aligned slot; deallocations disappear.
// CHECK-LABEL: func.func @two_buffers
// CHECK-SAME: (%[[IN:.+]]: memref<5xf32>, %[[OUT:.+]]: memref<5xf32>, %[[ARENA:.+]]: memref<48xi8>)
// CHECK-SAME: attributes {morsel.arena_bytes = 48 : i64}
// CHECK: %[[C0:.+]] = arith.constant 0 : index
// CHECK: %[[A:.+]] = memref.view %[[ARENA]][%[[C0]]][] : memref<48xi8> to memref<5xf32>
// CHECK: %[[C32:.+]] = arith.constant 32 : index
// CHECK: %[[B:.+]] = memref.view %[[ARENA]][%[[C32]]][] : memref<48xi8> to memref<3xi8>
// CHECK: memref.copy %[[IN]], %[[A]]
// CHECK: memref.copy %[[A]], %[[OUT]]
// CHECK-NOT: memref.alloc
// CHECK-NOT: memref.dealloc
func.func @two_buffers(%in: memref<5xf32>, %out: memref<5xf32>) {
  %a = memref.alloc() : memref<5xf32>
  %b = memref.alloca() : memref<3xi8>
  memref.copy %in, %a : memref<5xf32> to memref<5xf32>
  memref.copy %a, %out : memref<5xf32> to memref<5xf32>
  memref.dealloc %a : memref<5xf32>
  return
}

// A function without buffers still takes an (empty) arena, so that every
// entry point has the same calling convention.
// CHECK-LABEL: func.func @no_buffers
// CHECK-SAME: (%{{.+}}: memref<4xf32>, %{{.+}}: memref<0xi8>)
// CHECK-SAME: attributes {morsel.arena_bytes = 0 : i64}
func.func @no_buffers(%in: memref<4xf32>) {
  return
}

// -----

func.func @dynamic(%n: index) {
  // expected-error @+1 {{cannot place a buffer of type 'memref<?xf32>' in the arena}}
  %a = memref.alloc(%n) : memref<?xf32>
  return
}

// -----

// expected-error @+1 {{allocations in private functions cannot be placed in the arena}}
func.func private @helper() {
  %a = memref.alloc() : memref<4xf32>
  return
}
