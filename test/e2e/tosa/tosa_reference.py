"""Runs a float32 TOSA model with upstream MLIR alone, as the reference for
Morsel's convert-tosa-to-nn.

  tosa_reference.py input OUT.npy D0xD1x... SEED
      write a float32 input of that shape, uniform in [-1, 1), fixed seed
  tosa_reference.py run MODEL.mlir IN.npy OUT.npy MLIR_OPT MLIR_RUNNER
      lower MODEL's @main with upstream tosa-to-linalg, run it on IN.npy
      with mlir-runner (and the runner libraries next to it) and write its
      output
  tosa_reference.py compare OUT.npy REF.npy REL_TOL
      check max |out - ref| <= REL_TOL * max |ref|; exit 1 otherwise

Pure Python (no NumPy): only little-endian float32 .npy files in C order.
"""
import ast
import os
import random
import re
import shutil
import struct
import subprocess
import sys

# Upstream's TOSA lowering, as mlir/test/Integration/Dialect/Tosa uses it,
# then bufferization and the LLVM dialect.
PIPELINE = (
    "builtin.module("
    "func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,"
    "tosa-to-tensor),"
    "one-shot-bufferize{bufferize-function-boundaries},"
    "func.func(convert-linalg-to-loops),"
    "convert-scf-to-cf,expand-strided-metadata,lower-affine,"
    "finalize-memref-to-llvm,convert-math-to-llvm,convert-math-to-libm,"
    "convert-arith-to-llvm,convert-cf-to-llvm,convert-func-to-llvm,"
    "reconcile-unrealized-casts)"
)


def write_npy(path, shape, values):
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % (
        "".join("%d, " % d for d in shape) if len(shape) != 1 else "%d," % shape[0]
    )
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)))
        f.write(header.encode("latin1"))
        f.write(struct.pack("<%df" % len(values), *values))


def read_npy(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:6] != b"\x93NUMPY":
        sys.exit("%s: not a .npy file" % path)
    major = data[6]
    size_bytes = 2 if major == 1 else 4
    (length,) = struct.unpack(
        "<H" if major == 1 else "<I", data[8 : 8 + size_bytes]
    )
    start = 8 + size_bytes
    header = ast.literal_eval(data[start : start + length].decode("latin1"))
    if header["descr"] != "<f4" or header["fortran_order"]:
        sys.exit("%s: expected little-endian float32 in C order" % path)
    shape = tuple(header["shape"])
    count = 1
    for d in shape:
        count *= d
    body = data[start + length :]
    return shape, list(struct.unpack("<%df" % count, body[: 4 * count]))


def make_input(path, shape_text, seed):
    shape = [int(d) for d in shape_text.split("x")]
    count = 1
    for d in shape:
        count *= d
    rng = random.Random(int(seed))
    values = [struct.unpack("<f", struct.pack("<f", rng.uniform(-1, 1)))[0]
              for _ in range(count)]
    write_npy(path, shape, values)


def tensor_type(shape):
    return "tensor<%sxf32>" % "x".join(str(d) for d in shape)


def wrap(model, shape, values, result_shape):
    """Adds an @entry that calls @main on the input and prints the result."""
    literal = ", ".join("%.9e" % v for v in values)
    in_type, out_type = tensor_type(shape), tensor_type(result_shape)
    buffer = "memref<%sxf32>" % "x".join(str(d) for d in result_shape)
    entry = """
func.func private @printMemrefF32(memref<*xf32>)
func.func @entry() {
  %%x = arith.constant dense<[%s]> : tensor<%dxf32>
  %%shaped = tensor.reshape %%x(%%shape) : (tensor<%dxf32>, tensor<%dxindex>) -> %s
  %%y = call @main(%%shaped) : (%s) -> %s
  %%m = bufferization.to_buffer %%y : %s to %s
  %%u = memref.cast %%m : %s to memref<*xf32>
  call @printMemrefF32(%%u) : (memref<*xf32>) -> ()
  return
}
""" % (literal, len(values), len(values), len(shape), in_type, in_type,
       out_type, out_type, buffer, buffer)
    shape_const = "  %%shape = arith.constant dense<[%s]> : tensor<%dxindex>\n" % (
        ", ".join(str(d) for d in shape), len(shape))
    entry = entry.replace("  %x = arith.constant", shape_const + "  %x = arith.constant", 1)
    stripped = model.rstrip()
    if re.search(r"^module\b", model, re.MULTILINE) and stripped.endswith("}"):
        # Inside the module the model already is.
        return stripped[:-1] + entry + "}\n"
    return model + entry


def run(model_path, input_path, output_path, mlir_opt, mlir_runner,
        dialect_plugin=None):
    """Runs the model through upstream mlir-opt and mlir-runner; a Morsel
    lowering carries seg attributes, which mlir-opt parses once
    `dialect_plugin` (MorselPlugin.so) is loaded."""
    with open(model_path) as f:
        model = f.read()
    shape, values = read_npy(input_path)
    match = re.search(r"func\.func @main\([^)]*\)\s*->\s*tensor<([0-9x]+)xf32>", model)
    if not match:
        sys.exit("%s: expected func.func @main returning one f32 tensor" % model_path)
    result_shape = [int(d) for d in match.group(1).split("x")]
    lowered = subprocess.run(
        [mlir_opt, "--pass-pipeline=" + PIPELINE] +
        (["--load-dialect-plugin=" + dialect_plugin] if dialect_plugin else []),
        input=wrap(model, shape, values, result_shape),
        capture_output=True, text=True, check=True).stdout
    mlir_runner = shutil.which(mlir_runner) or mlir_runner
    libdir = os.path.join(os.path.dirname(os.path.realpath(mlir_runner)), "..", "lib")
    libs = ",".join("%s/lib%s.so" % (libdir, name)
                    for name in ("mlir_runner_utils", "mlir_c_runner_utils"))
    printed = subprocess.run(
        [mlir_runner, "-e", "entry", "-entry-point-result=void",
         "-shared-libs=" + libs],
        input=lowered, capture_output=True, text=True, check=True).stdout
    data = printed[printed.index("data =") + len("data =") :]
    numbers = [float(t) for t in re.findall(r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|nan|inf)", data)]
    count = 1
    for d in result_shape:
        count *= d
    if len(numbers) != count:
        sys.exit("expected %d printed values, got %d" % (count, len(numbers)))
    write_npy(output_path, result_shape, numbers)


def compare(out_path, ref_path, tolerance):
    out_shape, out = read_npy(out_path)
    ref_shape, ref = read_npy(ref_path)
    if out_shape != ref_shape:
        sys.exit("shape %s differs from the reference %s" % (out_shape, ref_shape))
    error = max(abs(a - b) for a, b in zip(out, ref))
    bound = float(tolerance) * max(abs(b) for b in ref)
    print("max |out - ref| = %g, bound %g" % (error, bound))
    if not error <= bound:
        sys.exit(1)


if __name__ == "__main__":
    commands = {"input": make_input, "run": run, "compare": compare}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
