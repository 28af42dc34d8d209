"""NumPy reference implementation of the nn operators.

Float operators are evaluated in float64. Quantized operators follow the
integer specification of docs/quantization.md step by step; this file is
written from that document alone (not from the compiler's C++), so that the
end-to-end tests compare two independent implementations bit for bit.

Layouts: NHWC activations, [C_out, K_h, K_w, C_in / groups] filters,
[C_out, C_in] fully-connected weights, pads [top, bottom, left, right].
"""

import math

import numpy as np

INT32_MIN = -(1 << 31)
INT32_MAX = (1 << 31) - 1


# ---------------------------------------------------------------------------
# Quantization parameters
# ---------------------------------------------------------------------------


class QType:
    """A per-tensor (or, with lists, per-channel) uniform quantized type."""

    def __init__(self, scale, zero_point, signed=True, axis=None):
        self.scale = scale
        self.zero_point = zero_point
        self.signed = signed
        self.axis = axis

    @property
    def qmin(self):
        return -128 if self.signed else 0

    @property
    def qmax(self):
        return 127 if self.signed else 255

    @property
    def dtype(self):
        return np.int8 if self.signed else np.uint8

    def mlir(self):
        storage = "i8" if self.signed else "u8"
        if self.axis is None:
            return "!quant.uniform<%s:f32, %r:%d>" % (
                storage, float(self.scale), self.zero_point)
        params = ", ".join("%r:%d" % (float(s), z)
                           for s, z in zip(self.scale, self.zero_point))
        return "!quant.uniform<%s:f32:%d, {%s}>" % (storage, self.axis, params)


def f32(value):
    """The double that an f32 attribute holding `value` stands for."""
    return float(np.float32(value))


# ---------------------------------------------------------------------------
# Primitives
# ---------------------------------------------------------------------------


def round_away(value):
    """Rounds to nearest, ties away from zero (C's round)."""
    if math.isinf(value) or math.isnan(value):
        return value
    magnitude = abs(value)
    whole = math.floor(magnitude)
    if magnitude - whole >= 0.5:
        whole += 1
    return math.copysign(whole, value)


def quantize_multiplier(real):
    """QM(M) = (m, e) with M = m * 2^(e - 31), m in [2^30, 2^31)."""
    if not real > 0.0 or math.isinf(real):
        return 0, 0
    fraction, exponent = math.frexp(real)
    mantissa = int(round_away(fraction * (1 << 31)))
    if mantissa == (1 << 31):
        mantissa //= 2
        exponent += 1
    if exponent < -31:
        return 0, 0
    if exponent > 30:
        return (1 << 31) - 1, 30
    return mantissa, exponent


def wrap32(x):
    """Wraps int64 values to int32 two's complement."""
    x = np.asarray(x, dtype=np.int64)
    return ((x + (1 << 31)) % (1 << 32)) - (1 << 31)


def trunc_div(a, b):
    """Integer division truncating toward zero (C semantics), int64."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    q = np.abs(a) // np.abs(b)
    return np.where((a < 0) != (b < 0), -q, q)


def srdhm(a, b):
    """SRDHM(a, b): (a * b + nudge) / 2^31, truncating; MIN*MIN saturates."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    product = a * b
    nudge = np.where(product >= 0, 1 << 30, 1 - (1 << 30))
    result = trunc_div(product + nudge, 1 << 31)
    overflow = (a == INT32_MIN) & (b == INT32_MIN)
    return np.where(overflow, INT32_MAX, result)


def rdbpot(x, exponent):
    """RDBPOT(x, e): (x >> e) + (remainder > threshold)."""
    x = np.asarray(x, dtype=np.int64)
    mask = (1 << exponent) - 1
    remainder = x & mask
    threshold = (mask >> 1) + (x < 0).astype(np.int64)
    return (x >> exponent) + (remainder > threshold).astype(np.int64)


def mbqm(x, real):
    """MBQM(x, M) = RDBPOT(SRDHM(x << max(e, 0), m), max(-e, 0))."""
    m, e = quantize_multiplier(real)
    shifted = wrap32(np.asarray(x, dtype=np.int64) << max(e, 0))
    return rdbpot(srdhm(shifted, m), max(-e, 0))


