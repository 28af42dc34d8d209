#!/usr/bin/env bash
# Installs what is needed, builds Morsel, generates (or reuses) the model zoo
# and runs the whole test suite: the lit tests (test/, including every zoo
# model end to end) and the unit tests (unittests/). Ends with one line
# "tests: N passed, M failed" and exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MORSEL_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" all morsel-doc
MORSEL_ZOO_DIR="$("$root/scripts/make-zoo.sh")"
export MORSEL_ZOO_DIR

log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT

lit_status=0
/usr/lib/llvm-22/bin/lit -sv "$build/test" | tee "$log/lit.txt" || lit_status=$?
unit_status=0
"$build/unittests/MorselUnitTests" | tee "$log/unit.txt" || unit_status=$?

count() { # count FILE REGEX: the number in the first line matching REGEX
  grep -Eo "$2" "$1" | grep -Eo '[0-9]+' | head -n 1 || true
}
lit_passed=$(count "$log/lit.txt" '^ *Passed *: *[0-9]+')
lit_failed=$(count "$log/lit.txt" '^ *Failed *: *[0-9]+')
unit_passed=$(count "$log/unit.txt" '^\[  PASSED  \] [0-9]+')
unit_failed=$(count "$log/unit.txt" '^\[  FAILED  \] [0-9]+ test')
lit_skipped=$(count "$log/lit.txt" '^ *Unsupported *: *[0-9]+')
passed=$(( ${lit_passed:-0} + ${unit_passed:-0} ))
failed=$(( ${lit_failed:-0} + ${unit_failed:-0} ))
# A runner that died before printing a summary counts as a failure.
if [ "$lit_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$unit_status" -ne 0 ] && [ "${unit_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); fi

if [ "${lit_skipped:-0}" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $lit_skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$lit_status" -eq 0 ] && [ "$unit_status" -eq 0 ]
