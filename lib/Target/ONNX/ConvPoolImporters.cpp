//===- ConvPoolImporters.cpp - Conv, BatchNormalization, pooling ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// ONNX's 2-D window operators work on NCHW tensors and OIHW filters; nn's
// work on NHWC tensors and OHWI filters. Each one is imported as
//
//   nn.transpose [0, 2, 3, 1] -> nn op (NHWC) -> nn.transpose [0, 3, 1, 2]
//
// with float constant filters transposed at import time and other filters
// (the nn.dequantize of a quantized initializer) by an nn.transpose that the
// layout pass folds.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Support/ShapeUtils.h"

#include "onnx/onnx_pb.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace morsel;
using namespace morsel::onnx_import;

//===----------------------------------------------------------------------===//
// Window attributes
//===----------------------------------------------------------------------===//

namespace {
/// The window of a 2-D convolution or pooling node, in nn's terms.
struct Window {
  /// [K_h, K_w].
  SmallVector<int64_t, 2> kernel;
  /// [S_h, S_w].
  SmallVector<int64_t, 2> strides;
  /// [D_h, D_w].
  SmallVector<int64_t, 2> dilations;
  /// [top, bottom, left, right].
  SmallVector<int64_t, 4> pad;
};
} // namespace

/// Reads an INTS attribute of `size` entries, each at least `minimum`, or
/// returns `fallback` when it is absent.
static FailureOr<SmallVector<int64_t, 4>>
readIntList(GraphImporter &importer, const onnx::NodeProto &node,
            StringRef name, size_t size, int64_t minimum,
            ArrayRef<int64_t> fallback) {
  auto values = getIntsAttribute(importer, node, name);
  if (failed(values))
    return failure();
  if (!*values)
    return SmallVector<int64_t, 4>(fallback);
  SmallVector<int64_t, 4> list = **values;
  if (list.size() != size ||
      llvm::any_of(list, [&](int64_t v) { return v < minimum; }))
    return importer.emitNodeError(node)
           << "attribute '" << name << "' must hold " << size
           << (minimum > 0 ? " positive" : " non-negative") << " values";
  return list;
}

/// Computes the [begin, end] padding of auto_pad SAME_UPPER / SAME_LOWER
/// along one dimension.
static std::pair<int64_t, int64_t> getSamePadding(int64_t size, int64_t kernel,
                                                  int64_t stride,
                                                  int64_t dilation,
                                                  bool upper) {
  int64_t out = (size + stride - 1) / stride;
  int64_t effectiveKernel = dilation * (kernel - 1) + 1;
  int64_t total =
      std::max<int64_t>(0, (out - 1) * stride + effectiveKernel - size);
  int64_t small = total / 2;
  return upper ? std::make_pair(small, total - small)
               : std::make_pair(total - small, small);
}

/// Reads strides, dilations, pads and auto_pad of a node whose NCHW input has
/// spatial size `spatial` and whose kernel is `kernel`.
static FailureOr<Window> readWindow(GraphImporter &importer,
                                    const onnx::NodeProto &node,
                                    ArrayRef<int64_t> spatial,
                                    ArrayRef<int64_t> kernel) {
  Window window;
  window.kernel.assign(kernel.begin(), kernel.end());
  auto strides = readIntList(importer, node, "strides", 2, 1, {1, 1});
  auto dilations = readIntList(importer, node, "dilations", 2, 1, {1, 1});
  auto pads = readIntList(importer, node, "pads", 4, 0, {0, 0, 0, 0});
  auto autoPad = getStringAttribute(importer, node, "auto_pad", "NOTSET");
  if (failed(strides) || failed(dilations) || failed(pads) || failed(autoPad))
    return failure();
  window.strides.assign(strides->begin(), strides->end());
  window.dilations.assign(dilations->begin(), dilations->end());
  // ONNX pads are [H_begin, W_begin, H_end, W_end].
  window.pad = {(*pads)[0], (*pads)[2], (*pads)[1], (*pads)[3]};
  if (*autoPad == "NOTSET")
    return window;
  if (findAttribute(node, "pads"))
    return importer.emitNodeError(node)
           << "attribute 'pads' cannot be combined with auto_pad '" << *autoPad
           << "'";
  if (*autoPad == "VALID") {
    window.pad = {0, 0, 0, 0};
    return window;
  }
  if (*autoPad != "SAME_UPPER" && *autoPad != "SAME_LOWER")
    return importer.emitNodeError(node)
           << "unsupported auto_pad '" << *autoPad << "'";
  for (int d = 0; d < 2; ++d) {
    auto [begin, end] =
        getSamePadding(spatial[d], kernel[d], window.strides[d],
                       window.dilations[d], *autoPad == "SAME_UPPER");
    window.pad[2 * d] = begin;
    window.pad[2 * d + 1] = end;
  }
  return window;
}

