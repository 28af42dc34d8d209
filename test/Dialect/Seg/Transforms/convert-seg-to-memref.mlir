// RUN: morsel-opt %s --convert-seg-to-memref --split-input-file --verify-diagnostics | FileCheck %s

// The pool becomes a trailing function argument, the caller's arena; each
// view becomes a memref.view of it at a constant offset.
// CHECK-LABEL: func.func @placed
// CHECK-SAME: (%[[IN:.+]]: memref<16xf32>, %[[OUT:.+]]: memref<16xf32>, %[[ARENA:.+]]: memref<128xi8>)
// CHECK-NOT: seg.pool
// CHECK: %[[C0:.+]] = arith.constant 0 : index
// CHECK: %[[A:.+]] = memref.view %[[ARENA]][%[[C0]]][] : memref<128xi8> to memref<16xf32>
// CHECK: %[[C64:.+]] = arith.constant 64 : index
// CHECK: %[[B:.+]] = memref.view %[[ARENA]][%[[C64]]][] : memref<128xi8> to memref<4x4xf32>
// CHECK: memref.copy %[[IN]], %[[A]]
// CHECK: memref.collapse_shape %[[B]]
// CHECK-NOT: seg.view
// CHECK: return
func.func @placed(%in: memref<16xf32>, %out: memref<16xf32>) {
  %pool = seg.pool "sram" align 16 : memref<128xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<128xi8> to memref<16xf32>
  %b = seg.view %pool[64] : memref<128xi8> to memref<4x4xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  %flat = memref.collapse_shape %b [[0, 1]] : memref<4x4xf32> into memref<16xf32>
  memref.copy %a, %flat : memref<16xf32> to memref<16xf32>
  memref.copy %flat, %out : memref<16xf32> to memref<16xf32>
  return
}

// A public function without a pool still receives an empty arena, so that
// every entry point has the same calling convention.
// CHECK-LABEL: func.func @no_pool
// CHECK-SAME: (%{{.+}}: memref<4xf32>, %{{.+}}: memref<0xi8>)
func.func @no_pool(%in: memref<4xf32>) {
  return
}

// A private function gets an arena only if it has a pool.
// CHECK-LABEL: func.func private @private_no_pool
// CHECK-SAME: (%{{.+}}: memref<4xf32>) {
func.func private @private_no_pool(%in: memref<4xf32>) {
  return
}

// CHECK-LABEL: func.func private @private_pool
// CHECK-SAME: (%{{.+}}: memref<4xi8>, %[[ARENA:.+]]: memref<16xi8>)
// CHECK: memref.view %[[ARENA]]
func.func private @private_pool(%in: memref<4xi8>) {
  %pool = seg.pool "sram" align 16 : memref<16xi8>
  %a = seg.view %pool[0] : memref<16xi8> to memref<4xi8>
  memref.copy %in, %a : memref<4xi8> to memref<4xi8>
  return
}

// Declarations are left alone.
// CHECK-LABEL: func.func private @declaration(memref<4xf32>)
func.func private @declaration(memref<4xf32>)

// -----

// A window kernel the plan runs backwards: each step loop (rows, columns)
// counts down, iv' = (lb + ub - 1) - iv, while the channel loop inside a step
// keeps its order. The attribute is consumed.
// CHECK-LABEL: func.func @reversed_window
// CHECK-SAME: %[[ARENA:[^:]+]]: memref<48xi8>)
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG: %[[C1:.+]] = arith.constant 1 : index
// CHECK-DAG: %[[C2:.+]] = arith.constant 2 : index
// CHECK-DAG: %[[C4:.+]] = arith.constant 4 : index
// CHECK: %[[A:.+]] = memref.view %[[ARENA]]
// CHECK: %[[B:.+]] = memref.view %[[ARENA]]
// CHECK: %[[ONE_H:.+]] = arith.constant 1 : index
// CHECK: %[[SUM_H:.+]] = arith.addi %[[C0]], %[[C4]] : index
// CHECK: %[[LAST_H:.+]] = arith.subi %[[SUM_H]], %[[ONE_H]] : index
// CHECK: scf.for %[[H:.+]] = %[[C0]] to %[[C4]] step %[[C1]] {
// CHECK-NEXT: %[[RH:.+]] = arith.subi %[[LAST_H]], %[[H]] : index
// CHECK: %[[ONE_W:.+]] = arith.constant 1 : index
// CHECK: %[[SUM_W:.+]] = arith.addi %[[C0]], %[[C4]] : index
// CHECK: %[[LAST_W:.+]] = arith.subi %[[SUM_W]], %[[ONE_W]] : index
// CHECK: scf.for %[[W:.+]] = %[[C0]] to %[[C4]] step %[[C1]] {
// CHECK-NEXT: %[[RW:.+]] = arith.subi %[[LAST_W]], %[[W]] : index
// CHECK-NEXT: scf.for %[[C:.+]] = %[[C0]] to %[[C2]] step %[[C1]] {
// CHECK-NEXT: %[[V:.+]] = memref.load %[[A]][%[[C0]], %[[RH]], %[[RW]], %[[C]]]
// CHECK-NEXT: memref.store %[[V]], %[[B]][%[[C0]], %[[RH]], %[[RW]], %[[C]]]
// CHECK-NEXT: }
// CHECK-NEXT: } {seg.step_loop}
// CHECK-NEXT: } {seg.access = #seg.window<{{.+}}>, seg.step_loop}
// CHECK-NOT: seg.reversed
func.func @reversed_window(%in: memref<1x4x4x2xi8>, %out: memref<1x4x4x2xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %pool = seg.pool "sram" align 16 : memref<48xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<48xi8> to memref<1x4x4x2xi8>
  %b = seg.view %pool[16] {name = "b"} : memref<48xi8> to memref<1x4x4x2xi8>
  memref.copy %in, %a : memref<1x4x4x2xi8> to memref<1x4x4x2xi8>
  scf.for %h = %c0 to %c4 step %c1 {
    scf.for %w = %c0 to %c4 step %c1 {
      scf.for %c = %c0 to %c2 step %c1 {
        %v = memref.load %a[%c0, %h, %w, %c] : memref<1x4x4x2xi8>
        memref.store %v, %b[%c0, %h, %w, %c] : memref<1x4x4x2xi8>
      }
    } {seg.step_loop}
  } {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 4, 4, 2], kernel [1, 1],
                              strides [1, 1], dilations [1, 1], pad [0, 0]>,
     seg.reversed, seg.step_loop}
  memref.copy %b, %out : memref<1x4x4x2xi8> to memref<1x4x4x2xi8>
  return
}

