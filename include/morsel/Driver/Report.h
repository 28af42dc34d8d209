//===- Report.h - Where the bytes and the work of a model go ----*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The compile report: arena, weight and code bytes, MACs and a per-operator
// breakdown, printed as a short summary and written as JSON
// (--report-json) with the keys arena_bytes, weights_bytes, code_bytes, macs
// and ops.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DRIVER_REPORT_H
#define MORSEL_DRIVER_REPORT_H

#include "morsel/Support/BufferPlacement.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace morsel {

/// One nn operator of the compiled model.
struct OpReport {
  std::string name;
  std::vector<std::string> inputTypes;
  std::string outputType;
  int64_t macs = 0;
  int64_t bytesIn = 0;
  int64_t bytesOut = 0;
  int64_t weightBytes = 0;
};

/// The placement of the arena: each buffer's offset and lifetime, the
/// operation at each step, the lower bound and the bottleneck step.
struct ArenaPlan {
  std::vector<BufferLifetime> buffers;
  std::vector<int64_t> offsets;
  std::vector<std::string> steps;
  /// The most bytes live at one step (no placement needs less).
  int64_t lowerBoundBytes = 0;
  /// The step where that many bytes are live, or -1.
  int64_t bottleneckStep = -1;
};

/// What a compiled model needs, and what it does per inference.
struct CompileReport {
  std::string model;
  std::string target;
  int64_t arenaBytes = 0;
  /// The arena plan, when the lowered function records one.
  std::optional<ArenaPlan> arenaPlan;
  /// How the driver configured the compilation: planner, operator order
  /// and the chains run a slice of channels at a time (Pex).
  std::string plan;
  std::string operatorOrder;
  int64_t partitionedChains = 0;
  /// Bytes of every nn.constant (weights, biases, tables).
  int64_t weightsBytes = 0;
  /// Executable bytes of the object file, once one is emitted.
  std::optional<int64_t> codeBytes;
  /// Read-only data bytes of the object file, once one is emitted.
  std::optional<int64_t> rodataBytes;
  int64_t macs = 0;
  std::vector<OpReport> ops;
  /// For a run on a board: the RAM the image was linked with (stack, arena
  /// and outputs) and the instructions one inference executed in the
  /// model's code, when counted.
  std::optional<int64_t> linkedRamBytes;
  std::optional<int64_t> instructions;
};

/// Reads the arena plan that morsel-place-buffers-in-arena recorded on
/// `function` (any later dialect) into `report`, if there is one.
void collectArenaPlan(mlir::Operation *function, CompileReport &report);

/// Writes the arena over time as an SVG picture (x: step, y: offset, one
/// box per buffer, the bottleneck step marked). Needs an arena plan.
void writeMemoryMap(llvm::raw_ostream &os, const CompileReport &report);

/// Fills the operator breakdown, MACs and weight bytes of `report` from
/// `function`, in the nn dialect.
void collectOperators(mlir::func::FuncOp function, CompileReport &report);

/// Measures the code and read-only data sections of an object file.
llvm::Error measureObject(llvm::StringRef objectBytes, CompileReport &report);

/// Prints a few lines for a person.
void printSummary(llvm::raw_ostream &os, const CompileReport &report);

/// Writes the report as JSON.
void writeReportJSON(llvm::raw_ostream &os, const CompileReport &report);

} // namespace morsel

#endif // MORSEL_DRIVER_REPORT_H