def sat(values, qtype):
    return np.clip(values, qtype.qmin, qtype.qmax).astype(qtype.dtype)


def centered(q, qtype):
    return q.astype(np.int64) - qtype.zero_point


# ---------------------------------------------------------------------------
# Convolution and fully-connected
# ---------------------------------------------------------------------------


def _conv_accumulate(x, w, strides, pad, dilations, groups, out_hw):
    """sum over (kh, kw, ic) of x[...] * w[...] with x already padded."""
    n, _, _, cin = x.shape
    cout, kh_size, kw_size, cg = w.shape
    oh, ow = out_hw
    mg = cout // groups
    acc = np.zeros((n, oh, ow, groups, mg), dtype=x.dtype)
    for kh in range(kh_size):
        for kw in range(kw_size):
            h0, w0 = kh * dilations[0], kw * dilations[1]
            window = x[:, h0:h0 + (oh - 1) * strides[0] + 1:strides[0],
                       w0:w0 + (ow - 1) * strides[1] + 1:strides[1], :]
            window = window.reshape(n, oh, ow, groups, cg)
            taps = w[:, kh, kw, :].reshape(groups, mg, cg)
            acc += np.einsum("nhwgc,gmc->nhwgm", window, taps)
    return acc.reshape(n, oh, ow, cout)


def conv_output_size(size, kernel, stride, dilation, before, after):
    return (size + before + after - dilation * (kernel - 1) - 1) // stride + 1


def _pad_nhwc(x, pad, value):
    return np.pad(x, ((0, 0), (pad[0], pad[1]), (pad[2], pad[3]), (0, 0)),
                  constant_values=value)


def conv2d(x, w, b, strides, pad, dilations, groups):
    out_hw = (conv_output_size(x.shape[1], w.shape[1], strides[0],
                               dilations[0], pad[0], pad[1]),
              conv_output_size(x.shape[2], w.shape[2], strides[1],
                               dilations[1], pad[2], pad[3]))
    xp = _pad_nhwc(x.astype(np.float64), pad, 0.0)
    acc = _conv_accumulate(xp, w.astype(np.float64), strides, pad, dilations,
                           groups, out_hw)
    if b is not None:
        acc = acc + b.astype(np.float64)
    return acc


def _requantize_channels(acc, in_q, w_q, out_q):
    channels = acc.shape[-1]
    scales = w_q.scale if w_q.axis is not None else [w_q.scale] * channels
    out = np.empty(acc.shape, dtype=np.int64)
    for o in range(channels):
        multiplier = in_q.scale * scales[o] / out_q.scale
        out[..., o] = out_q.zero_point + mbqm(acc[..., o], multiplier)
    return sat(out, out_q)


def _weight_zero_points(w_q, channels):
    if w_q.axis is not None:
        return np.array(w_q.zero_point, dtype=np.int64)
    return np.full(channels, w_q.zero_point, dtype=np.int64)


def conv2d_q(q, in_q, w, w_q, b, strides, pad, dilations, groups, out_q):
    out_hw = (conv_output_size(q.shape[1], w.shape[1], strides[0],
                               dilations[0], pad[0], pad[1]),
              conv_output_size(q.shape[2], w.shape[2], strides[1],
                               dilations[1], pad[2], pad[3]))
    xp = _pad_nhwc(centered(q, in_q), pad, 0)
    zw = _weight_zero_points(w_q, w.shape[0])
    wc = w.astype(np.int64) - zw[:, None, None, None]
    acc = _conv_accumulate(xp, wc, strides, pad, dilations, groups, out_hw)
    if b is not None:
        acc = acc + b.astype(np.int64)
    acc = wrap32(acc)
    return _requantize_channels(acc, in_q, w_q, out_q)


def fully_connected(x, w, b):
    acc = x.astype(np.float64) @ w.astype(np.float64).T
    return acc + b.astype(np.float64) if b is not None else acc


def fully_connected_q(q, in_q, w, w_q, b, out_q):
    zw = _weight_zero_points(w_q, w.shape[0])
    acc = centered(q, in_q) @ (w.astype(np.int64) - zw[:, None]).T
    if b is not None:
        acc = acc + b.astype(np.int64)
    return _requantize_channels(wrap32(acc), in_q, w_q, out_q)