// -----

// An element-wise linalg.generic the plan runs backwards becomes a loop nest
// in which every loop counts down.
// CHECK-LABEL: func.func @reversed_elementwise
// CHECK-SAME: (%[[IN:[^:]+]]: memref<2x8xi8>, %{{[^:]+}}: memref<2x8xi8>, %[[ARENA:[^:]+]]: memref<16xi8>)
// CHECK: %[[A:.+]] = memref.view %[[ARENA]]
// CHECK-NOT: linalg.generic
// CHECK: %[[LAST_I:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK: scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK-NEXT: %[[RI:.+]] = arith.subi %[[LAST_I]], %[[I]] : index
// CHECK: %[[LAST_J:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK: scf.for %[[J:.+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK-NEXT: %[[RJ:.+]] = arith.subi %[[LAST_J]], %[[J]] : index
// CHECK-DAG: %[[LI:.+]] = affine.apply #{{.+}}(%[[RI]])
// CHECK-DAG: %[[LJ:.+]] = affine.apply #{{.+}}(%[[RJ]])
// CHECK: %[[V:.+]] = memref.load %[[IN]][%[[LI]], %[[LJ]]]
// CHECK: memref.store %[[V]], %[[A]]
// CHECK-NOT: seg.reversed
#id2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @reversed_elementwise(%in: memref<2x8xi8>, %out: memref<2x8xi8>) {
  %pool = seg.pool "sram" align 16 : memref<16xi8>
  %a = seg.view %pool[0] {name = "a"} : memref<16xi8> to memref<2x8xi8>
  linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%in : memref<2x8xi8>) outs(%a : memref<2x8xi8>) attrs = {seg.reversed} {
  ^bb0(%x: i8, %y: i8):
    linalg.yield %x : i8
  }
  memref.copy %a, %out : memref<2x8xi8> to memref<2x8xi8>
  return
}

// -----

func.func @reversed_without_order(%in: memref<4xi8>, %out: memref<4xi8>) {
  // expected-error @+1 {{is marked to run backwards but declares no access order}}
  memref.copy %in, %out {seg.reversed} : memref<4xi8> to memref<4xi8>
  return
}

// -----

// An scf.for that declares no window is no kernel to reverse.
func.func @reversed_loop_without_window(%in: memref<4xi8>, %out: memref<4xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  // expected-error @+1 {{cannot be made to run its steps backwards}}
  scf.for %i = %c0 to %c4 step %c1 {
    %v = memref.load %in[%i] : memref<4xi8>
    memref.store %v, %out[%i] : memref<4xi8>
  } {seg.reversed, seg.step_loop}
  return
}

// -----

// Only unit-step loops are reversed.
func.func @reversed_window_with_step(%in: memref<1x1x4x1xi8>, %out: memref<1x1x2x1xi8>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  // expected-error @+1 {{cannot be made to run its steps backwards}}
  scf.for %w = %c0 to %c4 step %c2 {
    %v = memref.load %in[%c0, %c0, %w, %c0] : memref<1x1x4x1xi8>
    memref.store %v, %out[%c0, %c0, %c0, %c0] : memref<1x1x2x1xi8>
  } {seg.access = #seg.window<[1, 1, 4, 1] -> [1, 1, 2, 1], kernel [1, 1],
                              strides [1, 2], dilations [1, 1], pad [0, 0]>,
     seg.reversed, seg.step_loop}
  return
}

// -----

// A reduction is not element-wise: its steps cannot be reversed.
#id = affine_map<(d0) -> (d0)>
#scalar = affine_map<(d0) -> ()>
func.func @reversed_reduction(%in: memref<4xi8>, %out: memref<i8>) {
  // expected-error @+1 {{cannot be made to run its steps backwards}}
  linalg.generic {indexing_maps = [#id, #scalar], iterator_types = ["reduction"]}
      ins(%in : memref<4xi8>) outs(%out : memref<i8>) attrs = {seg.reversed} {
  ^bb0(%x: i8, %y: i8):
    %s = arith.addi %x, %y : i8
    linalg.yield %s : i8
  }
  return
}

// -----

func.func @two_pools() {
  %p = seg.pool "sram" align 16 : memref<16xi8>
  // expected-error @+1 {{a function may have only one pool}}
  %q = seg.pool "sram" align 16 : memref<16xi8>
  return
}
