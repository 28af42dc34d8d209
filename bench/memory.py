#!/usr/bin/python3
"""Morsel's memory benchmark: arena bytes per planner on the model zoo.

For every zoo model, int8 and float32, compiles with each planner and
prints one table: naive (no reuse), tflm-greedy (TensorFlow Lite Micro's
GreedyMemoryPlanner), usmp (TVM USMP's hill climb) and overlap (vMCU
segment overlap), all on the model's own operator order
(--operator-order=source), then overlap with the memory-minimising order
(--operator-order=memory), then partitioning along channels (Pex) +
overlap + memory order (morselc's default: --partition-channels=auto
keeps partitioning where it shrinks the arena within --max-overhead=10%).
The first five columns turn partitioning off. Each has its op-level lower
bound: the most bytes live at one step (whole buffers for the greedy
planners; for overlap, an output counts only what its best overlap with
the dying inputs cannot share). Ratios are against tflm-greedy measured in
the same run. Compiling is enough (the arena size is a compile-time fact,
and every plan is checked by seg-verify-plan); test/e2e/zoo-plans runs
them. A second table measures, for the int8 models, the cortex-m4
instructions of one inference under QEMU (instruction-count plugin) of the
partitioned build against the unpartitioned one (overlap+order), with the
outputs checked bit-identical.

Usage: /usr/bin/python3 bench/memory.py [--models a,b] [--jobs N] [--json FILE]
"""

import argparse
import concurrent.futures
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ZOO_MODELS = ["kws_dscnn", "vww_mobilenetv1", "ic_resnet8", "ad_autoencoder",
              "mobilenetv2_035_144", "mobilenetv2_100_96", "mcunet_like"]
# (column, --plan, --operator-order, --partition-channels)
PLANS = [("naive", "naive", "source", "off"),
         ("tflm-greedy", "tflm-greedy", "source", "off"),
         ("usmp", "usmp", "source", "off"), ("overlap", "overlap", "source", "off"),
         ("overlap+order", "overlap", "memory", "off"),
         ("pex+overlap", "overlap", "memory", "auto")]
# The instruction-count runs: (column, --partition-channels).
RUNS = [("overlap+order", "off"), ("pex+overlap", "auto")]


def run(cmd):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise RuntimeError("%s\n%s" % (" ".join(cmd), result.stderr.strip()))
    return result


def measure(morselc, model, column, work):
    _, plan, order, partition = next(p for p in PLANS if p[0] == column)
    stem = "%s.%s" % (os.path.basename(model), column)
    report = os.path.join(work, stem + ".json")
    run([morselc, model, "--target", "cortex-m4", "--plan", plan,
         "--operator-order", order, "--partition-channels", partition,
         "--verify-plan", "--quiet",
         "-o", os.path.join(work, stem), "--report-json", report])
    with open(report) as f:
        return json.load(f)


def count_instructions(morselc, model, inputs, column, work):
    """Runs the int8 model once on cortex-m4 under QEMU and returns its
    report (with the instruction count) and its output file."""
    partition = dict(RUNS)[column]
    stem = "%s.%s.run" % (os.path.basename(model), column)
    report = os.path.join(work, stem + ".json")
    output = os.path.join(work, stem + ".npy")
    run([morselc, model, "--target", "cortex-m4", "--partition-channels",
         partition, "--quiet", "--run", inputs, "--output", output,
         "--count-instructions", "--report-json", report])
    with open(report) as f:
        return json.load(f), output


