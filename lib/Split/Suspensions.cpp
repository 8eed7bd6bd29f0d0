// Suspensions.cpp - runs liveness for every method that makes remote calls.
#include "Split/Suspensions.h"

#include "Split/Liveness.h"
#include "Split/Lowering.h"
#include "Split/SplitChecks.h"

using namespace clang;

namespace flowc {

void computeSuspensions(TranslationUnitAnalysis &analysis, ASTContext &context,
                        Reporter &reporter) {
  for (const SplitCandidate &candidate : analysis.candidates) {
    ir::Method &method =
        analysis.module.entities[candidate.entity].methods[candidate.method];
    std::vector<std::vector<const ValueDecl *>> live;
    if (!computeLiveAcross(candidate.definition, candidate.calls, context,
                           live)) {
      reporter.error(candidate.definition->getLocation(),
                     "cannot build the control-flow graph of '%0'")
          << candidate.definition->getQualifiedNameAsString();
      continue;
    }
    bool splittable = checkSplittable(candidate, live, context, reporter);
    method.suspensions.clear();
    for (size_t i = 0; i < candidate.calls.size(); ++i) {
      ir::Suspension suspension;
      suspension.line = method.remote_calls[i].line;
      for (const ValueDecl *decl : live[i])
        suspension.live.push_back(decl->getNameAsString());
      method.suspensions.push_back(std::move(suspension));
    }
    if (splittable)
      lowerMethod(candidate, live, context, reporter, method);
  }
}

} // namespace flowc