/// Computes the NHWC output shape of a window operator on an NCHW input of
/// `shape`, producing `channels` channels.
static FailureOr<SmallVector<int64_t, 4>>
getWindowOutputShape(GraphImporter &importer, const onnx::NodeProto &node,
                     ArrayRef<int64_t> shape, const Window &window,
                     int64_t channels) {
  SmallVector<int64_t, 4> result = {shape[0], 0, 0, channels};
  for (int d = 0; d < 2; ++d) {
    std::optional<int64_t> size = getWindowOutputSize(
        shape[2 + d], window.kernel[d], window.strides[d], window.dilations[d],
        window.pad[2 * d], window.pad[2 * d + 1]);
    if (!size)
      return importer.emitNodeError(node)
             << "the window does not fit in the padded input along spatial "
                "dimension "
             << d;
    result[1 + d] = *size;
  }
  return result;
}

/// Checks that the input of a 2-D window operator is a rank-4 NCHW tensor.
static FailureOr<Value> getNCHWInput(GraphImporter &importer,
                                     const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  if (getShape(*input).size() != 4)
    return importer.emitNodeError(node)
           << "only 2-D operators on rank-4 NCHW inputs are supported, got "
              "rank "
           << getShape(*input).size();
  return input;
}

//===----------------------------------------------------------------------===//
// Conv
//===----------------------------------------------------------------------===//

/// Returns the filter of a Conv node in [C_out, K_h, K_w, C_in / groups]
/// layout, and its host value when it is a float constant.
static FailureOr<std::pair<Value, std::shared_ptr<const HostTensor>>>
getConvFilter(GraphImporter &importer, const onnx::NodeProto &node) {
  Location loc = importer.getLoc(node);
  std::shared_ptr<const HostTensor> host = importer.getSharedHostInput(node, 1);
  if (!host) {
    FailureOr<Value> filter = importer.getTensorInput(node, 1);
    if (failed(filter))
      return failure();
    return std::make_pair(
        createTranspose(importer.getBuilder(), loc, *filter, kToNHWC),
        std::shared_ptr<const HostTensor>());
  }
  if (host->dataType != onnx::TensorProto::FLOAT)
    return importer.emitNodeError(node) << "the weights must be FLOAT, got "
                                        << getDataTypeName(host->dataType);
  std::string key = importer.getHostKey(node, 1) + "@OHWI";
  std::shared_ptr<const HostTensor> ohwi = importer.getOrCreateDerivedTensor(
      key, [&] { return transposeHost(*host, kToNHWC); });
  return std::make_pair(importer.getOrCreateConstant(*ohwi, key, loc), ohwi);
}

/// Returns the bias of a Conv or Gemm node with `channels` outputs (null if
/// absent), and its host value when it is a float constant.
static FailureOr<std::pair<Value, std::shared_ptr<const HostTensor>>>
getBias(GraphImporter &importer, const onnx::NodeProto &node, int index,
        int64_t channels) {
  if (!importer.hasInput(node, index))
    return std::make_pair(Value(), std::shared_ptr<const HostTensor>());
  ArrayRef<int64_t> shape = importer.getInputShape(node, index);
  if (shape.size() != 1 || shape[0] != channels)
    return importer.emitNodeError(node)
           << "the bias must have shape [" << channels << "], got "
           << formatShape(shape);
  FailureOr<Value> bias = importer.getTensorInput(node, index);
  if (failed(bias))
    return failure();
  return std::make_pair(*bias, importer.getSharedHostInput(node, index));
}

