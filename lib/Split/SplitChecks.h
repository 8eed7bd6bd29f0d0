// SplitChecks.h - what cannot be split faithfully at a remote call, reported
// with its location and the reason, before any code is generated.
#pragma once

#include "Analysis/Analyzer.h"
#include "Analysis/Reporter.h"

#include "clang/AST/Decl.h"

#include <vector>

namespace flowc {

// Checks one method that makes remote calls. `live[i]` is what liveness found
// live across `candidate.calls[i]`. Returns false if anything was reported.
bool checkSplittable(const SplitCandidate &candidate,
                     const std::vector<std::vector<const clang::ValueDecl *>> &live,
                     clang::ASTContext &context, Reporter &reporter);

} // namespace flowc
