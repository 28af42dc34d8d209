#!/usr/bin/python3
"""Tiny reference ONNX interpreter (numpy + torch.nn.functional) for the op
subset that appears in the zoo's exports. No onnxruntime is available on the
build machine, so generate.py --verify uses this to check that every exported
file reproduces the saved torch outputs.

Not a general runtime: static shapes, opset 13 semantics, only the ops below.

    /usr/bin/python3 zoo/onnx_ref.py model.onnx input.npy [expected.npy]
"""

import sys

import numpy as np
import onnx
from onnx import numpy_helper

_NP = {1: np.float32, 2: np.uint8, 3: np.int8, 5: np.int16, 6: np.int32, 7: np.int64,
       9: np.bool_, 10: np.float16, 11: np.float64}


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _torch():
    import torch
    return torch


def _conv(x, w, b, a):
    torch = _torch()
    F = torch.nn.functional
    pads = a.get("pads", [0] * (2 * (x.ndim - 2)))
    n = len(pads) // 2
    if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
        raise NotImplementedError("Conv auto_pad")
    tx = torch.from_numpy(np.array(x, dtype=np.float32))
    # F.pad takes (last-dim-begin, last-dim-end, ...)
    fp = []
    for i in reversed(range(n)):
        fp += [pads[i], pads[i + n]]
    if any(fp):
        tx = F.pad(tx, fp)
    y = F.conv2d(tx, torch.from_numpy(np.array(w, dtype=np.float32)),
                 None if b is None else torch.from_numpy(np.array(b, dtype=np.float32)),
                 stride=a.get("strides", [1] * n), dilation=a.get("dilations", [1] * n),
                 groups=a.get("group", 1))
    return y.numpy()


def _avgpool(x, a):
    torch = _torch()
    F = torch.nn.functional
    k = a["kernel_shape"]
    pads = a.get("pads", [0] * 4)
    if pads[0] != pads[2] or pads[1] != pads[3]:
        raise NotImplementedError("asymmetric AveragePool pads")
    y = F.avg_pool2d(torch.from_numpy(np.array(x, dtype=np.float32)), k, a.get("strides", k),
                     (pads[0], pads[1]), ceil_mode=bool(a.get("ceil_mode", 0)),
                     count_include_pad=bool(a.get("count_include_pad", 0)))
    return y.numpy()


def _quantize(x, scale, zp, axis):
    zp = np.zeros((), np.uint8) if zp is None else zp
    dt = zp.dtype
    if scale.ndim == 1 and scale.size > 1:
        shp = [1] * x.ndim
        shp[axis] = -1
        scale, zp = scale.reshape(shp), zp.reshape(shp)
    info = np.iinfo(dt)
    q = np.rint(x.astype(np.float32) / scale.astype(np.float32)) + zp.astype(np.int32)
    return np.clip(q, info.min, info.max).astype(dt)


def _dequantize(x, scale, zp, axis):
    if scale.ndim == 1 and scale.size > 1:
        shp = [1] * x.ndim
        shp[axis] = -1
        scale = scale.reshape(shp)
        zp = None if zp is None else zp.reshape(shp)
    zi = 0 if zp is None else zp.astype(np.int32)
    return ((x.astype(np.int32) - zi).astype(np.float32) * scale.astype(np.float32)).astype(np.float32)


