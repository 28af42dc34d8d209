//===- Report.cpp - Where the bytes and the work of a model go ------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Driver/Report.h"
#include "morsel/Dialect/NN/Analysis/OpCost.h"
#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/Seg/IR/SegDialect.h"
#include "morsel/Support/MemoryMapSvg.h"
#include "morsel/Transforms/Passes.h"

#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace morsel;

/// Prints `type` as MLIR does.
static std::string printType(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  type.print(os);
  return text;
}

void morsel::collectOperators(func::FuncOp function, CompileReport &report) {
  function.walk([&](Operation *op) {
    // Operators only: a partition's body lists its own.
    if (!isa<nn::NNDialect>(op->getDialect()) ||
        isa<nn::ChannelPartitionOp, nn::YieldOp>(op))
      return;
    nn::OpCost cost = nn::getOpCost(op);
    if (isa<nn::ConstantOp>(op)) {
      report.weightsBytes += cost.bytesOut;
      return;
    }
    OpReport entry;
    entry.name = op->getName().getStringRef().str();
    for (Type type : op->getOperandTypes())
      entry.inputTypes.push_back(printType(type));
    entry.outputType = printType(op->getResult(0).getType());
    entry.macs = cost.macs;
    entry.bytesIn = cost.activationBytesIn;
    entry.bytesOut = cost.bytesOut;
    entry.weightBytes = cost.weightBytes;
    report.macs += cost.macs;
    report.ops.push_back(std::move(entry));
  });
}

llvm::Error morsel::measureObject(llvm::StringRef objectBytes,
                                  CompileReport &report) {
  auto object = llvm::object::ObjectFile::createObjectFile(
      llvm::MemoryBufferRef(objectBytes, "model.o"));
  if (!object)
    return object.takeError();
  int64_t code = 0, rodata = 0;
  for (const llvm::object::SectionRef &section : (*object)->sections()) {
    if (section.isText())
      code += section.getSize();
    else if (section.isData() && !section.isBSS()) {
      llvm::Expected<llvm::StringRef> name = section.getName();
      if (name && name->starts_with(".rodata"))
        rodata += section.getSize();
      else if (!name)
        llvm::consumeError(name.takeError());
    }
  }
  report.codeBytes = code;
  report.rodataBytes = rodata;
  return llvm::Error::success();
}

/// Formats a byte count for a person: "1234 B (1.2 KiB)".
static std::string formatBytes(int64_t bytes) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << bytes << " B";
  if (bytes >= 1024)
    os << llvm::format(" (%.1f KiB)", bytes / 1024.0);
  return text;
}

/// The step at which the live buffers reach highest in the arena (the
/// earliest of equals): the operator that sets the arena's size under any
/// plan, overlapping or not.
static int64_t findHighWaterStep(const ArenaPlan &plan) {
  int64_t lastStep = -1;
  for (const BufferLifetime &buffer : plan.buffers)
    lastStep = std::max(lastStep, buffer.lastUse);
  int64_t best = -1, bestTop = 0;
  for (int64_t step = 0; step <= lastStep; ++step) {
    int64_t top = 0;
    for (auto [buffer, offset] : llvm::zip(plan.buffers, plan.offsets))
      if (buffer.firstUse <= step && step <= buffer.lastUse)
        top = std::max<int64_t>(top, offset + llvm::alignTo(buffer.size, 16));
    if (top > bestTop) {
      bestTop = top;
      best = step;
    }
  }
  return best;
}

void morsel::collectArenaPlan(mlir::Operation *function,
                              CompileReport &report) {
  auto buffers = function->getAttrOfType<mlir::DenseI64ArrayAttr>(
      kArenaBuffersAttrName);
  auto steps = function->getAttrOfType<mlir::ArrayAttr>(kArenaStepsAttrName);
  auto bound =
      function->getAttrOfType<mlir::IntegerAttr>(kArenaLowerBoundAttrName);
  if (!buffers || !steps || !bound || buffers.size() % 4 != 0)
    return;
  ArenaPlan plan;
  llvm::ArrayRef<int64_t> values = buffers.asArrayRef();
  for (size_t i = 0; i < values.size(); i += 4) {
    plan.offsets.push_back(values[i]);
    plan.buffers.push_back({values[i + 1], values[i + 2], values[i + 3]});
  }
  for (mlir::Attribute step : steps)
    if (auto name = llvm::dyn_cast<mlir::StringAttr>(step))
      plan.steps.push_back(name.str());
  plan.lowerBoundBytes = bound.getInt();
  plan.bottleneckStep = findHighWaterStep(plan);
  report.arenaPlan = std::move(plan);
}