def kib(n):
    return "%.1f" % (n / 1024.0)


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", help="comma-separated zoo models (default: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", help="also write the rows as JSON to this file")
    args = parser.parse_args()

    build = os.environ.get("MORSEL_BUILD_DIR", os.path.join(ROOT, "build"))
    morselc = os.path.join(build, "bin", "morselc")
    zoo = os.environ.get("MORSEL_ZOO_DIR") or run(
        [os.path.join(ROOT, "scripts", "make-zoo.sh")]).stdout.strip()
    models = args.models.split(",") if args.models else ZOO_MODELS
    work = tempfile.mkdtemp(prefix="morsel-bench-memory-")

    cases = []
    for m in models:
        cases.append((m + " int8", os.path.join(zoo, m + ".int8.onnx")))
        cases.append((m + " f32", os.path.join(zoo, m + ".onnx")))
    jobs = [(name, path, plan[0]) for name, path in cases for plan in PLANS]
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(measure, morselc, path, plan, work): (name, plan)
                   for name, path, plan in jobs}
        for future in concurrent.futures.as_completed(futures):
            results[futures[future]] = future.result()

    runs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(count_instructions, morselc, os.path.join(zoo, m + ".int8.onnx"),
                               os.path.join(zoo, m + ".input.npy"), column, work):
                   (m, column) for m in models for column, _ in RUNS}
        for future in concurrent.futures.as_completed(futures):
            runs[futures[future]] = future.result()

    print("# Arena bytes per planner (KiB; ratio against tflm-greedy)\n")
    print("| model | naive | tflm-greedy | usmp | overlap | overlap+order "
          "| pex+overlap | greedy bound | overlap bound | naive / greedy "
          "| usmp / greedy | overlap / greedy | overlap+order / greedy "
          "| pex+overlap / greedy | overlap / its bound "
          "| bottleneck (pex+overlap) |")
    print("|---|" + "---:|" * 14 + "---|")
    rows = []
    ratios = {"usmp": [], "overlap": [], "overlap+order": [], "pex+overlap": []}
    worst_to_bound, above_greedy = 0.0, []
    for name, _ in cases:
        arena = {plan[0]: results[(name, plan[0])]["arena_bytes"] for plan in PLANS}
        greedy_bound = results[(name, "tflm-greedy")]["lower_bound_bytes"]
        overlap_bound = results[(name, "overlap")]["lower_bound_bytes"]
        best = results[(name, "pex+overlap")]
        base = max(arena["tflm-greedy"], 1)
        for key in ratios:
            ratios[key].append(max(arena[key], 1) / base)
        to_bound = arena["overlap"] / max(overlap_bound, 1)
        worst_to_bound = max(worst_to_bound, to_bound)
        if arena["overlap"] > arena["tflm-greedy"]:
            above_greedy.append(name)
        rows.append(dict(model=name, greedy_bound=greedy_bound,
                         overlap_bound=overlap_bound,
                         partitioned_chains=best.get("partitioned_chains"),
                         bottleneck=best.get("bottleneck"), **arena))
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %s |" % (
            name, kib(arena["naive"]), kib(arena["tflm-greedy"]), kib(arena["usmp"]),
            kib(arena["overlap"]), kib(arena["overlap+order"]),
            kib(arena["pex+overlap"]), kib(greedy_bound),
            kib(overlap_bound), arena["naive"] / base, arena["usmp"] / base,
            arena["overlap"] / base, arena["overlap+order"] / base,
            arena["pex+overlap"] / base, to_bound, best.get("bottleneck", "")))
    count = len(cases)
    print("\nGeometric means over %d models: usmp / tflm-greedy %.3f, "
          "overlap / tflm-greedy %.3f, overlap+order / tflm-greedy %.3f, "
          "pex+overlap / tflm-greedy %.3f" % (
              count, geomean(ratios["usmp"]), geomean(ratios["overlap"]),
              geomean(ratios["overlap+order"]), geomean(ratios["pex+overlap"])))
    print("overlap within %.3fx of its own lower bound on every model; "
          "overlap above tflm-greedy on: %s" % (
              worst_to_bound, ", ".join(above_greedy) or "none"))

    print("\n# Partitioning along channels: arena and cortex-m4 instructions "
          "(int8, QEMU; ratios against tflm-greedy and the unpartitioned "
          "build)\n")
    print("| model | chains | tflm-greedy KiB | pex+overlap KiB | greedy / pex "
          "| instructions unpartitioned | instructions pex | pex / unpartitioned "
          "| outputs |")
    print("|---|" + "---:|" * 7 + "---|")
    import numpy as np
    for m in models:
        name = m + " int8"
        whole, whole_out = runs[(m, "overlap+order")]
        pex, pex_out = runs[(m, "pex+overlap")]
        identical = np.array_equal(np.load(whole_out), np.load(pex_out))
        greedy = results[(name, "tflm-greedy")]["arena_bytes"]
        rows.append(dict(model=name, instructions_unpartitioned=whole["instructions"],
                         instructions_pex=pex["instructions"],
                         pex_arena=pex["arena_bytes"], identical=identical))
        print("| %s | %d | %s | %s | %.2fx | %d | %d | %.3f | %s |" % (
            name, pex.get("partitioned_chains", 0), kib(greedy),
            kib(pex["arena_bytes"]), greedy / max(pex["arena_bytes"], 1),
            whole["instructions"], pex["instructions"],
            pex["instructions"] / max(whole["instructions"], 1),
            "bit-identical" if identical else "DIFFERENT"))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