/// Checks the group count of a Conv node against its input and filter.
static LogicalResult checkGroups(GraphImporter &importer,
                                 const onnx::NodeProto &node, int64_t groups,
                                 int64_t inChannels,
                                 ArrayRef<int64_t> filterShape) {
  if (groups < 1 || inChannels % groups != 0 ||
      filterShape[1] * groups != inChannels || filterShape[0] % groups != 0)
    return importer.emitNodeError(node)
           << "group " << groups << " does not match " << inChannels
           << " input channels and weights of shape "
           << formatShape(filterShape);
  return success();
}

/// Imports Conv (2-D, any group count) as nn.conv2d between transposes.
static LogicalResult importConv(GraphImporter &importer,
                                const onnx::NodeProto &node) {
  FailureOr<Value> input = getNCHWInput(importer, node);
  if (failed(input))
    return failure();
  ArrayRef<int64_t> inputShape = getShape(*input);
  ArrayRef<int64_t> filterShape = importer.getInputShape(node, 1);
  if (filterShape.size() != 4)
    return importer.emitNodeError(node) << "the weights must have rank 4";
  auto groups = getIntAttribute(importer, node, "group", 1);
  auto kernel = readIntList(importer, node, "kernel_shape", 2, 1,
                            filterShape.drop_front(2));
  if (failed(groups) || failed(kernel) ||
      failed(checkGroups(importer, node, *groups, inputShape[1], filterShape)))
    return failure();
  if (ArrayRef<int64_t>(*kernel) != filterShape.drop_front(2))
    return importer.emitNodeError(node)
           << "kernel_shape " << formatShape(*kernel)
           << " disagrees with the weights " << formatShape(filterShape);
  FailureOr<Window> window =
      readWindow(importer, node, inputShape.drop_front(2), *kernel);
  if (failed(window))
    return failure();
  int64_t outChannels = filterShape[0];
  auto outputShape =
      getWindowOutputShape(importer, node, inputShape, *window, outChannels);
  auto filter = getConvFilter(importer, node);
  auto bias = getBias(importer, node, 2, outChannels);
  if (failed(outputShape) || failed(filter) || failed(bias))
    return failure();

  OpBuilder &builder = importer.getBuilder();
  Location loc = importer.getLoc(node);
  Value nhwc = createTranspose(builder, loc, *input, kToNHWC);
  auto conv = nn::Conv2DOp::create(
      builder, loc, getTypeLike(*input, *outputShape), nhwc, filter->first,
      bias->first, window->strides, window->pad, window->dilations, *groups);
  importer.setOutput(node, 0, createTranspose(builder, loc, conv, kToNCHW));
  importer.recordConv(node.output(0),
                      ConvRecord{conv, filter->second, bias->second,
                                 static_cast<bool>(bias->first)});
  return success();
}

//===----------------------------------------------------------------------===//
// BatchNormalization
//===----------------------------------------------------------------------===//

namespace {
/// BatchNormalization as y = x * scale + shift per channel.
struct ChannelAffine {
  std::vector<float> scale;
  std::vector<float> shift;
};
} // namespace

/// Reads the per-channel parameters of a BatchNormalization node, which must
/// be FLOAT constants of shape [channels].
static FailureOr<ChannelAffine> readBatchNorm(GraphImporter &importer,
                                              const onnx::NodeProto &node,
                                              int64_t channels) {
  static constexpr const char *names[] = {"scale", "B", "input_mean",
                                          "input_var"};
  SmallVector<const HostTensor *, 4> params;
  for (int i = 1; i <= 4; ++i) {
    FailureOr<const HostTensor *> param =
        importer.requireHostInput(node, i, names[i - 1]);
    if (failed(param))
      return failure();
    if ((*param)->dataType != onnx::TensorProto::FLOAT ||
        (*param)->getNumElements() != channels)
      return importer.emitNodeError(node)
             << "input " << i << " (" << names[i - 1]
             << ") must be a FLOAT tensor of " << channels << " values";
    params.push_back(*param);
  }
  FailureOr<float> epsilon =
      getFloatAttribute(importer, node, "epsilon", 1e-5f);
  FailureOr<int64_t> training =
      getIntAttribute(importer, node, "training_mode", 0);
  if (failed(epsilon) || failed(training))
    return failure();
  if (*training != 0)
    return importer.emitNodeError(node) << "training_mode is not supported";
  ChannelAffine affine;
  for (int64_t c = 0; c < channels; ++c) {
    double variance = params[3]->floats[c];
    if (!(variance + *epsilon > 0.0))
      return importer.emitNodeError(node)
             << "variance + epsilon must be positive in channel " << c;
    double scale = params[0]->floats[c] / std::sqrt(variance + *epsilon);
    affine.scale.push_back(static_cast<float>(scale));
    affine.shift.push_back(static_cast<float>(params[1]->floats[c] -
                                              params[2]->floats[c] * scale));
  }
  return affine;
}

