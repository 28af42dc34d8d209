//===- ArmGcc.cpp - Cortex-M objects from C with arm-none-eabi-gcc --------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#include "morsel/Driver/ArmGcc.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace morsel;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

/// The column of boards.tsv that holds the compiler flags.
static constexpr size_t kGccFlagsColumn = 4;

llvm::Expected<std::string>
morsel::getBoardGccFlags(llvm::StringRef target, llvm::StringRef runtimeDir) {
  std::string path = (runtimeDir + "/boards/boards.tsv").str();
  auto table = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!table)
    return makeError("cannot read " + path + ": " + table.getError().message());
  llvm::SmallVector<llvm::StringRef> lines;
  (*table)->getBuffer().split(lines, '\n');
  for (llvm::StringRef line : lines) {
    if (line.starts_with("#") || line.trim().empty())
      continue;
    llvm::SmallVector<llvm::StringRef> columns;
    line.rtrim("\r").split(columns, '\t');
    if (columns.size() > kGccFlagsColumn && columns.front() == target)
      return columns[kGccFlagsColumn].str();
  }
  return makeError("target '" + target + "' has no row in " + path);
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

llvm::Expected<std::string>
morsel::compileWithArmGcc(llvm::StringRef source, llvm::StringRef header,
                          llvm::StringRef headerName, llvm::StringRef target,
                          llvm::StringRef runtimeDir) {
  llvm::Expected<std::string> flags = getBoardGccFlags(target, runtimeDir);
  if (!flags)
    return flags.takeError();
  std::string compilerName = "arm-none-eabi-gcc";
  if (std::optional<std::string> fromEnv =
          llvm::sys::Process::GetEnv("ARM_GCC"))
    compilerName = *fromEnv;
  llvm::ErrorOr<std::string> compiler =
      llvm::sys::findProgramByName(compilerName);
  if (!compiler)
    return makeError(compilerName +
                     " not found (install gcc-arm-none-eabi, or set ARM_GCC)");

  llvm::SmallString<128> dir;
  if (std::error_code error =
          llvm::sys::fs::createUniqueDirectory("morselc-gcc", dir))
    return makeError("cannot create a temporary directory: " + error.message());
  llvm::scope_exit removeDir([&] { llvm::sys::fs::remove_directories(dir); });
  std::string cPath = (dir + "/model.c").str();
  std::string hPath = (dir + "/" + headerName).str();
  std::string oPath = (dir + "/model.o").str();
  std::string log = (dir + "/gcc.log").str();
  if (llvm::Error error = writeFile(cPath, source))
    return std::move(error);
  if (llvm::Error error = writeFile(hPath, header))
    return std::move(error);

  llvm::SmallVector<llvm::StringRef> flagList;
  llvm::SplitString(*flags, flagList);
  llvm::SmallVector<llvm::StringRef> args = {*compiler};
  args.append(flagList.begin(), flagList.end());
  args.append({"-std=c99", "-O2", "-ffunction-sections", "-fdata-sections",
               "-Wall", "-Wextra", "-include", hPath, "-c", cPath, "-o",
               oPath});
  std::optional<llvm::StringRef> redirects[] = {
      llvm::StringRef(""), llvm::StringRef(log), llvm::StringRef(log)};
  std::string execError;
  int status = llvm::sys::ExecuteAndWait(*compiler, args, std::nullopt,
                                         redirects, /*SecondsToWait=*/0,
                                         /*MemoryLimit=*/0, &execError);
  auto messages = llvm::MemoryBuffer::getFile(log);
  std::string text =
      messages ? (*messages)->getBuffer().rtrim().str() : std::string();
  if (status != 0)
    return makeError(
        compilerName + " failed to compile the reference C (" +
        (execError.empty() ? "status " + std::to_string(status) : execError) +
        "):\n" + text);
  auto object = llvm::MemoryBuffer::getFile(oPath, /*IsText=*/false);
  if (!object)
    return makeError(compilerName + " wrote no object");
  return (*object)->getBuffer().str();
}
