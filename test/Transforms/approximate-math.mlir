// RUN: morsel-opt %s --morsel-approximate-math | FileCheck %s

// CHECK-LABEL: func.func @exp
// CHECK-NOT: math.exp
// CHECK-NOT: math.fma
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @exp(%x: f32) -> f32 {
  %y = math.exp %x : f32
  return %y : f32
}

// CHECK-LABEL: func.func @fma
// CHECK-NOT: math.fma
// CHECK: %[[M:.+]] = arith.mulf %{{.+}}, %{{.+}} : f32
// CHECK: arith.addf %[[M]], %{{.+}} : f32
func.func @fma(%a: f32, %b: f32, %c: f32) -> f32 {
  %y = math.fma %a, %b, %c : f32
  return %y : f32
}

// floor: truncate, step down where that rounded up, keep huge values and NaN.
// CHECK-LABEL: func.func @floor
// CHECK-NOT: math.floor
// CHECK: arith.fptosi
// CHECK: arith.sitofp
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf uge
func.func @floor(%x: f32) -> f32 {
  %y = math.floor %x : f32
  return %y : f32
}

// maximumf: compare and select, NaN propagated.
// CHECK-LABEL: func.func @maximum
// CHECK-NOT: arith.maximumf
// CHECK: arith.cmpf
// CHECK: arith.select
func.func @maximum(%a: f32, %b: f32) -> f32 {
  %y = arith.maximumf %a, %b : f32
  return %y : f32
}
