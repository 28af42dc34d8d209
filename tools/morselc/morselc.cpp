//===- morselc.cpp - The Morsel compiler driver ---------------------------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// The command users run: a model in (.onnx, or .mlir in the nn or TOSA
// dialect), a compiled model out: with -o DIR, DIR/model.o and DIR/model.h
// for the target. With --target host --run it compiles the model for this
// machine, runs it on NumPy inputs and writes NumPy outputs. With
// --codegen=reference-c the model becomes plain C reference kernels compiled
// by arm-none-eabi-gcc instead (the baseline benchmarks compare against).
//
//===----------------------------------------------------------------------===//

#include "morsel/Dialect/NN/IR/NNOps.h"
#include "morsel/Dialect/NN/Transforms/Passes.h"
#include "morsel/Dialect/Seg/IR/SegDialect.h"
#include "morsel/Driver/ArmGcc.h"
#include "morsel/Driver/HostRunner.h"
#include "morsel/Driver/Model.h"
#include "morsel/Driver/ModelHeader.h"
#include "morsel/Driver/QemuRunner.h"
#include "morsel/Driver/Report.h"
#include "morsel/InitAll.h"
#include "morsel/Pipelines/Pipelines.h"
#include "morsel/Support/Npy.h"
#include "morsel/Target/Codegen/ObjectEmitter.h"
#include "morsel/Target/Codegen/TargetDescription.h"
#include "morsel/Target/ReferenceC/ReferenceC.h"
#include "morsel/Transforms/Passes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace mlir;
using namespace morsel;
namespace cl = llvm::cl;

static cl::OptionCategory morselCategory("morselc options");

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.onnx|model.mlir>"),
                                      cl::cat(morselCategory));

static cl::opt<std::string>
    targetName("target", cl::init("host"),
               cl::desc("What to compile for: cortex-m0plus, cortex-m3, "
                        "cortex-m4, cortex-m7, cortex-m33, cortex-m55 or "
                        "host (this machine)"),
               cl::value_desc("name"), cl::cat(morselCategory));

static cl::opt<std::string>
    outputDir("o", cl::init(""),
              cl::desc("Write the compiled model to DIR/model.o and "
                       "DIR/model.h (file names follow --name)"),
              cl::value_desc("DIR"), cl::cat(morselCategory));

static cl::opt<std::string>
    symbolPrefix("name", cl::init("model"),
                 cl::desc("Prefix of the generated symbols, macros and file "
                          "names, so that several models link into one "
                          "firmware"),
                 cl::value_desc("prefix"), cl::cat(morselCategory));

static cl::list<std::string>
    runInputs("run", cl::CommaSeparated,
              cl::desc("Run the compiled model on these .npy inputs, one per "
                       "model input, in order"),
              cl::value_desc("input.npy[,input.npy...]"),
              cl::cat(morselCategory));

static cl::list<std::string>
    runOutputs("output", cl::CommaSeparated,
               cl::desc("Write the outputs of --run to these .npy files, one "
                        "per model output, in order"),
               cl::value_desc("output.npy[,output.npy...]"),
               cl::cat(morselCategory));

static cl::opt<std::string>
    entryName("entry", cl::init(""),
              cl::desc("The function to compile (default: main, or the only "
                       "public function)"),
              cl::value_desc("name"), cl::cat(morselCategory));

static cl::opt<std::string>
    reportJSON("report-json", cl::init(""),
               cl::desc("Write the compile report (arena, weight and code "
                        "bytes, MACs, per-operator breakdown) as JSON"),
               cl::value_desc("file"), cl::cat(morselCategory));

static cl::opt<bool> countInstructions(
    "count-instructions", cl::init(false),
    cl::desc("With --run on a Cortex-M target, count the instructions one "
             "inference executes (QEMU plugin)"),
    cl::cat(morselCategory));

