#!/usr/bin/env bash
# Configures (once) and builds Morsel with clang-22, lld, Ninja and ccache.
# The build directory is $MORSEL_BUILD_DIR (default: build/ in the checkout).
# Extra arguments are Ninja targets (default: everything).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MORSEL_BUILD_DIR:-$root/build}"

if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DLLVM_USE_LINKER=lld
fi
ninja -C "$build" "$@"
