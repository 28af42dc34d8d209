// RUN: morsel-opt %s --split-input-file --verify-diagnostics

// Every diagnostic of the seg verifiers (lib/Dialect/Seg/IR/SegDialect.cpp)
// and of the ODS constraints on pool and view attributes.

//===- seg.pool -----------------------------------------------------------===//

func.func @pool_size_not_multiple_of_alignment() {
  // expected-error @+1 {{'seg.pool' op size 40 is not a multiple of the alignment 16}}
  %pool = seg.pool "sram" align 16 : memref<40xi8>
  return
}

// -----

func.func @pool_not_one_dimensional() {
  // expected-error @+1 {{'seg.pool' op must be a one-dimensional memref of bytes}}
  %pool = seg.pool "sram" align 16 : memref<4x16xi8>
  return
}

// -----

func.func @pool_not_identity_layout() {
  // expected-error @+1 {{'seg.pool' op must be a one-dimensional memref of bytes}}
  %pool = seg.pool "sram" align 16 : memref<32xi8, strided<[2]>>
  return
}

// -----

func.func @pool_not_bytes() {
  // expected-error @+1 {{'seg.pool' op result #0 must be statically shaped memref of 8-bit signless integer values, but got 'memref<16xf32>'}}
  %pool = seg.pool "sram" align 16 : memref<16xf32>
  return
}

// -----

func.func @pool_dynamic() {
  // expected-error @+1 {{'seg.pool' op result #0 must be statically shaped memref of 8-bit signless integer values, but got 'memref<?xi8>'}}
  %pool = seg.pool "sram" align 16 : memref<?xi8>
  return
}

// -----

func.func @pool_zero_alignment() {
  // expected-error @+1 {{'seg.pool' op attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %pool = seg.pool "sram" align 0 : memref<16xi8>
  return
}

//===- seg.view -----------------------------------------------------------===//

// -----

func.func @view_outside_pool() {
  %pool = seg.pool "sram" align 16 : memref<64xi8>
  // expected-error @+1 {{'seg.view' op bytes [48, 80) lie outside the pool of 64 bytes}}
  %v = seg.view %pool[48] : memref<64xi8> to memref<8xf32>
  return
}

// -----

func.func @view_misaligned_offset() {
  %pool = seg.pool "sram" align 16 : memref<64xi8>
  // expected-error @+1 {{'seg.view' op offset 8 is not a multiple of the pool's alignment 16}}
  %v = seg.view %pool[8] {name = "t0"} : memref<64xi8> to memref<4xi8>
  return
}

// -----

func.func @view_not_identity_layout() {
  %pool = seg.pool "sram" align 16 : memref<64xi8>
  // expected-error @+1 {{'seg.view' op result must have an identity layout}}
  %v = seg.view %pool[0] : memref<64xi8> to memref<4xi8, strided<[2]>>
  return
}

// -----

func.func @view_not_numbers() {
  %pool = seg.pool "sram" align 16 : memref<64xi8>
  // expected-error @+1 {{'seg.view' op result must hold integers or floats}}
  %v = seg.view %pool[0] : memref<64xi8> to memref<4xindex>
  return
}

// -----

func.func @view_negative_offset() {
  %pool = seg.pool "sram" align 16 : memref<64xi8>
  // expected-error @+1 {{'seg.view' op attribute 'offset' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %v = seg.view %pool[-16] : memref<64xi8> to memref<4xi8>
  return
}

// -----

// Without a seg.pool to define it, the pool of a view has no alignment to
// check, but its size still bounds the view.
func.func @view_of_argument_outside(%pool: memref<16xi8>) {
  // expected-error @+1 {{'seg.view' op bytes [8, 24) lie outside the pool of 16 bytes}}
  %v = seg.view %pool[8] : memref<16xi8> to memref<16xi8>
  return
}

//===- #seg.window --------------------------------------------------------===//

// -----

// expected-error @+1 {{input and output must be [batch, height, width, bytes per pixel]}}
func.func @window_input_rank() attributes {seg.access = #seg.window<[1, 4, 4] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{input and output must be [batch, height, width, bytes per pixel]}}
func.func @window_output_rank() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8, 1], kernel [3, 3], strides [2, 2], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{kernel, strides, dilations and pad must have two entries}}
func.func @window_kernel_entries() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [3], strides [2, 2], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{kernel, strides, dilations and pad must have two entries}}
func.func @window_strides_entries() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2, 1], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{kernel, strides, dilations and pad must have two entries}}
func.func @window_dilations_entries() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2], dilations [1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{kernel, strides, dilations and pad must have two entries}}
func.func @window_pad_entries() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2], dilations [1, 1], pad [1, 1, 1, 1]>} {
  return
}

// -----

// expected-error @+1 {{input batch 2 differs from output batch 1}}
func.func @window_batch_mismatch() attributes {seg.access = #seg.window<[2, 4, 4, 2] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{shapes, kernel, strides and dilations must be positive}}
func.func @window_zero_bytes() attributes {seg.access = #seg.window<[1, 4, 4, 0] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{shapes, kernel, strides and dilations must be positive}}
func.func @window_zero_kernel() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [0, 3], strides [2, 2], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{shapes, kernel, strides and dilations must be positive}}
func.func @window_negative_stride() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [3, 3], strides [2, -2], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{shapes, kernel, strides and dilations must be positive}}
func.func @window_zero_dilation() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2], dilations [1, 0], pad [1, 1]>} {
  return
}

// -----

// expected-error @+1 {{padding must not be negative}}
func.func @window_negative_pad() attributes {seg.access = #seg.window<[1, 4, 4, 2] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2], dilations [1, 1], pad [-1, 1]>} {
  return
}

// -----

// expected-error @+1 {{a buffer of the window is too large}}
func.func @window_overflow() attributes {seg.access = #seg.window<[1, 4294967296, 4294967296, 8] -> [1, 2, 2, 8], kernel [3, 3], strides [2, 2], dilations [1, 1], pad [1, 1]>} {
  return
}

// -----

// An offset near the largest int64_t must not wrap around the pool's end.
func.func @view_offset_overflow() {
  %pool = seg.pool "sram" align 1 : memref<64xi8>
  // expected-error @+1 {{'seg.view' op result is too large to place}}
  %v = seg.view %pool[9223372036854775807] : memref<64xi8> to memref<8xf32>
  return
}
