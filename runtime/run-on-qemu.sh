#!/usr/bin/env bash
# run-on-qemu.sh - builds the Morsel harness around a compiled model and runs
# one inference under QEMU, leaving the raw output files in OUTDIR.
#
#   run-on-qemu.sh TARGET MODEL_O MODEL_H INPUTS_C OUTDIR [RAM_BYTES [STACK_BYTES]]
#
# TARGET is a row of boards/boards.tsv (cortex-m3|m4|m7|m33|m55). INPUTS_C is
# the generated inputs.c; its inputs.h must sit next to it. RAM_BYTES
# (default: the board's whole RAM) is the LENGTH of the linker script's RAM
# region, STACK_BYTES (default 16384) the stack inside it; what does not fit
# is a link error. The build goes to OUTDIR/morsel-build/; QEMU runs in
# OUTDIR, where the harness writes the files named by inputs.h.
#
# Environment: MORSEL_LINK_ONLY=1 (stop after the link: checks that the
# image fits), MORSEL_QEMU_TIMEOUT (seconds, default 60), MORSEL_INSN_COUNT
# (path of qemu-insn-count.so: also writes OUTDIR/insn-count.txt, the guest
# instructions executed in the model's code, libc and libgcc included),
# ARM_GCC (default arm-none-eabi-gcc), QEMU (default qemu-system-arm).
#
# Exit status: 0 ok, 1 usage or unknown target, 2 compile error, 3 link error
# (e.g. the RAM region overflowed), 4 the run failed (CPU fault, harness
# error, QEMU error, missing output), 5 timeout. See runtime/README.md.
set -euo pipefail

die() {
  local status=$1
  shift
  echo "run-on-qemu: error: $*" >&2
  exit "$status"
}

if [ $# -lt 5 ] || [ $# -gt 7 ]; then
  die 1 "usage: run-on-qemu.sh TARGET MODEL_O MODEL_H INPUTS_C OUTDIR [RAM_BYTES [STACK_BYTES]]"
fi

target=$1 model_o=$2 model_h=$3 inputs_c=$4 outdir=$5
ram_bytes=${6:-}
stack_bytes=${7:-16384}
rt="$(cd "$(dirname "$0")" && pwd)"
cc=${ARM_GCC:-arm-none-eabi-gcc}
qemu=${QEMU:-qemu-system-arm}
timeout_s=${MORSEL_QEMU_TIMEOUT:-60}
inputs_h="${inputs_c%.c}.h"

for f in "$model_o" "$model_h" "$inputs_c" "$inputs_h"; do
  [ -f "$f" ] || die 1 "no such file: $f"
done

# The board row: target llvm_triple qemu_machine qemu_cpu gcc_flags
# flash_origin flash_size ram_origin ram_size weights_origin weights_size.
row="$(awk -F'\t' -v t="$target" '!/^#/ && $1 == t' "$rt/boards/boards.tsv")"
[ -n "$row" ] || die 1 "unknown target '$target' (see $rt/boards/boards.tsv)"
IFS=$'\t' read -r _ _ machine cpu gcc_flags flash_origin flash_size \
  ram_origin ram_size weights_origin weights_size <<<"$row"
[ "$machine" != "-" ] ||
  die 1 "target '$target' has no QEMU board (object emission only)"
ram_bytes=${ram_bytes:-$ram_size}
read -r -a flags <<<"$gcc_flags"

mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
work="$outdir/morsel-build"
rm -rf "$work"
mkdir -p "$work/include"
cp "$model_h" "$work/include/model.h"
cp "$inputs_h" "$work/include/inputs.h"

# Compile: runtime objects are named morsel_rt_*.o, which the linker script
# keeps out of the counted model text range.
cflags=("${flags[@]}" -std=gnu11 -O2 -g -ffreestanding -ffunction-sections
  -fdata-sections -Wall -Wextra -I"$work/include" -I"$rt/include")
compile() {
  "$cc" "${cflags[@]}" -c "$1" -o "$work/$2" 2>"$work/$2.log" || {
    cat "$work/$2.log" >&2
    die 2 "cannot compile $1"
  }
}
compile "$rt/src/startup.c" morsel_rt_startup.o
compile "$rt/src/semihost.c" morsel_rt_semihost.o
compile "$rt/harness/main.c" morsel_rt_main.o
compile "$inputs_c" morsel_rt_inputs.o

# Link with the RAM region cut to RAM_BYTES.
if ! "$cc" "${flags[@]}" -nostartfiles -nostdlib \
  -T "$rt/ld/morsel-cortex-m.ld" \
  -Wl,--defsym=__flash_origin="$flash_origin" \
  -Wl,--defsym=__flash_size="$flash_size" \
  -Wl,--defsym=__ram_origin="$ram_origin" \
  -Wl,--defsym=__ram_size="$ram_bytes" \
  -Wl,--defsym=__weights_origin="$weights_origin" \
  -Wl,--defsym=__weights_size="$weights_size" \
  -Wl,--defsym=__stack_size="$stack_bytes" \
  -Wl,--gc-sections -Wl,--no-warn-rwx-segments -Wl,-z,noexecstack \
  -Wl,--no-enum-size-warning -Wl,-Map="$work/app.map" \
  "$work"/morsel_rt_startup.o "$work"/morsel_rt_semihost.o \
  "$work"/morsel_rt_main.o "$work"/morsel_rt_inputs.o "$model_o" \
  -Wl,--start-group -lc -lgcc -Wl,--end-group \
  -o "$work/app.elf" 2>"$work/link.log"; then
  cat "$work/link.log" >&2
  if grep -q "region \`RAM' overflowed" "$work/link.log"; then
    die 3 "the image does not fit in $ram_bytes bytes of RAM ($stack_bytes of stack)"
  fi
  die 3 "link failed"
fi
[ "${MORSEL_LINK_ONLY:-0}" = 1 ] && exit 0

# The output files the harness writes (MORSEL_OUTPUTn_FILE in inputs.h).
mapfile -t outputs < <(sed -n 's/^#define MORSEL_OUTPUT[0-9]*_FILE "\(.*\)".*/\1/p' "$inputs_h")
for f in "${outputs[@]}"; do rm -f "$outdir/$f"; done

qemu_args=(-machine "$machine" -cpu "$cpu" -nographic -monitor none
  -serial null -semihosting-config "enable=on,target=native"
  -kernel "$work/app.elf")
if [ -n "${MORSEL_INSN_COUNT:-}" ]; then
  symbol() {
    "${cc%gcc}nm" "$work/app.elf" | awk -v s="$1" '$3 == s { print "0x" $1 }'
  }
  rm -f "$outdir/insn-count.txt"
  qemu_args+=(-plugin "$MORSEL_INSN_COUNT,start=$(symbol __morsel_model_text_start),end=$(symbol __morsel_model_text_end),out=$outdir/insn-count.txt")
fi

status=0
(cd "$outdir" && timeout --kill-after=5 "$timeout_s" "$qemu" "${qemu_args[@]}" \
  </dev/null >"$work/qemu.log" 2>&1) || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  cat "$work/qemu.log" >&2
  die 5 "QEMU timed out after ${timeout_s}s ($target, $work/app.elf)"
fi
if [ "$status" -ne 0 ]; then
  cat "$work/qemu.log" >&2
  die 4 "the run failed with status $status ($target, $work/app.elf)"
fi
for f in "${outputs[@]}"; do
  [ -f "$outdir/$f" ] || die 4 "the run left no $outdir/$f"
done
