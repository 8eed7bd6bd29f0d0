// DefaultArguments.h - a remote call's default arguments, written out.
//
// A remote call is sent with all its arguments, so the ones the caller left
// to their defaults must be written in the state machine. A default argument
// is code in the callee's scope, so it is not copied as text: a constant is
// written as its value, a string literal as itself and `{}`-like defaults as
// the parameter type's value initialization. Anything else is reported.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <optional>
#include <string>

namespace flowc {

// C++ for the value of `arg` in the caller's state machine, or nothing if it
// cannot be written there.
std::optional<std::string> defaultArgumentText(const clang::CXXDefaultArgExpr *arg,
                                               const clang::ASTContext &context);

} // namespace flowc
