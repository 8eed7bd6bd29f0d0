// DefaultArgs.h - a parameter's default argument as the IR keeps it: the
// expression as written and, when it is a constant of a type JSON can hold,
// its value as JSON text (the gateway's OpenAPI `default`).
#pragma once

#include "IR/IR.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <optional>

namespace flowc {

// None when the parameter has no default argument (or one not yet parsed
// or instantiated).
std::optional<ir::DefaultArg> defaultArg(const clang::ParmVarDecl *param,
                                         const clang::ASTContext &context);

} // namespace flowc
