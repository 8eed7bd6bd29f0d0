// RemoteCall.cpp - recognizes remote calls in the AST.
#include "Analysis/RemoteCall.h"

#include "Analysis/Annotations.h"

using namespace clang;

namespace flowc {

std::optional<RemoteCallSite> asRemoteCall(const Stmt *stmt) {
  const auto *call = dyn_cast_or_null<CXXMemberCallExpr>(stmt);
  if (!call)
    return std::nullopt;
  const auto *member = dyn_cast<MemberExpr>(call->getCallee()->IgnoreParens());
  if (!member || !member->isArrow())
    return std::nullopt;
  const auto *arrow =
      dyn_cast<CXXOperatorCallExpr>(member->getBase()->IgnoreParenImpCasts());
  if (!arrow || arrow->getOperator() != OO_Arrow || arrow->getNumArgs() != 1)
    return std::nullopt;
  const Expr *ref = arrow->getArg(0);
  if (refTarget(ref->getType()).isNull())
    return std::nullopt;
  RemoteCallSite site;
  site.call = call;
  site.ref = ref;
  site.method = call->getMethodDecl();
  site.entity = site.method ? site.method->getParent() : nullptr;
  site.methodLoc = member->getMemberLoc();
  return site;
}

} // namespace flowc
