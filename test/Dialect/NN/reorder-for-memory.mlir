// RUN: morsel-opt %s --nn-reorder-for-memory --split-input-file | FileCheck %s
// The reordered IR parses back and is a fixed point of the pass.
// RUN: morsel-opt %s --nn-reorder-for-memory --split-input-file | morsel-opt --nn-reorder-for-memory --split-input-file | FileCheck %s
// RUN: morsel-opt %s --nn-reorder-for-memory=max-states-per-step=1 --split-input-file | FileCheck %s --check-prefix=GREEDY

// Two branches of very different sizes feed a concat. Sizes (f32): %a 32 KiB,
// %b 2 KiB, %p 8 KiB, %q 0.5 KiB; %x and %c are the caller's buffers (0).
// Source order a, b, p, q, c: %b is live while %a is pooled, peak
// a + b + p = 42 KiB. The pass runs the large branch to its end first
// (a, p, b, q, c): peak a + p = 40 KiB. Weights move to the top.

// CHECK-LABEL: func.func @branches_of_different_sizes
// CHECK-SAME: (%[[X:.+]]: tensor<1x16x16x4xf32>)
// CHECK-NEXT: %[[W1:.+]] = nn.constant dense<5.000000e-01>
// CHECK-NEXT: %[[W2:.+]] = nn.constant dense<2.500000e-01>
// CHECK-NEXT: %[[A:.+]] = nn.conv2d %[[X]], %[[W1]]
// CHECK-NEXT: %[[P:.+]] = nn.max_pool2d %[[A]]
// CHECK-NEXT: %[[B:.+]] = nn.conv2d %[[X]], %[[W2]]
// CHECK-NEXT: %[[Q:.+]] = nn.max_pool2d %[[B]]
// CHECK-NEXT: %[[C:.+]] = nn.concat %[[P]], %[[Q]] axis = 3
// CHECK-NEXT: return %[[C]]

// With one state per step the search is greedy (cheapest operator next): it
// runs the small branch first (b, q, a, p, c), peak q + a + p = 40.5 KiB,
// better than the source but not the best.
// GREEDY-LABEL: func.func @branches_of_different_sizes
// GREEDY: nn.conv2d {{.*}} -> tensor<1x16x16x2xf32>
// GREEDY-NEXT: nn.max_pool2d {{.*}} -> tensor<1x8x8x2xf32>
// GREEDY-NEXT: nn.conv2d {{.*}} -> tensor<1x16x16x32xf32>
// GREEDY-NEXT: nn.max_pool2d {{.*}} -> tensor<1x8x8x32xf32>
// GREEDY-NEXT: nn.concat
func.func @branches_of_different_sizes(%x: tensor<1x16x16x4xf32>) -> tensor<1x8x8x34xf32> {
  %w1 = nn.constant dense<0.5> : tensor<32x1x1x4xf32> -> tensor<32x1x1x4xf32>
  %a = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<32x1x1x4xf32>) -> tensor<1x16x16x32xf32>
  %w2 = nn.constant dense<0.25> : tensor<2x1x1x4xf32> -> tensor<2x1x1x4xf32>
  %b = nn.conv2d %x, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<2x1x1x4xf32>) -> tensor<1x16x16x2xf32>
  %p = nn.max_pool2d %a kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x32xf32> -> tensor<1x8x8x32xf32>
  %q = nn.max_pool2d %b kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x2xf32> -> tensor<1x8x8x2xf32>
  %c = nn.concat %p, %q axis = 3 : (tensor<1x8x8x32xf32>, tensor<1x8x8x2xf32>) -> tensor<1x8x8x34xf32>
  return %c : tensor<1x8x8x34xf32>
}

// -----

// An inverted residual block whose shortcut downsamples with a strided 1x1
// convolution, written (as some exporters do) after the main path. Sizes
// (f32): %h 8 KiB, %e 48 KiB, %d 12 KiB, %p and %s 2 KiB each; each ReLU6
// is fused into the convolution before it and costs nothing of its own.
// Source order: %h must stay live for the shortcut while the depthwise
// convolution runs, peak h + e + d = 68 KiB. The pass runs the shortcut
// before the depthwise convolution so that %h dies first: peak
// s + e + d = 62 KiB (the lowered arenas are 68 and 62 KiB too). Each clamp
// stays right after its convolution.

