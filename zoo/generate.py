#!/usr/bin/python3
"""Morsel model zoo generator.

Builds a fixed set of small CNN/MLP models with random (but seeded) weights,
exports them to ONNX (float32, opset 13) and, where torch can quantize them,
to int8 QDQ ONNX, together with a fixed input and torch's reference outputs.

Usage (must run with Debian's python, which sees python3-torch & co):

    /usr/bin/python3 zoo/generate.py --out DIR [--models a,b] [--small] [--list]
                                     [--keep-bn] [--verify] [--no-softmax-shim] [--debug]

See zoo/README.md for what each file contains.
"""

import argparse
import copy
import hashlib
import io
import json
import os
import sys
import time
import traceback
import warnings
import zlib
from collections import OrderedDict

sys.dont_write_bytecode = True  # keep zoo/ free of __pycache__ when importing onnx_ref

import numpy as np
import torch
import torch.nn as nn

OPSET = 13
NUM_CALIB = 8          # calibration samples for int8 post-training quantization
BN_STAT_SAMPLES = 16   # random samples used to set BatchNorm running stats

# --------------------------------------------------------------------------
# Model definitions
# --------------------------------------------------------------------------


def conv_bn_relu(cin, cout, k, stride=1, groups=1, bias=True, act=nn.ReLU,
                 padding=None):
    if padding is None:
        padding = k // 2 if isinstance(k, int) else tuple(x // 2 for x in k)
    layers = [nn.Conv2d(cin, cout, k, stride, padding, groups=groups, bias=bias),
              nn.BatchNorm2d(cout)]
    if act is not None:
        layers.append(act())
    return layers


class DSCNN(nn.Module):
    """MLPerf Tiny keyword spotting DS-CNN (benchmark/training/keyword_spotting
    keras_model.py, model 'ds_cnn'). Input is 49 MFCC frames x 10 coefficients.

    Keras padding='same' for the 10x4/stride-2 stem pads rows 4/5 and cols 1/1;
    PyTorch cannot express asymmetric padding in Conv2d, so we pad 5/5 rows
    (same 25x5 output shape). Keras convs have bias=True followed by BN, kept
    here. The reference pools with pool_size=(int(49/2), int(10/2)) = (24, 5)
    over a 25x5 map (last row ignored) -- reproduced as-is."""

    def __init__(self, num_classes=12, filters=64):
        super().__init__()
        layers = conv_bn_relu(1, filters, (10, 4), stride=2, padding=(5, 1))
        layers.append(nn.Dropout(0.2))
        for _ in range(4):
            layers += conv_bn_relu(filters, filters, 3, groups=filters)
            layers += conv_bn_relu(filters, filters, 1)
        layers.append(nn.Dropout(0.4))
        self.features = nn.Sequential(*layers)
        self.pool = nn.AvgPool2d((24, 5))
        self.fc = nn.Linear(filters, num_classes)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.pool(self.features(x))
        x = torch.flatten(x, 1)
        return self.softmax(self.fc(x))


class MobileNetV1(nn.Module):
    """MLPerf Tiny visual wake words MobileNetV1, alpha=0.25, 96x96x3, 2 classes
    (v0.1/benchmarks/visual_wake_words/vww_model.py): ReLU (not ReLU6), biased
    convs + BN, AveragePooling over the final 3x3 map, Dense + softmax."""

    CFG = [(1, 2), (2, 2), (1, 1), (2, 2), (1, 1), (2, 2),
           (1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (2, 2), (1, 1)]  # (stride, channel mult)

    def __init__(self, num_classes=2, alpha=0.25):
        super().__init__()
        c = int(32 * alpha)
        layers = conv_bn_relu(3, c, 3, stride=2)
        for stride, mult in self.CFG:
            layers += conv_bn_relu(c, c, 3, stride=stride, groups=c)
            layers += conv_bn_relu(c, c * mult, 1)
            c *= mult
        self.features = nn.Sequential(*layers)
        self.pool = nn.AvgPool2d(3)
        self.fc = nn.Linear(c, num_classes)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = torch.flatten(self.pool(self.features(x)), 1)
        return self.softmax(self.fc(x))


class ResBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1)
        self.bn1 = nn.BatchNorm2d(cout)
        self.relu1 = nn.ReLU()
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1)
        self.bn2 = nn.BatchNorm2d(cout)
        # Reference: 1x1 stride-2 conv (bias, no BN) on the shortcut when shapes change.
        self.shortcut = nn.Conv2d(cin, cout, 1, stride, 0) if (stride != 1 or cin != cout) else None
        self.relu2 = nn.ReLU()

    def forward(self, x):
        y = self.bn2(self.conv2(self.relu1(self.bn1(self.conv1(x)))))
        if self.shortcut is not None:
            x = self.shortcut(x)
        return self.relu2(x + y)


