// Analyzer.h - Clang AST -> IR for one translation unit.
//
// Finds the entities and jobs declared in the main file, extracts their state,
// methods, remote call sites and signatures, checks every rule of SPEC sections
// 1-2, and reports violations through Clang's diagnostics.
#pragma once

#include "IR/IR.h"

#include "clang/AST/ASTContext.h"

#include <string>

namespace flowc {

class Reporter;

// Analyzes the main file of `context`. `displayFile` is the input's name as
// given on the command line, used for IR locations. Returns the module; the
// caller must check `reporter.hasErrors()` before using it.
ir::Module analyzeTranslationUnit(clang::ASTContext &context,
                                  Reporter &reporter,
                                  const std::string &displayFile);

} // namespace flowc
