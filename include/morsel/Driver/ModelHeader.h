//===- ModelHeader.h - The C header of a compiled model ---------*- C++ -*-===//
//
// Part of the Morsel project.
//
//===----------------------------------------------------------------------===//

#ifndef MORSEL_DRIVER_MODELHEADER_H
#define MORSEL_DRIVER_MODELHEADER_H

#include "morsel/Driver/Model.h"

#include <string>

namespace morsel {

/// Returns true if `prefix` can start C identifiers: a letter or '_', then
/// letters, digits or '_'.
bool isValidSymbolPrefix(llvm::StringRef prefix);

/// Returns the name of the entry point of a model compiled with `prefix`.
std::string getEntrySymbol(llvm::StringRef prefix);

/// Returns the text of model.h: the arena size, every input and output
/// (shape, element type, quantization), and the prototype of the entry point
/// `<prefix>_run(inputs..., outputs..., arena)`. Macros are named after the
/// upper-cased prefix so that several models can be included together.
std::string writeModelHeader(const ModelSignature &signature,
                             llvm::StringRef prefix,
                             llvm::StringRef modelFile,
                             llvm::StringRef targetName);

} // namespace morsel

#endif // MORSEL_DRIVER_MODELHEADER_H
