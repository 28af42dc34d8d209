//===- Npy.cpp - Read and write NumPy .npy arrays -------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/Npy.h"
#include "morsel/Support/ShapeUtils.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

#include <cstring>

using namespace morsel;

namespace {
/// One dtype: its enum, NumPy name, element size and .npy descriptors.
struct DTypeInfo {
  NpyDType dtype;
  llvm::StringRef name;
  size_t size;
  llvm::StringRef descr;
  llvm::StringRef altDescr;
};
} // namespace

static constexpr DTypeInfo kDTypes[] = {
    {NpyDType::Float32, "float32", 4, "<f4", "<f4"},
    {NpyDType::Float64, "float64", 8, "<f8", "<f8"},
    {NpyDType::Int8, "int8", 1, "|i1", "<i1"},
    {NpyDType::UInt8, "uint8", 1, "|u1", "<u1"},
    {NpyDType::Int32, "int32", 4, "<i4", "<i4"},
    {NpyDType::Int64, "int64", 8, "<i8", "<i8"},
};

static const DTypeInfo &getInfo(NpyDType dtype) {
  for (const DTypeInfo &info : kDTypes)
    if (info.dtype == dtype)
      return info;
  return kDTypes[0];
}

llvm::StringRef morsel::getNpyDTypeName(NpyDType dtype) {
  return getInfo(dtype).name;
}

size_t morsel::getNpyDTypeSize(NpyDType dtype) { return getInfo(dtype).size; }

int64_t NpyArray::getNumElements() const {
  return getElementCount(shape).value_or(-1);
}

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

/// Returns the text of the value of `key` in the header dictionary, up to the
/// next top-level comma or closing brace.
static std::optional<llvm::StringRef> findValue(llvm::StringRef header,
                                                llvm::StringRef key) {
  for (llvm::StringRef quote : {"'", "\""}) {
    std::string needle = (quote + key + quote).str();
    size_t at = header.find(needle);
    if (at == llvm::StringRef::npos)
      continue;
    llvm::StringRef rest = header.drop_front(at + needle.size()).ltrim();
    if (!rest.consume_front(":"))
      return std::nullopt;
    rest = rest.ltrim();
    int depth = 0;
    size_t end = 0;
    for (; end < rest.size(); ++end) {
      char c = rest[end];
      if (c == '(' || c == '[')
        ++depth;
      else if (c == ')' || c == ']')
        --depth;
      else if ((c == ',' || c == '}') && depth == 0)
        break;
    }
    return rest.take_front(end).trim();
  }
  return std::nullopt;
}

/// Parses a shape tuple such as "(1, 3, 96, 96)", "(5,)" or "()".
static llvm::Expected<llvm::SmallVector<int64_t>>
parseShape(llvm::StringRef text) {
  if (!text.consume_front("(") || !text.consume_back(")"))
    return makeError("malformed shape '" + text + "'");
  llvm::SmallVector<int64_t> shape;
  llvm::SmallVector<llvm::StringRef> parts;
  text.split(parts, ',');
  for (llvm::StringRef part : parts) {
    part = part.trim();
    if (part.empty())
      continue;
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return makeError("malformed shape dimension '" + part + "'");
    shape.push_back(dim);
  }
  return shape;
}

llvm::Expected<NpyArray> morsel::parseNpy(llvm::StringRef buffer) {
  static constexpr llvm::StringLiteral kMagic("\x93NUMPY");
  if (!buffer.starts_with(kMagic) || buffer.size() < 10)
    return makeError("not a .npy file (bad magic)");
  uint8_t major = buffer[6];
  size_t headerLength, headerStart;
  if (major == 1) {
    headerLength = static_cast<uint8_t>(buffer[8]) |
                   (static_cast<uint8_t>(buffer[9]) << 8);
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (buffer.size() < 12)
      return makeError("truncated .npy header");
    headerLength = 0;
    for (int i = 0; i < 4; ++i)
      headerLength |= static_cast<size_t>(static_cast<uint8_t>(buffer[8 + i]))
                      << (8 * i);
    headerStart = 12;
  } else {
    return makeError("unsupported .npy version " + llvm::Twine(major));
  }
  if (buffer.size() - headerStart < headerLength)
    return makeError("truncated .npy header");
  llvm::StringRef header = buffer.substr(headerStart, headerLength);

  std::optional<llvm::StringRef> descr = findValue(header, "descr");
  std::optional<llvm::StringRef> order = findValue(header, "fortran_order");
  std::optional<llvm::StringRef> shapeText = findValue(header, "shape");
  if (!descr || !order || !shapeText)
    return makeError("malformed .npy header '" + header.trim() + "'");
  if (*order != "False")
    return makeError("Fortran-ordered arrays are not supported");

  NpyArray array;
  llvm::StringRef d = descr->trim("'\"");
  const DTypeInfo *found = nullptr;
  for (const DTypeInfo &info : kDTypes)
    if (d == info.descr || d == info.altDescr)
      found = &info;
  if (!found)
    return makeError("unsupported dtype '" + d +
                     "' (expected little-endian float32, float64, int8, "
                     "uint8, int32 or int64)");
  array.dtype = found->dtype;

  llvm::Expected<llvm::SmallVector<int64_t>> shape = parseShape(*shapeText);
  if (!shape)
    return shape.takeError();
  array.shape = std::move(*shape);
  std::optional<int64_t> count = getElementCount(array.shape);
  int64_t bytes = 0;
  if (!count || llvm::MulOverflow(*count, static_cast<int64_t>(found->size),
                                  bytes))
    return makeError("array too large");
  llvm::StringRef payload = buffer.drop_front(headerStart + headerLength);
  if (static_cast<int64_t>(payload.size()) != bytes)
    return makeError("data holds " + llvm::Twine(payload.size()) +
                     " bytes but shape " + formatShape(array.shape) + " of " +
                     found->name + " needs " + llvm::Twine(bytes));
  array.data.assign(payload.begin(), payload.end());
  return array;
}

std::string morsel::serializeNpy(const NpyArray &array) {
  std::string shape = "(";
  for (int64_t dim : array.shape)
    shape += std::to_string(dim) + ", ";
  if (array.shape.size() > 1)
    shape.resize(shape.size() - 2);
  else if (array.shape.size() == 1)
    shape.resize(shape.size() - 1);
  shape += ")";
  std::string header = "{'descr': '" + getInfo(array.dtype).descr.str() +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
  // Pad with spaces so that magic + length + header + '\n' is a multiple of
  // 64 bytes, as NumPy writes it.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string out = "\x93NUMPY";
  out += static_cast<char>(1);
  out += static_cast<char>(0);
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>((header.size() >> 8) & 0xff);
  out += header;
  out.append(array.data.begin(), array.data.end());
  return out;
}
