// RUN: morsel-opt %s --morsel-to-llvm | FileCheck %s
// RUN: morsel-opt %s --morsel-to-llvm=index-bitwidth=32 | FileCheck %s

// The whole lowering leaves only LLVM dialect operations for a module that
// uses every nn operator, in f32 and quantized forms (generated with
// test/e2e/reference/nn_cases.py). Operation names quoted in attributes
// (the arena plan's step names) do not count.

// CHECK-NOT: {{(^|[ (])(nn|linalg|tensor|memref|arith|math|scf|cf|affine|bufferization|func)\.[a-z_]+}}
// CHECK-NOT: unrealized_conversion_cast
// CHECK-COUNT-42: llvm.func @{{[a-z0-9_]+}}(
// CHECK-NOT: {{(^|[ (])(nn|linalg|tensor|memref|arith|math|scf|cf|affine|bufferization|func)\.[a-z_]+}}
// CHECK-NOT: unrealized_conversion_cast

func.func @conv2d_f32(%arg0: tensor<1x7x6x3xf32>) -> tensor<1x3x7x4xf32> {
  %w = nn.constant dense<[[[[-0.6253478527069092, 0.2944844663143158, -0.420360803604126], [-0.2530127465724945, -0.174058735370636, 0.26600104570388794], [-0.20265118777751923, 0.1389414221048355, -0.08826662600040436]], [[-0.42233556509017944, -0.15991312265396118, -0.475199818611145], [0.003257493022829294, -0.5619331002235413, -0.5464471578598022], [0.7284809350967407, -0.026592109352350235, -0.026951013132929802]], [[0.25576820969581604, -0.21042850613594055, -0.11426768451929092], [0.21257436275482178, 0.14120791852474213, -0.5796483755111694], [0.4166713058948517, -0.29521748423576355, -0.5280394554138184]]], [[[-0.45023754239082336, -0.19527266919612885, 0.8136501312255859], [-0.5877679586410522, 0.08003794401884079, -1.068912148475647], [-0.000783466559369117, 0.44978320598602295, -0.1183316633105278]], [[-0.3146774470806122, 0.11575553566217422, 0.3500758707523346], [0.331828773021698, 0.9862369298934937, 0.1045837327837944], [-0.2962050437927246, -0.06298959255218506, -0.036249272525310516]], [[0.05436869338154793, -0.015013906173408031, 0.08698297291994095], [-0.8354250192642212, 0.41481447219848633, -0.28736963868141174], [-0.5865793228149414, 0.31887558102607727, 0.6586629748344421]]], [[[0.24651408195495605, 0.08057965338230133, -0.46611014008522034], [1.4357836246490479, 0.4401293098926544, -0.5696473121643066], [-0.3898189663887024, 0.04348962381482124, -0.7773655652999878]], [[0.08431520313024521, -0.229535773396492, 0.6131352782249451], [0.4810773432254791, -1.3556426763534546, 0.020851293578743935], [-0.8087337613105774, 0.5548189878463745, 0.0840529352426529]], [[0.27420273423194885, -0.5325623750686646, 0.9142151474952698], [1.0100367069244385, -0.532385528087616, 0.18640756607055664], [-0.3366512060165405, -0.011784967966377735, -0.6328184604644775]]], [[[0.9335727691650391, -0.48458975553512573, -0.14804190397262573], [0.25074145197868347, -0.3237803280353546, -0.11965621262788773], [-0.2818199098110199, -0.06673038005828857, -0.5852712988853455]], [[-0.21899403631687164, -0.10344646126031876, -0.16686300933361053], [0.028344977647066116, -0.14655110239982605, 0.37660568952560425], [-0.16159796714782715, -0.06832479685544968, -0.3323906660079956]], [[-0.2632574141025543, -0.6322463750839233, 0.25939247012138367], [-0.5712590217590332, -0.3729282021522522, 0.1796223223209381], [0.2012866884469986, -0.20005737245082855, -1.00963294506073]]]]> : tensor<4x3x3x3xf32> -> tensor<4x3x3x3xf32>
  %b = nn.constant dense<[0.4205133020877838, 0.2595634460449219, -1.4123811721801758, 0.7703220844268799]> : tensor<4xf32> -> tensor<4xf32>
  %y = nn.conv2d %arg0, %w, %b strides = [2, 1] pad = [1, 0, 2, 1] dilations = [1, 1] groups = 1 : (tensor<1x7x6x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x3x7x4xf32>
  return %y : tensor<1x3x7x4xf32>
}

func.func @conv2d_i8_depthwise_dilated(%arg0: tensor<1x8x8x3x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<1x8x4x6x!quant.uniform<i8:f32, 0.09:-5>> {
  %w = nn.constant dense<[[[[98], [94], [-47]], [[34], [-106], [79]], [[-59], [-40], [119]]], [[[11], [96], [-77]], [[66], [127], [-108]], [[-65], [-90], [-62]]], [[[-48], [-109], [101]], [[-62], [107], [67]], [[-84], [50], [70]]], [[[-95], [-94], [-32]], [[-110], [-20], [-5]], [[42], [18], [-11]]], [[[-71], [22], [-11]], [[87], [51], [58]], [[18], [-34], [-56]]], [[[-13], [18], [-34]], [[-90], [-100], [-116]], [[-76], [-24], [-55]]]]> : tensor<6x3x3x1xi8> -> tensor<6x3x3x1x!quant.uniform<i8:f32:0, {0.017795540617506416:0, 0.028761592408148382:0, 0.008603990317990843:0, 0.028716236178431095:0, 0.012795786300262135:0, 0.015583161224314392:0}>>
  %b = nn.constant dense<[-1293, -744, 857, -748, 1675, 306]> : tensor<6xi32> -> tensor<6x!quant.uniform<i32:f32:0, {0.0008897770308753209:0, 0.001438079620407419:0, 0.00043019951589954214:0, 0.001435811808921555:0, 0.0006397893150131067:0, 0.0007791580612157196:0}>>
  %y = nn.conv2d %arg0, %w, %b strides = [1, 2] pad = [2, 2, 1, 2] dilations = [2, 2] groups = 3 : (tensor<1x8x8x3x!quant.uniform<i8:f32, 0.05:3>>, tensor<6x3x3x1x!quant.uniform<i8:f32:0, {0.017795540617506416:0, 0.028761592408148382:0, 0.008603990317990843:0, 0.028716236178431095:0, 0.012795786300262135:0, 0.015583161224314392:0}>>, tensor<6x!quant.uniform<i32:f32:0, {0.0008897770308753209:0, 0.001438079620407419:0, 0.00043019951589954214:0, 0.001435811808921555:0, 0.0006397893150131067:0, 0.0007791580612157196:0}>>) -> tensor<1x8x4x6x!quant.uniform<i8:f32, 0.09:-5>>
  return %y : tensor<1x8x4x6x!quant.uniform<i8:f32, 0.09:-5>>
}

func.func @fully_connected_f32(%arg0: tensor<2x12xf32>) -> tensor<2x5xf32> {
  %w = nn.constant dense<[[-1.355581283569336, -0.9445066452026367, -0.08738604933023453, -0.2110951989889145, 0.10682149976491928, 0.10866096615791321, 1.0589194297790527, -0.556010365486145, -0.18880251049995422, 1.0213857889175415, 0.32335150241851807, 0.33153167366981506], [-0.25700318813323975, -0.8240376114845276, 0.08373237401247025, 0.054507043212652206, -0.6136760115623474, -0.3416133224964142, -0.03602183982729912, -0.4723758101463318, -0.049134984612464905, 0.04774151369929314, 0.017793118953704834, -0.25314584374427795], [0.2968740463256836, 0.4455834627151489, 0.1604241579771042, -0.40911510586738586, 0.3658261299133301, -0.2507200241088867, 0.4395803213119507, -0.5358936786651611, 0.45723360776901245, -0.010031727142632008, -0.6243744492530823, -0.1569497287273407], [0.027051139622926712, 0.136395663022995, -0.49109405279159546, -0.5536864995956421, 0.09979226440191269, -0.23337480425834656, 0.117752805352211, 0.3797597587108612, -0.8243936896324158, 0.12719406187534332, 0.6123234629631042, -0.14876341819763184], [-0.40540727972984314, 0.3761219084262848, 0.1267232596874237, 0.44794154167175293, -0.17260785400867462, -0.7409091591835022, -0.055005382746458054, -0.22291406989097595, 0.3876619040966034, 0.09681642055511475, -0.8154246211051941, -0.5975815653800964]]> : tensor<5x12xf32> -> tensor<5x12xf32>
  %b = nn.constant dense<[0.8837890625, 0.6797650456428528, -0.6402433514595032, -0.0010487965773791075, 0.4455735683441162]> : tensor<5xf32> -> tensor<5xf32>
  %y = nn.fully_connected %arg0, %w, %b : (tensor<2x12xf32>, tensor<5x12xf32>, tensor<5xf32>) -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}

func.func @fully_connected_i8_per_channel(%arg0: tensor<2x16x!quant.uniform<i8:f32, 0.04:-7>>) -> tensor<2x5x!quant.uniform<i8:f32, 0.1:2>> {
  %w = nn.constant dense<[[-112, -56, 0, -4, -98, 123, 64, 118, -104, 57, -53, 11, 108, -57, 58, -87], [-45, 120, -20, 4, -53, -98, -19, 31, -11, 71, -35, 29, 70, 106, -19, -117], [56, 7, 95, -10, -34, -112, -11, 36, 69, 90, -73, 24, 78, -61, -40, 87], [21, 2, 44, 3, 123, 65, -114, -90, 11, 82, -110, 47, 66, 73, 95, -79], [14, 77, -36, -79, -5, -107, -71, 91, 43, 92, 87, 96, -48, -7, 30, -58]]> : tensor<5x16xi8> -> tensor<5x16x!quant.uniform<i8:f32:0, {0.017795540617506416:0, 0.028761592408148382:0, 0.008603990317990843:0, 0.028716236178431095:0, 0.012795786300262135:0}>>
  %b = nn.constant dense<[2516, -2958, 2029, 874, -1480]> : tensor<5xi32> -> tensor<5xi32>
  %y = nn.fully_connected %arg0, %w, %b : (tensor<2x16x!quant.uniform<i8:f32, 0.04:-7>>, tensor<5x16x!quant.uniform<i8:f32:0, {0.017795540617506416:0, 0.028761592408148382:0, 0.008603990317990843:0, 0.028716236178431095:0, 0.012795786300262135:0}>>, tensor<5xi32>) -> tensor<2x5x!quant.uniform<i8:f32, 0.1:2>>
  return %y : tensor<2x5x!quant.uniform<i8:f32, 0.1:2>>
}

func.func @add_f32_broadcast(%arg0: tensor<2x1x3x4xf32>, %arg1: tensor<3x1xf32>) -> tensor<2x1x3x4xf32> {
  %r = nn.add %arg0, %arg1 : (tensor<2x1x3x4xf32>, tensor<3x1xf32>) -> tensor<2x1x3x4xf32>
  return %r : tensor<2x1x3x4xf32>
}

func.func @add_i8_broadcast(%arg0: tensor<1x3x3x4x!quant.uniform<i8:f32, 0.05:-3>>, %arg1: tensor<4x!quant.uniform<i8:f32, 0.13:10>>) -> tensor<1x3x3x4x!quant.uniform<i8:f32, 0.11:-1>> {
  %r = nn.add %arg0, %arg1 : (tensor<1x3x3x4x!quant.uniform<i8:f32, 0.05:-3>>, tensor<4x!quant.uniform<i8:f32, 0.13:10>>) -> tensor<1x3x3x4x!quant.uniform<i8:f32, 0.11:-1>>
  return %r : tensor<1x3x3x4x!quant.uniform<i8:f32, 0.11:-1>>
}

func.func @mul_f32_broadcast(%arg0: tensor<1x4x1xf32>, %arg1: tensor<3x1x5xf32>) -> tensor<3x4x5xf32> {
  %r = nn.mul %arg0, %arg1 : (tensor<1x4x1xf32>, tensor<3x1x5xf32>) -> tensor<3x4x5xf32>
  return %r : tensor<3x4x5xf32>
}

func.func @mul_u8_saturating(%arg0: tensor<3x4x!quant.uniform<u8:f32, 0.1:128>>, %arg1: tensor<3x4x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<3x4x!quant.uniform<u8:f32, 0.05:0>> {
  %r = nn.mul %arg0, %arg1 : (tensor<3x4x!quant.uniform<u8:f32, 0.1:128>>, tensor<3x4x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<3x4x!quant.uniform<u8:f32, 0.05:0>>
  return %r : tensor<3x4x!quant.uniform<u8:f32, 0.05:0>>
}

func.func @clamp_f32_relu6(%arg0: tensor<2x4x4x3xf32>) -> tensor<2x4x4x3xf32> {
  %r = nn.clamp %arg0 min = 0.0 max = 6.0 : tensor<2x4x4x3xf32>
  return %r : tensor<2x4x4x3xf32>
}

func.func @clamp_i8_relu6(%arg0: tensor<2x4x4x3x!quant.uniform<i8:f32, 0.07:-20>>) -> tensor<2x4x4x3x!quant.uniform<i8:f32, 0.07:-20>> {
  %r = nn.clamp %arg0 min = 0.0 max = 6.0 : tensor<2x4x4x3x!quant.uniform<i8:f32, 0.07:-20>>
  return %r : tensor<2x4x4x3x!quant.uniform<i8:f32, 0.07:-20>>
}

func.func @sigmoid_f32(%arg0: tensor<2x17xf32>) -> tensor<2x17xf32> {
  %r = nn.sigmoid %arg0 : tensor<2x17xf32> -> tensor<2x17xf32>
  return %r : tensor<2x17xf32>
}

func.func @sigmoid_i8(%arg0: tensor<4x20x!quant.uniform<i8:f32, 0.06:5>>) -> tensor<4x20x!quant.uniform<i8:f32, 0.00390625:-128>> {
  %r = nn.sigmoid %arg0 : tensor<4x20x!quant.uniform<i8:f32, 0.06:5>> -> tensor<4x20x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %r : tensor<4x20x!quant.uniform<i8:f32, 0.00390625:-128>>
}

func.func @hard_sigmoid_f32(%arg0: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %r = nn.hard_sigmoid %arg0 alpha = 0.2 beta = 0.5 : tensor<3x7xf32> -> tensor<3x7xf32>
  return %r : tensor<3x7xf32>
}

func.func @hard_sigmoid_u8(%arg0: tensor<5x9x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<5x9x!quant.uniform<u8:f32, 0.00392156862745098:0>> {
  %r = nn.hard_sigmoid %arg0 alpha = 0.16666667 beta = 0.5 : tensor<5x9x!quant.uniform<u8:f32, 0.05:128>> -> tensor<5x9x!quant.uniform<u8:f32, 0.00392156862745098:0>>
  return %r : tensor<5x9x!quant.uniform<u8:f32, 0.00392156862745098:0>>
}

func.func @hard_swish_f32(%arg0: tensor<2x3x5xf32>) -> tensor<2x3x5xf32> {
  %r = nn.hard_swish %arg0 : tensor<2x3x5xf32> -> tensor<2x3x5xf32>
  return %r : tensor<2x3x5xf32>
}

func.func @hard_swish_i8(%arg0: tensor<4x16x!quant.uniform<i8:f32, 0.045:-10>>) -> tensor<4x16x!quant.uniform<i8:f32, 0.025:-100>> {
  %r = nn.hard_swish %arg0 : tensor<4x16x!quant.uniform<i8:f32, 0.045:-10>> -> tensor<4x16x!quant.uniform<i8:f32, 0.025:-100>>
  return %r : tensor<4x16x!quant.uniform<i8:f32, 0.025:-100>>
}

func.func @max_pool2d_f32(%arg0: tensor<1x7x6x3xf32>) -> tensor<1x4x3x3xf32> {
  %r = nn.max_pool2d %arg0 kernel = [3, 2] strides = [2, 2] pad = [1, 1, 0, 1] : tensor<1x7x6x3xf32> -> tensor<1x4x3x3xf32>
  return %r : tensor<1x4x3x3xf32>
}

func.func @max_pool2d_i8(%arg0: tensor<2x5x5x2x!quant.uniform<i8:f32, 0.1:4>>) -> tensor<2x2x6x2x!quant.uniform<i8:f32, 0.1:4>> {
  %r = nn.max_pool2d %arg0 kernel = [3, 3] strides = [2, 1] pad = [1, 0, 2, 1] : tensor<2x5x5x2x!quant.uniform<i8:f32, 0.1:4>> -> tensor<2x2x6x2x!quant.uniform<i8:f32, 0.1:4>>
  return %r : tensor<2x2x6x2x!quant.uniform<i8:f32, 0.1:4>>
}

func.func @avg_pool2d_f32_exclude_pad(%arg0: tensor<1x7x6x3xf32>) -> tensor<1x4x4x3xf32> {
  %r = nn.avg_pool2d %arg0 kernel = [3, 3] strides = [2, 2] pad = [1, 1, 1, 2] count_include_pad = false : tensor<1x7x6x3xf32> -> tensor<1x4x4x3xf32>
  return %r : tensor<1x4x4x3xf32>
}

func.func @avg_pool2d_i8_same_scale(%arg0: tensor<1x7x6x3x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1:-3>> {
  %r = nn.avg_pool2d %arg0 kernel = [3, 3] strides = [2, 2] pad = [1, 1, 1, 2] count_include_pad = false : tensor<1x7x6x3x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1:-3>>
}

func.func @mean_f32_global(%arg0: tensor<2x5x4x3xf32>) -> tensor<2x1x1x3xf32> {
  %r = nn.mean %arg0 axes = [1, 2] keep_dims = true : tensor<2x5x4x3xf32> -> tensor<2x1x1x3xf32>
  return %r : tensor<2x1x1x3xf32>
}

func.func @mean_i8_global(%arg0: tensor<1x7x7x4x!quant.uniform<i8:f32, 0.05:-4>>) -> tensor<1x1x1x4x!quant.uniform<i8:f32, 0.02:3>> {
  %r = nn.mean %arg0 axes = [1, 2] keep_dims = true : tensor<1x7x7x4x!quant.uniform<i8:f32, 0.05:-4>> -> tensor<1x1x1x4x!quant.uniform<i8:f32, 0.02:3>>
  return %r : tensor<1x1x1x4x!quant.uniform<i8:f32, 0.02:3>>
}

func.func @softmax_f32(%arg0: tensor<3x10xf32>) -> tensor<3x10xf32> {
  %r = nn.softmax %arg0 axis = 1 beta = 1.0 : tensor<3x10xf32> -> tensor<3x10xf32>
  return %r : tensor<3x10xf32>
}

func.func @softmax_i8(%arg0: tensor<3x10x!quant.uniform<i8:f32, 0.1:2>>) -> tensor<3x10x!quant.uniform<i8:f32, 0.00390625:-128>> {
  %r = nn.softmax %arg0 axis = 1 beta = 1.0 : tensor<3x10x!quant.uniform<i8:f32, 0.1:2>> -> tensor<3x10x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %r : tensor<3x10x!quant.uniform<i8:f32, 0.00390625:-128>>
}

func.func @reshape_f32(%arg0: tensor<2x3x4xf32>) -> tensor<4x1x6xf32> {
  %r = nn.reshape %arg0 : tensor<2x3x4xf32> -> tensor<4x1x6xf32>
  return %r : tensor<4x1x6xf32>
}

func.func @reshape_i8(%arg0: tensor<2x3x4x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4x1x6x!quant.uniform<i8:f32, 0.1:3>> {
  %r = nn.reshape %arg0 : tensor<2x3x4x!quant.uniform<i8:f32, 0.1:3>> -> tensor<4x1x6x!quant.uniform<i8:f32, 0.1:3>>
  return %r : tensor<4x1x6x!quant.uniform<i8:f32, 0.1:3>>
}

func.func @transpose_f32(%arg0: tensor<2x3x4x5xf32>) -> tensor<2x5x3x4xf32> {
  %r = nn.transpose %arg0 perm = [0, 3, 1, 2] : tensor<2x3x4x5xf32> -> tensor<2x5x3x4xf32>
  return %r : tensor<2x5x3x4xf32>
}

func.func @transpose_u8(%arg0: tensor<2x3x4x5x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<2x5x3x4x!quant.uniform<u8:f32, 0.1:128>> {
  %r = nn.transpose %arg0 perm = [0, 3, 1, 2] : tensor<2x3x4x5x!quant.uniform<u8:f32, 0.1:128>> -> tensor<2x5x3x4x!quant.uniform<u8:f32, 0.1:128>>
  return %r : tensor<2x5x3x4x!quant.uniform<u8:f32, 0.1:128>>
}

func.func @concat_f32(%arg0: tensor<1x2x3x2xf32>, %arg1: tensor<1x2x3x3xf32>, %arg2: tensor<1x2x3x1xf32>) -> tensor<1x2x3x6xf32> {
  %r = nn.concat %arg0, %arg1, %arg2 axis = 3 : (tensor<1x2x3x2xf32>, tensor<1x2x3x3xf32>, tensor<1x2x3x1xf32>) -> tensor<1x2x3x6xf32>
  return %r : tensor<1x2x3x6xf32>
}

func.func @concat_i8(%arg0: tensor<1x2x3x2x!quant.uniform<i8:f32, 0.1:-2>>, %arg1: tensor<1x2x3x3x!quant.uniform<i8:f32, 0.1:-2>>, %arg2: tensor<1x2x3x1x!quant.uniform<i8:f32, 0.1:-2>>) -> tensor<1x2x3x6x!quant.uniform<i8:f32, 0.1:-2>> {
  %r = nn.concat %arg0, %arg1, %arg2 axis = 3 : (tensor<1x2x3x2x!quant.uniform<i8:f32, 0.1:-2>>, tensor<1x2x3x3x!quant.uniform<i8:f32, 0.1:-2>>, tensor<1x2x3x1x!quant.uniform<i8:f32, 0.1:-2>>) -> tensor<1x2x3x6x!quant.uniform<i8:f32, 0.1:-2>>
  return %r : tensor<1x2x3x6x!quant.uniform<i8:f32, 0.1:-2>>
}

func.func @slice_f32_strided(%arg0: tensor<2x7x6x5xf32>) -> tensor<1x3x2x4xf32> {
  %r = nn.slice %arg0 offsets = [1, 1, 0, 1] sizes = [1, 3, 2, 4] strides = [1, 2, 3, 1] : tensor<2x7x6x5xf32> -> tensor<1x3x2x4xf32>
  return %r : tensor<1x3x2x4xf32>
}

func.func @slice_i8_strided(%arg0: tensor<2x7x6x5x!quant.uniform<i8:f32, 0.1:-2>>) -> tensor<1x3x2x4x!quant.uniform<i8:f32, 0.1:-2>> {
  %r = nn.slice %arg0 offsets = [1, 1, 0, 1] sizes = [1, 3, 2, 4] strides = [1, 2, 3, 1] : tensor<2x7x6x5x!quant.uniform<i8:f32, 0.1:-2>> -> tensor<1x3x2x4x!quant.uniform<i8:f32, 0.1:-2>>
  return %r : tensor<1x3x2x4x!quant.uniform<i8:f32, 0.1:-2>>
}

func.func @pad_f32(%arg0: tensor<1x3x4x2xf32>) -> tensor<2x6x6x3xf32> {
  %r = nn.pad %arg0 low = [0, 1, 2, 0] high = [1, 2, 0, 1] value = 1.5 : tensor<1x3x4x2xf32> -> tensor<2x6x6x3xf32>
  return %r : tensor<2x6x6x3xf32>
}

func.func @pad_i8_value(%arg0: tensor<1x3x4x2x!quant.uniform<i8:f32, 0.1:-2>>) -> tensor<2x6x6x3x!quant.uniform<i8:f32, 0.1:-2>> {
  %r = nn.pad %arg0 low = [0, 1, 2, 0] high = [1, 2, 0, 1] value = 0.25 : tensor<1x3x4x2x!quant.uniform<i8:f32, 0.1:-2>> -> tensor<2x6x6x3x!quant.uniform<i8:f32, 0.1:-2>>
  return %r : tensor<2x6x6x3x!quant.uniform<i8:f32, 0.1:-2>>
}

func.func @constant_f32(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %c = nn.constant dense<[0.3455841839313507, 0.8216181397438049, 0.3304370641708374]> : tensor<3xf32> -> tensor<3xf32>
  %r = nn.add %arg0, %c : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

func.func @constant_i8(%arg0: tensor<2x3x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4x3x!quant.uniform<i8:f32, 0.1:3>> {
  %c = nn.constant dense<[[-7, 3, 65], [115, -120, -92]]> : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32, 0.1:3>>
  %r = nn.concat %arg0, %c axis = 0 : (tensor<2x3x!quant.uniform<i8:f32, 0.1:3>>, tensor<2x3x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4x3x!quant.uniform<i8:f32, 0.1:3>>
  return %r : tensor<4x3x!quant.uniform<i8:f32, 0.1:3>>
}

func.func @quantize_i8(%arg0: tensor<3x8xf32>) -> tensor<3x8x!quant.uniform<i8:f32, 0.125:-3>> {
  %r = nn.quantize %arg0 : tensor<3x8xf32> -> tensor<3x8x!quant.uniform<i8:f32, 0.125:-3>>
  return %r : tensor<3x8x!quant.uniform<i8:f32, 0.125:-3>>
}

func.func @quantize_i8_per_channel(%arg0: tensor<2x3x4xf32>) -> tensor<2x3x4x!quant.uniform<i8:f32:1, {0.25:1, 0.1:-2, 0.03:0}>> {
  %r = nn.quantize %arg0 : tensor<2x3x4xf32> -> tensor<2x3x4x!quant.uniform<i8:f32:1, {0.25:1, 0.1:-2, 0.03:0}>>
  return %r : tensor<2x3x4x!quant.uniform<i8:f32:1, {0.25:1, 0.1:-2, 0.03:0}>>
}

func.func @dequantize_i8(%arg0: tensor<3x8x!quant.uniform<i8:f32, 0.07:-3>>) -> tensor<3x8xf32> {
  %r = nn.dequantize %arg0 : tensor<3x8x!quant.uniform<i8:f32, 0.07:-3>> -> tensor<3x8xf32>
  return %r : tensor<3x8xf32>
}

func.func @dequantize_u8_per_channel(%arg0: tensor<4x3x!quant.uniform<u8:f32:1, {0.5:128, 0.01:3, 0.2:250}>>) -> tensor<4x3xf32> {
  %r = nn.dequantize %arg0 : tensor<4x3x!quant.uniform<u8:f32:1, {0.5:128, 0.01:3, 0.2:250}>> -> tensor<4x3xf32>
  return %r : tensor<4x3xf32>
}

func.func @requantize_u8_to_i8(%arg0: tensor<4x8x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<4x8x!quant.uniform<i8:f32, 0.1:0>> {
  %r = nn.requantize %arg0 : tensor<4x8x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4x8x!quant.uniform<i8:f32, 0.1:0>>
  return %r : tensor<4x8x!quant.uniform<i8:f32, 0.1:0>>
}

func.func @requantize_i8_rescale(%arg0: tensor<4x8x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4x8x!quant.uniform<i8:f32, 0.037:-9>> {
  %r = nn.requantize %arg0 : tensor<4x8x!quant.uniform<i8:f32, 0.1:3>> -> tensor<4x8x!quant.uniform<i8:f32, 0.037:-9>>
  return %r : tensor<4x8x!quant.uniform<i8:f32, 0.037:-9>>
}
