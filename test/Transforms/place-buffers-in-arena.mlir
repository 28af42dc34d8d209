// RUN: morsel-opt %s --morsel-place-buffers-in-arena="plan=naive" --split-input-file --verify-diagnostics | FileCheck %s --check-prefixes=CHECK,NAIVE
// RUN: morsel-opt %s --morsel-place-buffers-in-arena --split-input-file --verify-diagnostics | FileCheck %s --check-prefixes=CHECK,GREEDY
// RUN: morsel-opt %s --morsel-place-buffers-in-arena="plan=usmp" --split-input-file --verify-diagnostics | FileCheck %s --check-prefix=USMP
// RUN: not morsel-opt %s --morsel-place-buffers-in-arena="plan=best" --split-input-file 2>&1 | FileCheck %s --check-prefix=BADPLAN
// BADPLAN: unknown arena plan 'best' (expected tflm-greedy, usmp or naive)

// naive: each buffer gets its own 16-byte aligned slot. tflm-greedy: the
// unused buffer shares bytes with the other, whose lifetime it does not
// overlap. Deallocations disappear.
// CHECK-LABEL: func.func @two_buffers
// NAIVE-SAME: (%[[IN:.+]]: memref<5xf32>, %[[OUT:.+]]: memref<5xf32>, %[[ARENA:.+]]: memref<48xi8>)
// NAIVE-SAME: morsel.arena_bytes = 48 : i64
// GREEDY-SAME: (%[[IN:.+]]: memref<5xf32>, %[[OUT:.+]]: memref<5xf32>, %[[ARENA:.+]]: memref<32xi8>)
// GREEDY-SAME: morsel.arena_buffers = array<i64: 0, 20, 2, 4, 0, 3, 1, 1>
// GREEDY-SAME: morsel.arena_bytes = 32 : i64
// GREEDY-SAME: morsel.arena_lower_bound = 32 : i64
// GREEDY-SAME: morsel.arena_steps = ["memref.alloc", "memref.alloca", "memref.copy", "memref.copy", "memref.dealloc", "func.return"]
// The plan records (offset, size, first step, last step) per buffer, the
// step names and the lower bound (the most bytes live at one step); usmp
// is never worse than tflm-greedy.
// USMP-LABEL: func.func @two_buffers
// USMP-SAME: morsel.arena_bytes = 32 : i64, morsel.arena_lower_bound = 32 : i64
// CHECK: %[[C0:.+]] = arith.constant 0 : index
// CHECK: %[[A:.+]] = memref.view %[[ARENA]][%[[C0]]][]
// NAIVE: %[[C32:.+]] = arith.constant 32 : index
// NAIVE: %[[B:.+]] = memref.view %[[ARENA]][%[[C32]]][] : memref<48xi8> to memref<3xi8>
// GREEDY: %[[B:.+]] = memref.view %[[ARENA]][%{{.+}}][] : memref<32xi8> to memref<3xi8>
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
// A chain in -> a -> b -> c -> out: c reuses the bytes of a, dead by then.
// CHECK-LABEL: func.func @chain
// GREEDY-SAME: morsel.arena_bytes = 128 : i64
// NAIVE-SAME: morsel.arena_bytes = 192 : i64
// GREEDY: arith.constant 0 : index
// GREEDY-NEXT: memref.view {{.*}} : memref<128xi8> to memref<16xf32>
// GREEDY-NEXT: arith.constant 64 : index
// GREEDY-NEXT: memref.view {{.*}} : memref<128xi8> to memref<16xf32>
// GREEDY-NEXT: arith.constant 0 : index
// GREEDY-NEXT: memref.view {{.*}} : memref<128xi8> to memref<16xf32>
func.func @chain(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  %c = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %c : memref<16xf32> to memref<16xf32>
  memref.copy %c, %out : memref<16xf32> to memref<16xf32>
  return
}

// A view keeps its buffer alive: a is read through %v after b is written,
// so b must not take a's bytes.
// CHECK-LABEL: func.func @alias
// GREEDY-SAME: morsel.arena_bytes = 128 : i64
func.func @alias(%in: memref<16xf32>, %out: memref<4xf32>, %out2: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  %v = memref.subview %a[4] [4] [1] : memref<16xf32> to memref<4xf32, strided<[1], offset: 4>>
  memref.copy %in, %b : memref<16xf32> to memref<16xf32>
  memref.copy %v, %out : memref<4xf32, strided<[1], offset: 4>> to memref<4xf32>
  memref.copy %b, %out2 : memref<16xf32> to memref<16xf32>
  return
}

// CHECK-LABEL: func.func @no_buffers
// CHECK-SAME: (%{{.+}}: memref<4xf32>, %{{.+}}: memref<0xi8>)
// CHECK-SAME: morsel.arena_bytes = 0 : i64
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
