# -*- Python -*-
# lit configuration of the Morsel test suite.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "MORSEL"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["CMakeLists.txt", "README.md", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]

config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.morsel_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%morsel_src_root", config.morsel_src_root))
config.substitutions.append(("%morsel_obj_root", config.morsel_obj_root))
config.substitutions.append(
    ("%morsel_plugin", os.path.join(config.morsel_lib_dir, "MorselPlugin.so"))
)

# Every FileCheck variable is local to its CHECK-LABEL block unless it is
# global ($-prefixed), as in stablehlo.
config.environment["FILECHECK_OPTS"] = "-enable-var-scope"

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# With MORSEL_LIT_VERIFY_ROUNDTRIP=ON every morsel-opt invocation also checks
# that its output parses back to the same IR (as CIRCT does).
morsel_opt_args = []
if config.verify_roundtrip.upper() in ("ON", "1", "TRUE", "YES"):
    morsel_opt_args.append("--verify-roundtrip")

tools = [
    ToolSubst("morsel-opt", extra_args=morsel_opt_args, unresolved="fatal"),
    ToolSubst("morsel-translate", unresolved="fatal"),
    ToolSubst("morselc", unresolved="fatal"),
    ToolSubst("%mlir_opt_upstream", command=config.mlir_opt_upstream,
              unresolved="fatal"),
]
llvm_config.add_tool_substitutions(
    tools, [config.morsel_tools_dir, config.llvm_tools_dir]
)

# Python with NumPy (and ONNX) makes test inputs and reference outputs. It is
# Debian's /usr/bin/python3: a python3 earlier on PATH may not see Debian's
# python3-numpy and python3-onnx.
import subprocess

morsel_python = "/usr/bin/python3"
config.substitutions.append(("%python", morsel_python))


def python_can_import(modules):
    try:
        return subprocess.run(
            [morsel_python, "-c", "import " + ", ".join(modules)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ).returncode == 0
    except OSError:
        return False


if python_can_import(["numpy"]):
    config.available_features.add("numpy")
if python_can_import(["onnx", "numpy"]):
    config.available_features.add("onnx-python")

# The model zoo (scripts/make-zoo.sh) lives outside the checkout; tests that
# run its models need it.
zoo_dir = os.environ.get("MORSEL_ZOO_DIR", "")
if zoo_dir and os.path.isfile(os.path.join(zoo_dir, "manifest.json")):
    config.available_features.add("zoo")
    config.substitutions.append(("%zoo", zoo_dir))

# Running Cortex-M code: QEMU and the Arm bare-metal GCC (runtime/), and the
# instruction-count plugin built into the lib dir.
import shutil

if shutil.which("qemu-system-arm"):
    config.available_features.add("qemu-arm")
if shutil.which("arm-none-eabi-gcc"):
    config.available_features.add("arm-gcc")
config.substitutions.append(
    ("%runtime", os.path.join(config.morsel_src_root, "runtime"))
)
config.substitutions.append(
    ("%qemu_insn_count",
     os.path.join(config.morsel_lib_dir, "qemu-insn-count.so"))
)