# ---------------------------------------------------------------------------
# Element-wise
# ---------------------------------------------------------------------------

ADD_SHIFT = 20


def add_q(q1, q1_t, q2, q2_t, out_q):
    twice_max = 2.0 * max(q1_t.scale, q2_t.scale)
    a1 = mbqm(wrap32(centered(q1, q1_t) << ADD_SHIFT), q1_t.scale / twice_max)
    a2 = mbqm(wrap32(centered(q2, q2_t) << ADD_SHIFT), q2_t.scale / twice_max)
    total = wrap32(a1 + a2)
    scaled = mbqm(total, twice_max / ((1 << ADD_SHIFT) * out_q.scale))
    return sat(out_q.zero_point + scaled, out_q)


def mul_q(q1, q1_t, q2, q2_t, out_q):
    product = wrap32(centered(q1, q1_t) * centered(q2, q2_t))
    scaled = mbqm(product, q1_t.scale * q2_t.scale / out_q.scale)
    return sat(out_q.zero_point + scaled, out_q)


def clamp(x, lo, hi):
    return np.minimum(np.maximum(x.astype(np.float64), f32(lo)), f32(hi))


def _quantized_bound(value, qtype):
    rounded = round_away(f32(value) / qtype.scale)
    return qtype.zero_point + rounded


def clamp_q(q, qtype, lo, hi):
    # docs/quantization.md: lo = max(qmin, z + round_away(min / s)),
    # hi = min(qmax, z + round_away(max / s)), out = min(max(q, lo), hi);
    # the result is saturated to the storage range (it only matters when a
    # bound lies outside it).
    low = max(qtype.qmin, _quantized_bound(lo, qtype))
    high = min(qtype.qmax, _quantized_bound(hi, qtype))
    out = np.minimum(np.maximum(q.astype(np.float64), low), high)
    return sat(out, qtype)


def sigmoid_real(x):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-np.float64(x)))


def hard_sigmoid_real(x, alpha, beta):
    return max(0.0, min(1.0, f32(alpha) * x + f32(beta)))


def hard_swish_real(x):
    return x * min(max(x + 3.0, 0.0), 6.0) / 6.0


def table_q(q, in_q, out_q, function):
    """out[q] = sat(z_out + round_away(f(s_in * (q - z_in)) / s_out))."""
    table = {}
    for value in range(in_q.qmin, in_q.qmax + 1):
        real = function(in_q.scale * (value - in_q.zero_point))
        rounded = round_away(float(real) / out_q.scale)
        table[value] = min(max(out_q.zero_point + rounded, out_q.qmin),
                           out_q.qmax)
    lookup = np.vectorize(lambda v: table[int(v)])
    return lookup(q).astype(out_q.dtype)


def sigmoid(x):
    return sigmoid_real(x.astype(np.float64))


def hard_sigmoid(x, alpha, beta):
    return np.clip(f32(alpha) * x.astype(np.float64) + f32(beta), 0.0, 1.0)


def hard_swish(x):
    x = x.astype(np.float64)
    return x * np.clip(x + 3.0, 0.0, 6.0) / 6.0


# ---------------------------------------------------------------------------
# Pooling and reductions
# ---------------------------------------------------------------------------


def _windows(x, kernel, strides, out_hw):
    """Yields (kh, kw, window slice) of a padded NHWC tensor."""
    oh, ow = out_hw
    for kh in range(kernel[0]):
        for kw in range(kernel[1]):
            yield x[:, kh:kh + (oh - 1) * strides[0] + 1:strides[0],
                    kw:kw + (ow - 1) * strides[1] + 1:strides[1], :]


def _pool_out_hw(shape, kernel, strides, pad):
    return (conv_output_size(shape[1], kernel[0], strides[0], 1, pad[0], pad[1]),
            conv_output_size(shape[2], kernel[1], strides[1], 1, pad[2], pad[3]))


def max_pool2d(x, kernel, strides, pad, lowest=-np.inf):
    out_hw = _pool_out_hw(x.shape, kernel, strides, pad)
    xp = _pad_nhwc(x, pad, lowest)
    return np.max(np.stack(list(_windows(xp, kernel, strides, out_hw))), axis=0)


