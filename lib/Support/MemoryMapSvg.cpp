//===- MemoryMapSvg.cpp - A picture of the arena over time ----------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Support/MemoryMapSvg.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"

#include <algorithm>
#include <cmath>

using namespace morsel;

MemoryMap morsel::makeMemoryMap(llvm::StringRef title,
                                llvm::ArrayRef<BufferLifetime> buffers,
                                const BufferPlacement &placement,
                                llvm::ArrayRef<std::string> bufferNames,
                                llvm::ArrayRef<std::string> stepNames) {
  MemoryMap map;
  map.title = title.str();
  for (auto [index, buffer] : llvm::enumerate(buffers)) {
    std::string name = index < bufferNames.size()
                           ? bufferNames[index]
                           : "buffer " + std::to_string(index);
    map.buffers.push_back({std::move(name), buffer.size,
                           placement.offsets[index], buffer.firstUse,
                           buffer.lastUse});
  }
  map.stepNames.assign(stepNames.begin(), stepNames.end());
  map.arenaBytes = placement.arenaBytes;
  map.bottleneckStep = findLiveBytesPeak(buffers).step;
  return map;
}

std::string morsel::escapeXml(llvm::StringRef text) {
  std::string escaped;
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.data());
  const auto *end = begin + text.size();
  bool isUtf8 = llvm::isLegalUTF8String(&begin, end);
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
    case '<':
      escaped += "&lt;";
      break;
    case '>':
      escaped += "&gt;";
      break;
    case '&':
      escaped += "&amp;";
      break;
    case '"':
      escaped += "&quot;";
      break;
    case '\'':
      escaped += "&apos;";
      break;
    default:
      if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
          (byte >= 0x80 && !isUtf8))
        escaped += '?';
      else
        escaped += c;
    }
  }
  return escaped;
}

//===----------------------------------------------------------------------===//
// Layout
//===----------------------------------------------------------------------===//

namespace {

/// Bytes in the units a reader thinks in: "512 B", "48 KiB", "1.5 MiB".
std::string formatBytes(int64_t bytes) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (bytes < 1024)
    os << bytes << " B";
  else if (bytes < 1024 * 1024)
    os << llvm::format("%g KiB", std::round(bytes / 102.4) / 10);
  else
    os << llvm::format("%g MiB", std::round(bytes / (1024 * 102.4)) / 10);
  return text;
}

/// A distinct colour per tensor: hues a golden angle apart, three
/// lightnesses, as #rrggbb (SVG 1.1 has no hsl()).
std::string getFill(size_t index) {
  double hue = std::fmod(index * 137.508, 360.0) / 60.0;
  double lightness = 0.58 + 0.08 * (index % 3), saturation = 0.62;
  double chroma = (1 - std::fabs(2 * lightness - 1)) * saturation;
  double second = chroma * (1 - std::fabs(std::fmod(hue, 2.0) - 1));
  double rgb[3] = {0, 0, 0};
  int sector = static_cast<int>(hue) % 6;
  int first = (sector + 1) / 2 % 3, other = (7 - sector) % 3;
  rgb[first] = chroma;
  rgb[other] = second;
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '#';
  for (double channel : rgb)
    os << llvm::format_hex_no_prefix(
        static_cast<unsigned>(
            std::lround(255 * (channel + lightness - chroma / 2))),
        2);
  return text;
}

/// The first of 1, 2, 5, 10, 20, 50, ... that labels at most 25 of `steps`.
int64_t getStepTickInterval(int64_t steps) {
  for (int64_t scale = 1;; scale *= 10)
    for (int64_t factor : {1, 2, 5})
      if (steps / (factor * scale) <= 25)
        return factor * scale;
}

/// Where steps and addresses land on the page.
struct Layout {
  static constexpr double width = 1000, left = 96, right = 28, top = 78,
                          plotHeight = 520;
  static constexpr double plotWidth = width - left - right;
  int64_t steps = 1;
  int64_t topAddress = 1;
  bool showStepNames = false;

