// Layers whose conversion rearranges data: a depthwise convolution with
// channel multiplier 2 and asymmetric padding, a transpose, a slice, a
// concat, a pad, a max pooling, a global max (reduce_max) and a mean over
// H and W.
func.func @main(%x: tensor<1x5x6x2xf32>) -> tensor<1x1x1x8xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %shift = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %w = "tosa.const"() {values = dense<[[[[0.1, -0.2], [0.3, 0.4]], [[-0.5, 0.6], [0.7, -0.8]]], [[[0.9, 1.0], [-1.1, 1.2]], [[1.3, -1.4], [1.5, 1.6]]]]> : tensor<2x2x2x2xf32>} : () -> tensor<2x2x2x2xf32>
  %b = "tosa.const"() {values = dense<[0.01, -0.02, 0.03, -0.04]> : tensor<4xf32>} : () -> tensor<4xf32>
  %d = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, pad = array<i64: 0, 1, 1, 0>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : (tensor<1x5x6x2xf32>, tensor<2x2x2x2xf32>, tensor<4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x6x4xf32>
  %t = tosa.transpose %d {perms = array<i32: 0, 2, 1, 3>} : (tensor<1x5x6x4xf32>) -> tensor<1x6x5x4xf32>
  %start = tosa.const_shape {values = dense<[0, 1, 0, 1]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %size = tosa.const_shape {values = dense<[1, 4, 5, 2]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %s = tosa.slice %t, %start, %size : (tensor<1x6x5x4xf32>, !tosa.shape<4>, !tosa.shape<4>) -> tensor<1x4x5x2xf32>
  %padding = tosa.const_shape {values = dense<[0, 0, 0, 0, 1, 0, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %pv = "tosa.const"() {values = dense<-0.25> : tensor<1xf32>} : () -> tensor<1xf32>
  %p = tosa.pad %s, %padding, %pv : (tensor<1x4x5x2xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x4x6x2xf32>
  %m = tosa.max_pool2d %p {kernel = array<i64: 2, 2>, stride = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>} : (tensor<1x4x6x2xf32>) -> tensor<1x2x3x2xf32>
  %g1 = tosa.reduce_max %m {axis = 1 : i32} : (tensor<1x2x3x2xf32>) -> tensor<1x1x3x2xf32>
  %g = tosa.reduce_max %g1 {axis = 2 : i32} : (tensor<1x1x3x2xf32>) -> tensor<1x1x1x2xf32>
  %h = tosa.reduce_sum %d {axis = 1 : i32} : (tensor<1x5x6x4xf32>) -> tensor<1x1x6x4xf32>
  %hw = tosa.reduce_sum %h {axis = 2 : i32} : (tensor<1x1x6x4xf32>) -> tensor<1x1x1x4xf32>
  %inv = "tosa.const"() {values = dense<0.0333333351> : tensor<1x1x1x1xf32>} : () -> tensor<1x1x1x1xf32>
  %mean = tosa.mul %hw, %inv, %shift : (tensor<1x1x1x4xf32>, tensor<1x1x1x1xf32>, tensor<1xi8>) -> tensor<1x1x1x4xf32>
  %c = tosa.concat %g, %mean, %g {axis = 3 : i32} : (tensor<1x1x1x2xf32>, tensor<1x1x1x4xf32>, tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>
  %y = tosa.sigmoid %c : (tensor<1x1x1x8xf32>) -> tensor<1x1x1x8xf32>
  return %y : tensor<1x1x1x8xf32>
}