class ResNet8(nn.Module):
    """MLPerf Tiny image classification ResNet-8 (resnet_v1_eembc, 16 filters),
    CIFAR-10 32x32x3, 10 classes, softmax output."""

    def __init__(self, num_classes=10, filters=16):
        super().__init__()
        self.stem = nn.Sequential(*conv_bn_relu(3, filters, 3))
        self.stack1 = ResBlock(filters, filters, 1)
        self.stack2 = ResBlock(filters, filters * 2, 2)
        self.stack3 = ResBlock(filters * 2, filters * 4, 2)
        self.pool = nn.AvgPool2d(8)
        self.fc = nn.Linear(filters * 4, num_classes)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.stack3(self.stack2(self.stack1(self.stem(x))))
        x = torch.flatten(self.pool(x), 1)
        return self.softmax(self.fc(x))


class FCAutoencoder(nn.Module):
    """MLPerf Tiny anomaly detection (ToyADMOS) dense autoencoder: 640 inputs,
    Dense128+BN+ReLU x4, Dense8+BN+ReLU, Dense128+BN+ReLU x4, Dense640."""

    def __init__(self, dim=640, hidden=128, bottleneck=8):
        super().__init__()
        sizes = [dim] + [hidden] * 4 + [bottleneck] + [hidden] * 4
        layers = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            layers += [nn.Linear(a, b), nn.BatchNorm1d(b), nn.ReLU()]
        layers.append(nn.Linear(hidden, dim))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, k, expand, stride):
        super().__init__()
        mid = cin * expand
        layers = []
        if expand != 1:
            layers += conv_bn_relu(cin, mid, 1, bias=False, act=nn.ReLU6)
        layers += conv_bn_relu(mid, mid, k, stride=stride, groups=mid, bias=False, act=nn.ReLU6)
        layers += conv_bn_relu(mid, cout, 1, bias=False, act=None)
        self.conv = nn.Sequential(*layers)
        self.use_res = stride == 1 and cin == cout

    def forward(self, x):
        if self.use_res:
            return x + self.conv(x)
        return self.conv(x)


class MCUNetLike(nn.Module):
    """MCUNet-style MobileNetV2 search-space model (MCUNet-in-ish): mixed 3/5/7
    depthwise kernels and expansion ratios 3/4/6, ReLU6, no final 1x1
    feature-mix conv, 112x112 input."""

    # (kernel, expand, out_channels, stride)
    CFG = [(3, 1, 8, 1),
           (7, 4, 16, 2), (3, 3, 16, 1),
           (7, 6, 24, 2), (5, 3, 24, 1),
           (5, 6, 40, 2), (3, 4, 40, 1),
           (5, 6, 48, 1), (3, 4, 48, 1),
           (7, 6, 96, 2), (5, 3, 96, 1),
           (7, 6, 160, 1)]

    def __init__(self, num_classes=1000, stem=16):
        super().__init__()
        layers = conv_bn_relu(3, stem, 3, stride=2, bias=False, act=nn.ReLU6)
        c = stem
        for k, e, cout, s in self.CFG:
            layers.append(InvertedResidual(c, cout, k, e, s))
            c = cout
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(c, num_classes)

    def forward(self, x):
        x = torch.flatten(self.pool(self.features(x)), 1)
        return self.classifier(x)