  double getBottom() const { return top + plotHeight; }
  double getHeight() const { return getBottom() + (showStepNames ? 130 : 50); }
  double getX(int64_t step) const {
    return left + plotWidth * static_cast<double>(step) / steps;
  }
  double getY(int64_t address) const {
    return getBottom() - plotHeight * static_cast<double>(address) / topAddress;
  }
};

/// Writes one memory map; each method draws one layer, back to front.
class SvgWriter {
public:
  SvgWriter(llvm::raw_ostream &os, const MemoryMap &map);
  void write();

private:
  void writeHeader();
  void writeAxes();
  void writeSteps();
  void writeBuffers();
  void writeBottleneckAndArena();
  llvm::StringRef getStepName(int64_t step) const {
    return step >= 0 && static_cast<size_t>(step) < map.stepNames.size()
               ? llvm::StringRef(map.stepNames[step])
               : llvm::StringRef();
  }
  /// "step 3 (conv_1)", or "step 3" without a name.
  std::string describeStep(int64_t step) const;

  llvm::raw_ostream &os;
  const MemoryMap &map;
  Layout layout;
  /// Live bytes per step, when there are few enough steps to hover.
  llvm::SmallVector<int64_t> liveBytes;
  int64_t bottleneckBytes = 0;
};

} // namespace

/// Pixels with one decimal.
static auto px(double value) { return llvm::format("%.1f", value); }

SvgWriter::SvgWriter(llvm::raw_ostream &os, const MemoryMap &map)
    : os(os), map(map) {
  int64_t lastStep = static_cast<int64_t>(map.stepNames.size()) - 1;
  int64_t highest = map.arenaBytes;
  for (const MemoryMapBuffer &buffer : map.buffers) {
    lastStep = std::max(lastStep, buffer.lastUse);
    highest = std::max(highest, buffer.offset + buffer.size);
    if (buffer.firstUse <= map.bottleneckStep &&
        map.bottleneckStep <= buffer.lastUse)
      bottleneckBytes += buffer.size;
  }
  layout.steps = std::max<int64_t>(lastStep + 1, 1);
  layout.topAddress = std::max<int64_t>(highest, 1);
  layout.showStepNames = !map.stepNames.empty() && layout.steps <= 32;
  constexpr int64_t maxHoveredSteps = 2000;
  if (layout.steps <= maxHoveredSteps) {
    liveBytes.assign(layout.steps + 1, 0);
    for (const MemoryMapBuffer &buffer : map.buffers) {
      if (buffer.lastUse < buffer.firstUse || buffer.firstUse < 0)
        continue;
      liveBytes[buffer.firstUse] += buffer.size;
      liveBytes[buffer.lastUse + 1] -= buffer.size;
    }
    for (int64_t step = 1; step <= layout.steps; ++step)
      liveBytes[step] += liveBytes[step - 1];
  }
}

std::string SvgWriter::describeStep(int64_t step) const {
  std::string text = "step " + std::to_string(step);
  if (!getStepName(step).empty())
    text += " (" + getStepName(step).str() + ")";
  return text;
}

void SvgWriter::write() {
  writeHeader();
  writeAxes();
  writeSteps();
  writeBuffers();
  writeBottleneckAndArena();
  os << "</svg>\n";
}

