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

// Writes X.flowc.h and X.flowc.cpp for each source from the merged module
// (all rendered before any is written), and puts their paths in `outputs`.
// With `check`, writes nothing and names each file that is missing or
// differs from what would be written (exit 1), or returns 0 when all are
// current. Returns the exit status.
int emitCode(const ir::Module &module, const std::vector<std::string> &sources,
             const std::string &outputDir, const emit::TemplateSet &templates,
             bool check, std::vector<std::string> &outputs);

// `--dump-templates=DIR`: writes the built-in templates into DIR, to start
// overrides from. Returns the exit status.
int dumpTemplates(const char *argv0, const std::string &dir);

// The templates' files, for the depfile.
std::vector<std::string> templateFiles(const emit::TemplateSet &templates);

} // namespace flowc
