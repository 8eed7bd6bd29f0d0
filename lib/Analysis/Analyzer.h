// Analyzer.h - Clang AST -> IR for one translation unit.
//
// Finds the entities and jobs declared in the main file, extracts their state,
// methods, remote call sites and signatures, checks every rule of
// docs/entities.md and docs/mapreduce.md, and reports violations through
// Clang's diagnostics.
#pragma once

#include "IR/IR.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <string>
#include <vector>

namespace flowc {

class Reporter;

// A method that makes remote calls, for the stages after analysis that need
// the AST (splitting): where its IR lives and its body's remote calls.
// Analysis finds and lists them (and reads them for the structs of split
// methods' locals), so the type lives here: lib/Split depends on lib/Analysis,
// not the other way round.
struct SplitCandidate {
  size_t entity = 0; // index into Module::entities
  size_t method = 0; // index into Entity::methods
  const clang::FunctionDecl *definition = nullptr; // the body with the calls
  std::vector<const clang::CXXMemberCallExpr *> calls; // source order
};

struct TranslationUnitAnalysis {
  ir::Module module;
  std::vector<SplitCandidate> candidates;
};

// Analyzes the main file of `context`. `displayFile` is the input's name as
// given on the command line, used for IR locations. The caller must check
// `reporter.hasErrors()` before using the result.
TranslationUnitAnalysis analyzeTranslationUnit(clang::ASTContext &context,
                                               Reporter &reporter,
                                               const std::string &displayFile);

} // namespace flowc
