// YAML.h - the IR's YAML form (SPEC section 5), written and read with yaml-cpp.
#pragma once

#include "IR/IR.h"

#include <string>

namespace flowc::ir {

std::string toYAML(const Module &module);

// Parses what toYAML wrote. On failure returns false and says why in `error`.
bool fromYAML(const std::string &text, Module &module, std::string &error);

} // namespace flowc::ir
