#!/usr/bin/python3
"""Morsel's code-generation benchmark: instructions per inference on Cortex-M.

For every zoo model (int8 and float32) and the six single-layer int8 cases
of bench/layers.py, on each target: compile with morselc (compile time,
.text and .rodata of model.o, arena bytes), run under QEMU with the
instruction-count plugin, and run the same layers as plain C loops
(`morselc --codegen=reference-c`: TFLite Micro reference-kernel style,
compiled by arm-none-eabi-gcc -O2) in the same run. Prints one table per
target with instructions per MAC and the ratio Morsel / plain C, and checks
that both give the same outputs (int8 bit-identical, float32 within 1e-5
relative), so that no number comes from wrong code.

Usage: /usr/bin/python3 bench/codegen.py [--targets cortex-m4,...]
           [--models a,b] [--int8-only] [--jobs N] [--json FILE]
The zoo comes from $MORSEL_ZOO_DIR or scripts/make-zoo.sh; morselc from
$MORSEL_BUILD_DIR/bin (default build/).
"""

import argparse
import concurrent.futures
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ZOO_MODELS = ["kws_dscnn", "vww_mobilenetv1", "ic_resnet8", "ad_autoencoder",
              "mobilenetv2_035_144", "mobilenetv2_100_96", "mcunet_like"]
LAYERS = ["pw_16_96", "dw_96_s1", "pw_96_24", "conv_3_16_s2", "fc_256_12", "dw_48_s2_same"]
# Models whose MACs are mostly convolutions (the issue's <= 0.5x target).
CONV_HEAVY = ["kws_dscnn", "vww_mobilenetv1", "ic_resnet8", "mobilenetv2_035_144",
              "mobilenetv2_100_96", "mcunet_like"]


class Case:
    """One model file to measure: a zoo model in one precision, or a layer."""

    def __init__(self, name, model, inputs, int8):
        self.name, self.model, self.inputs, self.int8 = name, model, inputs, int8


def run(cmd, env=None):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError("%s\n%s" % (" ".join(cmd), result.stderr.strip()))
    return result


def section_bytes(obj):
    """Returns (.text, .rodata) bytes of an ELF object."""
    out = run(["arm-none-eabi-size", "-A", obj]).stdout
    text = rodata = 0
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2 or not parts[1].isdigit():
            continue
        if parts[0].startswith(".text"):
            text += int(parts[1])
        elif parts[0].startswith(".rodata"):
            rodata += int(parts[1])
    return text, rodata


def compile_case(morselc, case, target, work):
    """Compiles `case` for `target` alone on the machine: compile time and
    the sections of model.o."""
    row = {"case": case.name, "target": target, "int8": case.int8}
    out = os.path.join(work, "%s.%s" % (case.name, target))
    os.makedirs(out, exist_ok=True)
    start = time.monotonic()
    run([morselc, case.model, "--target", target, "-o", out, "--quiet",
         "--report-json", os.path.join(out, "compile.json")])
    row["compile_s"] = time.monotonic() - start
    row["text"], row["rodata"] = section_bytes(os.path.join(out, "model.o"))
    return row


def measure(morselc, case, target, row, work):
    """Runs `case` on `target` with both code generators."""
    env = dict(os.environ, MORSEL_QEMU_TIMEOUT="1800")
    out = os.path.join(work, "%s.%s" % (case.name, target))
    results = {}
    for codegen in ("llvm", "reference-c"):
        report = os.path.join(out, codegen + ".json")
        output = os.path.join(out, codegen + ".npy")
        run([morselc, case.model, "--target", target, "--codegen=" + codegen, "--quiet",
             "--run", case.inputs, "--output", output, "--count-instructions",
             "--report-json", report], env)
        with open(report) as f:
            results[codegen] = json.load(f)
        results[codegen]["output"] = np.load(output)
    ours, base = results["llvm"], results["reference-c"]
    row["macs"] = ours["macs"]
    row["arena"] = ours["arena_bytes"]
    row["instructions"] = ours["instructions"]
    row["baseline_instructions"] = base["instructions"]
    a, b = ours["output"].astype(np.float64), base["output"].astype(np.float64)
    if case.int8:
        row["check"] = "identical" if np.array_equal(a, b) else "DIFFERENT"
    else:
        scale = max(float(np.max(np.abs(b))), 1e-30)
        row["check"] = ("ok" if float(np.max(np.abs(a - b))) <= 1e-5 * scale
                        else "DIFFERENT")
    return row


def format_bytes(n):
    return "%.1f KiB" % (n / 1024.0) if n >= 1024 else "%d B" % n


