// LastCalls.h - which remote calls of a method are its last: once such a
// call returns successfully, the method ends without another remote call and
// without anything that may throw.
//
// A transaction whose root method makes a last call cannot fail after it, so
// the runtime commits the locks the chain holds away from the root as soon as
// that call finishes, instead of after the reply's trip to the root and the
// commit's trip back (docs/architecture.md, "Transactions"). The IR's machine
// marks the call (`last` in a suspend piece, docs/ir.md).
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <vector>

namespace flowc {

// For each call in `calls` (the remote calls in `function`'s body, in
// order), whether it is a last call. Conservative: on every path from the
// call's return to the method's end, only builtin operations on scalars,
// declarations of scalars and references, calls to functions declared not
// to throw, and destructors that do not throw; the call's result and the
// method's are scalars or void (their encoding allocates nothing).
std::vector<bool>
findLastCalls(const clang::FunctionDecl *function,
              llvm::ArrayRef<const clang::CXXMemberCallExpr *> calls,
              clang::ASTContext &context);

} // namespace flowc
