// A tiny int8 model in the nn dialect with float boundaries: quantize, a 1x1
// convolution with a fused ReLU, dequantize.
func.func @main(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x3xf32> {
  %q = nn.quantize %x : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>
  %w = nn.constant dense<[[[[1, -2]]], [[[3, 4]]], [[[-5, 6]]]]> : tensor<3x1x1x2xi8>
      -> tensor<3x1x1x2x!quant.uniform<i8:f32:0, {0.02, 0.03, 0.04}>>
  %b = nn.constant dense<[10, -20, 30]> : tensor<3xi32> -> tensor<3xi32>
  %c = nn.conv2d %q, %w, %b strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x4x4x2x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x1x1x2x!quant.uniform<i8:f32:0, {0.02, 0.03, 0.04}>>, tensor<3xi32>)
     -> tensor<1x4x4x3x!quant.uniform<i8:f32, 0.05:2>>
  %r = nn.clamp %c min = 0.0 max = 0x7F800000 : tensor<1x4x4x3x!quant.uniform<i8:f32, 0.05:2>>
  %y = nn.dequantize %r : tensor<1x4x4x3x!quant.uniform<i8:f32, 0.05:2>> -> tensor<1x4x4x3xf32>
  return %y : tensor<1x4x4x3xf32>
}
