#!/usr/bin/python3
"""Writes the small ONNX models that the importer tests translate.

Usage: make_model.py NAME OUTPUT.onnx   (make_model.py --list shows the names)

Every model is built with onnx.helper from fixed values, so the tests can
check constants exactly. Models named bad_* are deliberately broken and are
written without running the ONNX checker.
"""

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FLOAT = TensorProto.FLOAT
MODELS = {}


def model(fn):
    MODELS[fn.__name__] = fn
    return fn


def arange(*shape, dtype=np.float32):
    return np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape)


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def const(name, array):
    """A Constant node producing `name`."""
    return helper.make_node("Constant", [], [name], value=init(name, array))


def tensor(name, shape, elem=FLOAT):
    return helper.make_tensor_value_info(name, elem, shape)


def graph(nodes, inputs, outputs, inits=(), opset=13, check=True):
    g = helper.make_graph(nodes, "test", inputs, outputs, list(inits))
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)],
                          producer_name="morsel-test")
    m.ir_version = 8
    if check:
        onnx.checker.check_model(m)
    return m


def single(op, in_shape, out_shape, inits=(), extra_inputs=(), opset=13,
           **attrs):
    """A graph of one node `op` on graph input x with extra (initializer)
    inputs."""
    node = helper.make_node(op, ["x"] + list(extra_inputs), ["y"], name=op.lower(),
                            **attrs)
    return graph([node], [tensor("x", in_shape)], [tensor("y", out_shape)],
                 inits, opset)


# --------------------------------------------------------------------------
# Conv and BatchNormalization
# --------------------------------------------------------------------------

@model
def conv_basic():
    # OIHW weights 0..7 of shape [2, 2, 1, 2]; asymmetric pads.
    return single("Conv", [1, 2, 4, 4], [1, 2, 6, 4],
                  [init("w", arange(2, 2, 1, 2)), init("b", np.array([1, 2], np.float32))],
                  ["w", "b"], pads=[1, 0, 1, 1], strides=[1, 1])


@model
def conv_group():
    return single("Conv", [1, 4, 8, 8], [1, 6, 4, 4],
                  [init("w", arange(6, 2, 3, 3))], ["w"], group=2,
                  pads=[1, 1, 1, 1], strides=[2, 2])


@model
def conv_depthwise():
    return single("Conv", [1, 3, 5, 5], [1, 6, 3, 3],
                  [init("w", arange(6, 1, 3, 3)), init("b", arange(6))],
                  ["w", "b"], group=3, dilations=[1, 1], kernel_shape=[3, 3])


@model
def conv_same_upper():
    return single("Conv", [1, 1, 5, 6], [1, 2, 3, 3],
                  [init("w", arange(2, 1, 2, 4))], ["w"], auto_pad="SAME_UPPER",
                  strides=[2, 2])


@model
def conv_same_lower():
    return single("Conv", [1, 1, 5, 6], [1, 2, 3, 3],
                  [init("w", arange(2, 1, 2, 4))], ["w"], auto_pad="SAME_LOWER",
                  strides=[2, 2])


@model
def conv_valid_dilated():
    return single("Conv", [1, 1, 9, 9], [1, 1, 3, 5],
                  [init("w", arange(1, 1, 3, 3))], ["w"], auto_pad="VALID",
                  dilations=[3, 2], strides=[1, 1])


@model
def conv_shared_weights():
    """One initializer used by two Convs, once directly, once via Identity."""
    nodes = [helper.make_node("Identity", ["w"], ["w2"]),
             helper.make_node("Conv", ["x", "w"], ["a"], name="c1", pads=[1, 1, 1, 1]),
             helper.make_node("Conv", ["a", "w2"], ["y"], name="c2", pads=[1, 1, 1, 1])]
    return graph(nodes, [tensor("x", [1, 2, 4, 4])], [tensor("y", [1, 2, 4, 4])],
                 [init("w", arange(2, 2, 3, 3))])


@model
def conv_bn():
    nodes = [helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv"),
             helper.make_node("BatchNormalization", ["c", "s", "bb", "m", "v"],
                              ["y"], name="bn", epsilon=0.0)]
    inits = [init("w", arange(2, 1, 1, 2)), init("b", np.array([1, 2], np.float32)),
             init("s", np.array([2, 3], np.float32)),
             init("bb", np.array([1, 0], np.float32)),
             init("m", np.array([0.5, 1], np.float32)),
             init("v", np.array([4, 1], np.float32))]
    return graph(nodes, [tensor("x", [1, 1, 3, 3])], [tensor("y", [1, 2, 3, 2])], inits)


