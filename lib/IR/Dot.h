// Dot.h - the dataflow graph of a module in Graphviz DOT (`--emit=dot`).
#pragma once

#include "IR/IR.h"

#include <string>

namespace flowc::ir {

// Entities are nodes, remote calls labelled edges (one per calling method and
// callee method), and jobs a cluster of their own with map -> combine -> reduce.
// Entities that are called but defined in another input are drawn dashed.
std::string toDot(const Module &module);

} // namespace flowc::ir
