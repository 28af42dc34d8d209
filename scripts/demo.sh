#!/usr/bin/env bash
# The main job on a bundled example: installs what is needed, builds Morsel,
# generates the model zoo (or reuses it), then compiles the int8 MLPerf Tiny
# keyword-spotting DS-CNN (ONNX, QDQ) for a Cortex-M4, runs it under QEMU
# with RAM cut to what the model needs, checks the output against the host
# build (bit-identical) and against torch (within one output step), and
# prints the compile report. Outputs go to $MORSEL_BUILD_DIR/demo.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MORSEL_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" morselc
zoo="$("$root/scripts/make-zoo.sh")"

model="$zoo/kws_dscnn.int8.onnx"
input="$zoo/kws_dscnn.input.npy"
out="$build/demo"
mkdir -p "$out"

echo "== morselc $(basename "$model") --target cortex-m4 (QEMU mps2-an386)"
"$build/bin/morselc" "$model" --target cortex-m4 -o "$out" \
  --run "$input" --output "$out/output.cortex-m4.npy" --count-instructions \
  --report-json "$out/report.json"
"$build/bin/morselc" "$model" --target host --quiet \
  --run "$input" --output "$out/output.host.npy"

echo "== checks"
echo -n "Cortex-M4 vs host build:   "
/usr/bin/python3 "$root/test/e2e/compare.py" "$out/output.cortex-m4.npy" \
  "$out/output.host.npy" --identical
echo -n "Cortex-M4 vs torch (int8): "
/usr/bin/python3 "$root/test/e2e/compare.py" "$out/output.cortex-m4.npy" \
  "$zoo/kws_dscnn.int8.output.npy" --onnx "$model" --max-lsb 1
echo "== wrote $out/model.o, $out/model.h, $out/report.json"