// CHECK-LABEL: func.func @residual_shortcut
// CHECK-COUNT-5: nn.constant
// CHECK-NEXT: %[[H:.+]] = nn.conv2d
// CHECK-NEXT: %[[E:.+]] = nn.conv2d %[[H]]
// CHECK-NEXT: %[[ER:.+]] = nn.clamp %[[E]]
// CHECK-NEXT: %[[S:.+]] = nn.conv2d %[[H]], {{.*}} strides = [2, 2]
// CHECK-NEXT: %[[D:.+]] = nn.conv2d %[[ER]]
// CHECK-NEXT: %[[DR:.+]] = nn.clamp %[[D]]
// CHECK-NEXT: %[[P:.+]] = nn.conv2d %[[DR]]
// CHECK-NEXT: %[[O:.+]] = nn.add %[[P]], %[[S]]
// CHECK-NEXT: return %[[O]]
func.func @residual_shortcut(%x: tensor<1x16x16x8xf32>) -> tensor<1x8x8x8xf32> {
  %w0 = nn.constant dense<0.5> : tensor<8x1x1x8xf32> -> tensor<8x1x1x8xf32>
  %h = nn.conv2d %x, %w0 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x16x16x8xf32>
  %we = nn.constant dense<0.5> : tensor<48x1x1x8xf32> -> tensor<48x1x1x8xf32>
  %e = nn.conv2d %h, %we strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x8xf32>, tensor<48x1x1x8xf32>) -> tensor<1x16x16x48xf32>
  %er = nn.clamp %e min = 0.0 max = 6.0 : tensor<1x16x16x48xf32>
  %wd = nn.constant dense<0.5> : tensor<48x3x3x1xf32> -> tensor<48x3x3x1xf32>
  %d = nn.conv2d %er, %wd strides = [2, 2] pad = [1, 1, 1, 1] dilations = [1, 1] groups = 48 : (tensor<1x16x16x48xf32>, tensor<48x3x3x1xf32>) -> tensor<1x8x8x48xf32>
  %dr = nn.clamp %d min = 0.0 max = 6.0 : tensor<1x8x8x48xf32>
  %wp = nn.constant dense<0.5> : tensor<8x1x1x48xf32> -> tensor<8x1x1x48xf32>
  %p = nn.conv2d %dr, %wp strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x8x48xf32>, tensor<8x1x1x48xf32>) -> tensor<1x8x8x8xf32>
  %ws = nn.constant dense<0.5> : tensor<8x1x1x8xf32> -> tensor<8x1x1x8xf32>
  %s = nn.conv2d %h, %ws strides = [2, 2] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x8xf32>, tensor<8x1x1x8xf32>) -> tensor<1x8x8x8xf32>
  %o = nn.add %p, %s : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %o : tensor<1x8x8x8xf32>
}

// -----

// Reshapes are views: they cost nothing and follow the operation they read,
// whether it moves (%p, %q) or is an argument (%x, at the top). Peaks as in
// @branches_of_different_sizes: 42 KiB -> 40 KiB.

// CHECK-LABEL: func.func @views_follow_their_input
// CHECK-SAME: (%[[X:.+]]: tensor<1x16x16x4xf32>)
// CHECK-NEXT: nn.constant
// CHECK-NEXT: nn.constant
// CHECK-NEXT: %[[XF:.+]] = nn.reshape %[[X]]
// CHECK-NEXT: %[[A:.+]] = nn.conv2d %[[X]]
// CHECK-NEXT: %[[P:.+]] = nn.max_pool2d %[[A]]
// CHECK-NEXT: %[[PF:.+]] = nn.reshape %[[P]]
// CHECK-NEXT: %[[B:.+]] = nn.conv2d %[[X]]
// CHECK-NEXT: %[[Q:.+]] = nn.max_pool2d %[[B]]
// CHECK-NEXT: %[[QF:.+]] = nn.reshape %[[Q]]
// CHECK-NEXT: %[[C:.+]] = nn.concat %[[PF]], %[[QF]], %[[XF]] axis = 1
// CHECK-NEXT: return %[[C]]
func.func @views_follow_their_input(%x: tensor<1x16x16x4xf32>) -> tensor<1x3200xf32> {
  %w1 = nn.constant dense<0.5> : tensor<32x1x1x4xf32> -> tensor<32x1x1x4xf32>
  %a = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<32x1x1x4xf32>) -> tensor<1x16x16x32xf32>
  %w2 = nn.constant dense<0.25> : tensor<2x1x1x4xf32> -> tensor<2x1x1x4xf32>
  %b = nn.conv2d %x, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<2x1x1x4xf32>) -> tensor<1x16x16x2xf32>
  %p = nn.max_pool2d %a kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x32xf32> -> tensor<1x8x8x32xf32>
  %q = nn.max_pool2d %b kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x2xf32> -> tensor<1x8x8x2xf32>
  %pf = nn.reshape %p : tensor<1x8x8x32xf32> -> tensor<1x2048xf32>
  %qf = nn.reshape %q : tensor<1x8x8x2xf32> -> tensor<1x128xf32>
  %xf = nn.reshape %x : tensor<1x16x16x4xf32> -> tensor<1x1024xf32>
  %c = nn.concat %pf, %qf, %xf axis = 1 : (tensor<1x2048xf32>, tensor<1x128xf32>, tensor<1x1024xf32>) -> tensor<1x3200xf32>
  return %c : tensor<1x3200xf32>
}

