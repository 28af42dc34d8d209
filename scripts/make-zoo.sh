#!/usr/bin/env bash
# Generates the model zoo (zoo/generate.py) once per version of the generator
# and prints the directory that holds it. The zoo is cached outside the
# checkout ($MORSEL_ZOO_CACHE, default ~/.cache/morsel), keyed by a hash of
# the generator, because several of its files are megabytes large.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
args=(--keep-bn)
key=$( (cat "$root/zoo/generate.py" "$root/zoo/onnx_ref.py"; echo "${args[*]}") |
  sha256sum | cut -c1-16)
cache="${MORSEL_ZOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/morsel}"
dir="$cache/zoo-$key"

if [ ! -f "$dir/manifest.json" ]; then
  tmp="$dir.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  echo "make-zoo: generating the model zoo into $dir" >&2
  /usr/bin/python3 "$root/zoo/generate.py" --out "$tmp" "${args[@]}" >&2
  rm -rf "$dir"
  mv "$tmp" "$dir"
fi
echo "$dir"
