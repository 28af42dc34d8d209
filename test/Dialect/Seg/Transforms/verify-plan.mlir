// RUN: morsel-opt %s --seg-verify-plan --split-input-file --verify-diagnostics | FileCheck %s

// seg-verify-plan replays each kernel's access order over the placed views.
// Views of one pool may share bytes only when one is the output of a kernel
// that consumes the other for the last time, and no write of the kernel (run
// backwards if it carries seg.reversed) lands on an input byte that the
// same or a later step still reads. The steps are the top-level operations
// of the function body. Some pools below align to 1 or 8 bytes so that the
// plans can sit exactly at the displacements the access orders allow.

// The kernel of the window cases is a 3x3 convolution, stride 1, padding 1,
// from 1x8x8x4 bytes (a) to 1x8x8x4 bytes (b). The step of output pixel
// p = 8h + w reads input pixels 8(h-1) + (w-1) to 8(h+1) + (w+1), clamped,
// and writes bytes [4p, 4p + 4) of b.
//
// Forwards, the write of step p must lie below every input byte the steps
// p, p+1, ... read; the lowest of them is pixel 8(h-1) + (w-1), so b must
// start 4 (p + 1 - 8(h-1) - (w-1)) = 40 bytes below a (h, w >= 1). With a at
// 40 and b at 0 that holds exactly.

// CHECK-LABEL: func.func @forwards_window
// CHECK: seg.view %{{.+}}[40] {name = "a"}
// CHECK: seg.view %{{.+}}[0] {name = "b"}
func.func @forwards_window(%in: memref<1x8x8x4xi8>, %out: memref<1x8x8x4xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %pool = seg.pool "sram" align 8 : memref<296xi8>
  %a = seg.view %pool[40] {name = "a"} : memref<296xi8> to memref<1x8x8x4xi8>
  %b = seg.view %pool[0] {name = "b"} : memref<296xi8> to memref<1x8x8x4xi8>
  memref.copy %in, %a : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
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
  memref.copy %b, %out : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  return
}

// -----

// Backwards (step 63 first), the write of step p must lie above every input
// byte the steps p, p-1, ..., 0 read; the highest ends pixel
// 8(h+1) + (w+1), so b must start 4 (8(h+1) + (w+1) + 1 - p) = 40 bytes
// above a, its end 40 bytes over a's end. With a at 0 and b at 40 that holds
// exactly when the kernel runs backwards.

// CHECK-LABEL: func.func @reversed_window
// CHECK: seg.view %{{.+}}[0] {name = "a"}
// CHECK: seg.view %{{.+}}[40] {name = "b"}
// CHECK: seg.reversed
func.func @reversed_window(%in: memref<1x8x8x4xi8>, %out: memref<1x8x8x4xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %pool = seg.pool "sram" align 8 : memref<296xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<296xi8> to memref<1x8x8x4xi8>
  %b = seg.view %pool[40] {name = "b"} : memref<296xi8> to memref<1x8x8x4xi8>
  memref.copy %in, %a : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  scf.for %n = %c0 to %c1 step %c1 {
    scf.for %h = %c0 to %c8 step %c1 {
      scf.for %w = %c0 to %c8 step %c1 {
        %v = memref.load %a[%n, %h, %w, %c0] : memref<1x8x8x4xi8>
        memref.store %v, %b[%n, %h, %w, %c0] : memref<1x8x8x4xi8>
      } {seg.step_loop}
    } {seg.step_loop}
  } {seg.access = #seg.window<[1, 8, 8, 4] -> [1, 8, 8, 4], kernel [3, 3],
                              strides [1, 1], dilations [1, 1], pad [1, 1]>,
     seg.reversed, seg.step_loop}
  memref.copy %b, %out : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  return
}

// -----

// Element-wise kernels: step i reads byte i of a and writes byte i of b.
// Forwards, b may start 1 byte below a; backwards, 1 byte above.

