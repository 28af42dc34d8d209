#!/usr/bin/env bash
# Installs what Morsel needs to build and test on Debian 12 (bookworm):
# LLVM/MLIR 22 from bookworm-security, clang-22, lld, ninja, ccache, gtest,
# libonnx and protobuf for the importer, and Debian's Python packages that
# generate test models and reference outputs (torch, torchvision, onnx, numpy),
# and QEMU with the Arm bare-metal GCC/newlib that run models on Cortex-M.
# Does nothing when everything is already installed.
set -euo pipefail

packages=(
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools clang-22 lld-22
  cmake ninja-build ccache libgtest-dev
  libonnx-dev libprotobuf-dev protobuf-compiler
  python3-torch python3-torchvision python3-onnx python3-numpy
  qemu-system-arm gcc-arm-none-eabi libnewlib-arm-none-eabi
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