def run_node(node, ins):
    op = node.op_type
    a = _attrs(node)
    x = ins[0] if ins else None
    if op == "Constant":
        return [numpy_helper.to_array(a["value"])]
    if op == "Identity":
        return [x]
    if op == "Cast":
        return [x.astype(_NP[a["to"]])]
    if op == "ConstantOfShape":
        v = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
        return [np.full(tuple(int(d) for d in x), v.reshape(-1)[0], dtype=v.dtype)]
    if op == "Shape":
        return [np.array(x.shape, np.int64)]
    if op == "Gather":
        return [np.take(x, ins[1], axis=a.get("axis", 0))]
    if op == "Unsqueeze":
        y = x
        for ax in sorted(int(v) for v in ins[1]):
            y = np.expand_dims(y, ax)
        return [y]
    if op == "Concat":
        return [np.concatenate(ins, axis=a["axis"])]
    if op == "Reshape":
        shape = [int(s) for s in ins[1]]
        shape = [x.shape[i] if s == 0 else s for i, s in enumerate(shape)]
        return [x.reshape(shape)]
    if op == "Flatten":
        ax = a.get("axis", 1)
        return [x.reshape(int(np.prod(x.shape[:ax])), -1)]
    if op in ("Add", "Sub", "Mul", "Div"):
        f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide}[op]
        return [f(x, ins[1]).astype(np.result_type(x, ins[1]))]
    if op == "Relu":
        return [np.maximum(x, 0).astype(x.dtype)]
    if op == "Clip":
        lo = ins[1] if len(ins) > 1 and ins[1] is not None else -np.inf
        hi = ins[2] if len(ins) > 2 and ins[2] is not None else np.inf
        return [np.clip(x, lo, hi).astype(x.dtype)]
    if op == "Softmax":
        ax = a.get("axis", -1)
        e = np.exp(x - x.max(axis=ax, keepdims=True))
        return [(e / e.sum(axis=ax, keepdims=True)).astype(x.dtype)]
    if op == "Conv":
        return [_conv(x, ins[1], ins[2] if len(ins) > 2 else None, a)]
    if op == "Gemm":
        A = x.T if a.get("transA", 0) else x
        B = ins[1].T if a.get("transB", 0) else ins[1]
        y = a.get("alpha", 1.0) * (A @ B)
        if len(ins) > 2 and ins[2] is not None:
            y = y + a.get("beta", 1.0) * ins[2]
        return [y.astype(np.float32)]
    if op == "MatMul":
        return [np.matmul(x, ins[1])]
    if op == "AveragePool":
        return [_avgpool(x, a)]
    if op == "GlobalAveragePool":
        return [x.mean(axis=tuple(range(2, x.ndim)), keepdims=True).astype(x.dtype)]
    if op == "Pad":
        pads = [int(p) for p in ins[1]]
        mode = a.get("mode", b"constant")
        if mode not in (b"constant", "constant"):
            raise NotImplementedError("Pad mode %r" % mode)
        cval = ins[2] if len(ins) > 2 and ins[2] is not None else 0
        n = x.ndim
        return [np.pad(x, [(pads[i], pads[i + n]) for i in range(n)], constant_values=cval)]
    if op == "BatchNormalization":
        s, b, m, v = ins[1:5]
        shp = [1, -1] + [1] * (x.ndim - 2)
        eps = a.get("epsilon", 1e-5)
        y = (x - m.reshape(shp)) / np.sqrt(v.reshape(shp) + eps) * s.reshape(shp) + b.reshape(shp)
        return [y.astype(np.float32)]
    if op == "QuantizeLinear":
        return [_quantize(x, ins[1], ins[2] if len(ins) > 2 else None, a.get("axis", 1))]
    if op == "DequantizeLinear":
        return [_dequantize(x, ins[1], ins[2] if len(ins) > 2 else None, a.get("axis", 1))]
    raise NotImplementedError("op %s" % op)


def run(model, feeds):
    env = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    env.update(feeds)
    env[""] = None
    for node in model.graph.node:
        outs = run_node(node, [env[i] for i in node.input])
        for name, val in zip(node.output, outs):
            env[name] = val
    return [env[o.name] for o in model.graph.output]


def main(argv):
    m = onnx.load(argv[1])
    x = np.load(argv[2])
    y = run(m, {m.graph.input[0].name: x})[0]
    print("output", y.shape, y.dtype)
    if len(argv) > 3:
        ref = np.load(argv[3])
        print("max abs diff vs %s: %.3g" % (argv[3], float(np.max(np.abs(y - ref)))))


if __name__ == "__main__":
    main(sys.argv)
