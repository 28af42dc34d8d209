//===- MemoryMapSvg.h - A picture of the arena over time --------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Writes a memory plan as a standalone SVG 1.1 document that any browser
// shows: operator steps along x, arena addresses up y (0 at the bottom),
// one rectangle per tensor from its offset to its end and from its first
// to its last step. Hovering a tensor shows its name, size, offset and
// lifetime; hovering a step shows the operator and the bytes live there.
// The bottleneck step (the most live bytes) is a red band, and the arena
// size a dashed line: the gap between the band's live bytes and the line is
// what the placement loses to fragmentation.
//
// The layout is fixed-width (1000 pixels) whatever the number of steps, so
// that 5 tensors and 300 read alike; names are written inside rectangles
// only where they fit, and every string is escaped for XML.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_SUPPORT_MEMORYMAPSVG_H
#define MORSEL_SUPPORT_MEMORYMAPSVG_H

#include "morsel/Support/BufferPlacement.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>

namespace morsel {

/// One placed tensor: its name, bytes, offset in the arena and the steps
/// (inclusive) during which it is live.
struct MemoryMapBuffer {
  std::string name;
  int64_t size = 0;
  int64_t offset = 0;
  int64_t firstUse = 0;
  int64_t lastUse = 0;
};

/// Everything the picture shows.
struct MemoryMap {
  /// What the plan is of, e.g. the model and the planner.
  std::string title;
  llvm::SmallVector<MemoryMapBuffer> buffers;
  /// The operator run at each step.
  llvm::SmallVector<std::string> stepNames;
  int64_t arenaBytes = 0;
  /// The step with the most live bytes; -1 for none.
  int64_t bottleneckStep = -1;
};

/// Gathers a placement into a map: buffer i is named `bufferNames[i]` (or
/// "buffer i" past the end of the list) and the bottleneck step is the one
/// findLiveBytesPeak finds.
MemoryMap makeMemoryMap(llvm::StringRef title,
                        llvm::ArrayRef<BufferLifetime> buffers,
                        const BufferPlacement &placement,
                        llvm::ArrayRef<std::string> bufferNames,
                        llvm::ArrayRef<std::string> stepNames);

/// Returns `text` with the XML special characters `<&>"'` as entities;
/// control characters that XML 1.0 forbids and bytes that are not UTF-8
/// become '?'.
std::string escapeXml(llvm::StringRef text);

/// Writes `map` as a standalone SVG 1.1 document.
void writeMemoryMapSvg(llvm::raw_ostream &os, const MemoryMap &map);

} // namespace morsel

#endif // MORSEL_SUPPORT_MEMORYMAPSVG_H
