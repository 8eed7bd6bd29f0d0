// CodeGenerator.h - `--emit=code`: X.flowc.h and X.flowc.cpp for each input,
// rendered from the templates `file.h` and `file.cpp` and formatted, in memory.
#pragma once

#include "Emit/FileContext.h"
#include "Emit/OutputFiles.h"
#include "Emit/TemplateSet.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace flowc::emit {

// The templates rendered for every input, one per generated file.
inline constexpr const char *headerTemplate = "file.h";
inline constexpr const char *sourceTemplate = "file.cpp";

// Checks the file templates and the partials they include against the names
// the contexts provide; one message per problem (see TemplateCheck.h).
std::vector<std::string> checkTemplates(const TemplateSet &templates);

// Renders and formats every input's files. Nothing is written here, so a
// failure on one input leaves every file on disk as it was.
llvm::Expected<std::vector<OutputFile>>
generateCode(const std::vector<Input> &inputs, const TemplateSet &templates,
             const std::string &outputDir);

} // namespace flowc::emit
