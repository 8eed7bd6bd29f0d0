// YAML.h - the IR's YAML form (docs/ir.md), written and read with yaml-cpp
// through the one description of each type in Mapping.h.
#pragma once

#include "IR/IR.h"

#include <string>
#include <string_view>

namespace flowc::ir {

std::string toYAML(const Module &module);

// Reads what toYAML() writes. A malformed document, another `flowc_ir`
// version, a missing or unknown key, or an IR that is not consistent
// (Verify.h) fails: `error` is `file:line:column: error: ...` for the first
// problem, and `module` is left unspecified.
bool fromYAML(std::string_view text, const std::string &file, Module &module,
              std::string &error);

} // namespace flowc::ir
