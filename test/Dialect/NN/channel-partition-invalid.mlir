// RUN: morsel-opt %s --split-input-file --verify-diagnostics

// Every diagnostic of nn.channel_partition: ChannelPartitionOp::verifyRegions
// (lib/Dialect/NN/IR/NNOps.cpp) and the chain rules it applies
// (matchChannelChain and describeBreak in lib/Dialect/NN/IR/ChannelChain.cpp),
// plus the ODS constraints of the op and of nn.yield. Valid bodies are in
// channel-partition.mlir.

//===- ODS constraints ----------------------------------------------------===//

func.func @yield_outside_partition(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.yield' op expects parent op 'nn.channel_partition'}}
  nn.yield %x : tensor<1x4xf32>
}

// -----

func.func @two_blocks(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{'nn.channel_partition' op expects region #0 to have 0 or 1 blocks}}
  %y = "nn.channel_partition"(%x) ({
  ^bb0(%in: tensor<1x4x4x8xf32>):
    nn.yield %in : tensor<1x4x4x8xf32>
  ^bb1(%in2: tensor<1x4x4x8xf32>):
    nn.yield %in2 : tensor<1x4x4x8xf32>
  }) {chunks = 2 : i64} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

//===- The body's signature -----------------------------------------------===//

// -----

func.func @argument_of_wrong_type(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x4xf32> -> tensor<16x1x1x4xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects one body argument of the input's type 'tensor<1x4x4x8xf32>'}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x4xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x4xf32>, tensor<16x1x1x4xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @two_arguments(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects one body argument of the input's type 'tensor<1x4x4x8xf32>'}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>, %other: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// A terminator other than nn.yield (one without a parent constraint of its
// own).

func.func @not_ending_with_yield(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{'nn.channel_partition' op expects its body to end with nn.yield}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    llvm.unreachable
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @yield_type_mismatch(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x4xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op yields 'tensor<1x4x4x8xf32>' but its result is 'tensor<1x4x4x4xf32>'}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x4xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x4xf32>
}

// -----

// Constants alone are not a chain.

func.func @no_chain(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{'nn.channel_partition' op expects a chain of operators in its body}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %c = nn.constant dense<1.0> : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
    nn.yield %c : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

//===- The body argument --------------------------------------------------===//

// -----

func.func @argument_read_twice(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects the body argument to be read once, as the input of the first operator}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    %r = nn.add %p, %in : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %r : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// The first operator (the clamp) does not read the argument; the producer
// does.

func.func @argument_not_read_by_first_operator(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  %c = nn.constant dense<0.5> : tensor<4xf32> -> tensor<4xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects the body argument to be read once, as the input of the first operator}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %unrelated = nn.clamp %c min = 0.0 max = 6.0 : tensor<4xf32>
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @argument_not_read(%x: tensor<1x4x4x8xf32>, %z: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects the body argument to be read once, as the input of the first operator}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %z, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// The argument is the first operator's weights, not its input.

func.func @argument_read_as_weights(%x: tensor<16x1x1x16xf32>, %z: tensor<1x4x4x16xf32>) -> tensor<1x4x4x8xf32> {
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects the body argument to be read once, as the input of the first operator}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<16x1x1x16xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<16x1x1x16xf32>):
    %e = nn.conv2d %z, %in strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<16x1x1x16xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

//===- The producer -------------------------------------------------------===//

// -----

func.func @producer_depthwise(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %wd = nn.constant dense<0.5> : tensor<8x3x3x1xf32> -> tensor<8x3x3x1xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x8xf32> -> tensor<8x1x1x8xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.conv2d' cannot compute a slice of its output channels from its whole input}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %d = nn.conv2d %in, %wd strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 8 : (tensor<1x4x4x8xf32>, tensor<8x3x3x1xf32>) -> tensor<1x4x4x8xf32>
    %p = nn.conv2d %d, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @producer_clamp(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x8xf32> -> tensor<8x1x1x8xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.clamp' cannot compute a slice of its output channels from its whole input}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %c = nn.clamp %in min = 0.0 max = 6.0 : tensor<1x4x4x8xf32>
    %p = nn.conv2d %c, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// The lowering slices weights at compile time: a producer's weights must be
// nn.constant results.

func.func @producer_weights_not_constant(%x: tensor<1x4x4x8xf32>, %w1: tensor<16x1x1x8xf32>) -> tensor<1x4x4x8xf32> {
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.conv2d' cannot compute a slice of its output channels from its whole input}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

//===- Operators between producer and consumer -----------------------------===//

// -----

func.func @softmax_in_the_middle(%x: tensor<1x8xf32>) -> tensor<1x4xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x8xf32> -> tensor<16x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<4x16xf32> -> tensor<4x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.softmax' reduces across channels}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x8xf32>) -> tensor<1x4xf32> {
  ^bb0(%in: tensor<1x8xf32>):
    %h = nn.fully_connected %in, %w1 : (tensor<1x8xf32>, tensor<16x8xf32>) -> tensor<1x16xf32>
    %s = nn.softmax %h axis = 1 beta = 1.0 : tensor<1x16xf32> -> tensor<1x16xf32>
    %o = nn.fully_connected %s, %w2 : (tensor<1x16xf32>, tensor<4x16xf32>) -> tensor<1x4xf32>
    nn.yield %o : tensor<1x4xf32>
  }
  return %y : tensor<1x4xf32>
}

// -----

func.func @mean_in_the_middle(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x1xf32> -> tensor<8x1x1x1xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.mean' reduces across channels}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %m = nn.mean %e axes = [3] keep_dims = true : tensor<1x4x4x16xf32> -> tensor<1x4x4x1xf32>
    %p = nn.conv2d %m, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x1xf32>, tensor<8x1x1x1xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// A channel shuffle (ShuffleNet): reshape to (groups, channels per group),
// transpose, reshape back. The first reshape breaks the chain.

func.func @channel_shuffle_reshape(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.reshape' moves channels (a channel shuffle), so a slice is not a slice of its result}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %r = nn.reshape %e : tensor<1x4x4x16xf32> -> tensor<1x4x4x2x8xf32>
    %t = nn.transpose %r perm = [0, 1, 2, 4, 3] : tensor<1x4x4x2x8xf32> -> tensor<1x4x4x8x2xf32>
    %s = nn.reshape %t : tensor<1x4x4x8x2xf32> -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %s, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @transpose_in_the_middle(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<4x1x1x8xf32> -> tensor<4x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x4xf32> -> tensor<8x1x1x4xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.transpose' moves channels (a channel shuffle), so a slice is not a slice of its result}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<4x1x1x8xf32>) -> tensor<1x4x4x4xf32>
    %t = nn.transpose %e perm = [0, 3, 2, 1] : tensor<1x4x4x4xf32> -> tensor<1x4x4x4xf32>
    %p = nn.conv2d %t, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x4xf32>, tensor<8x1x1x4xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @concat_in_the_middle(%x: tensor<1x4x4x8xf32>, %z: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x24xf32> -> tensor<8x1x1x24xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.concat' mixes the slices with other channels}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %c = nn.concat %e, %z axis = 3 : (tensor<1x4x4x16xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x24xf32>
    %p = nn.conv2d %c, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x24xf32>, tensor<8x1x1x24xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @slice_in_the_middle(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x4xf32> -> tensor<8x1x1x4xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.slice' mixes the slices with other channels}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %s = nn.slice %e offsets = [0, 0, 0, 4] sizes = [1, 4, 4, 4] strides = [1, 1, 1, 1] : tensor<1x4x4x16xf32> -> tensor<1x4x4x4xf32>
    %p = nn.conv2d %s, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x4xf32>, tensor<8x1x1x4xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @grouped_conv_in_the_middle(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %wg = nn.constant dense<0.5> : tensor<16x3x3x8xf32> -> tensor<16x3x3x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.conv2d' with groups = 2 mixes channels of different slices}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %g = nn.conv2d %e, %wg strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 2 : (tensor<1x4x4x16xf32>, tensor<16x3x3x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %g, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// A depthwise convolution with channel multiplier 2 (groups = input
// channels, twice as many outputs) is not channel-wise either.

func.func @depthwise_multiplier_two(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %wd = nn.constant dense<0.5> : tensor<32x3x3x1xf32> -> tensor<32x3x3x1xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x32xf32> -> tensor<8x1x1x32xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.conv2d' with groups = 16 mixes channels of different slices}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %d = nn.conv2d %e, %wd strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 16 : (tensor<1x4x4x16xf32>, tensor<32x3x3x1xf32>) -> tensor<1x4x4x32xf32>
    %p = nn.conv2d %d, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x32xf32>, tensor<8x1x1x32xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @depthwise_weights_not_constant(%x: tensor<1x4x4x8xf32>, %wd: tensor<16x3x3x1xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.conv2d' has weights that are not constant}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %d = nn.conv2d %e, %wd strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 16 : (tensor<1x4x4x16xf32>, tensor<16x3x3x1xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %d, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @consumer_weights_not_constant(%x: tensor<1x8xf32>, %w2: tensor<4x16xf32>) -> tensor<1x4xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x8xf32> -> tensor<16x8xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.fully_connected' has weights that are not constant}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x8xf32>) -> tensor<1x4xf32> {
  ^bb0(%in: tensor<1x8xf32>):
    %h = nn.fully_connected %in, %w1 : (tensor<1x8xf32>, tensor<16x8xf32>) -> tensor<1x16xf32>
    %o = nn.fully_connected %h, %w2 : (tensor<1x16xf32>, tensor<4x16xf32>) -> tensor<1x4xf32>
    nn.yield %o : tensor<1x4xf32>
  }
  return %y : tensor<1x4xf32>
}

// -----

// An operator with no rule of its own: a 2x2 max pool.

func.func @pool_in_the_middle(%x: tensor<1x4x4x8xf32>) -> tensor<1x2x2x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.max_pool2d' is not one of the channel-wise operators a slice can run through (depthwise conv2d, clamp)}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x2x2x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %m = nn.max_pool2d %e kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x4x4x16xf32> -> tensor<1x2x2x16xf32>
    %p = nn.conv2d %m, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x2x2x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x2x2x8xf32>
    nn.yield %p : tensor<1x2x2x8xf32>
  }
  return %y : tensor<1x2x2x8xf32>
}

// -----

// No consumer: the chain runs into the yield.

func.func @no_consumer(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x16xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.yield' is not one of the channel-wise operators a slice can run through (depthwise conv2d, clamp)}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x16xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %c = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x4x4x16xf32>
    nn.yield %c : tensor<1x4x4x16xf32>
  }
  return %y : tensor<1x4x4x16xf32>
}

// -----

// The wide tensor is read as a second operand (the consumer's weights), not
// as the input a slice at a time.

func.func @wide_value_read_as_weights(%x: tensor<1x8xf32>) -> tensor<1x1xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x8xf32> -> tensor<16x8xf32>
  %z = nn.constant dense<0.5> : tensor<1x16xf32> -> tensor<1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: 'nn.fully_connected' has weights that are not constant}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x8xf32>) -> tensor<1x1xf32> {
  ^bb0(%in: tensor<1x8xf32>):
    %h = nn.fully_connected %in, %w1 : (tensor<1x8xf32>, tensor<16x8xf32>) -> tensor<1x16xf32>
    %o = nn.fully_connected %z, %h : (tensor<1x16xf32>, tensor<1x16xf32>) -> tensor<1x1xf32>
    nn.yield %o : tensor<1x1xf32>
  }
  return %y : tensor<1x1xf32>
}

//===- One reader per wide tensor -----------------------------------------===//

// -----

func.func @wide_value_read_twice(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: the result of 'nn.clamp' has 2 readers; only one, a slice at a time, can read it}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %c = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x4x4x16xf32>
    %p = nn.conv2d %c, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    %q = nn.conv2d %c, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    %r = nn.add %p, %q : (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %r : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// The producer's result also leaves the body (used by the function): it
// has 2 readers, one of them outside the op.

func.func @wide_value_escapes(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op cannot run its body a slice of channels at a time: the result of 'nn.conv2d' has 2 readers; only one, a slice at a time, can read it}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    %c = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x4x4x16xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

//===- Exactly one chain --------------------------------------------------===//

// -----

// An operator after the consumer that is not its clamp.

func.func @extra_operator_after_consumer(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects its body to be exactly one chain, producer to consumer, whose result it yields}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    %s = nn.sigmoid %p : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
    nn.yield %s : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// Two clamps after the consumer: only the first belongs to the chain.

func.func @second_consumer_clamp(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects its body to be exactly one chain, producer to consumer, whose result it yields}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    %c1 = nn.clamp %p min = 0.0 max = 6.0 : tensor<1x4x4x8xf32>
    %c2 = nn.clamp %c1 min = 1.0 max = 2.0 : tensor<1x4x4x8xf32>
    nn.yield %c2 : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// An operator that is not part of the chain at all, between its operators.

func.func @unrelated_operator_inside(%x: tensor<1x4x4x8xf32>, %z: tensor<4xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects its body to be exactly one chain, producer to consumer, whose result it yields}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %u = nn.sigmoid %z : tensor<4xf32> -> tensor<4xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// The consumer has a clamp, but the body yields the consumer's own result:
// the clamp is in the chain, the yielded value is not its result.

func.func @yields_before_consumer_clamp(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  %z = nn.constant dense<0.5> : tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
  // expected-error @+1 {{'nn.channel_partition' op expects its body to be exactly one chain, producer to consumer, whose result it yields}}
  %y = nn.channel_partition %x chunks = 2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    %c = nn.clamp %p min = 0.0 max = 6.0 : tensor<1x4x4x8xf32>
    nn.yield %z : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

//===- Chunks -------------------------------------------------------------===//

// -----

// 16 wide channels do not split into 3 chunks.

func.func @chunks_do_not_divide(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op chunks = 3 does not divide the 16 channels of the chain}}
  %y = nn.channel_partition %x chunks = 3 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// More chunks than channels.

func.func @chunks_above_channels(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op chunks = 32 does not divide the 16 channels of the chain}}
  %y = nn.channel_partition %x chunks = 32 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @chunks_zero(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op chunks = 0 does not divide the 16 channels of the chain}}
  %y = nn.channel_partition %x chunks = 0 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @chunks_negative(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %w1 = nn.constant dense<0.5> : tensor<16x1x1x8xf32> -> tensor<16x1x1x8xf32>
  %w2 = nn.constant dense<0.5> : tensor<8x1x1x16xf32> -> tensor<8x1x1x16xf32>
  // expected-error @+1 {{'nn.channel_partition' op chunks = -2 does not divide the 16 channels of the chain}}
  %y = nn.channel_partition %x chunks = -2 : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  ^bb0(%in: tensor<1x4x4x8xf32>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8xf32>, tensor<16x1x1x8xf32>) -> tensor<1x4x4x16xf32>
    %p = nn.conv2d %e, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x16xf32>, tensor<8x1x1x16xf32>) -> tensor<1x4x4x8xf32>
    nn.yield %p : tensor<1x4x4x8xf32>
  }
  return %y : tensor<1x4x4x8xf32>
}

