// RemoteCalls.cpp - which parts of a split method's body hold its remote calls.
#include "Split/RemoteCalls.h"

using namespace clang;

namespace flowc {

bool RemoteCalls::containsCall(const Stmt *stmt) {
  if (!stmt)
    return false;
  auto found = contains_.find(stmt);
  if (found != contains_.end())
    return found->second;
  const auto *expr = dyn_cast<Expr>(stmt);
  bool result = expr && isCall(expr);
  if (!isa<LambdaExpr>(stmt))
    for (const Stmt *child : stmt->children())
      result = containsCall(child) || result;
  contains_[stmt] = result;
  return result;
}

} // namespace flowc
