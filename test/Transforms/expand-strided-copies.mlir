// RUN: morsel-opt %s --morsel-expand-strided-copies | FileCheck %s

// CHECK-LABEL: func.func @copies
// CHECK-SAME: (%[[A:.+]]: memref<4x4xf32>, %[[B:.+]]: memref<4x4xf32>, %[[P:.+]]: memref<6x6xf32>)
func.func @copies(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %padded: memref<6x6xf32>) {
  // A contiguous copy stays: it becomes llvm.memcpy.
  // CHECK: memref.copy %[[A]], %[[B]]
  memref.copy %a, %b : memref<4x4xf32> to memref<4x4xf32>
  // A copy into the interior of a padded buffer becomes loops.
  // CHECK: %[[WINDOW:.+]] = memref.subview %[[P]]
  // CHECK: linalg.copy ins(%[[A]] : memref<4x4xf32>) outs(%[[WINDOW]] : memref<4x4xf32, strided<[6, 1], offset: 7>>)
  // CHECK-NOT: memref.copy
  %window = memref.subview %padded[1, 1] [4, 4] [1, 1] : memref<6x6xf32> to memref<4x4xf32, strided<[6, 1], offset: 7>>
  memref.copy %a, %window : memref<4x4xf32> to memref<4x4xf32, strided<[6, 1], offset: 7>>
  return
}
