//===- QemuRunner.cpp - Run a compiled model on a Cortex-M board ----------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Driver/QemuRunner.h"
#include "morsel/Driver/ModelHeader.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace morsel;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

std::string morsel::getDefaultRuntimeDir() {
  if (std::optional<std::string> dir =
          llvm::sys::Process::GetEnv("MORSEL_RUNTIME_DIR"))
    return *dir;
  return MORSEL_SOURCE_RUNTIME_DIR;
}

/// Writes `contents` to `path`.
static llvm::Error writeFile(const llvm::Twine &path,
                             llvm::StringRef contents) {
  std::error_code error;
  llvm::raw_fd_ostream os(path.str(), error, llvm::sys::fs::OF_None);
  if (error)
    return makeError("cannot write " + path + ": " + error.message());
  os << contents;
  return llvm::Error::success();
}

/// Returns inputs.h and inputs.c as runtime/README.md specifies them.
static std::pair<std::string, std::string>
writeInputs(const ModelSignature &signature, llvm::ArrayRef<NpyArray> inputs,
            llvm::StringRef prefix) {
  std::string header, source;
  llvm::raw_string_ostream h(header), c(source);
  std::string macro = prefix.upper();
  h << "#ifndef MORSEL_INPUTS_H\n#define MORSEL_INPUTS_H\n"
    << "#define MORSEL_MODEL_RUN " << getEntrySymbol(prefix) << "\n"
    << "#define MORSEL_MODEL_ARENA_BYTES " << macro << "_ARENA_BYTES\n";
  c << "#include \"inputs.h\"\n";
  h << "#define MORSEL_FOR_EACH_INPUT(X)";
  for (size_t i = 0; i < inputs.size(); ++i)
    h << " X(" << i << ")";
  h << "\n#define MORSEL_FOR_EACH_OUTPUT(X)";
  for (size_t i = 0; i < signature.outputs.size(); ++i)
    h << " X(" << i << ")";
  h << "\n";
  for (auto [index, array] : llvm::enumerate(inputs)) {
    h << "extern const unsigned char morsel_input" << index << "[];\n"
      << "#define MORSEL_INPUT" << index << "_BYTES " << array.data.size()
      << "u\n";
    c << "__attribute__((aligned(16))) const unsigned char morsel_input"
      << index << "[" << std::max<size_t>(array.data.size(), 1) << "] = {";
    for (auto [offset, byte] : llvm::enumerate(array.data))
      c << (offset % 16 ? " " : "\n  ") << "0x"
        << llvm::utohexstr(static_cast<uint8_t>(byte), /*LowerCase=*/true,
                           /*Width=*/2)
        << ",";
    c << "\n};\n";
  }
  for (auto [index, spec] : llvm::enumerate(signature.outputs)) {
    int64_t bytes = getNpyDTypeSize(spec.dtype);
    for (int64_t dim : spec.shape)
      bytes *= dim;
    h << "#define MORSEL_OUTPUT" << index << "_BYTES " << bytes << "u\n"
      << "#define MORSEL_OUTPUT" << index << "_FILE \"out" << index
      << ".bin\"\n";
  }
  h << "#endif\n";
  return {header, source};
}

/// Returns the last lines of a log file, for error messages.
static std::string readLog(llvm::StringRef path) {
  auto log = llvm::MemoryBuffer::getFile(path);
  if (!log)
    return "";
  llvm::StringRef text = (*log)->getBuffer().rtrim();
  size_t start = text.size() > 2000 ? text.size() - 2000 : 0;
  return text.substr(start).str();
}

llvm::Expected<QemuRunResult>
morsel::runOnQemu(llvm::StringRef object, llvm::StringRef header,
                  const ModelSignature &signature,
                  llvm::ArrayRef<NpyArray> inputs,
                  const QemuRunOptions &options) {
  llvm::SmallString<128> dir;
  if (std::error_code error =
          llvm::sys::fs::createUniqueDirectory("morselc-qemu", dir))
    return makeError("cannot create a temporary directory: " +
                     error.message());
  // The build and run files go away however the run ends.
  auto removeDir =
      llvm::make_scope_exit([&] { llvm::sys::fs::remove_directories(dir); });
  auto [inputsHeader, inputsSource] =
      writeInputs(signature, inputs, options.prefix);
  for (auto [name, contents] :
       {std::pair<llvm::StringRef, llvm::StringRef>{"model.o", object},
        {"model.h", header},
        {"inputs.h", inputsHeader},
        {"inputs.c", inputsSource}})
    if (llvm::Error error = writeFile(dir + "/" + name, contents))
      return std::move(error);

  // RAM: the stack, the arena and each output, every piece padded to 16
  // bytes as the linker script places them. Nothing else fits.
  QemuRunResult result;
  result.ramBytes =
      options.stackBytes + llvm::alignTo(signature.arenaBytes, 16);
  for (const TensorSpec &spec : signature.outputs) {
    int64_t bytes = getNpyDTypeSize(spec.dtype);
    for (int64_t dim : spec.shape)
      bytes *= dim;
    result.ramBytes += llvm::alignTo(bytes, 16);
  }

  std::string script = options.runtimeDir + "/run-on-qemu.sh";
  llvm::ErrorOr<std::string> bash = llvm::sys::findProgramByName("bash");
  if (!bash)
    return makeError("bash not found");
  std::string outDir = (dir + "/run").str();
  std::string ram = std::to_string(result.ramBytes);
  std::string stack = std::to_string(options.stackBytes);
  std::string modelO = (dir + "/model.o").str(),
              modelH = (dir + "/model.h").str(),
              inputsC = (dir + "/inputs.c").str();
  llvm::SmallVector<llvm::StringRef> args = {
      *bash, script, options.target, modelO, modelH, inputsC, outDir, ram,
      stack};
  // The script reads the counter's path from its environment, which the
  // child inherits.
  if (!options.instructionCounter.empty())
    ::setenv("MORSEL_INSN_COUNT", options.instructionCounter.c_str(), 1);
  std::string log = (dir + "/run.log").str();
  std::optional<llvm::StringRef> redirects[] = {
      llvm::StringRef(""), llvm::StringRef(log), llvm::StringRef(log)};
  std::string execError;
  int status = llvm::sys::ExecuteAndWait(*bash, args, std::nullopt, redirects,
                                         /*SecondsToWait=*/0,
                                         /*MemoryLimit=*/0, &execError);
  if (status != 0) {
    std::string message = readLog(log);
    return makeError("running on " + options.target + " failed (" +
                     (execError.empty() ? "status " + std::to_string(status)
                                        : execError) +
                     "):\n" + message);
  }

  for (auto [index, spec] : llvm::enumerate(signature.outputs)) {
    std::string path = outDir + "/out" + std::to_string(index) + ".bin";
    auto bytes = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
    if (!bytes)
      return makeError("the run wrote no " + path);
    NpyArray array;
    array.dtype = spec.dtype;
    array.shape = spec.shape;
    array.data.assign((*bytes)->getBufferStart(), (*bytes)->getBufferEnd());
    result.outputs.push_back(std::move(array));
  }
  if (!options.instructionCounter.empty()) {
    auto count = llvm::MemoryBuffer::getFile(outDir + "/insn-count.txt");
    int64_t value;
    if (count && !(*count)->getBuffer().trim().getAsInteger(10, value))
      result.instructions = value;
  }
  return result;
}