class TinyCNN(nn.Module):
    """Unit-test sized CNN: conv+BN+ReLU6, depthwise conv, residual add,
    avg pool, linear, softmax."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(*conv_bn_relu(3, 8, 3, stride=2, act=nn.ReLU6))
        self.dw = nn.Sequential(*conv_bn_relu(8, 8, 3, groups=8, act=None))
        self.relu = nn.ReLU()
        self.pool = nn.AvgPool2d(4)
        self.fc = nn.Linear(8 * 2 * 2, 4)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.stem(x)
        x = self.relu(x + self.dw(x))
        return self.softmax(self.fc(torch.flatten(self.pool(x), 1)))


def tiny_mlp():
    return nn.Sequential(nn.Linear(16, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 4))


def _tv_mobilenet_v2(width):
    def build():
        import torchvision
        return torchvision.models.mobilenet_v2(weights=None, width_mult=width, num_classes=1000)
    return build


# name -> (builder, input shape, description, small)
MODELS = OrderedDict([
    ("kws_dscnn", (DSCNN, (1, 1, 49, 10),
                   "MLPerf Tiny KWS DS-CNN, 49x10 MFCC, 12 classes, softmax", False)),
    ("vww_mobilenetv1", (MobileNetV1, (1, 3, 96, 96),
                         "MLPerf Tiny VWW MobileNetV1 alpha 0.25, 2 classes, softmax", False)),
    ("ic_resnet8", (ResNet8, (1, 3, 32, 32),
                    "MLPerf Tiny IC ResNet-8 (16/32/64), CIFAR-10, softmax", False)),
    ("ad_autoencoder", (FCAutoencoder, (1, 640),
                        "MLPerf Tiny AD FC autoencoder 640-128x4-8-128x4-640", False)),
    ("mobilenetv2_035_144", (_tv_mobilenet_v2(0.35), (1, 3, 144, 144),
                             "torchvision mobilenet_v2 width 0.35, 1000 classes, logits", False)),
    ("mobilenetv2_100_96", (_tv_mobilenet_v2(1.0), (1, 3, 96, 96),
                            "torchvision mobilenet_v2 width 1.0, 1000 classes, logits", False)),
    ("mcunet_like", (MCUNetLike, (1, 3, 112, 112),
                     "MCUNet-like MBv2 variant, k3/5/7, expand 3/4/6, 1000 classes, logits", False)),
    ("tiny_cnn", (TinyCNN, (1, 3, 16, 16), "unit-test CNN (conv/dw/add/pool/fc/softmax)", True)),
    ("tiny_mlp", (tiny_mlp, (1, 16), "unit-test MLP (linear/bn1d/relu/linear)", True)),
])

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def model_seed(name):
    return zlib.crc32(name.encode()) & 0x7FFFFFFF


def randn(shape, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=torch.float32)


def build_model(name):
    builder, shape, _, _ = MODELS[name]
    seed = model_seed(name)
    torch.manual_seed(seed)
    model = builder()
    # Non-trivial BatchNorm: random affine parameters, and running stats taken
    # from random data (cumulative average), so that activations keep a sane
    # scale through deep random nets while mean/var are far from 0/1.
    # beta = gamma * U(0.5, 1.5) (i.e. BN outputs have a positive mean of about
    # one std) keeps most ReLUs active: with zero-mean beta, random ReLU nets
    # behind BN are chaotic (each layer amplifies perturbations ~1.5x in
    # power), so the 1-LSB rounding differences between qnnpack and any other
    # int8 implementation blow up to tens of LSBs at the output of the deep
    # models. See README.md.
    bns = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    g = torch.Generator().manual_seed(seed + 3)
    with torch.no_grad():
        for bn in bns:
            n = bn.num_features
            bn.weight.copy_(torch.rand(n, generator=g) + 0.5)        # U(0.5, 1.5)
            bn.bias.copy_(bn.weight * (torch.rand(n, generator=g) + 0.5))
            bn.reset_running_stats()
            bn.momentum = None
        model.train()
        model(randn((BN_STAT_SAMPLES,) + tuple(shape[1:]), seed + 4))
        for bn in bns:
            bn.momentum = 0.1
    model.eval()
    return model


def count_macs(model, x):
    macs = [0]

    def hook(mod, inp, out):
        if isinstance(mod, nn.Conv2d):
            k = mod.kernel_size[0] * mod.kernel_size[1] * (mod.in_channels // mod.groups)
            macs[0] += out.numel() * k
        elif isinstance(mod, nn.Linear):
            macs[0] += out.numel() * mod.in_features

    hs = [m.register_forward_hook(hook) for m in model.modules()
          if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(x)
    for h in hs:
        h.remove()
    return macs[0]


def export_onnx(model, x, **kw):
    f = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (x,), f, opset_version=OPSET,
                          input_names=["input"], output_names=["output"], **kw)
    return f.getvalue()


def check_onnx(data, out_shape):
    """onnx.checker + strict shape inference; returns sorted op types."""
    import onnx
    m = onnx.load_from_string(data)
    onnx.checker.check_model(m, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(m, check_type=True, strict_mode=True)
    out = inferred.graph.output[0].type.tensor_type
    dims = [d.dim_value for d in out.shape.dim]
    if dims != list(out_shape):
        raise RuntimeError("inferred output shape %s != torch %s" % (dims, list(out_shape)))
    # every intermediate value should have received a shape
    known = {v.name for v in inferred.graph.value_info} | \
            {v.name for v in inferred.graph.input} | {v.name for v in inferred.graph.output} | \
            {i.name for i in inferred.graph.initializer}
    missing = [o for n in inferred.graph.node for o in n.output if o not in known]
    if missing:
        raise RuntimeError("shape inference left %d values untyped, e.g. %s" % (len(missing), missing[:3]))
    return sorted({n.op_type for n in m.graph.node})


_SOFTMAX_SHIM = False


def register_quantized_softmax_symbolic():
    """torch 1.13 has no ONNX symbolic for quantized::softmax (which FX
    qnnpack quantization emits for nn.Softmax, with fixed output qparams
    scale=1/256, zero_point=0). Register one that exports it like the built-in
    quantized::sigmoid/hardswish symbolics do: DequantizeLinear -> Softmax ->
    QuantizeLinear(output_scale, output_zero_point)."""
    global _SOFTMAX_SHIM
    if _SOFTMAX_SHIM:
        return
    from torch.onnx import symbolic_helper as sh

    @sh.parse_args("v", "i", "v", "v")
    def quantized_softmax(g, qx, dim, op_scale, op_zero_point):
        x, _, _, _ = sh.dequantize_helper(g, qx)
        out = g.op("Softmax", x, axis_i=dim)
        return sh.quantize_helper(g, out, op_scale, op_zero_point)

    torch.onnx.register_custom_op_symbolic("quantized::softmax", quantized_softmax, OPSET)
    _SOFTMAX_SHIM = True


def quantize_int8(model, name, shape):
    from torch.ao.quantization import get_default_qconfig_mapping
    from torch.ao.quantization.quantize_fx import prepare_fx, convert_fx
    torch.backends.quantized.engine = "qnnpack"
    qmap = get_default_qconfig_mapping("qnnpack")
    m = copy.deepcopy(model).eval()
    example = randn(shape, model_seed(name) + 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prepared = prepare_fx(m, qmap, example_inputs=(example,))
        with torch.no_grad():
            calib = randn((NUM_CALIB,) + tuple(shape[1:]), model_seed(name) + 2)
            for i in range(NUM_CALIB):
                prepared(calib[i:i + 1])
        return convert_fx(prepared)


_CLAMP_MODULES = (nn.ReLU6, nn.Hardtanh)
_CLAMP_FUNCS = {torch.clamp, torch.clip, torch.nn.functional.relu6, torch.nn.functional.hardtanh,
                torch.nn.functional.hardtanh_}
_CLAMP_METHODS = {"clamp", "clamp_", "clip", "clip_"}


def fix_quantized_clamp_layout(gm):
    """Work around a torch 1.13 bug: quantized clamp/hardtanh/relu6 give wrong
    results on channels_last (NHWC-strided) quint8 tensors -- which is exactly
    what quantized conv2d returns -- e.g. for a conv output with strides
    (C*H*W, 1, W*C, C) most elements are set to the zero point. The
    elementwise op itself is fine on contiguous tensors, so insert
    .contiguous() in front of every such node. Returns (patched copy, count).
    Only used to compute torch's reference output; the ONNX export uses the
    unpatched model (the ONNX Clip is layout-free anyway)."""
    gm = copy.deepcopy(gm)
    mods = dict(gm.named_modules())
    count = 0
    for node in list(gm.graph.nodes):
        hit = (node.op == "call_module" and isinstance(mods.get(node.target), _CLAMP_MODULES)) or \
              (node.op == "call_function" and node.target in _CLAMP_FUNCS) or \
              (node.op == "call_method" and node.target in _CLAMP_METHODS)
        if not hit or not node.args:
            continue
        with gm.graph.inserting_before(node):
            c = gm.graph.call_method("contiguous", (node.args[0],))
        node.args = (c,) + tuple(node.args[1:])
        count += 1
    gm.graph.lint()
    gm.recompile()
    return gm, count


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return {"file": os.path.basename(path), "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest()}


def npy_bytes(arr):
    f = io.BytesIO()
    np.save(f, np.ascontiguousarray(arr), allow_pickle=False)
    return f.getvalue()


def verify(onnx_bytes, x, ref):
    """Run the ONNX file with zoo/onnx_ref.py; return (max abs diff, max diff
    in output LSBs or None, fraction of output elements that differ)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import onnx
    import onnx_ref
    m = onnx.load_from_string(onnx_bytes)
    got = onnx_ref.run(m, {"input": x})[0]
    if got.shape != ref.shape:
        raise RuntimeError("verify: shape %s != %s" % (got.shape, ref.shape))
    d = np.abs(got.astype(np.float64) - ref.astype(np.float64))
    lsb = None
    prod = {o: n for n in m.graph.node for o in n.output}
    last = prod.get(m.graph.output[0].name)
    if last is not None and last.op_type == "DequantizeLinear":
        env = {i.name: onnx.numpy_helper.to_array(i) for i in m.graph.initializer}
        for n in m.graph.node:
            if n.op_type == "Constant":
                env[n.output[0]] = onnx.numpy_helper.to_array(n.attribute[0].t)
            elif n.op_type == "Identity" and n.input[0] in env:
                env[n.output[0]] = env[n.input[0]]
        if last.input[1] in env:
            lsb = float(np.max(d) / float(env[last.input[1]].reshape(-1)[0]))
    return float(np.max(d)), lsb, float(np.mean(d > 1e-6))