// -----

// Already in the best order (a, p, b, q, c: 40 KiB, the most that pooling
// %a alone needs): nothing moves, not even the weights.

// CHECK-LABEL: func.func @already_optimal
// CHECK-NEXT: %[[W1:.+]] = nn.constant dense<5.000000e-01>
// CHECK-NEXT: %[[A:.+]] = nn.conv2d %{{.+}}, %[[W1]]
// CHECK-NEXT: %[[P:.+]] = nn.max_pool2d %[[A]]
// CHECK-NEXT: %[[W2:.+]] = nn.constant dense<2.500000e-01>
// CHECK-NEXT: %[[B:.+]] = nn.conv2d %{{.+}}, %[[W2]]
// CHECK-NEXT: %[[Q:.+]] = nn.max_pool2d %[[B]]
// CHECK-NEXT: %[[C:.+]] = nn.concat %[[P]], %[[Q]]
// CHECK-NEXT: return %[[C]]
func.func @already_optimal(%x: tensor<1x16x16x4xf32>) -> tensor<1x8x8x34xf32> {
  %w1 = nn.constant dense<0.5> : tensor<32x1x1x4xf32> -> tensor<32x1x1x4xf32>
  %a = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<32x1x1x4xf32>) -> tensor<1x16x16x32xf32>
  %p = nn.max_pool2d %a kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x32xf32> -> tensor<1x8x8x32xf32>
  %w2 = nn.constant dense<0.25> : tensor<2x1x1x4xf32> -> tensor<2x1x1x4xf32>
  %b = nn.conv2d %x, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<2x1x1x4xf32>) -> tensor<1x16x16x2xf32>
  %q = nn.max_pool2d %b kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x2xf32> -> tensor<1x8x8x2xf32>
  %c = nn.concat %p, %q axis = 3 : (tensor<1x8x8x32xf32>, tensor<1x8x8x2xf32>) -> tensor<1x8x8x34xf32>
  return %c : tensor<1x8x8x34xf32>
}

// -----

// A body with an operation that has side effects (a call) keeps its order,
// although it is the worse one.

func.func private @observe(tensor<1x8x8x2xf32>)

// CHECK-LABEL: func.func @side_effects_keep_the_order
// CHECK: nn.conv2d {{.*}} -> tensor<1x16x16x32xf32>
// CHECK-NEXT: nn.constant
// CHECK-NEXT: nn.conv2d {{.*}} -> tensor<1x16x16x2xf32>
// CHECK-NEXT: nn.max_pool2d {{.*}} -> tensor<1x8x8x32xf32>
func.func @side_effects_keep_the_order(%x: tensor<1x16x16x4xf32>) -> tensor<1x8x8x34xf32> {
  %w1 = nn.constant dense<0.5> : tensor<32x1x1x4xf32> -> tensor<32x1x1x4xf32>
  %a = nn.conv2d %x, %w1 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<32x1x1x4xf32>) -> tensor<1x16x16x32xf32>
  %w2 = nn.constant dense<0.25> : tensor<2x1x1x4xf32> -> tensor<2x1x1x4xf32>
  %b = nn.conv2d %x, %w2 strides = [1, 1] pad = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x16x4xf32>, tensor<2x1x1x4xf32>) -> tensor<1x16x16x2xf32>
  %p = nn.max_pool2d %a kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x32xf32> -> tensor<1x8x8x32xf32>
  %q = nn.max_pool2d %b kernel = [2, 2] strides = [2, 2] pad = [0, 0, 0, 0] : tensor<1x16x16x2xf32> -> tensor<1x8x8x2xf32>
  func.call @observe(%q) : (tensor<1x8x8x2xf32>) -> ()
  %c = nn.concat %p, %q axis = 3 : (tensor<1x8x8x32xf32>, tensor<1x8x8x2xf32>) -> tensor<1x8x8x34xf32>
  return %c : tensor<1x8x8x34xf32>
}