static cl::opt<int64_t>
    stackBytes("stack-size", cl::init(16384),
               cl::desc("Stack of the harness for --run on a Cortex-M target "
                        "(bytes)"),
               cl::value_desc("bytes"), cl::cat(morselCategory));

static cl::opt<std::string>
    arenaPlan("plan", cl::init("overlap"),
              cl::desc("How intermediate buffers share the arena: "
                       "overlap (the default; vMCU: outputs overlap the "
                       "inputs they consume), tflm-greedy (TensorFlow Lite "
                       "Micro's planner), usmp (TVM's hill climb) or naive "
                       "(no reuse)"),
              cl::value_desc("planner"), cl::cat(morselCategory));

#ifndef MORSEL_VERIFY_PLANS
#define MORSEL_VERIFY_PLANS 0
#endif

static cl::opt<bool> verifyPlan(
    "verify-plan", cl::init(MORSEL_VERIFY_PLANS),
    cl::desc("Prove, by replaying every kernel's access order over the "
             "placed arena, that no tensor is overwritten before its last "
             "read (on by default in builds with MORSEL_VERIFY_PLANS)"),
    cl::cat(morselCategory));

static cl::opt<std::string> operatorOrder(
    "operator-order", cl::init("memory"),
    cl::desc("The order operators run in: memory (the order that lowers "
             "peak memory) or source (the model's order)"),
    cl::value_desc("order"), cl::cat(morselCategory));

static cl::opt<std::string> partitionChannels(
    "partition-channels", cl::init("auto"),
    cl::desc("Partial execution along channels (Pex): auto (run operator "
             "chains one slice of channels at a time where that shrinks "
             "the arena, within --max-overhead) or off"),
    cl::value_desc("mode"), cl::cat(morselCategory));

static cl::opt<double> maxOverheadPercent(
    "max-overhead", cl::init(10.0),
    cl::desc("The instructions channel partitioning may add, in percent of "
             "the model's (estimated by its cost model; default 10)"),
    cl::value_desc("percent"), cl::cat(morselCategory));

static cl::opt<std::string> sramBudget(
    "sram-budget", cl::init(""),
    cl::desc("The arena must fit SIZE bytes (e.g. 65536, 64KiB, 1MiB): "
             "search planner, operator order and channel partitioning for "
             "the configuration with the fewest added instructions that "
             "fits, or fail with the smallest arena reachable"),
    cl::value_desc("SIZE"), cl::cat(morselCategory));

static cl::opt<std::string>
    memoryMapPath("memory-map", cl::init(""),
                  cl::desc("Write the arena over time (offset by operator "
                           "step, one box per buffer) as an SVG picture"),
                  cl::value_desc("file.svg"), cl::cat(morselCategory));

static cl::opt<bool> quiet("quiet", cl::init(false),
                           cl::desc("Do not print the summary on stdout"),
                           cl::cat(morselCategory));

enum class EmitKind { None, NN, LLVMDialect };

static cl::opt<EmitKind> emitKind(
    "emit", cl::init(EmitKind::None),
    cl::desc("Print the IR at one stage of the pipeline and stop"),
    cl::values(clEnumValN(EmitKind::NN, "nn",
                          "the optimized nn dialect (after import)"),
               clEnumValN(EmitKind::LLVMDialect, "llvm",
                          "the LLVM dialect, ready for code generation")),
    cl::cat(morselCategory));

enum class Codegen { LLVM, ReferenceC };

static cl::opt<Codegen> codegen(
    "codegen", cl::init(Codegen::LLVM),
    cl::desc("How the model's code is generated"),
    cl::values(clEnumValN(Codegen::LLVM, "llvm",
                          "Morsel's compiler (MLIR, LLVM backends)"),
               clEnumValN(Codegen::ReferenceC, "reference-c",
                          "plain C loops in the style of TFLite Micro's "
                          "reference kernels, compiled by arm-none-eabi-gcc "
                          "-O2 (the benchmark baseline; Cortex-M only)")),
    cl::cat(morselCategory));