void morsel::writeMemoryMap(llvm::raw_ostream &os,
                            const CompileReport &report) {
  const ArenaPlan &plan = *report.arenaPlan;
  BufferPlacement placement;
  placement.offsets.assign(plan.offsets.begin(), plan.offsets.end());
  placement.arenaBytes = report.arenaBytes;
  MemoryMap map = makeMemoryMap(report.model + " for " + report.target,
                                plan.buffers, placement, /*bufferNames=*/{},
                                plan.steps);
  // The picture marks the step the summary and the JSON name.
  map.bottleneckStep = plan.bottleneckStep;
  writeMemoryMapSvg(os, map);
}

/// Returns "step N (op)" for the bottleneck of `plan`.
static std::string describeBottleneck(const ArenaPlan &plan) {
  std::string text = "step " + std::to_string(plan.bottleneckStep);
  if (plan.bottleneckStep >= 0 &&
      plan.bottleneckStep < static_cast<int64_t>(plan.steps.size()))
    text += " (" + plan.steps[plan.bottleneckStep] + ")";
  return text;
}

void morsel::printSummary(llvm::raw_ostream &os, const CompileReport &report) {
  os << report.model << " for " << report.target << ":\n"
     << "  arena (SRAM)  " << formatBytes(report.arenaBytes) << "\n";
  if (report.arenaPlan)
    os << "  lower bound   " << formatBytes(report.arenaPlan->lowerBoundBytes)
       << ", peak at " << describeBottleneck(*report.arenaPlan) << "\n";
  if (!report.plan.empty())
    os << "  strategy      plan " << report.plan << ", operator order "
       << report.operatorOrder << ", " << report.partitionedChains
       << " chain(s) partitioned along channels\n";
  os << "  weights       " << formatBytes(report.weightsBytes) << "\n";
  if (report.codeBytes)
    os << "  code          " << formatBytes(*report.codeBytes) << "\n"
       << "  rodata        " << formatBytes(*report.rodataBytes) << "\n";
  os << "  MACs          " << report.macs << "\n"
     << "  operators     " << report.ops.size() << "\n";
  if (report.linkedRamBytes)
    os << "  ran in        " << formatBytes(*report.linkedRamBytes)
       << " of RAM (stack + arena + outputs)\n";
  if (report.instructions) {
    os << "  instructions  " << *report.instructions;
    if (report.macs)
      os << llvm::format(" (%.2f per MAC)",
                         double(*report.instructions) / report.macs);
    os << "\n";
  }
}

void morsel::writeReportJSON(llvm::raw_ostream &os,
                             const CompileReport &report) {
  llvm::json::Array ops;
  for (const OpReport &op : report.ops) {
    llvm::json::Array inputs;
    for (const std::string &type : op.inputTypes)
      inputs.push_back(type);
    ops.push_back(llvm::json::Object{{"op", op.name},
                                     {"inputs", std::move(inputs)},
                                     {"output", op.outputType},
                                     {"macs", op.macs},
                                     {"bytes_in", op.bytesIn},
                                     {"bytes_out", op.bytesOut},
                                     {"weight_bytes", op.weightBytes}});
  }
  llvm::json::Object root{{"model", report.model},
                          {"target", report.target},
                          {"arena_bytes", report.arenaBytes},
                          {"weights_bytes", report.weightsBytes},
                          {"macs", report.macs},
                          {"ops", std::move(ops)}};
  if (report.arenaPlan) {
    root["lower_bound_bytes"] = report.arenaPlan->lowerBoundBytes;
    root["bottleneck"] = describeBottleneck(*report.arenaPlan);
  }
  if (!report.plan.empty()) {
    root["plan"] = report.plan;
    root["operator_order"] = report.operatorOrder;
    root["partitioned_chains"] = report.partitionedChains;
  }
  if (report.linkedRamBytes)
    root["linked_ram_bytes"] = *report.linkedRamBytes;
  if (report.instructions)
    root["instructions"] = *report.instructions;
  if (report.codeBytes) {
    root["code_bytes"] = *report.codeBytes;
    root["rodata_bytes"] = *report.rodataBytes;
  } else {
    root["code_bytes"] = nullptr;
  }
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
}