def print_table(rows, target):
    print("\n### %s\n" % target)
    print("| model | MACs | instructions | instr/MAC | plain C instr/MAC | Morsel / plain C "
          "| .text | .rodata | arena | compile | outputs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        if r["target"] != target:
            continue
        if "error" in r:
            print("| %s | | | | | | | | | | FAILED: %s |" % (r["case"], r["error"].splitlines()[-1]))
            continue
        macs = max(r["macs"], 1)
        print("| %s | %d | %d | %.2f | %.2f | %.2fx | %s | %s | %s | %.1f s | %s |" % (
            r["case"], r["macs"], r["instructions"], r["instructions"] / macs,
            r["baseline_instructions"] / macs,
            r["instructions"] / r["baseline_instructions"],
            format_bytes(r["text"]), format_bytes(r["rodata"]), format_bytes(r["arena"]),
            r["compile_s"], r["check"]))


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", default="cortex-m4,cortex-m7,cortex-m55")
    parser.add_argument("--models", help="comma-separated zoo models and layers (default: all)")
    parser.add_argument("--int8-only", action="store_true", help="skip the float32 zoo models")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", help="also write the rows as JSON to this file")
    args = parser.parse_args()

    build = os.environ.get("MORSEL_BUILD_DIR", os.path.join(ROOT, "build"))
    morselc = os.path.join(build, "bin", "morselc")
    zoo = os.environ.get("MORSEL_ZOO_DIR") or run(
        [os.path.join(ROOT, "scripts", "make-zoo.sh")]).stdout.strip()
    work = tempfile.mkdtemp(prefix="morsel-bench-")
    layers_dir = os.path.join(work, "layers")
    run([sys.executable, os.path.join(ROOT, "bench", "layers.py"), "--out", layers_dir])

    wanted = set(args.models.split(",")) if args.models else None
    cases = []
    for m in ZOO_MODELS:
        if wanted and m not in wanted:
            continue
        inputs = os.path.join(zoo, m + ".input.npy")
        cases.append(Case(m + " int8", os.path.join(zoo, m + ".int8.onnx"), inputs, True))
        if not args.int8_only:
            cases.append(Case(m + " f32", os.path.join(zoo, m + ".onnx"), inputs, False))
    for layer in LAYERS:
        if wanted and layer not in wanted:
            continue
        cases.append(Case(layer, os.path.join(layers_dir, layer + ".mlir"),
                          os.path.join(layers_dir, layer + ".input.npy"), True))
    targets = args.targets.split(",")

    jobs = [(c, t) for t in targets for c in cases]
    rows = []
    started = time.monotonic()
    # Compile times are measured one compile at a time, nothing else running.
    compiled = {}
    for c, t in jobs:
        try:
            compiled[(c.name, t)] = compile_case(morselc, c, t, work)
        except Exception as error:
            rows.append({"case": c.name, "target": t, "error": str(error)})
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(measure, morselc, c, t, compiled[(c.name, t)], work): (c, t)
                   for c, t in jobs if (c.name, t) in compiled}
        for future in concurrent.futures.as_completed(futures):
            case, target = futures[future]
            try:
                rows.append(future.result())
            except Exception as error:  # report the case, keep measuring
                rows.append({"case": case.name, "target": target, "error": str(error)})
            print("bench: %d/%d done (%s on %s)" % (len(rows), len(jobs), case.name, target),
                  file=sys.stderr, flush=True)
    order = {(c.name, t): i for i, (c, t) in enumerate(jobs)}
    rows.sort(key=lambda r: order[(r["case"], r["target"])])

    print("# Morsel code generation vs plain C loops (arm-none-eabi-gcc -O2), "
          "QEMU instruction counts")
    for target in targets:
        print_table(rows, target)
    print("\n### Summary\n")
    for target in targets:
        ratios = [r["instructions"] / r["baseline_instructions"] for r in rows
                  if r["target"] == target and "error" not in r and r["int8"]
                  and r["case"].split()[0] in CONV_HEAVY]
        layer_ratios = [r["instructions"] / r["baseline_instructions"] for r in rows
                        if r["target"] == target and "error" not in r and r["case"] in LAYERS]
        layer_ipm = [r["instructions"] / r["macs"] for r in rows
                     if r["target"] == target and "error" not in r and r["case"] in LAYERS]
        print("- %s: int8 conv-heavy zoo models, geometric mean Morsel / plain C = %.2fx "
              "(worst %.2fx); six layers: %.2fx, %.2f instructions/MAC (geometric means)" % (
                  target, geomean(ratios), max(ratios) if ratios else float("nan"),
                  geomean(layer_ratios), geomean(layer_ipm)))
    compile_times = [r["compile_s"] for r in rows if "error" not in r]
    failures = [r for r in rows if "error" in r or r.get("check") == "DIFFERENT"]
    print("- slowest compile: %.1f s; failed or different outputs: %d; bench time %.0f s" % (
        max(compile_times) if compile_times else float("nan"), len(failures),
        time.monotonic() - started))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
