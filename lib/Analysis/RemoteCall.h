// RemoteCall.h - recognizing `ref->method(args...)` on a flowc::Ref<E>.
#pragma once

#include "clang/AST/ExprCXX.h"

namespace flowc {

struct RemoteCallSite {
  const clang::CXXMemberCallExpr *call = nullptr;
  const clang::Expr *ref = nullptr;          // the Ref<E> expression
  const clang::CXXRecordDecl *entity = nullptr;
  const clang::CXXMethodDecl *method = nullptr;
  clang::SourceLocation methodLoc;           // where the method's name is
};

// The remote call `expr` is, if it is one: a member call whose object is
// `operator->` applied to a flowc::Ref<E>.
std::optional<RemoteCallSite> asRemoteCall(const clang::Stmt *stmt);

} // namespace flowc
