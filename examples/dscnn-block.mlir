// One int8 depthwise-separable block of the MLPerf Tiny keyword-spotting
// DS-CNN: depthwise 3x3 + ReLU, pointwise 1x1 + ReLU, then global average
// pooling and the 12-way classifier. Run it with:
//   ./scripts/demo.sh
// which verifies it, canonicalizes it and prints what every operator costs.

!act = !quant.uniform<i8:f32, 0.0235:-128>
!dw = !quant.uniform<i8:f32:0, {0.011, 0.012, 0.009, 0.013, 0.010, 0.011, 0.012, 0.014}>
!dwb = !quant.uniform<i32:f32:0, {2.585e-4, 2.82e-4, 2.115e-4, 3.055e-4, 2.35e-4, 2.585e-4, 2.82e-4, 3.29e-4}>
!pw = !quant.uniform<i8:f32, 0.02>
!pwb = !quant.uniform<i32:f32, 4.7e-4>
!out = !quant.uniform<i8:f32, 0.0625:-20>

func.func @dscnn_block(%x: tensor<1x25x5x8x!act>) -> tensor<1x12x!out> {
  %dw_w = nn.constant dense<3> : tensor<8x3x3x1xi8> -> tensor<8x3x3x1x!dw>
  %dw_b = nn.constant dense<100> : tensor<8xi32> -> tensor<8x!dwb>
  %dw = nn.conv2d %x, %dw_w, %dw_b strides = [1, 1] pad = [1, 1, 1, 1]
          dilations = [1, 1] groups = 8
      : (tensor<1x25x5x8x!act>, tensor<8x3x3x1x!dw>, tensor<8x!dwb>)
     -> tensor<1x25x5x8x!act>
  %dw_relu = nn.clamp %dw min = 0.0 max = 0x7F800000 : tensor<1x25x5x8x!act>

  %pw_w = nn.constant dense<-2> : tensor<16x1x1x8xi8> -> tensor<16x1x1x8x!pw>
  %pw_b = nn.constant dense<-50> : tensor<16xi32> -> tensor<16x!pwb>
  %pw = nn.conv2d %dw_relu, %pw_w, %pw_b strides = [1, 1] pad = [0, 0, 0, 0]
          dilations = [1, 1] groups = 1
      : (tensor<1x25x5x8x!act>, tensor<16x1x1x8x!pw>, tensor<16x!pwb>)
     -> tensor<1x25x5x16x!act>
  %pw_relu = nn.clamp %pw min = 0.0 max = 0x7F800000 : tensor<1x25x5x16x!act>

  %pool = nn.mean %pw_relu axes = [1, 2] keep_dims = true
      : tensor<1x25x5x16x!act> -> tensor<1x1x1x16x!act>
  %flat = nn.reshape %pool : tensor<1x1x1x16x!act> -> tensor<1x16x!act>
  %flat2 = nn.reshape %flat : tensor<1x16x!act> -> tensor<1x16x!act>
  %fc_w = nn.constant dense<1> : tensor<12x16xi8> -> tensor<12x16x!pw>
  %fc_b = nn.constant dense<0> : tensor<12xi32> -> tensor<12x!pwb>
  %logits = nn.fully_connected %flat2, %fc_w, %fc_b
      : (tensor<1x16x!act>, tensor<12x16x!pw>, tensor<12x!pwb>)
     -> tensor<1x12x!out>
  return %logits : tensor<1x12x!out>
}
