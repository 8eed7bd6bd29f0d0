// Liveness.h - which parameters and locals must survive each remote call.
//
// A backward dataflow over Clang's CFG of the method body, at the grain of
// single expressions (every subexpression is a CFG element), so a variable read
// only before a call in the same statement is not carried across it, and one
// that is overwritten on every path before its next read is dead. Aliasing is
// handled the way coroutine lowering does it: a local whose address is taken,
// that a reference local is bound to, or that a lambda captures by reference
// stays live wherever it is in scope. A range-based for keeps the variable it
// iterates live while it runs; its hidden variables stand for that variable.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <vector>

namespace flowc {

// For each call in `calls` (remote calls in `function`'s body), the variables
// (ParmVarDecl, VarDecl or BindingDecl) live after it returns, in declaration
// order. Returns false if the CFG could not be built.
bool computeLiveAcross(
    const clang::FunctionDecl *function,
    llvm::ArrayRef<const clang::CXXMemberCallExpr *> calls,
    clang::ASTContext &context,
    std::vector<std::vector<const clang::ValueDecl *>> &live);

} // namespace flowc
