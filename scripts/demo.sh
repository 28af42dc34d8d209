#!/usr/bin/env bash
# Installs what is needed, builds Morsel and runs its main job on the bundled
# example: morsel-opt verifies and canonicalizes an int8 DS-CNN block, prints
# the resulting IR and what every operator costs (MACs, bytes).
# Until the morselc driver exists this is the main job (see README.md).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MORSEL_BUILD_DIR:-$root/build}"
example="${1:-$root/examples/dscnn-block.mlir}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" morsel-opt
"$build/bin/morsel-opt" "$example" --canonicalize --nn-print-costs
