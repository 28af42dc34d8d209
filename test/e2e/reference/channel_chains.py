#!/usr/bin/env python3
"""Generates the channel chains of test/e2e/ops/channel-partition.test.

    channel_chains.py gen CASE DIR    writes DIR/partitioned.mlir (the chain
                                      in an nn.channel_partition),
                                      DIR/plain.mlir (the same operators in
                                      the function body) and DIR/in0.npy
    channel_chains.py varied OUT.npy  exits 1 unless the output is worth
                                      comparing: many distinct values, few
                                      of them saturated
    channel_chains.py list            prints every case name

Every case is a chain of nn.channel_partition (producer, channel-wise
operators, consumer) with random weights and biases (seeded by the case
name, so that adding a case changes no other), per-channel int8 weight
scales and non-zero activation zero points.
"""

import os
import sys
import zlib

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nn_cases import constant, dense, qt, rand_f, rand_q, ttype  # noqa: E402
from nn_reference import QType, conv_output_size  # noqa: E402

CASES = {}


def case(function):
    CASES[function.__name__] = function
    return function


class Chain:
    """One chain: an input, weights above the chain, operators reading
    `{IN}` (the chain's input) and the result of the last one."""

    def __init__(self, rng, input_array, input_type):
        self.rng = rng
        self.input = input_array
        self.input_type = input_type
        self.shape = input_array.shape
        self.element = input_type
        self.constants = ""
        self.ops = []
        self.value = "{IN}"
        self.count = 0

    def _name(self, prefix):
        self.count += 1
        return "%s%d" % (prefix, self.count)

    def _op(self, text, shape, element):
        name = self._name("v")
        self.ops.append("    %%%s = %s" % (name, text))
        self.value = "%" + name
        self.shape = shape
        self.element = element

    def _weights(self, shape, quantized, scales_range):
        name = self._name("w")
        if quantized:
            count = shape[0]
            w_q = QType([float(s) for s in self.rng.uniform(*scales_range,
                                                             count)],
                        [0] * count, True, 0)
            w = self.rng.integers(-127, 128, size=shape).astype(np.int8)
            self.constants += constant(name, w, w_q)
            return "%" + name, ttype(shape, w_q), w_q
        w = rand_f(self.rng, shape, scales_range)
        self.constants += constant(name, w, "f32")
        return "%" + name, ttype(shape, "f32"), None

    def _bias(self, count, w_q):
        name = self._name("b")
        if w_q is not None:
            in_scale = self.element.scale
            b_q = QType([in_scale * s for s in w_q.scale], [0] * count, True, 0)
            b = self.rng.integers(-3000, 3000, size=(count,)).astype(np.int32)
            b_type = ttype((count,), b_q.mlir().replace("i8:", "i32:"))
            self.constants += "  %%%s = nn.constant %s : %s -> %s\n" % (
                name, dense(b), ttype((count,), "i32"), b_type)
            return "%" + name, b_type
        b = rand_f(self.rng, (count,), 0.5)
        self.constants += constant(name, b, "f32")
        return "%" + name, ttype((count,), "f32")

    def conv(self, cout, kernel, strides, pad, groups, out_element,
             scales_range=(0.002, 0.006), bias=True):
        n, h, w_, cin = self.shape
        quantized = isinstance(out_element, QType)
        w_shape = (cout, kernel[0], kernel[1], cin // groups)
        w_name, w_type, w_q = self._weights(w_shape, quantized, scales_range)
        operands = "%s, %s" % (self.value, w_name)
        types = [ttype(self.shape, self.element), w_type]
        if bias:
            b_name, b_type = self._bias(cout, w_q)
            operands += ", " + b_name
            types.append(b_type)
        oh = conv_output_size(h, kernel[0], strides[0], 1, pad[0], pad[1])
        ow = conv_output_size(w_, kernel[1], strides[1], 1, pad[2], pad[3])
        out_shape = (n, oh, ow, cout)
        self._op("nn.conv2d %s strides = %s pad = %s dilations = [1, 1] "
                 "groups = %d : (%s) -> %s" % (
                     operands, list(strides), list(pad), groups,
                     ", ".join(types), ttype(out_shape, out_element)),
                 out_shape, out_element)

    def fc(self, cout, out_element, scales_range=(0.002, 0.006), bias=True):
        batch, cin = self.shape
        quantized = isinstance(out_element, QType)
        w_name, w_type, w_q = self._weights((cout, cin), quantized,
                                            scales_range)
        operands = "%s, %s" % (self.value, w_name)
        types = [ttype(self.shape, self.element), w_type]
        if bias:
            b_name, b_type = self._bias(cout, w_q)
            operands += ", " + b_name
            types.append(b_type)
        self._op("nn.fully_connected %s : (%s) -> %s" % (
            operands, ", ".join(types), ttype((batch, cout), out_element)),
                 (batch, cout), out_element)

    def clamp(self, lo, hi):
        self._op("nn.clamp %s min = %s max = %s : %s" % (
            self.value, lo, hi, ttype(self.shape, self.element)),
                 self.shape, self.element)

    def modules(self, chunks):
        """Returns (partitioned, plain) module texts."""
        in_type = ttype(self.input.shape, self.input_type)
        out_type = ttype(self.shape, self.element)
        body = "\n".join(self.ops)
        partitioned = (
            "func.func @main(%%arg0: %s) -> %s {\n%s"
            "  %%y = nn.channel_partition %%arg0 chunks = %d : (%s) -> %s {\n"
            "  ^bb0(%%in: %s):\n%s\n    nn.yield %s : %s\n  }\n"
            "  return %%y : %s\n}\n" % (
                in_type, out_type, self.constants, chunks, in_type, out_type,
                in_type, body.replace("{IN}", "%in"), self.value, out_type,
                out_type))
        plain_body = "\n".join("  " + line.strip() for line in self.ops)
        plain = (
            "func.func @main(%%arg0: %s) -> %s {\n%s%s\n"
            "  return %s : %s\n}\n" % (
                in_type, out_type, self.constants,
                plain_body.replace("{IN}", "%arg0"), self.value, out_type))
        return partitioned, plain


def _input(rng, shape, element):
    if isinstance(element, QType):
        return rand_q(rng, shape, element)
    return rand_f(rng, shape, 2.0)


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------


@case
def i8_expand_dw_stride2_project(rng):
    """MobileNetV2 with a downsampling depthwise convolution: expand 1x1
    8 -> 24, ReLU6, depthwise 3x3 stride 2 pad 1 (9x9 -> 5x5), ReLU6,
    project 1x1 24 -> 8, in 3 chunks of 8 channels."""
    in_q, mid_q, out_q = qt(0.05, 3), qt(0.03, -20), qt(0.04, 5)
    x = _input(rng, (1, 9, 9, 8), in_q)
    c = Chain(rng, x, in_q)
    c.conv(24, (1, 1), (1, 1), (0, 0, 0, 0), 1, mid_q)
    c.clamp("0.0", "6.0")
    c.conv(24, (3, 3), (2, 2), (1, 1, 1, 1), 24, mid_q,
           scales_range=(0.01, 0.03))
    c.clamp("0.0", "6.0")
    c.conv(8, (1, 1), (1, 1), (0, 0, 0, 0), 1, out_q)
    return c, 3


@case
def i8_expand_dw_asymmetric_project(rng):
    """The same with TensorFlow's SAME padding for stride 2 on an even
    input (pad = [0, 1, 0, 1], 8x10 -> 4x5) and 2 chunks of 16."""
    in_q, mid_q, out_q = qt(0.06, -9), qt(0.025, -30), qt(0.05, 11)
    x = _input(rng, (1, 8, 10, 6), in_q)
    c = Chain(rng, x, in_q)
    c.conv(32, (1, 1), (1, 1), (0, 0, 0, 0), 1, mid_q)
    c.clamp("0.0", "6.0")
    c.conv(32, (3, 3), (2, 2), (0, 1, 0, 1), 32, mid_q,
           scales_range=(0.01, 0.03))
    c.clamp("0.0", "6.0")
    c.conv(6, (1, 1), (1, 1), (0, 0, 0, 0), 1, out_q)
    return c, 2


@case
def i8_consumer_3x3_padded(rng):
    """A consumer with a 3x3 window and padding (pad = [1, 1, 1, 1]): its
    partial sums at the border subtract the input zero point over the
    window's valid part only. expand 1x1 8 -> 16, ReLU6, conv 3x3 16 -> 6,
    clamp, in 4 chunks of 4."""
    in_q, mid_q, out_q = qt(0.05, 3), qt(0.03, -17), qt(0.06, -4)
    x = _input(rng, (1, 7, 6, 8), in_q)
    c = Chain(rng, x, in_q)
    c.conv(16, (1, 1), (1, 1), (0, 0, 0, 0), 1, mid_q)
    c.clamp("0.0", "6.0")
    c.conv(6, (3, 3), (1, 1), (1, 1, 1, 1), 1, out_q,
           scales_range=(0.001, 0.004))
    c.clamp("-3.0", "3.0")
    return c, 4


@case
def i8_two_depthwise_strided_consumer(rng):
    """Two depthwise convolutions in a row (pad 2, then pad 1 with a ReLU6)
    between an expansion 8 -> 12 and a 3x3 consumer with stride 2 and
    padding (11x11 -> 6x6), in 6 chunks of 2."""
    in_q, mid_q, out_q = qt(0.05, 3), qt(0.03, -20), qt(0.04, 5)
    x = _input(rng, (1, 9, 9, 8), in_q)
    c = Chain(rng, x, in_q)
    c.conv(12, (1, 1), (1, 1), (0, 0, 0, 0), 1, mid_q)
    c.clamp("0.0", "6.0")
    c.conv(12, (3, 3), (1, 1), (2, 2, 2, 2), 12, mid_q,
           scales_range=(0.01, 0.03))
    c.conv(12, (3, 3), (1, 1), (1, 1, 1, 1), 12, mid_q,
           scales_range=(0.01, 0.03))
    c.clamp("0.0", "6.0")
    c.conv(5, (3, 3), (2, 2), (1, 1, 1, 1), 1, out_q,
           scales_range=(0.001, 0.004))
    return c, 6


@case
def u8_expand_dw_project(rng):
    """Unsigned 8-bit activations (zero points 130, 10, 120): expand 1x1
    4 -> 8, ReLU6, depthwise 3x3 pad 1, project 1x1 8 -> 4, in 8 chunks of
    one channel."""
    in_q = qt(0.05, 130, False)
    mid_q, out_q = qt(0.03, 10, False), qt(0.04, 120, False)
    x = _input(rng, (1, 6, 6, 4), in_q)
    c = Chain(rng, x, in_q)
    c.conv(8, (1, 1), (1, 1), (0, 0, 0, 0), 1, mid_q)
    c.clamp("0.0", "6.0")
    c.conv(8, (3, 3), (1, 1), (1, 1, 1, 1), 8, mid_q,
           scales_range=(0.01, 0.03))
    c.conv(4, (1, 1), (1, 1), (0, 0, 0, 0), 1, out_q)
    return c, 8


@case
def f32_expand_dw_project(rng):
    """f32: expand 1x1 4 -> 12, ReLU6, depthwise 3x3 stride 2 pad 1,
    ReLU6, project 1x1 12 -> 6 with bias, in 2 chunks of 6."""
    x = _input(rng, (1, 9, 7, 4), "f32")
    c = Chain(rng, x, "f32")
    c.conv(12, (1, 1), (1, 1), (0, 0, 0, 0), 1, "f32", scales_range=0.5)
    c.clamp("0.0", "6.0")
    c.conv(12, (3, 3), (2, 2), (1, 1, 1, 1), 12, "f32", scales_range=0.5)
    c.clamp("0.0", "6.0")
    c.conv(6, (1, 1), (1, 1), (0, 0, 0, 0), 1, "f32", scales_range=0.5)
    return c, 2


@case
def f32_consumer_3x3_padded(rng):
    """f32 with a 3x3 padded consumer: expand 1x1 3 -> 8, ReLU, conv 3x3
    pad 1 8 -> 5, in 4 chunks of 2."""
    x = _input(rng, (1, 6, 5, 3), "f32")
    c = Chain(rng, x, "f32")
    c.conv(8, (1, 1), (1, 1), (0, 0, 0, 0), 1, "f32", scales_range=0.5)
    c.clamp("0.0", "0x7F800000")
    c.conv(5, (3, 3), (1, 1), (1, 1, 1, 1), 1, "f32", scales_range=0.5)
    return c, 4


@case
def i8_fc_clamp_fc(rng):
    """A classifier head: fully connected 40 -> 64, ReLU, fully connected
    64 -> 10, batch 2, in 4 chunks of 16 features."""
    in_q, mid_q, out_q = qt(0.04, -7), qt(0.05, -25), qt(0.1, 2)
    x = _input(rng, (2, 40), in_q)
    c = Chain(rng, x, in_q)
    c.fc(64, mid_q)
    c.clamp("0.0", "0x7F800000")
    c.fc(10, out_q, scales_range=(0.001, 0.003))
    return c, 4


@case
def f32_fc_clamp_fc(rng):
    """f32: fully connected 24 -> 36, ReLU6, fully connected 36 -> 7 with a
    clamp of its own (+-8), batch 3, in 3 chunks of 12."""
    x = _input(rng, (3, 24), "f32")
    c = Chain(rng, x, "f32")
    c.fc(36, "f32", scales_range=0.5)
    c.clamp("0.0", "6.0")
    c.fc(7, "f32", scales_range=0.5)
    c.clamp("-8.0", "8.0")
    return c, 3


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------


def gen(name, directory):
    seed = zlib.crc32(name.encode())
    chain, chunks = CASES[name](np.random.default_rng(seed))
    partitioned, plain = chain.modules(chunks)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "partitioned.mlir"), "w") as f:
        f.write(partitioned)
    with open(os.path.join(directory, "plain.mlir"), "w") as f:
        f.write(plain)
    np.save(os.path.join(directory, "in0.npy"), chain.input)


def varied(path):
    """Fails on outputs too uniform for a comparison to mean anything."""
    out = np.load(path)
    distinct = len(np.unique(out))
    if out.dtype.kind in "iu":
        info = np.iinfo(out.dtype)
        saturated = float(np.mean((out == info.min) | (out == info.max)))
    else:
        saturated = 0.0
    wanted = min(out.size // 2, 20)
    print("%d distinct values of %d, %.0f%% saturated" % (
        distinct, out.size, 100 * saturated))
    return 0 if distinct >= wanted and saturated < 0.25 else 1


def main(argv):
    if len(argv) == 4 and argv[1] == "gen":
        gen(argv[2], argv[3])
        return 0
    if len(argv) == 3 and argv[1] == "varied":
        return varied(argv[2])
    if len(argv) == 2 and argv[1] == "list":
        print("\n".join(sorted(CASES)))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
