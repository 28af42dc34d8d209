#!/usr/bin/python3
"""Morsel's memory benchmark: arena bytes per planner on the model zoo.

For every zoo model, int8 and float32, compiles with each arena planner
(`morselc --plan naive|tflm-greedy|usmp`) and prints one table: the arena
bytes of each, the op-level lower bound (the most bytes live at one step
for that buffer order: no placement needs less), and each as a ratio
against tflm-greedy, TensorFlow Lite Micro's planner, measured in the same
run. Compiling is enough (the arena size is a compile-time fact); the
QEMU tests check that the plans run.

Every row runs the operators in morselc's default order
(--operator-order=memory). Not measured yet: vMCU segment overlap (the seg
dialect), which issue #5 adds.

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
PLANS = ["naive", "tflm-greedy", "usmp"]


def run(cmd):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise RuntimeError("%s\n%s" % (" ".join(cmd), result.stderr.strip()))
    return result


def measure(morselc, model, plan, work):
    report = os.path.join(work, "%s.%s.json" % (os.path.basename(model), plan))
    run([morselc, model, "--target", "cortex-m4", "--plan", plan, "--quiet",
         "-o", os.path.join(work, "%s.%s" % (os.path.basename(model), plan)),
         "--report-json", report])
    with open(report) as f:
        return json.load(f)


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
    jobs = [(name, path, plan) for name, path in cases for plan in PLANS]
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(measure, morselc, path, plan, work): (name, plan)
                   for name, path, plan in jobs}
        for future in concurrent.futures.as_completed(futures):
            results[futures[future]] = future.result()

    print("# Arena bytes per planner (KiB; ratio against tflm-greedy)\n")
    print("| model | naive | tflm-greedy | usmp | lower bound | naive / greedy "
          "| usmp / greedy | bound / greedy | bottleneck |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    rows, usmp_ratios = [], []
    for name, _ in cases:
        arena = {plan: results[(name, plan)]["arena_bytes"] for plan in PLANS}
        greedy = results[(name, "tflm-greedy")]
        bound = greedy["lower_bound_bytes"]
        base = max(arena["tflm-greedy"], 1)
        usmp_ratios.append(max(arena["usmp"], 1) / base)
        rows.append(dict(model=name, bound=bound, bottleneck=greedy.get("bottleneck"), **arena))
        print("| %s | %s | %s | %s | %s | %.2f | %.3f | %.3f | %s |" % (
            name, kib(arena["naive"]), kib(arena["tflm-greedy"]), kib(arena["usmp"]), kib(bound),
            arena["naive"] / base, arena["usmp"] / base, bound / base,
            greedy.get("bottleneck", "")))
    print("\nGeometric mean usmp / tflm-greedy: %.3f over %d models" % (
        geomean(usmp_ratios), len(usmp_ratios)))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
