// YAML.h - the IR's YAML form (docs/ir.md), written with yaml-cpp.
#pragma once

#include "IR/IR.h"

#include <string>

namespace flowc::ir {

std::string toYAML(const Module &module);

} // namespace flowc::ir
