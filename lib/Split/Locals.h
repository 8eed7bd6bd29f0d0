// Locals.h - what kind of storage a local needs across a remote call.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/StmtCXX.h"

namespace flowc {

// A reference local bound to a temporary it keeps alive (`const T &x = f();`,
// `auto &&[a, b] = f();`): nothing else can reach that temporary, so the
// local is carried as the value itself.
bool bindsOwnTemporary(const clang::VarDecl *var);

// A local usable in constant expressions (`constexpr int n = 4;`): never
// carried, it is declared once at the top of the state machine.
bool isConstantLocal(const clang::VarDecl *var,
                     const clang::ASTContext &context);

// A range-for over a std::vector<bool>: its elements are proxies to bits,
// which the split method carries as bool values (docs/semantics.md).
bool iteratesBits(const clang::CXXForRangeStmt *loop);

} // namespace flowc