/// Prints `message` as morselc's error and returns the exit code 1.
static int fail(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "morselc") << message << "\n";
  return 1;
}

/// Reads one .npy input.
static llvm::Expected<NpyArray> readNpy(StringRef path) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
  if (!file)
    return llvm::createStringError(file.getError(),
                                   "cannot read '" + path +
                                       "': " + file.getError().message());
  auto array = parseNpy((*file)->getBuffer());
  if (!array)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + path + "': " +
                                       llvm::toString(array.takeError()));
  return array;
}

/// Writes `contents` to `path`, reporting failure as morselc's error.
static LogicalResult writeFile(const std::string &path,
                               llvm::StringRef contents) {
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &error);
  if (!file) {
    fail(error);
    return failure();
  }
  file->os() << contents;
  file->keep();
  return success();
}

/// Writes the outputs of --run to the --output files.
static LogicalResult writeOutputs(llvm::ArrayRef<NpyArray> outputs) {
  for (auto [path, array] : llvm::zip(runOutputs, outputs))
    if (failed(writeFile(path, serializeNpy(array))))
      return failure();
  return success();
}

/// --codegen=reference-c: writes `entry` as reference C into `source`,
/// compiles it for the target with arm-none-eabi-gcc into `object`, and
/// records the arena it needs in `signature` and `report`.
static LogicalResult compileReferenceC(func::FuncOp entry,
                                       ModelSignature &signature,
                                       CompileReport &report,
                                       std::string &source,
                                       llvm::SmallString<0> &object) {
  llvm::raw_string_ostream os(source);
  ReferenceCInfo info;
  if (failed(emitReferenceC(entry, symbolPrefix, os, &info)))
    return failure();
  signature.arenaBytes = info.arenaBytes;
  report.arenaBytes = info.arenaBytes;
  std::string header =
      writeModelHeader(signature, symbolPrefix, modelPath, targetName);
  llvm::Expected<std::string> compiled =
      compileWithArmGcc(source, header, symbolPrefix + ".h", targetName,
                        getDefaultRuntimeDir());
  if (!compiled) {
    fail(llvm::toString(compiled.takeError()));
    return failure();
  }
  object = *compiled;
  if (llvm::Error error = measureObject(object, report)) {
    fail(llvm::toString(std::move(error)));
    return failure();
  }
  return success();
}

/// Prints `module` to stdout.
/// Parses a size such as 65536, 64KiB, 64K, 1MiB or 1M; nullopt if it is
/// not one.
static std::optional<int64_t> parseSize(StringRef text) {
  StringRef digits = text.take_while(llvm::isDigit);
  StringRef unit = text.drop_front(digits.size()).trim();
  int64_t value;
  if (digits.empty() || digits.getAsInteger(10, value) || value > (1LL << 40))
    return std::nullopt;
  if (unit.empty() || unit == "B")
    return value;
  if (unit == "K" || unit == "KB" || unit == "KiB" || unit == "k")
    return value * 1024;
  if (unit == "M" || unit == "MB" || unit == "MiB")
    return value * 1024 * 1024;
  return std::nullopt;
}

/// Prints `bytes` as "N B (x.y KiB)".
static std::string describeBytes(int64_t bytes) {
  return llvm::formatv("{0} B ({1:F1} KiB)", bytes, bytes / 1024.0).str();
}

namespace {
/// One configuration of the memory strategy and its lowered module.
struct Trial {
  std::string plan;
  std::string order;
  /// The instructions partitioning may add (fraction); negative: none.
  double overhead = -1;
  int64_t partitionedChains = 0;
  OwningOpRef<ModuleOp> module;
  int64_t arenaBytes = 0;
  /// The step where the arena peaks, as the report names it.
  std::string bottleneck;
};
} // namespace

