// Suspensions.h - liveness at each remote call of a method, recorded in the
// IR's `suspensions`: one per remote call site, with the variables that must
// be carried across it.
//
// Splitting a method is three steps, run one method at a time (so each
// method's diagnostics stay together, in source order): this one, then
// `checkSplittable` (SplitChecks.h, which reads the live sets), then, for a
// method that passed, `lowerMethod` (Lowering.h). The pipeline runs them
// (Pipeline/Pipeline.h, `splitMethods`).
#pragma once

#include "Analysis/Analyzer.h"
#include "Analysis/Reporter.h"
#include "IR/IR.h"

#include <optional>
#include <vector>

namespace flowc {

// For each remote call of a method, in order, what lives across it.
using LiveSets = std::vector<std::vector<const clang::ValueDecl *>>;

// Runs liveness on `candidate` and replaces `method.suspensions` with what
// it found. If the method's control-flow graph cannot be built, reports it,
// leaves `method` unchanged and returns nullopt.
std::optional<LiveSets> computeSuspensions(const SplitCandidate &candidate,
                                           clang::ASTContext &context,
                                           Reporter &reporter,
                                           ir::Method &method);

} // namespace flowc