/// Erases `value`'s defining op if nothing uses it any more.
static void eraseIfUnused(GraphImporter &importer, Value value) {
  if (!value || !value.use_empty())
    return;
  importer.forgetConstant(value);
  value.getDefiningOp()->erase();
}

/// Folds `affine` into the convolution of `record`, if its filter and bias
/// are float constants; returns false when it cannot.
static bool foldIntoConv(GraphImporter &importer, const onnx::NodeProto &node,
                         ConvRecord &record, const ChannelAffine &affine) {
  if (!record.filter || (record.hasBias && !record.bias))
    return false;
  HostTensor filter = *record.filter;
  int64_t channels = affine.scale.size();
  int64_t perChannel = filter.getNumElements() / channels;
  for (int64_t i = 0; i < filter.getNumElements(); ++i)
    filter.floats[i] *= affine.scale[i / perChannel];
  HostTensor bias;
  bias.dataType = onnx::TensorProto::FLOAT;
  bias.shape = {channels};
  for (int64_t c = 0; c < channels; ++c)
    bias.floats.push_back(
        (record.bias ? record.bias->floats[c] * affine.scale[c] : 0.0f) +
        affine.shift[c]);

  nn::Conv2DOp old = record.conv;
  OpBuilder &builder = importer.getBuilder();
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPoint(old);
  Location loc = importer.getLoc(node);
  Value filterValue = importer.getOrCreateConstant(filter, "", loc);
  Value biasValue = importer.getOrCreateConstant(bias, "", loc);
  auto conv =
      nn::Conv2DOp::create(builder, old.getLoc(), old.getType(), old.getInput(),
                           filterValue, biasValue, old.getStrides(),
                           old.getPad(), old.getDilations(), old.getGroups());
  old.getResult().replaceAllUsesWith(conv.getResult());
  Value oldFilter = old.getFilter(), oldBias = old.getBias();
  old.erase();
  eraseIfUnused(importer, oldFilter);
  eraseIfUnused(importer, oldBias);
  record = ConvRecord{conv, std::make_shared<const HostTensor>(filter),
                      std::make_shared<const HostTensor>(bias), true};
  return true;
}

/// Creates the [C, 1, ..., 1] constant that broadcasts per-channel `values`
/// over an NC... tensor of rank `rank`.
static Value createChannelConstant(GraphImporter &importer,
                                   const onnx::NodeProto &node,
                                   ArrayRef<float> values, int64_t rank) {
  HostTensor tensor;
  tensor.dataType = onnx::TensorProto::FLOAT;
  tensor.shape.push_back(values.size());
  tensor.shape.append(rank - 2, 1);
  tensor.floats.assign(values.begin(), values.end());
  return importer.getOrCreateConstant(tensor, "", importer.getLoc(node));
}