// -----

// An int8 chain (MobileNetV2 expand -> depthwise -> project) whose 24
// channels do not split into 5 chunks.

!qx = !quant.uniform<i8:f32, 0.05:-3>
!qe = !quant.uniform<i8:f32, 0.04:-128>
!qw = !quant.uniform<i8:f32, 0.02>

func.func @chunks_do_not_divide_i8(%x: tensor<1x4x4x8x!qx>) -> tensor<1x4x4x8x!qx> {
  %w1 = nn.constant dense<1> : tensor<24x1x1x8xi8> -> tensor<24x1x1x8x!qw>
  %w2 = nn.constant dense<1> : tensor<24x3x3x1xi8> -> tensor<24x3x3x1x!qw>
  %w3 = nn.constant dense<1> : tensor<8x1x1x24xi8> -> tensor<8x1x1x24x!qw>
  // expected-error @+1 {{'nn.channel_partition' op chunks = 5 does not divide the 24 channels of the chain}}
  %y = nn.channel_partition %x chunks = 5 : (tensor<1x4x4x8x!qx>) -> tensor<1x4x4x8x!qx> {
  ^bb0(%in: tensor<1x4x4x8x!qx>):
    %e = nn.conv2d %in, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x8x!qx>, tensor<24x1x1x8x!qw>) -> tensor<1x4x4x24x!qe>
    %d = nn.conv2d %e, %w2 strides = [1, 1] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 24 : (tensor<1x4x4x24x!qe>, tensor<24x3x3x1x!qw>) -> tensor<1x4x4x24x!qe>
    %p = nn.conv2d %d, %w3 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x4x4x24x!qe>, tensor<8x1x1x24x!qw>) -> tensor<1x4x4x8x!qx>
    nn.yield %p : tensor<1x4x4x8x!qx>
  }
  return %y : tensor<1x4x4x8x!qx>
}