@model
def conv_bn_two_users():
    """The Conv output is also a graph output, so BN cannot fold."""
    m = conv_bn()
    m.graph.output.append(tensor("c", [1, 2, 3, 2]))
    return m


@model
def bn_standalone():
    node = helper.make_node("BatchNormalization", ["x", "s", "bb", "m", "v"], ["y"],
                            name="bn", epsilon=0.0)
    inits = [init("s", np.array([2, 3], np.float32)),
             init("bb", np.array([1, 0], np.float32)),
             init("m", np.array([0.5, 1], np.float32)),
             init("v", np.array([4, 1], np.float32))]
    return graph([node], [tensor("x", [1, 2, 3, 3])], [tensor("y", [1, 2, 3, 3])], inits)


# --------------------------------------------------------------------------
# Gemm and MatMul
# --------------------------------------------------------------------------

@model
def gemm_transb():
    return single("Gemm", [2, 3], [2, 2],
                  [init("w", arange(2, 3)), init("c", np.array([1, 2], np.float32))],
                  ["w", "c"], transB=1)


@model
def gemm_alpha_beta():
    return single("Gemm", [2, 3], [2, 2],
                  [init("w", arange(3, 2)), init("c", np.array([[1, 2]], np.float32))],
                  ["w", "c"], alpha=2.0, beta=0.5)


@model
def gemm_transa_matrix_c():
    return single("Gemm", [3, 2], [2, 2],
                  [init("w", arange(3, 2)), init("c", arange(2, 2))],
                  ["w", "c"], transA=1)


@model
def matmul_const():
    return single("MatMul", [1, 4, 3], [1, 4, 2], [init("w", arange(3, 2))], ["w"])


@model
def matmul_dynamic_rhs():
    node = helper.make_node("MatMul", ["x", "z"], ["y"], name="mm")
    return graph([node], [tensor("x", [2, 3]), tensor("z", [3, 2])], [tensor("y", [2, 2])])


# --------------------------------------------------------------------------
# Activations and arithmetic
# --------------------------------------------------------------------------

@model
def activations():
    nodes = [helper.make_node("Relu", ["x"], ["r"]),
             const("lo", np.array(0.0, np.float32)),
             const("hi", np.array(6.0, np.float32)),
             helper.make_node("Clip", ["r", "lo", "hi"], ["c"]),
             helper.make_node("Clip", ["c", "", "hi"], ["c2"]),
             helper.make_node("HardSigmoid", ["c2"], ["hs"], alpha=0.25, beta=0.75),
             helper.make_node("HardSwish", ["hs"], ["hw"]),
             helper.make_node("Sigmoid", ["hw"], ["y"])]
    return graph(nodes, [tensor("x", [1, 4])], [tensor("y", [1, 4])], opset=14)


@model
def arithmetic():
    nodes = [helper.make_node("Add", ["x", "z"], ["a"]),
             helper.make_node("Mul", ["a", "k"], ["m"]),
             helper.make_node("Sub", ["m", "k"], ["s"]),
             helper.make_node("Div", ["s", "two"], ["y"])]
    inits = [init("k", np.array([1, 2, 3], np.float32)), init("two", np.array(2, np.float32))]
    return graph(nodes, [tensor("x", [2, 1, 3]), tensor("z", [4, 1])],
                 [tensor("y", [2, 4, 3])], inits)


@model
def softmax13():
    return single("Softmax", [1, 3, 4], [1, 3, 4], axis=-1)


@model
def softmax11():
    return single("Softmax", [2, 5, 1], [2, 5, 1], opset=11, axis=1)


@model
def softmax11_bad_axis():
    return single("Softmax", [1, 3, 4], [1, 3, 4], opset=11, axis=1)


@model
def reduce_mean():
    return single("ReduceMean", [1, 3, 4, 5], [1, 3], axes=[-1, 2], keepdims=0)


# --------------------------------------------------------------------------
# Pooling
# --------------------------------------------------------------------------

@model
def maxpool():
    return single("MaxPool", [1, 2, 6, 6], [1, 2, 3, 3], kernel_shape=[3, 3],
                  strides=[2, 2], pads=[1, 1, 0, 0])


