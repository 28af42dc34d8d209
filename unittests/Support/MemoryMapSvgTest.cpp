//===- MemoryMapSvgTest.cpp - Tests of the SVG memory map -----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/MemoryMapSvg.h"

#include "morsel/Support/HillClimbPlacement.h"

#include "llvm/ADT/StringExtras.h"

#include "gtest/gtest.h"

#include <random>

using namespace morsel;

namespace {

/// A minimal XML well-formedness check, enough for what the writer emits:
/// one root element, tags that nest and close, quoted attributes, no raw
/// '<' or stray '&' in text or attribute values, comments and processing
/// instructions skipped. Returns an empty string or what is wrong.
std::string checkWellFormedXml(llvm::StringRef xml) {
  llvm::SmallVector<llvm::StringRef> open;
  size_t roots = 0;
  auto isNameChar = [](char c) {
    return llvm::isAlnum(c) || c == '-' || c == '_' || c == ':' || c == '.';
  };
  auto checkText = [](llvm::StringRef text) -> std::string {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '<')
        return "raw '<' in text";
      if (text[i] != '&')
        continue;
      size_t end = text.find(';', i);
      if (end == llvm::StringRef::npos)
        return "unterminated entity";
      llvm::StringRef entity = text.slice(i + 1, end);
      bool isKnown = entity == "lt" || entity == "gt" || entity == "amp" ||
                     entity == "quot" || entity == "apos" ||
                     (entity.starts_with("#") && entity.size() > 1);
      if (!isKnown)
        return ("unknown entity &" + entity + ";").str();
    }
    return "";
  };
  size_t i = 0;
  while (i < xml.size()) {
    size_t tag = xml.find('<', i);
    llvm::StringRef text = xml.slice(i, tag);
    if (open.empty() && !text.trim().empty())
      return "text outside the root element";
    if (std::string error = checkText(text); !error.empty())
      return error;
    if (tag == llvm::StringRef::npos)
      break;
    llvm::StringRef rest = xml.substr(tag);
    if (rest.starts_with("<?") || rest.starts_with("<!--")) {
      size_t end = rest.find(rest.starts_with("<?") ? "?>" : "-->");
      if (end == llvm::StringRef::npos)
        return "unterminated declaration or comment";
      i = tag + end + 2;
      continue;
    }
    bool isClosing = rest.starts_with("</");
    size_t pos = isClosing ? 2 : 1;
    size_t nameStart = pos;
    while (pos < rest.size() && isNameChar(rest[pos]))
      ++pos;
    llvm::StringRef name = rest.slice(nameStart, pos);
    if (name.empty())
      return "tag without a name";
    if (isClosing) {
      if (open.empty() || open.back() != name)
        return ("mismatched </" + name + ">").str();
      open.pop_back();
      pos = rest.find('>', pos);
      if (pos == llvm::StringRef::npos)
        return "unterminated closing tag";
      i = tag + pos + 1;
      continue;
    }
    // Attributes: name="value" separated by spaces.
    llvm::SmallVector<llvm::StringRef> attributes;
    while (true) {
      while (pos < rest.size() && llvm::isSpace(rest[pos]))
        ++pos;
      if (pos >= rest.size())
        return "unterminated tag";
      if (rest[pos] == '>' || rest.substr(pos).starts_with("/>"))
        break;
      size_t attributeStart = pos;
      while (pos < rest.size() && isNameChar(rest[pos]))
        ++pos;
      llvm::StringRef attribute = rest.slice(attributeStart, pos);
      if (attribute.empty() || pos + 1 >= rest.size() || rest[pos] != '=' ||
          (rest[pos + 1] != '"' && rest[pos + 1] != '\''))
        return ("bad attribute in <" + name + ">").str();
      if (llvm::is_contained(attributes, attribute))
        return ("repeated attribute " + attribute).str();
      attributes.push_back(attribute);
      char quote = rest[pos + 1];
      size_t valueEnd = rest.find(quote, pos + 2);
      if (valueEnd == llvm::StringRef::npos)
        return "unterminated attribute value";
      if (std::string error = checkText(rest.slice(pos + 2, valueEnd));
          !error.empty())
        return error;
      pos = valueEnd + 1;
    }
    bool isEmpty = rest[pos] == '/';
    if (open.empty() && roots++ > 0)
      return "more than one root element";
    if (!isEmpty)
      open.push_back(name);
    i = tag + pos + (isEmpty ? 2 : 1);
  }
  if (!open.empty())
    return ("unclosed <" + open.back() + ">").str();
  if (roots != 1)
    return "no root element";
  return "";
}

std::string writeToString(const MemoryMap &map) {
  std::string svg;
  llvm::raw_string_ostream os(svg);
  writeMemoryMapSvg(os, map);
  return svg;
}

size_t countOccurrences(llvm::StringRef text, llvm::StringRef part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != llvm::StringRef::npos;
       at = text.find(part, at + 1))
    ++count;
  return count;
}

