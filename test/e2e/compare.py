"""Compares a model output written by morselc with a reference output.

  compare.py OUT.npy REF.npy --rel-tol T
      float: max |out - ref| <= T * max |ref|
  compare.py OUT.npy REF.npy --onnx MODEL.onnx --max-lsb N
      int8 model with a float output: max |out - ref| <= N output steps, the
      step being the scale of the DequantizeLinear that produces the output
  compare.py OUT.npy OTHER.npy --identical
      the two files hold the same bits

Prints the measured error and exits 1 when the bound does not hold.
"""
import argparse
import sys

import numpy as np


def output_scale(model_path):
    """Returns the scale of the DequantizeLinear behind the graph output."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(model_path)
    graph = model.graph
    constants = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    producers = {}
    for node in graph.node:
        for output in node.output:
            producers[output] = node
        if node.op_type == "Constant":
            for attr in node.attribute:
                if attr.name == "value":
                    constants[node.output[0]] = numpy_helper.to_array(attr.t)
    name = graph.output[0].name
    # Walk back through ops that move data without changing values.
    while name in producers and producers[name].op_type in (
            "Identity", "Flatten", "Reshape", "Squeeze", "Unsqueeze"):
        name = producers[name].input[0]
    node = producers.get(name)
    if node is None or node.op_type != "DequantizeLinear":
        raise SystemExit("compare.py: the output of %s does not come from a "
                         "DequantizeLinear" % model_path)
    return float(np.max(constants[node.input[1]]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("ref")
    parser.add_argument("--rel-tol", type=float)
    parser.add_argument("--onnx")
    parser.add_argument("--max-lsb", type=float)
    parser.add_argument("--identical", action="store_true")
    args = parser.parse_args()

    out, ref = np.load(args.out), np.load(args.ref)
    if out.shape != ref.shape or out.dtype != ref.dtype:
        print("mismatch: %s %s vs %s %s" % (out.dtype, out.shape, ref.dtype,
                                            ref.shape))
        return 1
    if args.identical:
        same = out.tobytes() == ref.tobytes()
        print("identical" if same else "different bits")
        return 0 if same else 1
    error = float(np.max(np.abs(out.astype(np.float64) - ref)))
    if args.rel_tol is not None:
        bound = args.rel_tol * float(np.max(np.abs(ref)))
        print("max abs error %.3g, bound %.3g (%g x max |ref|)" %
              (error, bound, args.rel_tol))
        return 0 if error <= bound else 1
    if args.onnx and args.max_lsb is not None:
        scale = output_scale(args.onnx)
        steps = error / scale
        print("max error %.3f output steps of %g, bound %g" %
              (steps, scale, args.max_lsb))
        return 0 if steps <= args.max_lsb + 1e-3 else 1
    parser.error("give --rel-tol, --onnx with --max-lsb, or --identical")


if __name__ == "__main__":
    sys.exit(main())