def _pool_counts(shape, kernel, strides, pad, count_include_pad, out_hw):
    if count_include_pad:
        return np.full(out_hw, kernel[0] * kernel[1], dtype=np.int64)
    ones = _pad_nhwc(np.ones((1, shape[1], shape[2], 1), dtype=np.int64), pad, 0)
    total = sum(_windows(ones, kernel, strides, out_hw))
    return total[0, :, :, 0]


def avg_pool2d(x, kernel, strides, pad, count_include_pad):
    out_hw = _pool_out_hw(x.shape, kernel, strides, pad)
    xp = _pad_nhwc(x.astype(np.float64), pad, 0.0)
    total = sum(_windows(xp, kernel, strides, out_hw))
    counts = _pool_counts(x.shape, kernel, strides, pad, count_include_pad,
                          out_hw)
    return total / counts[None, :, :, None]


def avg_pool2d_q(q, in_q, kernel, strides, pad, count_include_pad, out_q):
    out_hw = _pool_out_hw(q.shape, kernel, strides, pad)
    xp = _pad_nhwc(centered(q, in_q), pad, 0)
    acc = sum(_windows(xp, kernel, strides, out_hw))
    n = _pool_counts(q.shape, kernel, strides, pad, count_include_pad,
                     out_hw)[None, :, :, None]
    half = n // 2
    avg = trunc_div(acc + np.where(acc >= 0, half, -half), n)
    if in_q.scale != out_q.scale:
        avg = mbqm(avg, in_q.scale / out_q.scale)
    return sat(out_q.zero_point + avg, out_q)


def mean(x, axes, keep_dims):
    return np.mean(x.astype(np.float64), axis=tuple(axes), keepdims=keep_dims)


def mean_q(q, in_q, axes, keep_dims, out_q):
    count = int(np.prod([q.shape[a] for a in axes]))
    acc = wrap32(np.sum(centered(q, in_q), axis=tuple(axes),
                        keepdims=keep_dims))
    scaled = mbqm(acc, in_q.scale / (out_q.scale * count))
    return sat(out_q.zero_point + scaled, out_q)


def softmax(x, axis, beta):
    z = f32(beta) * x.astype(np.float64)
    z = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)


def softmax_q(q, in_q, axis, beta, out_q):
    beta = f32(beta)
    table = np.array([round_away(math.exp(-beta * in_q.scale * d) * (1 << 20))
                      for d in range(256)], dtype=np.int64)
    values = q.astype(np.int64)
    mx = np.max(values, axis=axis, keepdims=True)
    e = table[mx - values]
    total = np.sum(e, axis=axis, keepdims=True)
    k = int(round_away((1 << 16) / out_q.scale))
    out = (e * k + total * (1 << 15)) // (total * (1 << 16))
    return sat(out_q.zero_point + out, out_q)


# ---------------------------------------------------------------------------
# Quantization
# ---------------------------------------------------------------------------


def _broadcast_params(qtype, rank):
    if qtype.axis is None:
        return np.float32(qtype.scale), np.int64(qtype.zero_point)
    shape = [1] * rank
    shape[qtype.axis] = len(qtype.scale)
    scales = np.array(qtype.scale, dtype=np.float32).reshape(shape)
    zero_points = np.array(qtype.zero_point, dtype=np.int64).reshape(shape)
    return scales, zero_points


def quantize(x, qtype):
    scale, zero_point = _broadcast_params(qtype, x.ndim)
    ratio = (x.astype(np.float32) / scale).astype(np.float32)
    rounded = np.rint(ratio).astype(np.float64)  # ties to even
    return sat(zero_point + rounded, qtype)


def dequantize(q, qtype):
    scale, zero_point = _broadcast_params(qtype, q.ndim)
    return (q.astype(np.int64) - zero_point).astype(np.float32) * scale


def requantize(q, in_q, out_q):
    c = centered(q, in_q)
    if in_q.scale != out_q.scale:
        c = mbqm(c, in_q.scale / out_q.scale)
    return sat(out_q.zero_point + c, out_q)


def pad_value_q(value, qtype):
    stored = qtype.zero_point + round_away(f32(value) / qtype.scale)
    return int(min(max(stored, qtype.qmin), qtype.qmax))
