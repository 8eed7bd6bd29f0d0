// StatementParts.h - what each kind of statement is made of.
//
// The one place in lib/Split that knows where a statement keeps its parts (an
// if's init-statement and condition variable, a loop's body, the
// sub-statement that ends it). Rewrites (a statement's extent), Hoisting (what
// a jump to a resume label bypasses) and the lowering (statement positions,
// the parts of a selection, which statements are loops) ask it instead of
// dispatching on statement kinds themselves. Lowering a statement is
// dispatched by LowerStatements.cpp's own visitor.
#pragma once

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"

namespace flowc {

struct StatementParts {
  // if, switch, for, range-for: the init-statement (`if (int n = f(); n)`).
  const clang::Stmt *init = nullptr;
  // if, switch, while, for: a condition that declares a variable
  // (`while (auto x = next())`): its declaration and the variable.
  const clang::DeclStmt *conditionDecl = nullptr;
  const clang::VarDecl *conditionVariable = nullptr;
  // if, switch, while, do, for: the condition (absent in `for (;;)`).
  const clang::Expr *condition = nullptr;
  // for: the increment.
  const clang::Expr *increment = nullptr;
  // range-for: the loop variable.
  const clang::VarDecl *loopVariable = nullptr;
  // switch and the loops: the body.
  const clang::Stmt *body = nullptr;
  // if, switch, while: the parentheses after the keyword (around the
  // init-statement, if any, and the condition).
  clang::SourceLocation lparen, rparen;
  // The sub-statements in the place of a statement: a block's items, an if's
  // branches, a loop's body, a label's statement. A switch's body is not
  // listed: the statements it runs are its block's.
  llvm::SmallVector<const clang::Stmt *, 2> statements;
  // The sub-statement the statement ends with, which carries its semicolon:
  // an if's last branch, a loop's or switch's body, a label's statement (a
  // do-while ends with its condition).
  const clang::Stmt *last = nullptr;
  // The statement's semicolon follows its last token: an expression,
  // return, do-while, break, continue, goto and the null statement.
  bool semicolonAfter = false;
  // for, while, do, range-for: a `continue` inside (and not in a nested
  // loop) continues this one.
  bool isLoop = false;
};

// The parts of `stmt` (none for a null pointer or a statement without any).
StatementParts partsOf(const clang::Stmt *stmt);

// Whether `stmt` stands in the place of a statement in `parent` (a body, a
// branch, a block item).
bool isStatementPosition(const clang::Stmt *stmt, const clang::Stmt *parent);

} // namespace flowc
