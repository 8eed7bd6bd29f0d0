// RemoteCalls.h - which parts of a split method's body hold its remote calls,
// asked the same way by liveness and by the lowering.
#pragma once

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace flowc {

// The remote calls of one method body, remembering each answer.
class RemoteCalls {
public:
  explicit RemoteCalls(llvm::ArrayRef<const clang::CXXMemberCallExpr *> calls)
      : calls_(calls.begin(), calls.end()) {}

  // Whether `expr` is one of the calls.
  bool isCall(const clang::Expr *expr) const { return calls_.count(expr); }

  // Whether `stmt` (which may be null) is or contains one of the calls. A
  // lambda's body is not looked into: it runs when the lambda is called.
  bool containsCall(const clang::Stmt *stmt);

private:
  llvm::DenseSet<const clang::Expr *> calls_;
  llvm::DenseMap<const clang::Stmt *, bool> contains_;
};

} // namespace flowc
