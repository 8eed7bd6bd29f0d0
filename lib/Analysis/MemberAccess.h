// MemberAccess.h - which state members each method of an entity may read and
// write, from the AST (docs/architecture.md, "Transactions").
//
// The runtime locks an entity per member for what a call may touch, so two
// chains that use different members of one entity do not wait for each other.
// A missed write would let two chains change one member at once, so the
// analysis answers only for classes whose bodies show every way to reach
// their state: no `this` or member address escaping, no mutable global, every
// function that gets a member to change defined and as plain itself. For any
// other class it gives no answer, and the runtime locks the whole entity.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

#include <optional>
#include <string>
#include <vector>

namespace flowc {

struct MemberAccess {
  std::vector<std::string> reads;  // state members, in declaration order
  std::vector<std::string> writes; // a subset of reads
};

// For each method of `entity` in `methods` (in that order), the members it
// may read and write, counting the members the class's own functions it
// calls touch; nothing when the class does not let the analysis be sure.
std::optional<std::vector<MemberAccess>>
memberAccess(const clang::CXXRecordDecl *entity,
             const std::vector<const clang::CXXMethodDecl *> &methods,
             clang::ASTContext &context);

} // namespace flowc
