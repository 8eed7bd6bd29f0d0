// Suspensions.h - fills the IR's `suspensions`: one per remote call site, with
// the variables that must be carried across it.
#pragma once

#include "Analysis/Analyzer.h"
#include "Analysis/Reporter.h"

namespace flowc {

void computeSuspensions(TranslationUnitAnalysis &analysis,
                        clang::ASTContext &context, Reporter &reporter);

} // namespace flowc
