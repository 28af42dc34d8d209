// Operator and storage combinations the zoo does not reach, for the reference
// C backend: mixed u8/i8 operands, a 4-D broadcast with a fused clamp, a
// quantized mean over axes that are not adjacent, per-channel quantize, a
// 5-D transpose, pad, slice and concat (with a constant), a reshape into an
// output, an input returned as an output and one result returned twice.
func.func @main(%x: tensor<2x3x4x5x!quant.uniform<i8:f32, 0.05:3>>,
                %y: tensor<5x!quant.uniform<u8:f32, 0.02:120>>,
                %f: tensor<2x6xf32>)
    -> (tensor<3x5x!quant.uniform<i8:f32, 0.03:-2>>,
        tensor<2x3x4x5x!quant.uniform<u8:f32, 0.01:10>>,
        tensor<2x6x!quant.uniform<i8:f32:1, {0.1, 0.05, 0.2, 0.02, 0.5, 0.01}>>,
        tensor<5x3x2x2x2x!quant.uniform<i8:f32, 0.05:3>>,
        tensor<2x9x4x3x!quant.uniform<i8:f32, 0.05:3>>,
        tensor<12xf32>,
        tensor<2x3x4x5x!quant.uniform<i8:f32, 0.05:3>>,
        tensor<12xf32>) {
  %mean = nn.mean %x axes = [0, 2] keep_dims = false
      : tensor<2x3x4x5x!quant.uniform<i8:f32, 0.05:3>> -> tensor<3x5x!quant.uniform<i8:f32, 0.03:-2>>
  %mul = nn.mul %x, %y : (tensor<2x3x4x5x!quant.uniform<i8:f32, 0.05:3>>, tensor<5x!quant.uniform<u8:f32, 0.02:120>>)
      -> tensor<2x3x4x5x!quant.uniform<u8:f32, 0.01:10>>
  %relu = nn.clamp %mul min = 0.0 max = 1.5 : tensor<2x3x4x5x!quant.uniform<u8:f32, 0.01:10>>
  %q = nn.quantize %f : tensor<2x6xf32> -> tensor<2x6x!quant.uniform<i8:f32:1, {0.1, 0.05, 0.2, 0.02, 0.5, 0.01}>>
  %r5 = nn.reshape %x : tensor<2x3x4x5x!quant.uniform<i8:f32, 0.05:3>> -> tensor<2x3x2x2x5x!quant.uniform<i8:f32, 0.05:3>>
  %t = nn.transpose %r5 perm = [4, 1, 0, 3, 2] : tensor<2x3x2x2x5x!quant.uniform<i8:f32, 0.05:3>> -> tensor<5x3x2x2x2x!quant.uniform<i8:f32, 0.05:3>>
  %p = nn.pad %x low = [0, 1, 0, 0] high = [0, 2, 0, 1] value = 0.5 : tensor<2x3x4x5x!quant.uniform<i8:f32, 0.05:3>> -> tensor<2x6x4x6x!quant.uniform<i8:f32, 0.05:3>>
  %s = nn.slice %p offsets = [0, 0, 0, 1] sizes = [2, 6, 4, 3] strides = [1, 1, 1, 2] : tensor<2x6x4x6x!quant.uniform<i8:f32, 0.05:3>> -> tensor<2x6x4x3x!quant.uniform<i8:f32, 0.05:3>>
  %k = nn.constant dense<-7> : tensor<2x3x4x3xi8> -> tensor<2x3x4x3x!quant.uniform<i8:f32, 0.05:3>>
  %c = nn.concat %s, %k axis = 1 : (tensor<2x6x4x3x!quant.uniform<i8:f32, 0.05:3>>, tensor<2x3x4x3x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<2x9x4x3x!quant.uniform<i8:f32, 0.05:3>>
  %d = nn.hard_swish %f : tensor<2x6xf32> -> tensor<2x6xf32>
  %flat = nn.reshape %d : tensor<2x6xf32> -> tensor<12xf32>
  return %mean, %relu, %q, %t, %c, %flat, %x, %flat
      : tensor<3x5x!quant.uniform<i8:f32, 0.03:-2>>,
        tensor<2x3x4x5x!quant.uniform<u8:f32, 0.01:10>>,
        tensor<2x6x!quant.uniform<i8:f32:1, {0.1, 0.05, 0.2, 0.02, 0.5, 0.01}>>,
        tensor<5x3x2x2x2x!quant.uniform<i8:f32, 0.05:3>>,
        tensor<2x9x4x3x!quant.uniform<i8:f32, 0.05:3>>,
        tensor<12xf32>,
        tensor<2x3x4x5x!quant.uniform<i8:f32, 0.05:3>>,
        tensor<12xf32>
}