void SvgWriter::writeHeader() {
  std::string title = map.title.empty() ? "Memory map" : map.title;
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
     << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\""
     << px(Layout::width) << "\" height=\"" << px(layout.getHeight())
     << "\" viewBox=\"0 0 " << px(Layout::width) << ' '
     << px(layout.getHeight()) << "\" font-family=\"sans-serif\">\n"
     << "<title>" << escapeXml(title) << "</title>\n"
     << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
     << "<text x=\"" << px(Layout::left) << "\" y=\"22\" font-size=\"16\" "
     << "font-weight=\"bold\">" << escapeXml(title) << "</text>\n";
  os << "<text x=\"" << px(Layout::left) << "\" y=\"42\" font-size=\"12\">"
     << "arena " << map.arenaBytes << " bytes (" << formatBytes(map.arenaBytes)
     << ")";
  if (map.bottleneckStep >= 0) {
    os << "; peak live " << bottleneckBytes << " bytes at "
       << escapeXml(describeStep(map.bottleneckStep));
    if (map.arenaBytes > 0)
      os << "; fragmentation " << map.arenaBytes - bottleneckBytes
         << llvm::format(" bytes (%.1f%%)",
                         100.0 * (map.arenaBytes - bottleneckBytes) /
                             map.arenaBytes);
  }
  os << "</text>\n";
  os << "<text x=\"" << px(Layout::left) << "\" y=\"58\" font-size=\"11\" "
     << "fill=\"#555555\">" << map.buffers.size() << " tensors, "
     << layout.steps
     << " steps; x: operator step, y: arena offset; hover for details; red: "
        "the step with the most live bytes; dashed: the arena size</text>\n";
}

void SvgWriter::writeAxes() {
  double bottom = layout.getBottom();
  os << "<g class=\"axes\" font-size=\"10\" fill=\"#333333\">\n";
  // Address ticks: a power of two, at most 8 intervals.
  int64_t tick = 1;
  while (layout.topAddress / tick > 8)
    tick *= 2;
  for (int64_t address = 0; address <= layout.topAddress; address += tick) {
    double y = layout.getY(address);
    os << "<line x1=\"" << px(Layout::left) << "\" y1=\"" << px(y) << "\" x2=\""
       << px(Layout::left + Layout::plotWidth) << "\" y2=\"" << px(y)
       << "\" stroke=\"#e4e4e4\"/>\n"
       << "<text x=\"" << px(Layout::left - 6) << "\" y=\"" << px(y + 3)
       << "\" text-anchor=\"end\">" << formatBytes(address) << "</text>\n";
  }
  // Step ticks: every 1, 2, 5, 10, ... steps, at most 25 of them.
  int64_t every = getStepTickInterval(layout.steps);
  for (int64_t step = 0; step < layout.steps; step += every) {
    double x = (layout.getX(step) + layout.getX(step + 1)) / 2;
    os << "<text x=\"" << px(x) << "\" y=\"" << px(bottom + 14)
       << "\" text-anchor=\"middle\">" << step << "</text>\n";
    if (layout.showStepNames && !getStepName(step).empty()) {
      std::string name = getStepName(step).str();
      if (name.size() > 20)
        name = name.substr(0, 19) + "~";
      os << "<text x=\"" << px(x) << "\" y=\"" << px(bottom + 26)
         << "\" text-anchor=\"end\" transform=\"rotate(-40 " << px(x) << ' '
         << px(bottom + 26) << ")\">" << escapeXml(name) << "</text>\n";
    }
  }
  double axisTitleY = layout.getHeight() - 12;
  os << "<text x=\"" << px(Layout::left + Layout::plotWidth / 2) << "\" y=\""
     << px(axisTitleY) << "\" text-anchor=\"middle\" font-size=\"12\">"
     << "operator step</text>\n"
     << "<text x=\"16\" y=\"" << px(Layout::top + Layout::plotHeight / 2)
     << "\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 16 "
     << px(Layout::top + Layout::plotHeight / 2) << ")\">arena offset</text>\n"
     << "<rect x=\"" << px(Layout::left) << "\" y=\"" << px(Layout::top)
     << "\" width=\"" << px(Layout::plotWidth) << "\" height=\""
     << px(Layout::plotHeight) << "\" fill=\"none\" stroke=\"#888888\"/>\n"
     << "</g>\n";
}

void SvgWriter::writeSteps() {
  if (liveBytes.empty())
    return;
  // Invisible columns behind the tensors: hovering empty space names the
  // step's operator and its live bytes.
  os << "<g class=\"steps\" fill=\"#000000\" fill-opacity=\"0\">\n";
  for (int64_t step = 0; step < layout.steps; ++step)
    os << "<rect x=\"" << px(layout.getX(step)) << "\" y=\"" << px(Layout::top)
       << "\" width=\"" << px(layout.getX(step + 1) - layout.getX(step))
       << "\" height=\"" << px(Layout::plotHeight) << "\"><title>"
       << escapeXml(describeStep(step)) << ": " << liveBytes[step]
       << " live bytes</title></rect>\n";
  os << "</g>\n";
}

