// Suspensions.cpp - liveness for one method that makes remote calls, and the
// suspensions it gives the IR.
#include "Split/Suspensions.h"

#include "Split/Liveness.h"

using namespace clang;

namespace flowc {

std::optional<LiveSets> computeSuspensions(const SplitCandidate &candidate,
                                           ASTContext &context,
                                           Reporter &reporter,
                                           ir::Method &method) {
  LiveSets live;
  if (!computeLiveAcross(candidate.definition, candidate.calls, context,
                         live)) {
    reporter.error(candidate.definition->getLocation(),
                   "cannot build the control-flow graph of '%0'")
        << candidate.definition->getQualifiedNameAsString();
    return std::nullopt;
  }
  method.suspensions.clear();
  for (size_t i = 0; i < candidate.calls.size(); ++i) {
    ir::Suspension suspension;
    suspension.line = method.remote_calls[i].line;
    for (const ValueDecl *decl : live[i])
      suspension.live.push_back(decl->getNameAsString());
    method.suspensions.push_back(std::move(suspension));
  }
  return live;
}

} // namespace flowc
