//===- NpyTest.cpp - Tests of the .npy reader and writer ------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/Npy.h"

#include "gtest/gtest.h"

#include <cstring>

using namespace morsel;

namespace {

/// Builds a version 1.0 file with the given header dictionary and payload.
std::string makeNpy(const std::string &dict, const std::string &payload) {
  std::string header = dict + "\n";
  std::string out = std::string("\x93NUMPY") + '\x01' + '\x00';
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>(header.size() >> 8);
  return out + header + payload;
}

TEST(Npy, RoundTripsEveryDType) {
  for (NpyDType dtype : {NpyDType::Float32, NpyDType::Float64, NpyDType::Int8,
                         NpyDType::UInt8, NpyDType::Int32, NpyDType::Int64}) {
    NpyArray array;
    array.dtype = dtype;
    array.shape = {2, 3};
    array.data.resize(6 * getNpyDTypeSize(dtype));
    for (size_t i = 0; i < array.data.size(); ++i)
      array.data[i] = static_cast<char>(i * 7);
    std::string bytes = serializeNpy(array);
    EXPECT_EQ(bytes.size() % 64, array.data.size() % 64);
    llvm::Expected<NpyArray> back = parseNpy(bytes);
    ASSERT_TRUE(static_cast<bool>(back)) << llvm::toString(back.takeError());
    EXPECT_EQ(back->dtype, dtype);
    EXPECT_EQ(back->shape, array.shape);
    EXPECT_EQ(back->data, array.data);
  }
}

TEST(Npy, ParsesWhatNumPyWrites) {
  float values[2] = {1.5f, -2.0f};
  std::string payload(reinterpret_cast<char *>(values), sizeof(values));
  llvm::Expected<NpyArray> array = parseNpy(
      makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
              payload));
  ASSERT_TRUE(static_cast<bool>(array)) << llvm::toString(array.takeError());
  EXPECT_EQ(array->shape, llvm::SmallVector<int64_t>({2}));
  float back[2];
  std::memcpy(back, array->data.data(), sizeof(back));
  EXPECT_EQ(back[1], -2.0f);
}

TEST(Npy, ScalarsHaveAnEmptyShape) {
  llvm::Expected<NpyArray> array = parseNpy(makeNpy(
      "{'descr': '|i1', 'fortran_order': False, 'shape': (), }", "x"));
  ASSERT_TRUE(static_cast<bool>(array)) << llvm::toString(array.takeError());
  EXPECT_TRUE(array->shape.empty());
  EXPECT_EQ(array->getNumElements(), 1);
}

/// Returns the error message of parsing `bytes`, or "" if it parsed.
std::string errorOf(const std::string &bytes) {
  llvm::Expected<NpyArray> array = parseNpy(bytes);
  if (array)
    return "";
  return llvm::toString(array.takeError());
}

TEST(Npy, RejectsMalformedFiles) {
  EXPECT_NE(errorOf("hello"), "");
  EXPECT_NE(errorOf(std::string("\x93NUMPY\x01", 7)), "");
  EXPECT_NE(errorOf(makeNpy("{'descr': '>f4', 'fortran_order': False, "
                            "'shape': (1,), }",
                            "abcd")),
            "");
  EXPECT_NE(errorOf(makeNpy("{'descr': '<f4', 'fortran_order': True, "
                            "'shape': (1,), }",
                            "abcd")),
            "");
  EXPECT_NE(errorOf(makeNpy("{'descr': '<f4', 'fortran_order': False, "
                            "'shape': (2,), }",
                            "abcd")),
            "");
  EXPECT_NE(errorOf(makeNpy("{'descr': '<f4', 'fortran_order': False, "
                            "'shape': (-1,), }",
                            "")),
            "");
  EXPECT_NE(errorOf(makeNpy("{'descr': '<c8', 'fortran_order': False, "
                            "'shape': (1,), }",
                            "abcdefgh")),
            "");
  EXPECT_NE(errorOf(makeNpy("{'descr': '<f4', 'fortran_order': False, "
                            "'shape': (4611686018427387904, 4), }",
                            "")),
            "");
}

} // namespace