@model
def maxpool_ceil():
    # Floor would give 2x2; ceil gives 3x3 with one extra bottom/right row.
    return single("MaxPool", [1, 1, 6, 6], [1, 1, 3, 3], kernel_shape=[3, 3],
                  strides=[2, 2], ceil_mode=1)


@model
def avgpool_same():
    return single("AveragePool", [1, 2, 5, 5], [1, 2, 3, 3], kernel_shape=[3, 3],
                  strides=[2, 2], auto_pad="SAME_UPPER")


@model
def avgpool_count_pad():
    return single("AveragePool", [1, 2, 4, 4], [1, 2, 4, 4], kernel_shape=[3, 3],
                  pads=[1, 1, 1, 1], count_include_pad=1)


@model
def avgpool_ceil_count_pad():
    # ceil_mode adds a bottom/right row that must not be counted, while the
    # explicit pads are: the importer pads explicitly with zeros.
    return single("AveragePool", [1, 1, 6, 6], [1, 1, 4, 4], kernel_shape=[2, 2],
                  strides=[2, 2], pads=[1, 1, 0, 0], ceil_mode=1, count_include_pad=1)


@model
def avgpool_ceil():
    return single("AveragePool", [1, 1, 5, 5], [1, 1, 3, 3], kernel_shape=[2, 2],
                  strides=[2, 2], ceil_mode=1)


@model
def global_avgpool():
    return single("GlobalAveragePool", [1, 8, 7, 7], [1, 8, 1, 1])


# --------------------------------------------------------------------------
# Data movement
# --------------------------------------------------------------------------

@model
def reshape_flatten():
    nodes = [const("shape", np.array([0, -1, 2], np.int64)),
             helper.make_node("Reshape", ["x", "shape"], ["r"]),
             helper.make_node("Flatten", ["r"], ["y"], axis=-1)]
    return graph(nodes, [tensor("x", [2, 3, 4])], [tensor("y", [12, 2])])


@model
def squeeze_unsqueeze13():
    nodes = [const("ax", np.array([0, -1], np.int64)),
             helper.make_node("Unsqueeze", ["x", "ax"], ["u"]),
             const("sq", np.array([0], np.int64)),
             helper.make_node("Squeeze", ["u", "sq"], ["y"])]
    return graph(nodes, [tensor("x", [3, 4])], [tensor("y", [3, 4, 1])])


@model
def squeeze_unsqueeze11():
    nodes = [helper.make_node("Unsqueeze", ["x"], ["u"], axes=[1]),
             helper.make_node("Squeeze", ["u"], ["y"])]
    return graph(nodes, [tensor("x", [3, 1, 4])], [tensor("y", [3, 4])], opset=11)


@model
def transpose_concat():
    nodes = [helper.make_node("Transpose", ["x"], ["t"]),
             helper.make_node("Concat", ["t", "k"], ["y"], axis=-1)]
    return graph(nodes, [tensor("x", [2, 3, 4])], [tensor("y", [4, 3, 3])],
                 [init("k", arange(4, 3, 1))])


@model
def slice_():
    nodes = [const("starts", np.array([1, -3, 0], np.int64)),
             const("ends", np.array([np.iinfo(np.int64).max, -1, 100], np.int64)),
             const("axes", np.array([0, -1, 1], np.int64)),
             const("steps", np.array([1, 1, 2], np.int64)),
             helper.make_node("Slice", ["x", "starts", "ends", "axes", "steps"], ["y"])]
    return graph(nodes, [tensor("x", [3, 5, 6])], [tensor("y", [2, 3, 2])])


@model
def slice_negative_step():
    nodes = [const("starts", np.array([-1], np.int64)),
             const("ends", np.array([0], np.int64)),
             const("axes", np.array([0], np.int64)),
             const("steps", np.array([-1], np.int64)),
             helper.make_node("Slice", ["x", "starts", "ends", "axes", "steps"], ["y"],
                              name="rev")]
    return graph(nodes, [tensor("x", [3, 5])], [tensor("y", [2, 5])])


@model
def split13():
    nodes = [const("split", np.array([1, 3], np.int64)),
             helper.make_node("Split", ["x", "split"], ["a", "b"], axis=1),
             helper.make_node("Split", ["x"], ["c", "d"], axis=-1)]
    return graph(nodes, [tensor("x", [2, 4, 6])],
                 [tensor("a", [2, 1, 6]), tensor("b", [2, 3, 6]),
                  tensor("c", [2, 4, 3]), tensor("d", [2, 4, 3])])


