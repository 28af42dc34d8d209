// RUN: morsel-opt %s | morsel-opt | FileCheck %s
// RUN: morsel-opt %s --mlir-print-op-generic | morsel-opt | FileCheck %s

// The seg ops and the #seg.window attribute print in their custom form and
// parse back to the same IR, also from the generic form.

// CHECK-LABEL: func.func @pool_and_views
// CHECK: %[[POOL:.+]] = seg.pool "sram" align 16 : memref<64xi8>
// CHECK: seg.view %[[POOL]][0] {name = "conv1"} : memref<64xi8> to memref<1x2x2x4xi8>
// CHECK: seg.view %[[POOL]][16] : memref<64xi8> to memref<4xf32>
// CHECK: seg.view %[[POOL]][48] : memref<64xi8> to memref<8xi16>
func.func @pool_and_views() {
  %pool = seg.pool "sram" align 16 : memref<64xi8>
  %a = seg.view %pool[0] {name = "conv1"} : memref<64xi8> to memref<1x2x2x4xi8>
  %b = seg.view %pool[16] : memref<64xi8> to memref<4xf32>
  %c = seg.view %pool[48] : memref<64xi8> to memref<8xi16>
  return
}

// A pool may have any positive alignment that divides its size, and its
// views may fill it to the last byte.
// CHECK-LABEL: func.func @other_memory
// CHECK: %[[POOL:.+]] = seg.pool "dtcm" align 4 : memref<12xi8>
// CHECK: seg.view %[[POOL]][8] {name = "last"} : memref<12xi8> to memref<4xi8>
func.func @other_memory() {
  %pool = seg.pool "dtcm" align 4 : memref<12xi8>
  %v = seg.view %pool[8] {name = "last"} : memref<12xi8> to memref<4xi8>
  return
}

// A convolution loop nest declares its access order on its outermost loop
// and marks its step loops.
// CHECK-LABEL: func.func @window
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for
// CHECK: } {seg.step_loop}
// CHECK-NEXT: } {seg.step_loop}
// CHECK-NEXT: } {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel[3, 3], strides[2, 2], dilations[1, 1], pad[1, 1]>, seg.step_loop}
func.func @window(%in: memref<1x4x4x2xi8>, %out: memref<1x2x2x8xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %n = %c0 to %c1 step %c1 {
    scf.for %h = %c0 to %c2 step %c1 {
      scf.for %w = %c0 to %c2 step %c1 {
        %v = memref.load %in[%n, %h, %w, %c0] : memref<1x4x4x2xi8>
        memref.store %v, %out[%n, %h, %w, %c0] : memref<1x2x2x8xi8>
      } {seg.step_loop}
    } {seg.step_loop}
  } {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [3, 3],
                              strides [2, 2], dilations [1, 1], pad [1, 1]>,
     seg.step_loop}
  return
}

// A fully connected layer is the 1x1 window over whole rows; the attribute
// may also stand alone.
// CHECK-LABEL: func.func @fully_connected
// CHECK-SAME: seg.access = #seg.window<[2, 1, 1, 40] -> [2, 1, 1, 10], kernel[1, 1], strides[1, 1], dilations[1, 1], pad[0, 0]>
func.func @fully_connected() attributes {
    seg.access = #seg.window<[2, 1, 1, 40] -> [2, 1, 1, 10], kernel [1, 1],
                             strides [1, 1], dilations [1, 1], pad [0, 0]>} {
  return
}
