// EmitCode.h - the driver's side of `--emit=code`: finding the templates,
// checking them, and turning the analyzed modules into files on disk.
#pragma once

#include "Emit/TemplateSet.h"
#include "IR/IR.h"

#include <optional>
#include <string>
#include <vector>

namespace flowc {

// Loads the built-in templates (beside the executable, or the source tree's)
// and the `--templates` overrides, then checks them. Returns the exit status
// on failure (2 for a missing folder, 1 for a broken template), after printing
// the reasons; nullopt and `templates` set on success.
std::optional<int> loadTemplates(const char *argv0,
                                 const std::string &overrideDir,
                                 std::optional<emit::TemplateSet> &templates);

// Exit status 2 if two inputs would write the same generated file.
std::optional<int> checkOutputNames(const std::vector<std::string> &sources);

// Writes X.flowc.h and X.flowc.cpp for each source from what analysis found.
// Inputs with entities fail (their code generation is not in this version)
// before anything is written. Returns the exit status.
int emitCode(const std::vector<ir::Module> &modules,
             const std::vector<std::string> &sources,
             const std::string &outputDir,
             const emit::TemplateSet &templates);

} // namespace flowc