/// Lowers a copy of `base` to buffers with `plan`, after partitioning
/// channel chains within `overhead` (negative: none). Fails with the
/// pipeline's diagnostics.
static FailureOr<Trial> lowerTrial(ModuleOp base, StringRef entrySymbol,
                                   StringRef plan, StringRef order,
                                   double overhead) {
  Trial trial;
  trial.plan = plan.str();
  trial.order = order.str();
  trial.overhead = overhead;
  trial.module = base.clone();
  PassManager pm(base.getContext());
  if (overhead >= 0) {
    nn::NNPartitionChannelsOptions options;
    options.maxOverhead = overhead;
    pm.addNestedPass<func::FuncOp>(nn::createNNPartitionChannels(options));
    if (failed(pm.run(*trial.module)))
      return failure();
    trial.module->walk(
        [&](nn::ChannelPartitionOp) { ++trial.partitionedChains; });
  }
  PassManager toBuffers(base.getContext());
  buildNNToBuffersPipeline(toBuffers, plan, verifyPlan);
  if (failed(toBuffers.run(*trial.module)))
    return failure();
  auto lowered = trial.module->lookupSymbol<func::FuncOp>(entrySymbol);
  if (auto bytes = lowered->getAttrOfType<IntegerAttr>(kArenaBytesAttrName))
    trial.arenaBytes = bytes.getInt();
  CompileReport report;
  collectArenaPlan(lowered, report);
  if (report.arenaPlan && report.arenaPlan->bottleneckStep >= 0 &&
      report.arenaPlan->bottleneckStep <
          static_cast<int64_t>(report.arenaPlan->steps.size()))
    trial.bottleneck =
        "step " + std::to_string(report.arenaPlan->bottleneckStep) + " (" +
        report.arenaPlan->steps[report.arenaPlan->bottleneckStep] + ")";
  return trial;
}

/// Describes the strategy of `trial` for messages.
static std::string describeTrial(const Trial &trial) {
  std::string text = "plan " + trial.plan + ", operator order " + trial.order;
  if (trial.overhead < 0)
    return text + ", no channel partitioning";
  return text + llvm::formatv(", channel partitioning within {0:F0}% more "
                              "instructions ({1} chain(s))",
                              trial.overhead * 100, trial.partitionedChains)
                    .str();
}