// CHECK-LABEL: func.func @elementwise_both_ways
#id = affine_map<(d0) -> (d0)>
func.func @elementwise_both_ways(%in: memref<64xi8>, %out: memref<64xi8>) {
  %pool = seg.pool "sram" align 1 : memref<65xi8>
  %a = seg.view %pool[1] {name = "a"} : memref<65xi8> to memref<64xi8>
  %b = seg.view %pool[0] {name = "b"} : memref<65xi8> to memref<64xi8>
  %c = seg.view %pool[1] {name = "c"} : memref<65xi8> to memref<64xi8>
  memref.copy %in, %a : memref<64xi8> to memref<64xi8>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : memref<64xi8>) outs(%b : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%b : memref<64xi8>) outs(%c : memref<64xi8>) attrs = {seg.reversed} {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  memref.copy %c, %out : memref<64xi8> to memref<64xi8>
  return
}

// -----

// Views that share no bytes while both live: disjoint bytes, the same bytes
// at disjoint times, or different pools.

// CHECK-LABEL: func.func @disjoint
func.func @disjoint(%in: memref<16xf32>, %out: memref<16xf32>, %other: memref<64xi8>) {
  %pool = seg.pool "sram" align 16 : memref<128xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<128xi8> to memref<16xf32>
  %b = seg.view %pool[64] {name = "b"} : memref<128xi8> to memref<16xf32>
  %c = seg.view %pool[0] {name = "c"} : memref<128xi8> to memref<16xf32>
  %d = seg.view %other[0] {name = "d"} : memref<64xi8> to memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %in, %d : memref<16xf32> to memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %c : memref<16xf32> to memref<16xf32>
  memref.copy %c, %out : memref<16xf32> to memref<16xf32>
  memref.copy %d, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Several blocks: no order of steps, so no sharing, but disjoint views are
// fine.

// CHECK-LABEL: func.func @blocks_disjoint
func.func @blocks_disjoint(%in: memref<16xf32>, %p: i1) {
  %pool = seg.pool "sram" align 16 : memref<128xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<128xi8> to memref<16xf32>
  %b = seg.view %pool[64] {name = "b"} : memref<128xi8> to memref<16xf32>
  cf.cond_br %p, ^bb1, ^bb2
^bb1:
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  return
^bb2:
  memref.copy %in, %b : memref<16xf32> to memref<16xf32>
  return
}

//===- Corrupted plans ----------------------------------------------------===//

// -----

// Two tensors share bytes while both live, with no kernel between them.
// Steps: 0 pool, 1-2 views, 3 copy(in -> a), 4 copy(in -> b),
// 5 copy(a -> out), 6 copy(b -> out2); a lives at 3-5, b at 4-6.
func.func @share_unrelated(%in: memref<16xf32>, %out: memref<16xf32>, %out2: memref<16xf32>) {
  %pool = seg.pool "sram" align 16 : memref<96xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<96xi8> to memref<16xf32>
  %b = seg.view %pool[32] {name = "b"} : memref<96xi8> to memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  // expected-error @+1 {{tensors 'a' and 'b' share bytes [32, 64) of the pool while both are live at 'memref.copy' (step 4)}}
  memref.copy %in, %b : memref<16xf32> to memref<16xf32>
  memref.copy %a, %out : memref<16xf32> to memref<16xf32>
  memref.copy %b, %out2 : memref<16xf32> to memref<16xf32>
  return
}

// -----

// The input dies where the output is born, but memref.copy declares no
// access order. Views without names are named by their offsets.
func.func @share_without_order(%in: memref<16xf32>, %out: memref<16xf32>) {
  %pool = seg.pool "sram" align 16 : memref<80xi8>
  %a = seg.view %pool[16] : memref<80xi8> to memref<16xf32>
  %b = seg.view %pool[0] : memref<80xi8> to memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  // expected-error @+1 {{tensors 'offset 16' and 'offset 0' share bytes [16, 64) of the pool while both are live at 'memref.copy' (step 4)}}
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Both tensors are returned: they live to the end (the step after the last
// operation of the body, the terminator).
func.func @share_at_return() -> (memref<4xi8>, memref<4xi8>) {
  %pool = seg.pool "sram" align 16 : memref<16xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<16xi8> to memref<4xi8>
  %b = seg.view %pool[0] {name = "b"} : memref<16xi8> to memref<4xi8>
  // expected-error @+1 {{tensors 'a' and 'b' share bytes [0, 4) of the pool while both are live at 'func.return' (step 4)}}
  return %a, %b : memref<4xi8>, memref<4xi8>
}

// -----

// The window kernel forwards with b only 32 bytes below a (40 needed): the
// step of output pixel (1, 0), p = 8, writes bytes [32, 36) of b, absolute
// [32, 36), while it still reads input pixels 0 to 17 of a, absolute
// [32, 104).
func.func @window_too_close(%in: memref<1x8x8x4xi8>, %out: memref<1x8x8x4xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %pool = seg.pool "sram" align 8 : memref<288xi8>
  %a = seg.view %pool[32] {name = "a"} : memref<288xi8> to memref<1x8x8x4xi8>
  %b = seg.view %pool[0] {name = "b"} : memref<288xi8> to memref<1x8x8x4xi8>
  memref.copy %in, %a : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  // expected-error @+1 {{'scf.for' (step 7) writes tensor 'b' at step 8 of its access order over bytes of tensor 'a' that it has yet to read}}
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
  memref.copy %b, %out : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  return
}

// -----

// The window kernel backwards with b only 32 bytes above a (40 needed): run
// from pixel 63 down, the step of pixel (6, 7), p = 55, is the first to
// write bytes ([252, 256) absolute) that it still reads (its window ends
// with pixel 63, absolute byte 256).
func.func @reversed_window_too_close(%in: memref<1x8x8x4xi8>, %out: memref<1x8x8x4xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %pool = seg.pool "sram" align 8 : memref<288xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<288xi8> to memref<1x8x8x4xi8>
  %b = seg.view %pool[32] {name = "b"} : memref<288xi8> to memref<1x8x8x4xi8>
  memref.copy %in, %a : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  // expected-error @+1 {{'scf.for' (step 7) writes tensor 'b' at step 55 of its access order (run backwards) over bytes of tensor 'a' that it has yet to read}}
  scf.for %n = %c0 to %c1 step %c1 {
    scf.for %h = %c0 to %c8 step %c1 {
      scf.for %w = %c0 to %c8 step %c1 {
        %v = memref.load %a[%n, %h, %w, %c0] : memref<1x8x8x4xi8>
        memref.store %v, %b[%n, %h, %w, %c0] : memref<1x8x8x4xi8>
      } {seg.step_loop}
    } {seg.step_loop}
  } {seg.access = #seg.window<[1, 8, 8, 4] -> [1, 8, 8, 4], kernel [3, 3],
                              strides [1, 1], dilations [1, 1], pad [1, 1]>,
     seg.reversed, seg.step_loop}
  memref.copy %b, %out : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  return
}

// -----

// The placement of @reversed_window (b 40 bytes above a) without
// seg.reversed: forwards, the first step writes output pixel 0, absolute
// bytes [40, 44), which is input pixel 10, read by the step of pixel 1.
func.func @backwards_plan_forwards_kernel(%in: memref<1x8x8x4xi8>, %out: memref<1x8x8x4xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %pool = seg.pool "sram" align 8 : memref<296xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<296xi8> to memref<1x8x8x4xi8>
  %b = seg.view %pool[40] {name = "b"} : memref<296xi8> to memref<1x8x8x4xi8>
  memref.copy %in, %a : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  // expected-error @+1 {{'scf.for' (step 7) writes tensor 'b' at step 0 of its access order over bytes of tensor 'a' that it has yet to read}}
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
  memref.copy %b, %out : memref<1x8x8x4xi8> to memref<1x8x8x4xi8>
  return
}

// -----

// The same for an element-wise kernel: b 1 byte above a is valid only
// backwards; forwards, step 0 writes absolute byte 1, which step 1 reads.
#id = affine_map<(d0) -> (d0)>
func.func @elementwise_backwards_plan(%in: memref<64xi8>, %out: memref<64xi8>) {
  %pool = seg.pool "sram" align 1 : memref<65xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<65xi8> to memref<64xi8>
  %b = seg.view %pool[1] {name = "b"} : memref<65xi8> to memref<64xi8>
  memref.copy %in, %a : memref<64xi8> to memref<64xi8>
  // expected-error @+1 {{'linalg.generic' (step 4) writes tensor 'b' at step 0 of its access order over bytes of tensor 'a' that it has yet to read}}
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : memref<64xi8>) outs(%b : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  memref.copy %b, %out : memref<64xi8> to memref<64xi8>
  return
}

// -----

// And the forwards placement (b 1 byte below a) marked seg.reversed: the
// first step to run, 63, writes absolute byte 63, which step 62 reads.
#id = affine_map<(d0) -> (d0)>
func.func @elementwise_forwards_plan_reversed(%in: memref<64xi8>, %out: memref<64xi8>) {
  %pool = seg.pool "sram" align 1 : memref<65xi8>
  %a = seg.view %pool[1] {name = "a"} : memref<65xi8> to memref<64xi8>
  %b = seg.view %pool[0] {name = "b"} : memref<65xi8> to memref<64xi8>
  memref.copy %in, %a : memref<64xi8> to memref<64xi8>
  // expected-error @+1 {{'linalg.generic' (step 4) writes tensor 'b' at step 63 of its access order (run backwards) over bytes of tensor 'a' that it has yet to read}}
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : memref<64xi8>) outs(%b : memref<64xi8>) attrs = {seg.reversed} {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  memref.copy %b, %out : memref<64xi8> to memref<64xi8>
  return
}

// -----

// In place: step 0 writes the byte it reads, in any order within the step.
#id = affine_map<(d0) -> (d0)>
func.func @elementwise_in_place(%in: memref<64xi8>, %out: memref<64xi8>) {
  %pool = seg.pool "sram" align 1 : memref<64xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<64xi8> to memref<64xi8>
  %b = seg.view %pool[0] {name = "b"} : memref<64xi8> to memref<64xi8>
  memref.copy %in, %a : memref<64xi8> to memref<64xi8>
  // expected-error @+1 {{'linalg.generic' (step 4) writes tensor 'b' at step 0 of its access order over bytes of tensor 'a' that it has yet to read}}
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : memref<64xi8>) outs(%b : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  memref.copy %b, %out : memref<64xi8> to memref<64xi8>
  return
}

// -----

// b is placed validly for the kernel a -> b alone (1 byte below a), but a
// is read again by the next kernel, after b has overwritten it. Steps:
// 0 pool, 1-2 views, 3 copy(in -> a), 4 generic(a -> b),
// 5 generic(a -> out), 6 copy(b -> out2): a lives at 3-5, b at 4-6.
#id = affine_map<(d0) -> (d0)>
func.func @input_read_later(%in: memref<64xi8>, %out: memref<64xi8>, %out2: memref<64xi8>) {
  %pool = seg.pool "sram" align 1 : memref<65xi8>
  %a = seg.view %pool[1] {name = "a"} : memref<65xi8> to memref<64xi8>
  %b = seg.view %pool[0] {name = "b"} : memref<65xi8> to memref<64xi8>
  memref.copy %in, %a : memref<64xi8> to memref<64xi8>
  // expected-error @+1 {{tensors 'a' and 'b' share bytes [1, 64) of the pool while both are live at 'linalg.generic' (step 4)}}
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : memref<64xi8>) outs(%b : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : memref<64xi8>) outs(%out : memref<64xi8>) {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  memref.copy %b, %out2 : memref<64xi8> to memref<64xi8>
  return
}

// -----

// Several blocks: no order of steps proves any sharing safe.
// expected-error @+1 {{views share bytes in a function with several blocks, where no order of steps proves it safe}}
func.func @blocks_shared(%in: memref<16xf32>, %p: i1) {
  %pool = seg.pool "sram" align 16 : memref<64xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<64xi8> to memref<16xf32>
  %b = seg.view %pool[0] {name = "b"} : memref<64xi8> to memref<16xf32>
  cf.cond_br %p, ^bb1, ^bb2
^bb1:
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  return
^bb2:
  memref.copy %in, %b : memref<16xf32> to memref<16xf32>
  return
}
