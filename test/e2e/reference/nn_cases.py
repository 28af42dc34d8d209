#!/usr/bin/env python3
"""Generates and checks the per-operator end-to-end cases.

    nn_cases.py gen CASE DIR      writes DIR/model.mlir, DIR/in0.npy [, in1...]
                                  and DIR/expected.npy; prints the --run list
    nn_cases.py inputs DIR        prints the comma-separated input list
    nn_cases.py check OUT EXPECTED
                                  int outputs: bit-exact; float32:
                                  max|out - ref| <= 1e-4 * max|ref|
    nn_cases.py list              prints every case name

Each case builds one small nn function with random (fixed-seed) parameters;
expected outputs come from nn_reference.py.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nn_reference as ref  # noqa: E402
from nn_reference import QType  # noqa: E402

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


# ---------------------------------------------------------------------------
# MLIR text helpers
# ---------------------------------------------------------------------------


def ttype(shape, element):
    element = element.mlir() if isinstance(element, QType) else element
    dims = "x".join(str(d) for d in shape)
    return "tensor<%sx%s>" % (dims, element) if dims else "tensor<%s>" % element


def dense(array):
    if array.dtype.kind == "f":
        values = np.vectorize(lambda v: repr(float(v)), otypes=[object])(array)
    else:
        values = array.astype(np.int64)
    return "dense<%s>" % str(values.tolist()).replace("'", "")


def constant(name, array, element):
    storage = "f32"
    if isinstance(element, QType):
        storage = "i8"
        array = array.astype(np.int8) if element.signed else array.astype(
            np.uint8).astype(np.int8)
    elif element == "i32":
        storage = "i32"
    return "  %%%s = nn.constant %s : %s -> %s\n" % (
        name, dense(array), ttype(array.shape, storage),
        ttype(array.shape, element))


class Model:
    """Builds `func.func @main` from argument types and a body."""

    def __init__(self):
        self.args = []
        self.inputs = []
        self.body = ""

    def arg(self, array, element):
        name = "arg%d" % len(self.args)
        self.args.append("%%%s: %s" % (name, ttype(array.shape, element)))
        self.inputs.append(array)
        return "%" + name

    def text(self, result, result_type):
        return ("func.func @main(%s) -> %s {\n%s  return %s : %s\n}\n" % (
            ", ".join(self.args), result_type, self.body, result, result_type))


def rand_q(rng, shape, qtype):
    return rng.integers(qtype.qmin, qtype.qmax + 1, size=shape).astype(
        qtype.dtype)


def rand_f(rng, shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def qt(scale, zero_point, signed=True):
    return QType(scale, zero_point, signed)


# ---------------------------------------------------------------------------
# Convolution and fully-connected
# ---------------------------------------------------------------------------


def _conv(rng, quantized, in_shape, cout, kernel, strides, pad, dilations,
          groups, bias=True, per_channel=True, signed=True, weight_zp=0,
          out_q=None):
    n, h, w_, cin = in_shape
    w_shape = (cout, kernel[0], kernel[1], cin // groups)
    oh = ref.conv_output_size(h, kernel[0], strides[0], dilations[0], pad[0],
                              pad[1])
    ow = ref.conv_output_size(w_, kernel[1], strides[1], dilations[1], pad[2],
                              pad[3])
    out_shape = (n, oh, ow, cout)
    attrs = "strides = %s pad = %s dilations = %s groups = %d" % (
        list(strides), list(pad), list(dilations), groups)
    m = Model()
    if not quantized:
        x = rand_f(rng, in_shape)
        w = rand_f(rng, w_shape, 0.5)
        b = rand_f(rng, (cout,)) if bias else None
        arg = m.arg(x, "f32")
        m.body += constant("w", w, "f32")
        if bias:
            m.body += constant("b", b, "f32")
        operands = "%s, %%w%s" % (arg, ", %b" if bias else "")
        types = ", ".join([ttype(in_shape, "f32"), ttype(w_shape, "f32")] +
                          ([ttype((cout,), "f32")] if bias else []))
        m.body += "  %%y = nn.conv2d %s %s : (%s) -> %s\n" % (
            operands, attrs, types, ttype(out_shape, "f32"))
        expected = ref.conv2d(x, w, b, strides, pad, dilations,
                              groups).astype(np.float32)
        return m.text("%y", ttype(out_shape, "f32")), m.inputs, expected
    in_q = qt(0.05, 3 if signed else 130, signed)
    out_q = out_q or qt(0.09, -5)
    if per_channel:
        w_q = QType([float(s) for s in rng.uniform(0.005, 0.03, cout)],
                    [weight_zp] * cout, True, 0)
        b_q = QType([in_q.scale * s for s in w_q.scale], [0] * cout, True, 0)
    else:
        w_q = QType(0.02, weight_zp)
        b_q = QType(in_q.scale * 0.02, 0)
    x = rand_q(rng, in_shape, in_q)
    w = rng.integers(-127, 128, size=w_shape).astype(np.int8)
    b = rng.integers(-2000, 2000, size=(cout,)).astype(np.int32) if bias else None
    b_mlir = b_q.mlir().replace("i8:", "i32:")
    arg = m.arg(x, in_q)
    m.body += constant("w", w, w_q)
    if bias:
        m.body += "  %%b = nn.constant %s : %s -> %s\n" % (
            dense(b), ttype((cout,), "i32"), ttype((cout,), b_mlir))
    operands = "%s, %%w%s" % (arg, ", %b" if bias else "")
    types = ", ".join([ttype(in_shape, in_q), ttype(w_shape, w_q)] +
                      ([ttype((cout,), b_mlir)] if bias else []))
    m.body += "  %%y = nn.conv2d %s %s : (%s) -> %s\n" % (
        operands, attrs, types, ttype(out_shape, out_q))
    expected = ref.conv2d_q(x, in_q, w, w_q, b, strides, pad, dilations,
                            groups, out_q)
    return m.text("%y", ttype(out_shape, out_q)), m.inputs, expected


@case
def conv2d_f32(rng):
    return _conv(rng, False, (1, 7, 6, 3), 4, (3, 3), (2, 1), (1, 0, 2, 1),
                 (1, 1), 1)


@case
def conv2d_f32_depthwise_dilated(rng):
    return _conv(rng, False, (1, 8, 8, 3), 6, (3, 3), (1, 2), (2, 2, 1, 2),
                 (2, 2), 3)


@case
def conv2d_f32_groups_nobias(rng):
    return _conv(rng, False, (2, 5, 5, 4), 6, (2, 3), (1, 1), (0, 1, 1, 1),
                 (1, 1), 2, bias=False)


@case
def conv2d_i8_per_channel(rng):
    return _conv(rng, True, (1, 7, 6, 3), 4, (3, 3), (2, 1), (1, 0, 2, 1),
                 (1, 1), 1)


@case
def conv2d_i8_depthwise_dilated(rng):
    return _conv(rng, True, (1, 8, 8, 3), 6, (3, 3), (1, 2), (2, 2, 1, 2),
                 (2, 2), 3)


@case
def conv2d_i8_groups_per_tensor_zp(rng):
    return _conv(rng, True, (2, 5, 5, 4), 6, (2, 3), (1, 1), (0, 1, 1, 1),
                 (1, 1), 2, per_channel=False, weight_zp=4, bias=False)


@case
def conv2d_u8_saturating(rng):
    # A small output scale saturates many outputs at both ends.
    return _conv(rng, True, (1, 5, 5, 2), 3, (3, 3), (1, 1), (1, 1, 1, 1),
                 (1, 1), 1, signed=False, out_q=qt(0.05, 10, False))


def _fc(rng, quantized, batch, cin, cout, per_channel=True, bias=True):
    m = Model()
    if not quantized:
        x = rand_f(rng, (batch, cin))
        w = rand_f(rng, (cout, cin), 0.5)
        b = rand_f(rng, (cout,)) if bias else None
        arg = m.arg(x, "f32")
        m.body += constant("w", w, "f32")
        types = [ttype(x.shape, "f32"), ttype(w.shape, "f32")]
        if bias:
            m.body += constant("b", b, "f32")
            types.append(ttype(b.shape, "f32"))
        m.body += "  %%y = nn.fully_connected %s, %%w%s : (%s) -> %s\n" % (
            arg, ", %b" if bias else "", ", ".join(types),
            ttype((batch, cout), "f32"))
        expected = ref.fully_connected(x, w, b).astype(np.float32)
        return m.text("%y", ttype((batch, cout), "f32")), m.inputs, expected
    in_q, out_q = qt(0.04, -7), qt(0.1, 2)
    if per_channel:
        w_q = QType([float(s) for s in rng.uniform(0.005, 0.03, cout)],
                    [0] * cout, True, 0)
    else:
        w_q = QType(0.015, 0)
    x = rand_q(rng, (batch, cin), in_q)
    w = rng.integers(-127, 128, size=(cout, cin)).astype(np.int8)
    b = rng.integers(-3000, 3000, size=(cout,)).astype(np.int32)
    arg = m.arg(x, in_q)
    m.body += constant("w", w, w_q)
    m.body += constant("b", b, "i32")
    m.body += "  %%y = nn.fully_connected %s, %%w, %%b : (%s, %s, %s) -> %s\n" % (
        arg, ttype(x.shape, in_q), ttype(w.shape, w_q), ttype(b.shape, "i32"),
        ttype((batch, cout), out_q))
    expected = ref.fully_connected_q(x, in_q, w, w_q, b, out_q)
    return m.text("%y", ttype((batch, cout), out_q)), m.inputs, expected


@case
def fully_connected_f32(rng):
    return _fc(rng, False, 2, 12, 5)


@case
def fully_connected_f32_nobias(rng):
    return _fc(rng, False, 1, 7, 3, bias=False)


@case
def fully_connected_i8_per_channel(rng):
    return _fc(rng, True, 2, 16, 5)


@case
def fully_connected_i8_per_tensor(rng):
    return _fc(rng, True, 3, 9, 4, per_channel=False)


# ---------------------------------------------------------------------------
# Element-wise
# ---------------------------------------------------------------------------


def _binary(rng, op, lhs_shape, rhs_shape, out_shape, quant=None):
    m = Model()
    if quant is None:
        a, b = rand_f(rng, lhs_shape), rand_f(rng, rhs_shape)
        ta, tb, to = "f32", "f32", "f32"
        expected = (a.astype(np.float64) + b if op == "add" else
                    a.astype(np.float64) * b).astype(np.float32)
    else:
        ta, tb, to = quant
        a, b = rand_q(rng, lhs_shape, ta), rand_q(rng, rhs_shape, tb)
        function = ref.add_q if op == "add" else ref.mul_q
        expected = function(a, ta, b, tb, to)
    x, y = m.arg(a, ta), m.arg(b, tb)
    m.body += "  %%r = nn.%s %s, %s : (%s, %s) -> %s\n" % (
        op, x, y, ttype(lhs_shape, ta), ttype(rhs_shape, tb),
        ttype(out_shape, to))
    return m.text("%r", ttype(out_shape, to)), m.inputs, expected


@case
def add_f32_broadcast(rng):
    return _binary(rng, "add", (2, 1, 3, 4), (3, 1), (2, 1, 3, 4))


@case
def mul_f32_broadcast(rng):
    return _binary(rng, "mul", (1, 4, 1), (3, 1, 5), (3, 4, 5))


@case
def add_i8_broadcast(rng):
    return _binary(rng, "add", (1, 3, 3, 4), (4,), (1, 3, 3, 4),
                   (qt(0.05, -3), qt(0.13, 10), qt(0.11, -1)))


@case
def add_u8_saturating(rng):
    return _binary(rng, "add", (2, 5), (2, 5), (2, 5),
                   (qt(0.1, 128, False), qt(0.07, 100, False),
                    qt(0.05, 120, False)))


@case
def mul_i8_broadcast(rng):
    return _binary(rng, "mul", (2, 1, 4), (3, 1), (2, 3, 4),
                   (qt(0.05, -3), qt(0.08, 7), qt(0.12, 4)))


@case
def mul_u8_saturating(rng):
    return _binary(rng, "mul", (3, 4), (3, 4), (3, 4),
                   (qt(0.1, 128, False), qt(0.1, 128, False),
                    qt(0.05, 0, False)))


def _unary(rng, shape, name, attrs, float_fn, real_fn, in_q=None, out_q=None,
           scale=3.0):
    m = Model()
    if in_q is None:
        x = rand_f(rng, shape, scale)
        # Values around the breakpoints of the hard functions.
        x.flat[:6] = [-3.0, 3.0, 0.0, -2.5, 2.5, 6.0][:x.size]
        t_in = t_out = "f32"
        expected = float_fn(x).astype(np.float32)
    else:
        x = rand_q(rng, shape, in_q)
        x.flat[0], x.flat[1] = in_q.qmin, in_q.qmax
        t_in, t_out = in_q, out_q
        expected = ref.table_q(x, in_q, out_q, real_fn)
    arg = m.arg(x, t_in)
    m.body += "  %%r = nn.%s %s%s : %s -> %s\n" % (
        name, arg, attrs, ttype(shape, t_in), ttype(shape, t_out))
    return m.text("%r", ttype(shape, t_out)), m.inputs, expected


@case
def sigmoid_f32(rng):
    return _unary(rng, (2, 17), "sigmoid", "", ref.sigmoid, None)


@case
def sigmoid_i8(rng):
    return _unary(rng, (4, 20), "sigmoid", "", None, ref.sigmoid_real,
                  qt(0.06, 5), qt(1.0 / 256, -128))


@case
def hard_sigmoid_f32(rng):
    return _unary(rng, (3, 7), "hard_sigmoid", " alpha = 0.2 beta = 0.5",
                  lambda x: ref.hard_sigmoid(x, 0.2, 0.5), None)


@case
def hard_sigmoid_u8(rng):
    return _unary(rng, (5, 9), "hard_sigmoid",
                  " alpha = 0.16666667 beta = 0.5", None,
                  lambda x: ref.hard_sigmoid_real(x, 0.16666667, 0.5),
                  qt(0.05, 128, False), qt(1.0 / 255, 0, False))


@case
def hard_swish_f32(rng):
    return _unary(rng, (2, 3, 5), "hard_swish", "", ref.hard_swish, None)


@case
def hard_swish_i8(rng):
    return _unary(rng, (4, 16), "hard_swish", "", None, ref.hard_swish_real,
                  qt(0.045, -10), qt(0.025, -100))


def _number(text):
    """Parses an f32 attribute literal (the hex form only for +inf)."""
    return float("inf") if text == "0x7F800000" else float(text)


def _clamp(rng, shape, lo, hi, qtype=None):
    m = Model()
    attrs = " min = %s max = %s" % (lo, hi)
    if qtype is None:
        x = rand_f(rng, shape, 4.0)
        arg = m.arg(x, "f32")
        expected = ref.clamp(x, _number(lo), _number(hi)).astype(np.float32)
        t = "f32"
    else:
        x = rand_q(rng, shape, qtype)
        arg = m.arg(x, qtype)
        expected = ref.clamp_q(x, qtype, _number(lo), _number(hi))
        t = qtype
    m.body += "  %%r = nn.clamp %s%s : %s\n" % (arg, attrs, ttype(shape, t))
    return m.text("%r", ttype(shape, t)), m.inputs, expected


@case
def clamp_f32_relu6(rng):
    return _clamp(rng, (2, 4, 4, 3), "0.0", "6.0")


@case
def clamp_f32_relu(rng):
    return _clamp(rng, (3, 5), "0.0", "0x7F800000")


@case
def clamp_i8_relu6(rng):
    return _clamp(rng, (2, 4, 4, 3), "0.0", "6.0", qt(0.07, -20))


@case
def clamp_u8_relu_wide(rng):
    # max beyond the representable range: the upper bound saturates.
    return _clamp(rng, (4, 8), "-0.25", "1000.0", qt(0.1, 60, False))


# ---------------------------------------------------------------------------
# Pooling and reductions
# ---------------------------------------------------------------------------


def _pool(rng, name, shape, kernel, strides, pad, count_include_pad=None,
          in_q=None, out_q=None):
    m = Model()
    oh = ref.conv_output_size(shape[1], kernel[0], strides[0], 1, pad[0], pad[1])
    ow = ref.conv_output_size(shape[2], kernel[1], strides[1], 1, pad[2], pad[3])
    out_shape = (shape[0], oh, ow, shape[3])
    attrs = "kernel = %s strides = %s pad = %s" % (list(kernel), list(strides),
                                                   list(pad))
    if count_include_pad is not None:
        attrs += " count_include_pad = %s" % str(count_include_pad).lower()
    if in_q is None:
        x = rand_f(rng, shape)
        t_in = t_out = "f32"
        if name == "max_pool2d":
            expected = ref.max_pool2d(x, kernel, strides, pad)
        else:
            expected = ref.avg_pool2d(x, kernel, strides, pad,
                                      count_include_pad).astype(np.float32)
    else:
        x = rand_q(rng, shape, in_q)
        t_in, t_out = in_q, out_q or in_q
        if name == "max_pool2d":
            expected = ref.max_pool2d(x, kernel, strides, pad, in_q.qmin)
        else:
            expected = ref.avg_pool2d_q(x, in_q, kernel, strides, pad,
                                        count_include_pad, t_out)
    arg = m.arg(x, t_in)
    m.body += "  %%r = nn.%s %s %s : %s -> %s\n" % (
        name, arg, attrs, ttype(shape, t_in), ttype(out_shape, t_out))
    return m.text("%r", ttype(out_shape, t_out)), m.inputs, expected


@case
def max_pool2d_f32(rng):
    return _pool(rng, "max_pool2d", (1, 7, 6, 3), (3, 2), (2, 2), (1, 1, 0, 1))


@case
def max_pool2d_i8(rng):
    return _pool(rng, "max_pool2d", (2, 5, 5, 2), (3, 3), (2, 1), (1, 0, 2, 1),
                 in_q=qt(0.1, 4))


@case
def max_pool2d_u8(rng):
    return _pool(rng, "max_pool2d", (1, 6, 6, 2), (2, 2), (2, 2), (0, 1, 1, 0),
                 in_q=qt(0.1, 128, False))


@case
def avg_pool2d_f32_exclude_pad(rng):
    return _pool(rng, "avg_pool2d", (1, 7, 6, 3), (3, 3), (2, 2), (1, 1, 1, 2),
                 False)


@case
def avg_pool2d_f32_include_pad(rng):
    return _pool(rng, "avg_pool2d", (1, 5, 5, 2), (2, 3), (1, 2), (1, 0, 2, 1),
                 True)


@case
def avg_pool2d_i8_same_scale(rng):
    return _pool(rng, "avg_pool2d", (1, 7, 6, 3), (3, 3), (2, 2), (1, 1, 1, 2),
                 False, qt(0.1, -3))


@case
def avg_pool2d_i8_rescale_include_pad(rng):
    return _pool(rng, "avg_pool2d", (2, 5, 5, 2), (2, 3), (1, 2), (1, 0, 2, 1),
                 True, qt(0.1, -3), qt(0.03, 6))


@case
def avg_pool2d_u8(rng):
    return _pool(rng, "avg_pool2d", (1, 4, 4, 3), (4, 4), (1, 1), (0, 0, 0, 0),
                 False, qt(0.1, 128, False), qt(0.1, 128, False))


def _mean(rng, shape, axes, keep_dims, in_q=None, out_q=None):
    m = Model()
    out_shape = tuple((1 if d in axes else s) for d, s in enumerate(shape)
                      if keep_dims or d not in axes)
    if in_q is None:
        x = rand_f(rng, shape)
        t_in = t_out = "f32"
        expected = ref.mean(x, axes, keep_dims).astype(np.float32)
    else:
        x = rand_q(rng, shape, in_q)
        t_in, t_out = in_q, out_q
        expected = ref.mean_q(x, in_q, axes, keep_dims, out_q)
    arg = m.arg(x, t_in)
    m.body += "  %%r = nn.mean %s axes = %s keep_dims = %s : %s -> %s\n" % (
        arg, list(axes), str(keep_dims).lower(), ttype(shape, t_in),
        ttype(out_shape, t_out))
    return m.text("%r", ttype(out_shape, t_out)), m.inputs, expected


@case
def mean_f32_global(rng):
    return _mean(rng, (2, 5, 4, 3), [1, 2], True)


@case
def mean_f32_drop(rng):
    return _mean(rng, (3, 4, 5), [0, 2], False)


@case
def mean_i8_global(rng):
    return _mean(rng, (1, 7, 7, 4), [1, 2], True, qt(0.05, -4), qt(0.02, 3))


@case
def mean_u8_all(rng):
    return _mean(rng, (3, 6), [0, 1], False, qt(0.05, 128, False),
                 qt(0.05, 120, False))


def _softmax(rng, shape, axis, beta, in_q=None, out_q=None):
    m = Model()
    if in_q is None:
        x = rand_f(rng, shape, 3.0)
        t_in = t_out = "f32"
        expected = ref.softmax(x, axis, beta).astype(np.float32)
    else:
        x = rand_q(rng, shape, in_q)
        t_in, t_out = in_q, out_q
        expected = ref.softmax_q(x, in_q, axis, beta, out_q)
    arg = m.arg(x, t_in)
    m.body += "  %%r = nn.softmax %s axis = %d beta = %s : %s -> %s\n" % (
        arg, axis, beta, ttype(shape, t_in), ttype(shape, t_out))
    return m.text("%r", ttype(shape, t_out)), m.inputs, expected


@case
def softmax_f32(rng):
    return _softmax(rng, (3, 10), 1, 1.0)


@case
def softmax_f32_axis0_beta(rng):
    return _softmax(rng, (5, 2, 3), 0, 0.5)


@case
def softmax_i8(rng):
    return _softmax(rng, (3, 10), 1, 1.0, qt(0.1, 2), qt(1.0 / 256, -128))


@case
def softmax_u8_axis1(rng):
    return _softmax(rng, (2, 6, 3), 1, 1.5, qt(0.2, 128, False),
                    qt(1.0 / 256, 0, False))


# ---------------------------------------------------------------------------
# Data movement
# ---------------------------------------------------------------------------


def _movement(rng, shape, element, build):
    m = Model()
    if element == "f32":
        x = rand_f(rng, shape)
    else:
        x = rand_q(rng, shape, element)
    arg = m.arg(x, element)
    line, out_shape, expected = build(arg, x)
    m.body += line
    return m.text("%r", ttype(out_shape, element)), m.inputs, expected


def _reshape(rng, element):
    shape, out = (2, 3, 4), (4, 1, 6)
    return _movement(rng, shape, element, lambda a, x: (
        "  %%r = nn.reshape %s : %s -> %s\n" % (a, ttype(shape, element),
                                                ttype(out, element)),
        out, x.reshape(out)))


def _transpose(rng, element):
    shape, perm = (2, 3, 4, 5), [0, 3, 1, 2]
    out = tuple(shape[p] for p in perm)
    return _movement(rng, shape, element, lambda a, x: (
        "  %%r = nn.transpose %s perm = %s : %s -> %s\n" % (
            a, perm, ttype(shape, element), ttype(out, element)),
        out, np.transpose(x, perm)))


def _slice(rng, element):
    shape = (2, 7, 6, 5)
    offsets, sizes, strides = [1, 1, 0, 1], [1, 3, 2, 4], [1, 2, 3, 1]
    index = tuple(slice(o, o + (s - 1) * t + 1, t)
                  for o, s, t in zip(offsets, sizes, strides))
    return _movement(rng, shape, element, lambda a, x: (
        "  %%r = nn.slice %s offsets = %s sizes = %s strides = %s : %s -> %s\n"
        % (a, offsets, sizes, strides, ttype(shape, element),
           ttype(sizes, element)),
        tuple(sizes), x[index]))


def _pad(rng, element, value):
    shape, low, high = (1, 3, 4, 2), [0, 1, 2, 0], [1, 2, 0, 1]
    out = tuple(s + l + h for s, l, h in zip(shape, low, high))
    fill = value if element == "f32" else ref.pad_value_q(value, element)

    def build(a, x):
        expected = np.pad(x, list(zip(low, high)), constant_values=fill)
        line = "  %%r = nn.pad %s low = %s high = %s value = %s : %s -> %s\n" % (
            a, low, high, value, ttype(shape, element), ttype(out, element))
        return line, out, expected.astype(x.dtype)

    return _movement(rng, shape, element, build)


def _concat(rng, element):
    shapes, axis = [(1, 2, 3, 2), (1, 2, 3, 3), (1, 2, 3, 1)], 3
    m = Model()
    arrays = [rand_f(rng, s) if element == "f32" else rand_q(rng, s, element)
              for s in shapes]
    args = [m.arg(a, element) for a in arrays]
    out = (1, 2, 3, 6)
    m.body += "  %%r = nn.concat %s axis = %d : (%s) -> %s\n" % (
        ", ".join(args), axis, ", ".join(ttype(s, element) for s in shapes),
        ttype(out, element))
    return (m.text("%r", ttype(out, element)), m.inputs,
            np.concatenate(arrays, axis=axis))


@case
def reshape_f32(rng):
    return _reshape(rng, "f32")


@case
def reshape_i8(rng):
    return _reshape(rng, qt(0.1, 3))


@case
def transpose_f32(rng):
    return _transpose(rng, "f32")


@case
def transpose_u8(rng):
    return _transpose(rng, qt(0.1, 128, False))


@case
def slice_f32_strided(rng):
    return _slice(rng, "f32")


@case
def slice_i8_strided(rng):
    return _slice(rng, qt(0.1, -2))


@case
def pad_f32(rng):
    return _pad(rng, "f32", 1.5)


@case
def pad_i8_value(rng):
    return _pad(rng, qt(0.1, -2), 0.25)


@case
def pad_u8_saturating(rng):
    return _pad(rng, qt(0.1, 200, False), 10.0)


@case
def concat_f32(rng):
    return _concat(rng, "f32")


@case
def concat_i8(rng):
    return _concat(rng, qt(0.1, -2))


@case
def constant_i8(rng):
    q = qt(0.1, 3)
    values = rand_q(rng, (2, 3), q)
    m = Model()
    x = rand_q(rng, (2, 3), q)
    arg = m.arg(x, q)
    m.body += constant("c", values, q)
    m.body += "  %%r = nn.concat %s, %%c axis = 0 : (%s, %s) -> %s\n" % (
        arg, ttype((2, 3), q), ttype((2, 3), q), ttype((4, 3), q))
    return (m.text("%r", ttype((4, 3), q)), m.inputs,
            np.concatenate([x, values]))


@case
def constant_f32(rng):
    values = rand_f(rng, (3,))
    m = Model()
    x = rand_f(rng, (2, 3))
    arg = m.arg(x, "f32")
    m.body += constant("c", values, "f32")
    m.body += "  %%r = nn.add %s, %%c : (%s, %s) -> %s\n" % (
        arg, ttype((2, 3), "f32"), ttype((3,), "f32"), ttype((2, 3), "f32"))
    return (m.text("%r", ttype((2, 3), "f32")), m.inputs,
            (x.astype(np.float64) + values).astype(np.float32))


# ---------------------------------------------------------------------------
# Quantization
# ---------------------------------------------------------------------------


def _quantize(rng, shape, qtype):
    m = Model()
    x = rand_f(rng, shape, 4.0)
    # Exact ties (k + 0.5) * s and saturation.
    scale = qtype.scale if qtype.axis is None else qtype.scale[0]
    x.flat[:4] = np.float32([2.5 * scale, -2.5 * scale, 1e6, -1e6])
    arg = m.arg(x, "f32")
    m.body += "  %%r = nn.quantize %s : %s -> %s\n" % (
        arg, ttype(shape, "f32"), ttype(shape, qtype))
    return m.text("%r", ttype(shape, qtype)), m.inputs, ref.quantize(x, qtype)


def _dequantize(rng, shape, qtype):
    m = Model()
    x = rand_q(rng, shape, qtype)
    arg = m.arg(x, qtype)
    m.body += "  %%r = nn.dequantize %s : %s -> %s\n" % (
        arg, ttype(shape, qtype), ttype(shape, "f32"))
    return m.text("%r", ttype(shape, "f32")), m.inputs, ref.dequantize(x, qtype)


@case
def quantize_i8(rng):
    return _quantize(rng, (3, 8), qt(0.125, -3))


@case
def quantize_u8(rng):
    return _quantize(rng, (2, 9), qt(0.05, 128, False))


@case
def quantize_i8_per_channel(rng):
    return _quantize(rng, (2, 3, 4), QType([0.25, 0.1, 0.03], [1, -2, 0],
                                           True, 1))


@case
def dequantize_i8(rng):
    return _dequantize(rng, (3, 8), qt(0.07, -3))


@case
def dequantize_u8_per_channel(rng):
    return _dequantize(rng, (4, 3), QType([0.5, 0.01, 0.2], [128, 3, 250],
                                          False, 1))


def _requantize(rng, shape, in_q, out_q):
    m = Model()
    x = rand_q(rng, shape, in_q)
    arg = m.arg(x, in_q)
    m.body += "  %%r = nn.requantize %s : %s -> %s\n" % (
        arg, ttype(shape, in_q), ttype(shape, out_q))
    return (m.text("%r", ttype(shape, out_q)), m.inputs,
            ref.requantize(x, in_q, out_q))


@case
def requantize_u8_to_i8(rng):
    return _requantize(rng, (4, 8), qt(0.1, 128, False), qt(0.1, 0))


@case
def requantize_i8_rescale(rng):
    return _requantize(rng, (4, 8), qt(0.1, 3), qt(0.037, -9))


@case
def requantize_i8_to_u8_saturating(rng):
    return _requantize(rng, (4, 8), qt(0.2, -10), qt(0.05, 30, False))


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------


def generate(name, directory):
    if name not in CASES:
        sys.exit("unknown case '%s'" % name)
    seed = sum(ord(c) for c in name)
    text, inputs, expected = CASES[name](np.random.default_rng(seed))
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "model.mlir"), "w") as f:
        f.write(text)
    paths = []
    for index, array in enumerate(inputs):
        path = os.path.join(directory, "in%d.npy" % index)
        np.save(path, np.asarray(array))
        paths.append(path)
    np.save(os.path.join(directory, "expected.npy"),
            np.asarray(expected))
    with open(os.path.join(directory, "inputs"), "w") as f:
        f.write(",".join(paths))


def check(out_path, expected_path):
    out, expected = np.load(out_path), np.load(expected_path)
    if out.shape != expected.shape or out.dtype != expected.dtype:
        sys.exit("FAIL: got %s %s, expected %s %s" % (
            out.dtype, out.shape, expected.dtype, expected.shape))
    if expected.dtype.kind == "f":
        error = float(np.max(np.abs(out.astype(np.float64) - expected)))
        bound = 1e-4 * float(np.max(np.abs(expected)))
        if not error <= bound:
            sys.exit("FAIL: max|out - ref| = %g > %g" % (error, bound))
        print("PASS: max|out - ref| = %g <= %g" % (error, bound))
        return
    mismatches = np.flatnonzero(out != expected)
    if mismatches.size:
        first = mismatches[0]
        sys.exit("FAIL: %d of %d values differ; first at flat index %d: got "
                 "%d, expected %d" % (mismatches.size, out.size, first,
                                      out.flat[first], expected.flat[first]))
    print("PASS: %d values bit-exact" % out.size)


def main(argv):
    if len(argv) == 2 and argv[1] == "list":
        print("\n".join(sorted(CASES)))
    elif len(argv) == 4 and argv[1] == "gen":
        generate(argv[2], argv[3])
    elif len(argv) == 4 and argv[1] == "check":
        check(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