static void printModule(ModuleOp module) {
  module.print(llvm::outs());
  llvm::outs() << "\n";
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  cl::HideUnrelatedOptions(morselCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Morsel: compile neural networks for microcontrollers\n\n"
      "  morselc model.onnx --target host --run in.npy --output out.npy\n"
      "      compile for this machine, run on in.npy, write out.npy\n"
      "  morselc model.onnx --target cortex-m4 -o out\n"
      "      write out/model.o and out/model.h for a Cortex-M4\n"
      "  morselc model.onnx --target cortex-m4 --codegen=reference-c -o out\n"
      "      write out/model.c (plain C reference kernels), .h and .o\n"
      "  morselc model.onnx --emit nn\n"
      "      print the model as imported and optimized\n");

  const TargetDescription *target = lookupTarget(targetName);
  if (!target)
    return fail("unknown target '" + targetName +
                "'; choose one of: " + getTargetNames());
  if (!isValidSymbolPrefix(symbolPrefix))
    return fail("--name '" + symbolPrefix +
                "' is not a C identifier prefix (letters, digits, '_'; not "
                "starting with a digit)");
  if (runOutputs.size() && runInputs.empty())
    return fail("--output needs --run");
  if (countInstructions && (!target->isMicrocontroller || runInputs.empty()))
    return fail("--count-instructions needs --run on a Cortex-M target");
  if (stackBytes < 256 || stackBytes % 16 != 0)
    return fail("--stack-size must be a multiple of 16 of at least 256");
  if (codegen == Codegen::ReferenceC && !target->isMicrocontroller &&
      emitKind != EmitKind::NN)
    return fail("--codegen=reference-c needs a Cortex-M target (the C is "
                "compiled with arm-none-eabi-gcc)");
  if (codegen == Codegen::ReferenceC && emitKind == EmitKind::LLVMDialect)
    return fail("--emit llvm needs --codegen=llvm");
  if (arenaPlan != "tflm-greedy" && arenaPlan != "usmp" &&
      arenaPlan != "naive" && arenaPlan != "overlap")
    return fail("unknown --plan '" + arenaPlan +
                "' (expected tflm-greedy, usmp, overlap or naive)");
  if (codegen == Codegen::ReferenceC && arenaPlan.getNumOccurrences() &&
      arenaPlan != "tflm-greedy")
    return fail("--plan " + arenaPlan +
                " needs --codegen=llvm (the reference C places its arena as "
                "TensorFlow Lite Micro does: tflm-greedy)");
  if (operatorOrder != "memory" && operatorOrder != "source")
    return fail("unknown --operator-order '" + operatorOrder +
                "' (expected memory or source)");
  if (codegen == Codegen::ReferenceC && !memoryMapPath.empty())
    return fail("--memory-map needs --codegen=llvm");
  if (partitionChannels != "auto" && partitionChannels != "off")
    return fail("unknown --partition-channels '" + partitionChannels +
                "' (expected auto or off)");
  if (!(maxOverheadPercent >= 0) || maxOverheadPercent > 1e6)
    return fail("--max-overhead must be a percentage of at least 0");
  std::optional<int64_t> budget;
  if (!sramBudget.empty()) {
    budget = parseSize(sramBudget);
    if (!budget)
      return fail("--sram-budget '" + sramBudget +
                  "' is not a size (expected bytes, or a number with KiB "
                  "or MiB, e.g. 64KiB)");
    if (codegen == Codegen::ReferenceC)
      return fail("--sram-budget needs --codegen=llvm");
  }
  if (emitKind == EmitKind::None && runInputs.empty() && outputDir.empty())
    return fail("nothing to do: give -o DIR, --run (with --output) or --emit");

  DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllToLLVMIRTranslations(registry);
  morsel::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // Diagnostics print as "file:line:col: error: ...", with the source line
  // for .mlir models.
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  OwningOpRef<ModuleOp> module = loadModel(modelPath, &context);
  if (!module)
    return 1;
  // The imported module, for the other operator order of a budget search.
  OwningOpRef<ModuleOp> imported = module->clone();
  PassManager optimize(&context);
  NNOptimizationOptions optimizeOptions;
  optimizeOptions.reorder = operatorOrder == "memory";
  buildNNOptimizationPipeline(optimize, optimizeOptions);
  if (failed(optimize.run(*module)))
    return 1;
  if (emitKind == EmitKind::NN) {
    printModule(*module);
    return 0;
  }

  FailureOr<func::FuncOp> entry = findEntryFunction(*module, entryName);
  if (failed(entry))
    return 1;
  std::string entrySymbol = getEntrySymbol(symbolPrefix);
  if (entry->getSymName() != entrySymbol &&
      module->lookupSymbol(entrySymbol))
    return fail("the model already has a symbol '" + entrySymbol +
                "'; choose another --name");
  entry->setSymName(entrySymbol);
  CompileReport report;
  report.model = llvm::sys::path::filename(modelPath).str();
  report.target = targetName;
  collectOperators(*entry, report);
  FailureOr<ModelSignature> signature = getModelSignature(*entry);
  if (failed(signature))
    return 1;

  // Read and check the inputs before spending time on compilation.
  llvm::SmallVector<NpyArray> inputs;
  for (const std::string &path : runInputs) {
    llvm::Expected<NpyArray> array = readNpy(path);
    if (!array)
      return fail(llvm::toString(array.takeError()));
    inputs.push_back(std::move(*array));
  }
  if (!runInputs.empty()) {
    if (llvm::Error error = checkInputs(*signature, inputs))
      return fail(llvm::toString(std::move(error)));
    if (runOutputs.size() != signature->outputs.size())
      return fail("the model has " + llvm::Twine(signature->outputs.size()) +
                  " output(s); give as many --output files");
  }

  llvm::SmallString<0> object;
  std::string referenceC;
  bool runsOnBoard = !runInputs.empty() && target->isMicrocontroller;
  bool runsOnHost = !runInputs.empty() && !target->isMicrocontroller;
  if (codegen == Codegen::ReferenceC) {
    if (failed(compileReferenceC(*entry, *signature, report, referenceC,
                                 object)))
      return 1;
  } else {
    // The memory strategy: without a budget, channel partitioning is kept
    // where it shrinks the arena; with one, the configurations are tried
    // from the fewest added instructions up and the first that fits wins.
    bool partition = partitionChannels == "auto";
    std::optional<Trial> chosen;
    if (!budget) {
      FailureOr<Trial> whole =
          lowerTrial(*module, entrySymbol, arenaPlan, operatorOrder, -1);
      if (failed(whole))
        return 1;
      chosen = std::move(*whole);
      if (partition) {
        FailureOr<Trial> partitioned =
            lowerTrial(*module, entrySymbol, arenaPlan, operatorOrder,
                       maxOverheadPercent / 100);
        if (failed(partitioned))
          return 1;
        if (partitioned->arenaBytes < chosen->arenaBytes)
          chosen = std::move(*partitioned);
      }
    } else {
      SmallVector<std::pair<std::string, ModuleOp>> bases = {
          {operatorOrder.getValue(), *module}};
      OwningOpRef<ModuleOp> otherOrder;
      if (!operatorOrder.getNumOccurrences()) {
        otherOrder = imported->clone();
        PassManager optimizeSource(&context);
        NNOptimizationOptions sourceOptions;
        sourceOptions.reorder = false;
        buildNNOptimizationPipeline(optimizeSource, sourceOptions);
        FailureOr<func::FuncOp> otherEntry =
            failed(optimizeSource.run(*otherOrder))
                ? FailureOr<func::FuncOp>(failure())
                : findEntryFunction(*otherOrder, entryName);
        if (failed(otherEntry))
          return 1;
        otherEntry->setSymName(entrySymbol);
        bases.push_back({"source", *otherOrder});
      }
      SmallVector<double> overheads = {-1};
      if (partition)
        overheads.append({0.02, 0.05, 0.10, 0.25, 0.5, 1.0, 4.0});
      std::optional<Trial> smallest;
      for (double overhead : overheads) {
        for (auto &[order, base] : bases) {
          FailureOr<Trial> trial =
              lowerTrial(base, entrySymbol, arenaPlan, order, overhead);
          if (failed(trial))
            return 1;
          if (trial->arenaBytes <= *budget) {
            chosen = std::move(*trial);
            break;
          }
          if (!smallest || trial->arenaBytes < smallest->arenaBytes)
            smallest = std::move(*trial);
        }
        if (chosen)
          break;
      }
      if (!chosen)
        return fail("--sram-budget " + sramBudget + " (" +
                    llvm::Twine(*budget) +
                    " B) cannot be met: the smallest arena found is " +
                    describeBytes(smallest->arenaBytes) + " (" +
                    describeTrial(*smallest) + "), and " +
                    smallest->bottleneck + " sets it");
      if (!quiet)
        llvm::outs() << "--sram-budget " << sramBudget << ": chose "
                     << describeTrial(*chosen) << ", arena "
                     << describeBytes(chosen->arenaBytes) << "\n";
    }
    module = std::move(chosen->module);
    report.plan = chosen->plan;
    report.operatorOrder = chosen->order;
    report.partitionedChains = chosen->partitionedChains;
    auto lowered = module->lookupSymbol<func::FuncOp>(entrySymbol);
    if (auto bytes = lowered->getAttrOfType<IntegerAttr>(kArenaBytesAttrName))
      signature->arenaBytes = bytes.getInt();
    report.arenaBytes = signature->arenaBytes;
  collectArenaPlan(lowered, report);
  if (!memoryMapPath.empty()) {
    if (!report.arenaPlan)
      return fail("the lowered model records no arena plan to draw");
    std::string svg;
    llvm::raw_string_ostream os(svg);
    writeMemoryMap(os, report);
    if (failed(writeFile(memoryMapPath, svg)))
      return 1;
  }

    PassManager toLLVM(&context);
    LowerToLLVMOptions options;
    options.indexBitwidth = target->indexBitwidth;
    buildBuffersToLLVMPipeline(toLLVM, options);
    if (failed(toLLVM.run(*module)))
      return 1;
    if (emitKind == EmitKind::LLVMDialect) {
      printModule(*module);
      return 0;
    }

    // The object is emitted in memory whenever it is written, run on a board
    // or measured for a report; a host run needs none (the JIT compiles).
    if (!outputDir.empty() || !reportJSON.empty() || !runsOnHost) {
      llvm::raw_svector_ostream os(object);
      if (llvm::Error error = emitObjectFile(*module, *target, os))
        return fail(llvm::toString(std::move(error)));
      if (llvm::Error error = measureObject(object, report))
        return fail(llvm::toString(std::move(error)));
    }
  }
  if (!outputDir.empty()) {
    if (std::error_code error = llvm::sys::fs::create_directories(outputDir))
      return fail("cannot create '" + outputDir + "': " + error.message());
    std::string header =
        writeModelHeader(*signature, symbolPrefix, modelPath, targetName);
    if (failed(writeFile(outputDir + "/" + symbolPrefix + ".o", object)) ||
        failed(writeFile(outputDir + "/" + symbolPrefix + ".h", header)))
      return 1;
    if (codegen == Codegen::ReferenceC &&
        failed(writeFile(outputDir + "/" + symbolPrefix + ".c", referenceC)))
      return 1;
  }
  if (runsOnBoard) {
    QemuRunOptions qemu;
    qemu.target = targetName;
    qemu.prefix = symbolPrefix;
    qemu.runtimeDir = getDefaultRuntimeDir();
    qemu.stackBytes = stackBytes;
    if (countInstructions) {
      llvm::SmallString<256> plugin(llvm::sys::path::parent_path(
          llvm::sys::path::parent_path(llvm::sys::fs::getMainExecutable(
              argv[0], reinterpret_cast<void *>(&fail)))));
      llvm::sys::path::append(plugin, "lib", "qemu-insn-count.so");
      if (!llvm::sys::fs::exists(plugin))
        return fail("--count-instructions needs the QEMU plugin " + plugin +
                    " (build the qemu-insn-count target)");
      qemu.instructionCounter = plugin.str().str();
    }
    std::string header =
        writeModelHeader(*signature, symbolPrefix, modelPath, targetName);
    llvm::Expected<QemuRunResult> run =
        runOnQemu(object, header, *signature, inputs, qemu);
    if (!run)
      return fail(llvm::toString(run.takeError()));
    report.linkedRamBytes = run->ramBytes;
    report.instructions = run->instructions;
    if (failed(writeOutputs(run->outputs)))
      return 1;
  }
  if (!reportJSON.empty()) {
    std::string json;
    llvm::raw_string_ostream os(json);
    writeReportJSON(os, report);
    if (failed(writeFile(reportJSON, json)))
      return 1;
  }
  if (!quiet)
    printSummary(llvm::outs(), report);
  if (target->isMicrocontroller)
    return 0;
  if (runInputs.empty())
    return 0;

  llvm::Expected<llvm::SmallVector<NpyArray>> outputs =
      runOnHost(*module, entrySymbol, *signature, inputs);
  if (!outputs)
    return fail(llvm::toString(outputs.takeError()));
  if (failed(writeOutputs(*outputs)))
    return 1;
  return 0;
}
