// RUN: morsel-opt %s --seg-place-buffers="plan=naive" --split-input-file --verify-diagnostics | FileCheck %s --check-prefixes=CHECK,NAIVE
// RUN: morsel-opt %s --seg-place-buffers --split-input-file --verify-diagnostics | FileCheck %s --check-prefixes=CHECK,REUSE,GREEDY
// RUN: morsel-opt %s --seg-place-buffers="plan=usmp" --split-input-file --verify-diagnostics | FileCheck %s --check-prefixes=CHECK,REUSE,USMP
// RUN: morsel-opt %s --seg-place-buffers="plan=overlap" --seg-verify-plan --split-input-file --verify-diagnostics | FileCheck %s --check-prefixes=CHECK,REUSE,OVERLAP
// RUN: not morsel-opt %s --seg-place-buffers="plan=best" 2>&1 | FileCheck %s --check-prefix=BADPLAN

// BADPLAN: unknown plan 'best' (expected naive, tflm-greedy, usmp or overlap)

// Every public function gets one pool; each memref.alloc and memref.alloca
// becomes a view of it, at a multiple of 16 bytes, and the deallocations
// disappear. The steps are the top-level operations of the body (the
// allocations included); a buffer lives from the first to the last step that
// uses it or a view of it. The overlap run also proves its plan with
// seg-verify-plan.

// naive: each buffer gets its own 16-byte aligned slot (20 -> 32 bytes, then
// 3 -> 16). The others: the unused alloca lives only at its own step (1), so
// it shares bytes with the other buffer, which lives at steps 2 to 4. The
// plan records (offset, size, first step, last step) per buffer, the step
// names and the lower bound (the most bytes live at one step: 32).
// CHECK-LABEL: func.func @two_buffers
// CHECK-SAME: (%[[IN:.+]]: memref<5xf32>, %[[OUT:.+]]: memref<5xf32>)
// NAIVE-SAME: morsel.arena_buffers = array<i64: 0, 20, 2, 4, 32, 3, 1, 1>
// NAIVE-SAME: morsel.arena_bytes = 48 : i64
// REUSE-SAME: morsel.arena_buffers = array<i64: 0, 20, 2, 4, 0, 3, 1, 1>
// REUSE-SAME: morsel.arena_bytes = 32 : i64
// CHECK-SAME: morsel.arena_lower_bound = 32 : i64
// CHECK-SAME: morsel.arena_steps = ["memref.alloc", "memref.alloca", "memref.copy", "memref.copy", "memref.dealloc", "func.return"]
// NAIVE: %[[POOL:.+]] = seg.pool "sram" align 16 : memref<48xi8>
// REUSE: %[[POOL:.+]] = seg.pool "sram" align 16 : memref<32xi8>
// CHECK: %[[A:.+]] = seg.view %[[POOL]][0] {name = "t0"} : {{.+}} to memref<5xf32>
// NAIVE: seg.view %[[POOL]][32] {name = "t1"} : memref<48xi8> to memref<3xi8>
// REUSE: seg.view %[[POOL]][0] {name = "t1"} : memref<32xi8> to memref<3xi8>
// CHECK: memref.copy %[[IN]], %[[A]]
// CHECK: memref.copy %[[A]], %[[OUT]]
// CHECK-NOT: memref.alloc
// CHECK-NOT: memref.dealloc
// CHECK: return
func.func @two_buffers(%in: memref<5xf32>, %out: memref<5xf32>) {
  %a = memref.alloc() : memref<5xf32>
  %b = memref.alloca() : memref<3xi8>
  memref.copy %in, %a : memref<5xf32> to memref<5xf32>
  memref.copy %a, %out : memref<5xf32> to memref<5xf32>
  memref.dealloc %a : memref<5xf32>
  return
}

// A chain in -> a -> b -> c -> out: c reuses the bytes of a, dead by then.
// memref.copy declares no access order, so overlap cannot do better than
// tflm-greedy.
// CHECK-LABEL: func.func @chain
// NAIVE-SAME: morsel.arena_bytes = 192 : i64
// REUSE-SAME: morsel.arena_bytes = 128 : i64
// CHECK-SAME: morsel.arena_lower_bound = 128 : i64
// NAIVE: seg.view %{{.+}}[0] {name = "t0"}
// NAIVE-NEXT: seg.view %{{.+}}[64] {name = "t1"}
// NAIVE-NEXT: seg.view %{{.+}}[128] {name = "t2"}
// REUSE: seg.view %{{.+}}[0] {name = "t0"} : memref<128xi8> to memref<16xf32>
// REUSE-NEXT: seg.view %{{.+}}[64] {name = "t1"} : memref<128xi8> to memref<16xf32>
// REUSE-NEXT: seg.view %{{.+}}[0] {name = "t2"} : memref<128xi8> to memref<16xf32>
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
// REUSE-SAME: morsel.arena_buffers = array<i64: 0, 64, 2, 5, 64, 64, 4, 6>
// REUSE-SAME: morsel.arena_bytes = 128 : i64
// REUSE: %[[A:.+]] = seg.view %{{.+}}[0] {name = "t0"}
// REUSE: seg.view %{{.+}}[64] {name = "t1"}
// REUSE: memref.subview %[[A]][4] [4] [1]
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

