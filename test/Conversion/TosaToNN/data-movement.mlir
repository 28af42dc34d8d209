// RUN: morsel-opt %s --split-input-file --convert-tosa-to-nn | FileCheck %s

// CHECK-LABEL: func.func @reshape_transpose
// CHECK: %[[R:.+]] = nn.reshape %{{.+}} : tensor<1x4x4x8xf32> -> tensor<1x16x8xf32>
// CHECK: nn.transpose %[[R]] perm = [0, 2, 1] : tensor<1x16x8xf32> -> tensor<1x8x16xf32>
func.func @reshape_transpose(%x: tensor<1x4x4x8xf32>) -> tensor<1x8x16xf32> {
  %s = tosa.const_shape {values = dense<[1, 16, 8]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %r = tosa.reshape %x, %s : (tensor<1x4x4x8xf32>, !tosa.shape<3>) -> tensor<1x16x8xf32>
  %t = tosa.transpose %r {perms = array<i32: 0, 2, 1>} : (tensor<1x16x8xf32>) -> tensor<1x8x16xf32>
  return %t : tensor<1x8x16xf32>
}

// -----

// CHECK-LABEL: func.func @concat
// CHECK: nn.concat %{{.+}}, %{{.+}} axis = 3 : (tensor<1x4x4x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x10xf32>
func.func @concat(%a: tensor<1x4x4x8xf32>, %b: tensor<1x4x4x2xf32>) -> tensor<1x4x4x10xf32> {
  %c = tosa.concat %a, %b {axis = 3 : i32} : (tensor<1x4x4x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x10xf32>
  return %c : tensor<1x4x4x10xf32>
}

// -----

// CHECK-LABEL: func.func @slice
// CHECK: nn.slice %{{.+}} offsets = [0, 1, 0, 4] sizes = [1, 2, 4, 4] strides = [1, 1, 1, 1] : tensor<1x4x4x8xf32> -> tensor<1x2x4x4xf32>
func.func @slice(%x: tensor<1x4x4x8xf32>) -> tensor<1x2x4x4xf32> {
  %start = tosa.const_shape {values = dense<[0, 1, 0, 4]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %size = tosa.const_shape {values = dense<[1, 2, 4, 4]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %y = tosa.slice %x, %start, %size : (tensor<1x4x4x8xf32>, !tosa.shape<4>, !tosa.shape<4>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// TOSA lists the pads as [low, high] per dimension.
// CHECK-LABEL: func.func @pad
// CHECK: nn.pad %{{.+}} low = [0, 1, 2, 0] high = [0, 3, 4, 0] value = -1.000000e+00 : tensor<1x4x4x8xf32> -> tensor<1x8x10x8xf32>
func.func @pad(%x: tensor<1x4x4x8xf32>) -> tensor<1x8x10x8xf32> {
  %p = tosa.const_shape {values = dense<[0, 0, 1, 3, 2, 4, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %v = "tosa.const"() {values = dense<-1.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.pad %x, %p, %v : (tensor<1x4x4x8xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x8x10x8xf32>
  return %y : tensor<1x8x10x8xf32>
}