MemoryMap makeSmallMap() {
  MemoryMap map;
  map.title = "kws <int8> & friends";
  map.stepNames = {"conv", "depthwise", "add", "fc"};
  map.buffers = {{"input", 640, 0, 0, 1},
                 {"conv_out", 1280, 640, 0, 2},
                 {"dw_out", 1280, 1920, 1, 2},
                 {"fc_out", 48, 0, 3, 3}};
  map.arenaBytes = 3200;
  map.bottleneckStep = 1;
  return map;
}

TEST(MemoryMapSvg, ChecksItsOwnWellFormednessCheck) {
  EXPECT_EQ(checkWellFormedXml("<a><b x=\"1\"/>t&amp;</a>"), "");
  EXPECT_NE(checkWellFormedXml("<a><b></a>"), "");
  EXPECT_NE(checkWellFormedXml("<a>x < y</a>"), "");
  EXPECT_NE(checkWellFormedXml("<a t=\"&\"/>"), "");
  EXPECT_NE(checkWellFormedXml("<a/><b/>"), "");
  EXPECT_NE(checkWellFormedXml("<a x=1/>"), "");
}

TEST(MemoryMapSvg, WritesAWellFormedDocumentWithOneRectanglePerTensor) {
  std::string svg = writeToString(makeSmallMap());
  EXPECT_EQ(checkWellFormedXml(svg), "") << svg;
  EXPECT_TRUE(llvm::StringRef(svg).starts_with("<?xml version=\"1.0\""));
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "version=\"1.1\""),
            std::string::npos);
  EXPECT_EQ(countOccurrences(svg, "<rect class=\"buffer\""), 4u);
  // The tooltip states name, size, offset and lifetime.
  EXPECT_NE(svg.find("<title>dw_out\n1280 bytes (1.3 KiB) at offset 1920 to "
                     "3200\nlive from step 1 (depthwise) to step 2 (add)"),
            std::string::npos);
  // The bottleneck band and the summary line with arena and peak.
  EXPECT_NE(svg.find("bottleneck: step 1 (depthwise), 3.1 KiB live"),
            std::string::npos);
  EXPECT_NE(svg.find("arena 3200 bytes (3.1 KiB); peak live 3200 bytes at "
                     "step 1 (depthwise)"),
            std::string::npos);
}

TEST(MemoryMapSvg, EscapesXmlSpecialCharacters) {
  EXPECT_EQ(escapeXml("a<b&c>\"d'"), "a&lt;b&amp;c&gt;&quot;d&apos;");
  EXPECT_EQ(escapeXml("bell\x07"), "bell?");
  EXPECT_EQ(escapeXml("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(escapeXml("bad\xff"), "bad?");

  MemoryMap map = makeSmallMap();
  map.buffers[0].name = "x<&>\"y";
  map.stepNames[1] = "dw\"<1>&";
  std::string svg = writeToString(map);
  EXPECT_EQ(checkWellFormedXml(svg), "");
  EXPECT_EQ(svg.find("x<&>\"y"), std::string::npos);
  EXPECT_NE(svg.find("x&lt;&amp;&gt;&quot;y"), std::string::npos);
  EXPECT_NE(svg.find("kws &lt;int8&gt; &amp; friends"), std::string::npos);
  EXPECT_NE(svg.find("dw&quot;&lt;1&gt;&amp;"), std::string::npos);
}

TEST(MemoryMapSvg, DrawsAPlannedRandomGraph) {
  // 300 tensors placed by the hill climb, named through makeMemoryMap.
  std::mt19937 random(1);
  std::vector<BufferLifetime> buffers;
  std::vector<std::string> names, steps;
  for (int i = 0; i < 300; ++i) {
    int64_t first = random() % 200;
    buffers.push_back({static_cast<int64_t>(16 + random() % 30000), first,
                       first + static_cast<int64_t>(random() % 10)});
    names.push_back("tensor_" + std::to_string(i));
  }
  for (int i = 0; i < 210; ++i)
    steps.push_back("op_" + std::to_string(i));
  BufferPlacement placement = placeUsmpHillClimb(buffers, 16);
  MemoryMap map = makeMemoryMap("random", buffers, placement, names, steps);
  EXPECT_EQ(map.bottleneckStep, findLiveBytesPeak(buffers).step);
  EXPECT_EQ(map.buffers[7].offset, placement.offsets[7]);
  std::string svg = writeToString(map);
  EXPECT_EQ(checkWellFormedXml(svg), "");
  EXPECT_EQ(countOccurrences(svg, "<rect class=\"buffer\""), 300u);
}

TEST(MemoryMapSvg, HandlesAnEmptyPlan) {
  std::string svg = writeToString(MemoryMap());
  EXPECT_EQ(checkWellFormedXml(svg), "");
  EXPECT_EQ(countOccurrences(svg, "<rect class=\"buffer\""), 0u);
}

} // namespace