/// Imports BatchNormalization (inference): folded into the preceding Conv
/// when that Conv has no other user and constant weights, else nn.mul and
/// nn.add with per-channel constants.
static LogicalResult importBatchNorm(GraphImporter &importer,
                                     const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  ArrayRef<int64_t> shape = getShape(*input);
  if (shape.size() < 2)
    return importer.emitNodeError(node) << "the input must have rank >= 2";
  FailureOr<ChannelAffine> affine = readBatchNorm(importer, node, shape[1]);
  if (failed(affine))
    return failure();
  StringRef inputName = importer.getInputName(node, 0);
  ConvRecord *record = importer.lookupConv(inputName);
  if (record && importer.getUseCount(inputName) == 1 &&
      foldIntoConv(importer, node, *record, *affine)) {
    importer.setOutput(node, 0, *input);
    return success();
  }
  OpBuilder &builder = importer.getBuilder();
  Location loc = importer.getLoc(node);
  Value scale =
      createChannelConstant(importer, node, affine->scale, shape.size());
  Value shift =
      createChannelConstant(importer, node, affine->shift, shape.size());
  Value scaled =
      nn::MulOp::create(builder, loc, input->getType(), *input, scale);
  importer.setOutput(
      node, 0,
      nn::AddOp::create(builder, loc, input->getType(), scaled, shift));
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// Adds, for ceil_mode, the bottom/right padding with which floor-mode
/// pooling produces ONNX's ceil-mode output size. As in PyTorch (and ONNX
/// from opset 19's clarification), a last window that would start in the
/// end padding is dropped. Returns the extra padding per spatial dimension.
static SmallVector<int64_t, 2> addCeilModePadding(ArrayRef<int64_t> spatial,
                                                  Window &window) {
  SmallVector<int64_t, 2> extra;
  for (int d = 0; d < 2; ++d) {
    int64_t begin = window.pad[2 * d], end = window.pad[2 * d + 1];
    int64_t padded = spatial[d] + begin + end;
    int64_t kernel = window.kernel[d], stride = window.strides[d];
    if (padded < kernel) {
      extra.push_back(0);
      continue;
    }
    int64_t out = (padded - kernel + stride - 1) / stride + 1;
    if ((out - 1) * stride >= spatial[d] + begin)
      --out;
    int64_t add = std::max<int64_t>(0, (out - 1) * stride + kernel - padded);
    window.pad[2 * d + 1] += add;
    extra.push_back(add);
  }
  return extra;
}

/// Reads the attributes shared by MaxPool and AveragePool and applies
/// ceil_mode; `extra` receives the padding that ceil_mode added.
static FailureOr<Window> readPoolWindow(GraphImporter &importer,
                                        const onnx::NodeProto &node,
                                        ArrayRef<int64_t> inputShape,
                                        SmallVector<int64_t, 2> &extra) {
  auto kernel = readIntList(importer, node, "kernel_shape", 2, 1, {});
  auto ceilMode = getIntAttribute(importer, node, "ceil_mode", 0);
  if (failed(kernel) || failed(ceilMode))
    return failure();
  if (kernel->size() != 2)
    return importer.emitNodeError(node) << "needs attribute 'kernel_shape'";
  FailureOr<Window> window =
      readWindow(importer, node, inputShape.drop_front(2), *kernel);
  if (failed(window))
    return failure();
  if (llvm::any_of(window->dilations, [](int64_t d) { return d != 1; }))
    return importer.emitNodeError(node) << "dilations are not supported";
  extra = {0, 0};
  if (*ceilMode != 0) {
    if (findAttribute(node, "auto_pad") &&
        *getStringAttribute(importer, node, "auto_pad", "") != "NOTSET")
      return importer.emitNodeError(node)
             << "ceil_mode combined with auto_pad is not supported";
    extra = addCeilModePadding(inputShape.drop_front(2), *window);
  }
  for (int i = 0; i < 4; ++i)
    if (window->pad[i] >= window->kernel[i / 2])
      return importer.emitNodeError(node)
             << "pads " << formatShape(window->pad)
             << " (top, bottom, left, right, with ceil_mode's extra) must be "
                "smaller than the kernel "
             << formatShape(window->kernel);
  return window;
}

/// Imports MaxPool as nn.max_pool2d between transposes.
static LogicalResult importMaxPool(GraphImporter &importer,
                                   const onnx::NodeProto &node) {
  FailureOr<Value> input = getNCHWInput(importer, node);
  auto storageOrder = getIntAttribute(importer, node, "storage_order", 0);
  if (failed(input) || failed(storageOrder))
    return failure();
  if (*storageOrder != 0)
    return importer.emitNodeError(node) << "storage_order 1 is not supported";
  SmallVector<int64_t, 2> extra;
  ArrayRef<int64_t> shape = getShape(*input);
  FailureOr<Window> window = readPoolWindow(importer, node, shape, extra);
  if (failed(window))
    return failure();
  auto outputShape =
      getWindowOutputShape(importer, node, shape, *window, shape[1]);
  if (failed(outputShape))
    return failure();
  OpBuilder &builder = importer.getBuilder();
  Location loc = importer.getLoc(node);
  Value nhwc = createTranspose(builder, loc, *input, kToNHWC);
  Value pool = nn::MaxPool2DOp::create(
      builder, loc, getTypeLike(*input, *outputShape), nhwc, window->kernel,
      window->strides, window->pad);
  importer.setOutput(node, 0, createTranspose(builder, loc, pool, kToNCHW));
  return success();
}

/// Imports AveragePool as nn.avg_pool2d between transposes. ONNX never counts
/// ceil_mode's extra padding; with count_include_pad it counts the explicit
/// pads, which then become an nn.pad of zeros when ceil_mode also pads.
static LogicalResult importAveragePool(GraphImporter &importer,
                                       const onnx::NodeProto &node) {
  FailureOr<Value> input = getNCHWInput(importer, node);
  auto countPad = getIntAttribute(importer, node, "count_include_pad", 0);
  if (failed(input) || failed(countPad))
    return failure();
  SmallVector<int64_t, 2> extra;
  ArrayRef<int64_t> shape = getShape(*input);
  FailureOr<Window> window = readPoolWindow(importer, node, shape, extra);
  if (failed(window))
    return failure();
  auto outputShape =
      getWindowOutputShape(importer, node, shape, *window, shape[1]);
  if (failed(outputShape))
    return failure();
  SmallVector<int64_t, 4> explicitPad = {
      window->pad[0], window->pad[1] - extra[0], window->pad[2],
      window->pad[3] - extra[1]};
  bool hasExplicitPad = llvm::any_of(explicitPad, [](int64_t p) { return p; });
  bool hasExtra = extra[0] || extra[1];
  bool countIncludePad = *countPad != 0 && hasExplicitPad;

  OpBuilder &builder = importer.getBuilder();
  Location loc = importer.getLoc(node);
  Value nhwc = createTranspose(builder, loc, *input, kToNHWC);
  SmallVector<int64_t, 4> poolPad = window->pad;
  if (countIncludePad && hasExtra) {
    // Counted padding becomes real zeros; only ceil_mode's stays uncounted.
    ArrayRef<int64_t> s = getShape(nhwc);
    SmallVector<int64_t, 4> low = {0, explicitPad[0], explicitPad[2], 0};
    SmallVector<int64_t, 4> high = {0, explicitPad[1], explicitPad[3], 0};
    SmallVector<int64_t, 4> padded = {s[0], s[1] + low[1] + high[1],
                                      s[2] + low[2] + high[2], s[3]};
    nhwc = nn::PadOp::create(builder, loc, getTypeLike(nhwc, padded), nhwc, low,
                             high, llvm::APFloat(0.0f));
    poolPad = {0, extra[0], 0, extra[1]};
    countIncludePad = false;
  }
  Value pool = nn::AvgPool2DOp::create(
      builder, loc, getTypeLike(*input, *outputShape), nhwc, window->kernel,
      window->strides, poolPad, countIncludePad);
  importer.setOutput(node, 0, createTranspose(builder, loc, pool, kToNCHW));
  return success();
}

/// Imports GlobalAveragePool as nn.mean over the spatial axes (NCHW, so
/// axes [2, ..., rank - 1]) keeping them.
static LogicalResult importGlobalAveragePool(GraphImporter &importer,
                                             const onnx::NodeProto &node) {
  FailureOr<Value> input = importer.getTensorInput(node, 0);
  if (failed(input))
    return failure();
  ArrayRef<int64_t> shape = getShape(*input);
  if (shape.size() < 3)
    return importer.emitNodeError(node) << "the input must have rank >= 3";
  SmallVector<int64_t, 4> axes, outputShape(shape.take_front(2));
  for (int64_t d = 2, e = shape.size(); d < e; ++d) {
    axes.push_back(d);
    outputShape.push_back(1);
  }
  importer.setOutput(
      node, 0,
      nn::MeanOp::create(importer.getBuilder(), importer.getLoc(node),
                         getTypeLike(*input, outputShape), *input, axes,
                         /*keep_dims=*/true));
  return success();
}

void morsel::onnx_import::addConvPoolImporters(NodeImporterTable &table) {
  table["Conv"] = importConv;
  table["BatchNormalization"] = importBatchNorm;
  table["MaxPool"] = importMaxPool;
  table["AveragePool"] = importAveragePool;
  table["GlobalAveragePool"] = importGlobalAveragePool;
}