@model
def split11():
    node = helper.make_node("Split", ["x"], ["a", "b"], axis=0, split=[2, 1])
    return graph([node], [tensor("x", [3, 2])],
                 [tensor("a", [2, 2]), tensor("b", [1, 2])], opset=11)


@model
def pad():
    nodes = [const("pads", np.array([0, 0, 1, 2, 0, 0, 3, 0], np.int64)),
             const("value", np.array(1.5, np.float32)),
             helper.make_node("Pad", ["x", "pads", "value"], ["y"], mode="constant")]
    return graph(nodes, [tensor("x", [1, 2, 3, 3])], [tensor("y", [1, 2, 7, 5])])


@model
def pad_reflect():
    nodes = [const("pads", np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64)),
             helper.make_node("Pad", ["x", "pads"], ["y"], name="pad", mode="reflect")]
    return graph(nodes, [tensor("x", [1, 2, 3, 3])], [tensor("y", [1, 2, 5, 5])])


@model
def shape_subgraph():
    """torch's flatten-by-shape idiom: the shape is computed from Shape,
    Gather, Unsqueeze, Concat and Cast, all folded at import."""
    nodes = [helper.make_node("Shape", ["x"], ["s"]),
             const("i0", np.array(0, np.int64)),
             helper.make_node("Gather", ["s", "i0"], ["n"], axis=0),
             const("ax", np.array([0], np.int64)),
             helper.make_node("Unsqueeze", ["n", "ax"], ["n1"]),
             const("m1", np.array([-1], np.int64)),
             helper.make_node("Concat", ["n1", "m1"], ["shape_i"], axis=0),
             helper.make_node("Cast", ["shape_i"], ["shape_f"], to=FLOAT),
             helper.make_node("Cast", ["shape_f"], ["shape"], to=TensorProto.INT64),
             const("two", np.array([2], np.int64)),
             helper.make_node("Mul", ["n1", "two"], ["n2"]),
             helper.make_node("Sub", ["n2", "n1"], ["n3"]),
             helper.make_node("ConstantOfShape", ["n3"], ["zeros"],
                              value=init("v", np.array([0], np.int64))),
             helper.make_node("Concat", ["zeros", "shape"], ["shape2"], axis=0),
             const("st", np.array([2], np.int64)),
             const("en", np.array([4], np.int64)),
             helper.make_node("Slice", ["shape2", "st", "en"], ["final"]),
             helper.make_node("Reshape", ["x", "final"], ["y"])]
    return graph(nodes, [tensor("x", [2, 3, 4])], [tensor("y", [2, 12])])


# --------------------------------------------------------------------------
# Quantization (QDQ)
# --------------------------------------------------------------------------

def qdq_conv_graph(weight_scale, weight_zp, axis_attr):
    scale_x, zp_x = np.array(0.5, np.float32), np.array(128, np.uint8)
    w = (arange(2, 2, 1, 1) - 3).astype(np.int8)
    bias = np.array([10, -20], np.int32)
    nodes = [helper.make_node("QuantizeLinear", ["x", "sx", "zx"], ["xq"]),
             helper.make_node("Cast", ["xq"], ["xq8"], to=TensorProto.UINT8),
             helper.make_node("DequantizeLinear", ["xq8", "sx", "zx"], ["xd"]),
             helper.make_node("DequantizeLinear", ["wq", "sw", "zw"], ["wd"], **axis_attr),
             helper.make_node("DequantizeLinear", ["bq", "sb"], ["bd"], **axis_attr),
             helper.make_node("Conv", ["xd", "wd", "bd"], ["c"], name="conv"),
             helper.make_node("QuantizeLinear", ["c", "sy", "zy"], ["yq"]),
             helper.make_node("DequantizeLinear", ["yq", "sy", "zy"], ["y"])]
    sb = (np.float32(0.5) * np.asarray(weight_scale, np.float32)).astype(np.float32)
    inits = [init("sx", scale_x), init("zx", zp_x), init("wq", w),
             init("sw", np.asarray(weight_scale, np.float32)),
             init("zw", np.asarray(weight_zp, np.int8)),
             init("bq", bias), init("sb", sb),
             init("sy", np.array(0.25, np.float32)), init("zy", np.array(-3, np.int8))]
    return graph(nodes, [tensor("x", [1, 2, 3, 3])], [tensor("y", [1, 2, 3, 3])], inits)


@model
def qdq_conv_per_channel():
    return qdq_conv_graph([0.5, 0.25], [0, 0], {"axis": 0})


