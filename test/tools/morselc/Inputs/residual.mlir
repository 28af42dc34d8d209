// An inverted residual block whose strided shortcut is written after the
// main path: in the model's order the block input stays live through the
// depthwise convolution (peak 8 + 48 + 12 KiB); run before it, the shortcut
// lets the input die first (2 + 48 + 12 KiB). See
// test/Dialect/NN/reorder-for-memory.mlir.
func.func @main(%x: tensor<1x16x16x8xf32>) -> tensor<1x8x8x8xf32> {
  %w0 = nn.constant dense<0.125> : tensor<8x1x1x8xf32> -> tensor<8x1x1x8xf32>
  %h = nn.conv2d %x, %w0 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x16x16x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x16x16x8xf32>
  %we = nn.constant dense<0.25> : tensor<48x1x1x8xf32> -> tensor<48x1x1x8xf32>
  %e = nn.conv2d %h, %we strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x16x16x8xf32>, tensor<48x1x1x8xf32>) -> tensor<1x16x16x48xf32>
  %er = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x16x16x48xf32>
  %wd = nn.constant dense<0.1> : tensor<48x3x3x1xf32> -> tensor<48x3x3x1xf32>
  %d = nn.conv2d %er, %wd strides = [2, 2] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 48
      : (tensor<1x16x16x48xf32>, tensor<48x3x3x1xf32>) -> tensor<1x8x8x48xf32>
  %dr = nn.clamp %d min = 0.0 max = 6.0 : tensor<1x8x8x48xf32>
  %wp = nn.constant dense<0.05> : tensor<8x1x1x48xf32> -> tensor<8x1x1x48xf32>
  %p = nn.conv2d %dr, %wp strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x48xf32>, tensor<8x1x1x48xf32>) -> tensor<1x8x8x8xf32>
  %ws = nn.constant dense<-0.5> : tensor<8x1x1x8xf32> -> tensor<8x1x1x8xf32>
  %s = nn.conv2d %h, %ws strides = [2, 2] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x16x16x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x8x8x8xf32>
  %o = nn.add %p, %s : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %o : tensor<1x8x8x8xf32>
}