# --------------------------------------------------------------------------
# Main per-model routine
# --------------------------------------------------------------------------


def generate(name, out, args):
    t0 = time.time()
    _, shape, desc, _ = MODELS[name]
    model = build_model(name)
    x = randn(shape, model_seed(name) + 1)
    with torch.no_grad():
        y = model(x)
    entry = OrderedDict()
    entry["name"] = name
    entry["description"] = desc
    entry["seed"] = model_seed(name)
    entry["input_shape"] = list(shape)
    entry["output_shape"] = list(y.shape)
    entry["params"] = sum(p.numel() for p in model.parameters())
    entry["macs"] = count_macs(model, x)
    files = OrderedDict()
    log = {}

    fp = export_onnx(model, x)
    entry["float_ops"] = check_onnx(fp, y.shape)
    files["onnx"] = write(os.path.join(out, name + ".onnx"), fp)
    xin = x.numpy().astype(np.float32)
    files["input"] = write(os.path.join(out, name + ".input.npy"), npy_bytes(xin))
    files["output"] = write(os.path.join(out, name + ".output.npy"), npy_bytes(y.numpy()))
    if args.verify:
        log["float_maxdiff"] = verify(fp, xin, y.numpy())[0]

    if args.keep_bn:
        kb = export_onnx(model, x, training=torch.onnx.TrainingMode.PRESERVE)
        entry["keepbn_ops"] = check_onnx(kb, y.shape)
        files["onnx_keepbn"] = write(os.path.join(out, name + ".keepbn.onnx"), kb)
        if args.verify:
            log["keepbn_maxdiff"] = verify(kb, xin, y.numpy())[0]
    t_float = time.time() - t0

    int8 = OrderedDict([("status", None)])
    try:
        q = quantize_int8(model, name, shape)
        if not args.no_softmax_shim:
            register_quantized_softmax_symbolic()
        qb = export_onnx(q, x)                  # export the model exactly as convert_fx made it
        q_fixed, nfix = fix_quantized_clamp_layout(q)
        with torch.no_grad():
            yq = q_fixed(x)
            if nfix:
                int8["clamp_layout_workaround_nodes"] = nfix
                int8["unpatched_torch_maxdiff"] = float((q(x) - yq).abs().max())
        int8["softmax_shim_used"] = any(
            n.op == "call_module" and type(q.get_submodule(n.target)).__module__.startswith(
                "torch.ao.nn.quantized") and type(q.get_submodule(n.target)).__name__ == "Softmax"
            for n in q.graph.nodes)
        int8["ops"] = check_onnx(qb, yq.shape)
        files["int8_onnx"] = write(os.path.join(out, name + ".int8.onnx"), qb)
        files["int8_output"] = write(os.path.join(out, name + ".int8.output.npy"),
                                     npy_bytes(yq.numpy().astype(np.float32)))
        int8["status"] = "ok"
        if args.verify:
            md, lsb, frac = verify(qb, xin, yq.numpy())
            log["int8_maxdiff"] = md
            if lsb is not None:
                log["int8_maxdiff_lsb"] = lsb
            log["int8_frac_diff"] = frac
            log["int8_vs_float_maxdiff"] = float(np.max(np.abs(yq.numpy() - y.numpy())))
    except Exception as e:  # record, don't abort the other models
        int8["status"] = "failed"
        msg = str(e).strip()
        int8["error"] = "%s: %s" % (type(e).__name__, msg.splitlines()[0] if msg else "")
        if args.debug:
            traceback.print_exc()
    entry["int8"] = int8
    entry["files"] = files
    log["t_float"] = t_float
    log["t_total"] = time.time() - t0
    return entry, log


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", help="output directory")
    ap.add_argument("--models", help="comma-separated subset (default: all non-test models)")
    ap.add_argument("--small", action="store_true", help="generate only the tiny unit-test models")
    ap.add_argument("--list", action="store_true", help="list models and exit")
    ap.add_argument("--keep-bn", action="store_true",
                    help="also write <name>.keepbn.onnx exported with TrainingMode.PRESERVE, "
                         "which keeps BatchNormalization nodes unfused")
    ap.add_argument("--verify", action="store_true",
                    help="re-run every ONNX file with zoo/onnx_ref.py and compare to the npy outputs")
    ap.add_argument("--no-softmax-shim", action="store_true",
                    help="do not register the ONNX symbolic for quantized::softmax "
                         "(int8 export of softmax models then fails, as in stock torch 1.13)")
    ap.add_argument("--debug", action="store_true", help="print tracebacks")
    args = ap.parse_args()

    if args.list:
        for n, (_, shape, desc, small) in MODELS.items():
            print("%-22s %-18s %s%s" % (n, "x".join(map(str, shape)), desc, "  [--small]" if small else ""))
        return 0
    if not args.out:
        ap.error("--out is required")
    if args.models:
        names = [n.strip() for n in args.models.split(",") if n.strip()]
        bad = [n for n in names if n not in MODELS]
        if bad:
            ap.error("unknown model(s): %s (see --list)" % ", ".join(bad))
    else:
        names = [n for n, v in MODELS.items() if v[3] == args.small]

    torch.set_num_threads(1)          # determinism, and be nice to the machine
    os.makedirs(args.out, exist_ok=True)
    import onnx
    manifest = OrderedDict()
    manifest["generator"] = "zoo/generate.py"
    manifest["torch"] = torch.__version__
    manifest["onnx"] = onnx.__version__
    manifest["opset"] = OPSET
    manifest["models"] = []
    t_all = time.time()
    rc = 0
    for n in names:
        entry, log = generate(n, args.out, args)
        manifest["models"].append(entry)
        st = entry["int8"]["status"]   # an int8 failure is recorded data, not an error
        sizes = " ".join("%s=%dB" % (k, v["bytes"]) for k, v in entry["files"].items() if k.endswith("onnx"))
        extra = " ".join("%s=%.3g" % (k, v) for k, v in log.items() if "diff" in k)
        print("%-20s float ok  int8 %-6s %5.1fs (float part %.1fs)  %s %s" %
              (n, st, log["t_total"], log["t_float"], sizes, extra), flush=True)
        if st != "ok":
            print("    int8 error: " + entry["int8"]["error"], flush=True)
        for k in ("float_maxdiff", "keepbn_maxdiff"):
            if log.get(k, 0.0) > 1e-4:
                print("    VERIFY FAILED: %s=%g" % (k, log[k]), flush=True)
                rc = 1
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print("total %.1fs" % (time.time() - t_all))
    return rc


if __name__ == "__main__":
    sys.exit(main())