// A function without buffers still gets an (empty) pool, so that every
// entry point has the same calling convention once the pool is lowered.
// CHECK-LABEL: func.func @no_buffers
// CHECK-SAME: morsel.arena_bytes = 0 : i64
// CHECK-SAME: morsel.arena_lower_bound = 0 : i64
// CHECK: seg.pool "sram" align 16 : memref<0xi8>
func.func @no_buffers(%in: memref<4xf32>) {
  return
}

// Private functions without allocations and declarations are left alone.
// CHECK-LABEL: func.func private @private_helper
// CHECK-NOT: morsel.arena_bytes
// CHECK-NOT: seg.pool
// CHECK: return
func.func private @private_helper(%in: memref<4xf32>) {
  return
}

// CHECK-LABEL: func.func private @declaration
// CHECK-NOT: morsel.arena_bytes
func.func private @declaration(memref<4xf32>)

// -----

// Overlap (vMCU): a chain of three element-wise kernels, a -> b -> c, of 64
// bytes each. Steps: 0 alloc, 1 generic(in -> a), 2 alloc, 3 generic(a -> b),
// 4 alloc, 5 generic(b -> c), 6 generic(c -> out); a lives at steps 1-3, b at
// 3-5, c at 5-6.
//
// At each step i an element-wise kernel reads byte [i, i+1) of its input and
// writes [i, i+1) of its output. Run forwards, the write of step i must lie
// below every byte the steps i.. still read, i.e. below input byte i: the
// output must start at least 1 byte (16 once aligned) below its input. Run
// backwards (step 63 first), the write of step i must lie above every byte
// steps i, i-1, ..., 0 read, i.e. above input byte i: the output must start
// at least 1 byte (16 aligned) above its input, so that its end lies 16 bytes
// over the input's end.
//
// The planner places a at 0; b goes forwards to -16 (band [-16, 64), 80
// bytes; backwards at +16 costs as much, and the lower offset wins the tie);
// c, which only meets b, then fits backwards at b + 16 = 0 without growing
// the band, so the kernel b -> c gets seg.reversed. Shifted by 16: a at 16,
// b at 0, c at 16, 80 bytes, where tflm-greedy needs 128 (a and b, b and c
// are live together). The op-level lower bound under overlap is 80 as well:
// at step 3, a and b are live (128 bytes) but b can share all of a but 16.
// CHECK-LABEL: func.func @elementwise_chain
// NAIVE-SAME: morsel.arena_bytes = 192 : i64
// GREEDY-SAME: morsel.arena_buffers = array<i64: 0, 64, 1, 3, 64, 64, 3, 5, 0, 64, 5, 6>
// GREEDY-SAME: morsel.arena_bytes = 128 : i64
// GREEDY-SAME: morsel.arena_lower_bound = 128 : i64
// USMP-SAME: morsel.arena_bytes = 128 : i64
// OVERLAP-SAME: morsel.arena_buffers = array<i64: 16, 64, 1, 3, 0, 64, 3, 5, 16, 64, 5, 6>
// OVERLAP-SAME: morsel.arena_bytes = 80 : i64
// OVERLAP-SAME: morsel.arena_lower_bound = 80 : i64
// OVERLAP: %[[POOL:.+]] = seg.pool "sram" align 16 : memref<80xi8>
// OVERLAP: %[[A:.+]] = seg.view %[[POOL]][16] {name = "t0"}
// OVERLAP: linalg.generic
// OVERLAP-SAME: outs(%[[A]] : memref<64xi8>) {
// OVERLAP: %[[B:.+]] = seg.view %[[POOL]][0] {name = "t1"}
// OVERLAP-NEXT: linalg.generic
// OVERLAP-SAME: ins(%[[A]] : memref<64xi8>) outs(%[[B]] : memref<64xi8>) {
// OVERLAP: %[[C:.+]] = seg.view %[[POOL]][16] {name = "t2"}
// OVERLAP-NEXT: linalg.generic
// OVERLAP-SAME: ins(%[[B]] : memref<64xi8>) outs(%[[C]] : memref<64xi8>) attrs = {seg.reversed} {
// OVERLAP: linalg.generic
// OVERLAP-SAME: ins(%[[C]] : memref<64xi8>)
// OVERLAP-NOT: seg.reversed
#id = affine_map<(d0) -> (d0)>
func.func @elementwise_chain(%in: memref<64xi8>, %out: memref<64xi8>) {
  %a = memref.alloc() : memref<64xi8>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%in : memref<64xi8>) outs(%a : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    %r = arith.addi %x, %x : i8
    linalg.yield %r : i8
  }
  %b = memref.alloc() : memref<64xi8>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : memref<64xi8>) outs(%b : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    %r = arith.addi %x, %x : i8
    linalg.yield %r : i8
  }
  %c = memref.alloc() : memref<64xi8>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%b : memref<64xi8>) outs(%c : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    %r = arith.addi %x, %x : i8
    linalg.yield %r : i8
  }
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%c : memref<64xi8>) outs(%out : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    %r = arith.addi %x, %x : i8
    linalg.yield %r : i8
  }
  return
}

