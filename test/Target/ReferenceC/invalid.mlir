// RUN: morsel-translate --nn-to-reference-c --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// Only nn operators become kernels.
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{the reference C backend does not support 'foo.relu' (only nn operators)}}
  %r = "foo.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// expected-error @+1 {{input 0 has type 'tensor<?xf32>'; the reference C backend exchanges statically shaped tensors of f32, i8, u8 or i32}}
func.func @main(%x: tensor<?xf32>) -> tensor<?xf32> {
  return %x : tensor<?xf32>
}

// -----

func.func @main(%x: tensor<1x1x1x1x1x2x3xf32>) -> tensor<1x1x1x1x1x3x2xf32> {
  // expected-error @+1 {{'nn.transpose' op moves a rank-7 tensor; the reference C backend moves up to rank 6}}
  %t = nn.transpose %x perm = [0, 1, 2, 3, 4, 6, 5] : tensor<1x1x1x1x1x2x3xf32> -> tensor<1x1x1x1x1x3x2xf32>
  return %t : tensor<1x1x1x1x1x3x2xf32>
}

// -----

func.func @main(%x: tensor<2x1x2x3x4xf32>, %y: tensor<4xf32>) -> tensor<2x1x2x3x4xf32> {
  // expected-error @+1 {{'nn.add' op broadcasts rank-5 tensors; the reference C backend broadcasts up to rank 4}}
  %a = nn.add %x, %y : (tensor<2x1x2x3x4xf32>, tensor<4xf32>) -> tensor<2x1x2x3x4xf32>
  return %a : tensor<2x1x2x3x4xf32>
}

// -----

func.func @main(%x: tensor<2x2x2x2x2x2x2xf32>) -> tensor<2x2x2x2x2xf32> {
  // expected-error @+1 {{'nn.mean' op reduces a rank-7 tensor over axes that are not adjacent; the reference C backend supports up to rank 6}}
  %m = nn.mean %x axes = [0, 6] keep_dims = false : tensor<2x2x2x2x2x2x2xf32> -> tensor<2x2x2x2x2xf32>
  return %m : tensor<2x2x2x2x2xf32>
}

// -----

func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'nn.constant' op holds a value the reference C backend cannot read}}
  %c = nn.constant dense_resource<__elided__> : tensor<4xf32> -> tensor<4xf32>
  %a = nn.add %x, %c : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %a : tensor<4xf32>
}
