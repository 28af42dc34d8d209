"""Runs every per-operator case through the reference C backend.

    run_op_cases.py MORSELC TARGET WORKDIR

For each case of test/e2e/reference/nn_cases.py: generates the model and
its inputs, compiles it with `MORSELC --codegen=reference-c --target TARGET`
(arm-none-eabi-gcc -O2), runs it under QEMU and checks the output against
the NumPy reference of docs/quantization.md (integers bit-exact, float32
within 1e-4 of the largest reference value). Prints one line per case and
exits 1 if any case fails.
"""
import os
import subprocess
import sys

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                     "reference", "nn_cases.py")


def run(args):
    """Runs a command; returns (ok, its combined output)."""
    done = subprocess.run(args, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return done.returncode == 0, done.stdout.strip()


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    morselc, target, workdir = argv[1:]
    names = run([sys.executable, CASES, "list"])[1].split()
    failures = 0
    for name in names:
        directory = os.path.join(workdir, name)
        ok, output = run([sys.executable, CASES, "gen", name, directory])
        if ok:
            with open(os.path.join(directory, "inputs")) as f:
                inputs = f.read().strip()
            result = os.path.join(directory, "out.npy")
            ok, output = run([morselc, os.path.join(directory, "model.mlir"),
                              "--target", target, "--codegen=reference-c",
                              "--quiet", "--run", inputs, "--output", result])
        if ok:
            ok, output = run([sys.executable, CASES, "check", result,
                              os.path.join(directory, "expected.npy")])
        print("%s %s: %s" % ("PASS" if ok else "FAIL", name,
                             output.splitlines()[-1] if output else ""))
        failures += not ok
    print("%d of %d cases passed" % (len(names) - failures, len(names)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