// Overlap with a window: a 3x3 convolution, stride 1, padding 1, on 1x8x8x4
// bytes (256), writing 1x8x8x4 bytes. Steps: 0-2 constants, 3 alloc,
// 4 generic(in -> a), 5 alloc, 6 scf.for(a -> b), 7 generic(b -> out).
//
// The step of output pixel (h, w) reads input pixels (h-1, w-1) to
// (h+1, w+1), clamped, and writes output pixel p = 8h + w, bytes
// [4p, 4p + 4). The lowest pixel read by it or a later step is
// 8(h-1) + (w-1) for h, w >= 1, so forwards the output must start below the
// input by 4 (p + 1 - (8(h-1) + w-1)) = 4 * 10 = 40 bytes at most of these
// steps (the first row needs at most 8, the first column 36): 48 aligned.
// Backwards needs 40 (48 aligned) above as well; the tie goes to the lower
// offset, forwards. So b lies 48 bytes below a: a at 48, b at 0, a pool of
// 304 bytes instead of tflm-greedy's 512, which is also the lower bound
// (256 + 48: b can share all of a but 48 bytes).
// CHECK-LABEL: func.func @window
// GREEDY-SAME: morsel.arena_bytes = 512 : i64
// GREEDY-SAME: morsel.arena_lower_bound = 512 : i64
// USMP-SAME: morsel.arena_bytes = 512 : i64
// OVERLAP-SAME: morsel.arena_buffers = array<i64: 48, 256, 4, 6, 0, 256, 6, 7>
// OVERLAP-SAME: morsel.arena_bytes = 304 : i64
// OVERLAP-SAME: morsel.arena_lower_bound = 304 : i64
// OVERLAP: %[[POOL:.+]] = seg.pool "sram" align 16 : memref<304xi8>
// OVERLAP: %[[A:.+]] = seg.view %[[POOL]][48] {name = "t0"}
// OVERLAP: %[[B:.+]] = seg.view %[[POOL]][0] {name = "t1"}
// OVERLAP: scf.for
// OVERLAP: memref.load %[[A]]
// OVERLAP: memref.store %{{.+}}, %[[B]]
// OVERLAP: seg.access = #seg.window
// OVERLAP-NOT: seg.reversed
// OVERLAP-SAME: seg.step_loop}
#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @window(%in: memref<1x8x8x4xi8>, %out: memref<1x8x8x4xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %a = memref.alloc() : memref<1x8x8x4xi8>
  linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%in : memref<1x8x8x4xi8>) outs(%a : memref<1x8x8x4xi8>) {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  %b = memref.alloc() : memref<1x8x8x4xi8>
  scf.for %n = %c0 to %c1 step %c1 {
    scf.for %h = %c0 to %c8 step %c1 {
      scf.for %w = %c0 to %c8 step %c1 {
        %v = memref.load %a[%n, %h, %w, %c0] : memref<1x8x8x4xi8>
        memref.store %v, %b[%n, %h, %w, %c0] : memref<1x8x8x4xi8>
      } {seg.step_loop}
    } {seg.step_loop}
  } {seg.access = #seg.window<[1, 8, 8, 4] -> [1, 8, 8, 4], kernel [3, 3],
                              strides [1, 1], dilations [1, 1], pad [1, 1]>,
     seg.step_loop}
  linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%b : memref<1x8x8x4xi8>) outs(%out : memref<1x8x8x4xi8>) {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  return
}

// -----

func.func @dynamic(%n: index) {
  // expected-error @+1 {{cannot place a buffer of type 'memref<?xf32>' in the pool: it needs a static shape, an identity layout and a sized element type}}
  %a = memref.alloc(%n) : memref<?xf32>
  return
}

// -----

func.func @index_elements() {
  // expected-error @+1 {{cannot place a buffer of type 'memref<4xindex>' in the pool}}
  %a = memref.alloca() : memref<4xindex>
  return
}

// -----

// expected-error @+1 {{allocations in private functions cannot be placed in the pool}}
func.func private @helper() {
  %a = memref.alloc() : memref<4xf32>
  return
}

// -----

// Several blocks give no order of steps: every plan falls back to no reuse,
// each buffer live throughout.

// CHECK-LABEL: func.func @blocks
// CHECK-SAME: morsel.arena_bytes = 128 : i64
// CHECK-SAME: morsel.arena_lower_bound = 128 : i64
// CHECK: seg.view %{{.+}}[0]
// CHECK: seg.view %{{.+}}[64]
func.func @blocks(%in: memref<16xf32>, %out: memref<16xf32>, %p: i1) {
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  cf.cond_br %p, ^bb1, ^bb2
^bb1:
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %out : memref<16xf32> to memref<16xf32>
  return
^bb2:
  return
}