@model
def qdq_conv_per_tensor():
    return qdq_conv_graph(0.125, 0, {})


@model
def qdq_float_weights():
    """QuantizeLinear of a float initializer is folded at import."""
    nodes = [helper.make_node("QuantizeLinear", ["w", "s", "z"], ["wq"]),
             helper.make_node("DequantizeLinear", ["wq", "s", "z"], ["wd"]),
             helper.make_node("Gemm", ["x", "wd"], ["y"], transB=1)]
    inits = [init("w", np.array([[0.3, -0.6, 1.0], [0.05, 20.0, -0.15]], np.float32)),
             init("s", np.array(0.1, np.float32)), init("z", np.array(0, np.int8))]
    return graph(nodes, [tensor("x", [1, 3])], [tensor("y", [1, 2])], inits)


@model
def qdq_matmul_per_axis():
    nodes = [helper.make_node("DequantizeLinear", ["wq", "s", "z"], ["wd"], axis=1),
             helper.make_node("MatMul", ["x", "wd"], ["y"])]
    inits = [init("wq", np.array([[1, 2], [3, 4], [5, 6]], np.uint8)),
             init("s", np.array([0.5, 0.25], np.float32)),
             init("z", np.array([1, 2], np.uint8))]
    return graph(nodes, [tensor("x", [1, 3])], [tensor("y", [1, 2])], inits)


@model
def qdq_mismatch():
    nodes = [helper.make_node("QuantizeLinear", ["x", "s1"], ["q"]),
             helper.make_node("DequantizeLinear", ["q", "s2"], ["y"], name="dq")]
    inits = [init("s1", np.array(0.5, np.float32)), init("s2", np.array(0.25, np.float32))]
    return graph(nodes, [tensor("x", [1, 3])], [tensor("y", [1, 3])], inits)


# --------------------------------------------------------------------------
# Invalid and unsupported inputs
# --------------------------------------------------------------------------

@model
def bad_unsupported_op():
    return single("LeakyRelu", [1, 4], [1, 4], alpha=0.1)


@model
def bad_dynamic_batch():
    return single("Relu", ["N", 4], ["N", 4])


@model
def bad_dynamic_spatial():
    return single("Relu", [1, 3, None, 8], [1, 3, None, 8])


@model
def bad_opset10():
    return single("Relu", [1, 4], [1, 4], opset=10)


@model
def bad_opset18():
    return single("Relu", [1, 4], [1, 4], opset=18)


@model
def bad_int8_input():
    node = helper.make_node("DequantizeLinear", ["x", "s"], ["y"])
    return graph([node], [tensor("x", [1, 4], TensorProto.INT8)], [tensor("y", [1, 4])],
                 [init("s", np.array(0.5, np.float32))])


@model
def bad_initializer_size():
    m = single("Add", [2, 2], [2, 2], [init("k", arange(2, 2))], ["k"])
    m.graph.initializer[0].raw_data = m.graph.initializer[0].raw_data[:12]
    return m


@model
def bad_external_data():
    m = single("Add", [2, 2], [2, 2], [init("k", arange(2, 2))], ["k"])
    t = m.graph.initializer[0]
    t.ClearField("raw_data")
    t.data_location = TensorProto.EXTERNAL
    entry = t.external_data.add()
    entry.key, entry.value = "location", "weights.bin"
    return m


@model
def bad_conv_rank3():
    return single("Conv", [1, 2, 8], [1, 2, 8], [init("w", arange(2, 2, 1))], ["w"])


@model
def bad_conv_stride0():
    """libonnx 1.12's shape inference divides by the strides unchecked."""
    return single("Conv", [1, 1, 5, 6], [1, 2, 3, 3], [init("w", arange(2, 1, 2, 4))],
                  ["w"], auto_pad="SAME_LOWER", strides=[0, 2])


@model
def bad_maxpool_dilation():
    return single("MaxPool", [1, 1, 6, 6], [1, 1, 2, 2], kernel_shape=[2, 2],
                  dilations=[2, 2], strides=[2, 2])


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print("\n".join(sorted(MODELS)))
        return 0
    if len(sys.argv) != 3 or sys.argv[1] not in MODELS:
        print(__doc__, file=sys.stderr)
        return 2
    m = MODELS[sys.argv[1]]()
    with open(sys.argv[2], "wb") as f:
        f.write(m.SerializeToString())
    return 0


if __name__ == "__main__":
    sys.exit(main())
