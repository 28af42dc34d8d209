//===- MorselPlugin.cpp - Morsel as a plugin of upstream mlir-opt ---------===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//
//
// Loaded by `mlir-opt --load-dialect-plugin=MorselPlugin.so` it registers
// Morsel's dialects; by `--load-pass-plugin=MorselPlugin.so` its passes,
// which then run through `--pass-pipeline='builtin.module(...)'`.
//
//===----------------------------------------------------------------------===//

#include "morsel/InitAll.h"

#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "MorselDialects", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            morsel::registerAllDialects(*registry);
          }};
}

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "MorselPasses", LLVM_VERSION_STRING,
          []() { morsel::registerAllPasses(); }};
}