void SvgWriter::writeBuffers() {
  os << "<g class=\"buffers\" font-size=\"10\">\n";
  for (auto [index, buffer] : llvm::enumerate(map.buffers)) {
    double x = layout.getX(buffer.firstUse);
    double width = std::max(
        layout.getX(std::max(buffer.lastUse, buffer.firstUse) + 1) - x, 1.0);
    double y = layout.getY(buffer.offset + buffer.size);
    double height = std::max(layout.getY(buffer.offset) - y, 1.0);
    std::string name = escapeXml(buffer.name);
    os << "<rect class=\"buffer\" x=\"" << px(x) << "\" y=\"" << px(y)
       << "\" width=\"" << px(width) << "\" height=\"" << px(height)
       << "\" fill=\"" << getFill(index)
       << "\" stroke=\"#333333\" stroke-width=\"0.5\"><title>" << name << "\n"
       << buffer.size << " bytes (" << formatBytes(buffer.size)
       << ") at offset " << buffer.offset << " to "
       << buffer.offset + buffer.size << "\nlive from "
       << escapeXml(describeStep(buffer.firstUse)) << " to "
       << escapeXml(describeStep(buffer.lastUse)) << "</title></rect>\n";
    // The name inside, where it fits (about 6 pixels a character).
    if (height >= 13 && width >= 6.0 * buffer.name.size() + 6)
      os << "<text x=\"" << px(x + 3) << "\" y=\"" << px(y + height / 2 + 3.5)
         << "\" pointer-events=\"none\">" << name << "</text>\n";
  }
  os << "</g>\n";
}

void SvgWriter::writeBottleneckAndArena() {
  double arenaY = layout.getY(map.arenaBytes);
  double plotRight = Layout::left + Layout::plotWidth;
  os << "<g class=\"arena\" pointer-events=\"none\">\n"
     << "<line x1=\"" << px(Layout::left) << "\" y1=\"" << px(arenaY)
     << "\" x2=\"" << px(plotRight) << "\" y2=\"" << px(arenaY)
     << "\" stroke=\"#000000\" stroke-dasharray=\"6 4\"/>\n"
     << "<text x=\"" << px(plotRight - 4) << "\" y=\"" << px(arenaY - 4)
     << "\" text-anchor=\"end\" font-size=\"11\">arena "
     << formatBytes(map.arenaBytes) << "</text>\n"
     << "</g>\n";
  if (map.bottleneckStep < 0 || map.bottleneckStep >= layout.steps)
    return;
  double x = layout.getX(map.bottleneckStep);
  double width = std::max(layout.getX(map.bottleneckStep + 1) - x, 2.0);
  double center = x + width / 2;
  llvm::StringRef anchor = center < Layout::left + 160 ? "start"
                           : center > plotRight - 160  ? "end"
                                                       : "middle";
  os << "<g class=\"bottleneck\" pointer-events=\"none\">\n"
     << "<rect x=\"" << px(x) << "\" y=\"" << px(Layout::top) << "\" width=\""
     << px(width) << "\" height=\"" << px(Layout::plotHeight)
     << "\" fill=\"#ff0000\" fill-opacity=\"0.12\" stroke=\"#d00000\" "
        "stroke-width=\"1.5\"/>\n"
     << "<text x=\"" << px(center) << "\" y=\"" << px(Layout::top - 5)
     << "\" text-anchor=\"" << anchor
     << "\" font-size=\"11\" fill=\"#c00000\">bottleneck: "
     << escapeXml(describeStep(map.bottleneckStep)) << ", "
     << formatBytes(bottleneckBytes) << " live</text>\n"
     << "</g>\n";
}

void morsel::writeMemoryMapSvg(llvm::raw_ostream &os, const MemoryMap &map) {
  SvgWriter(os, map).write();
}
