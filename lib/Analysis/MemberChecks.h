// MemberChecks.h - what an entity's data members must not be used for: the
// key is its identity (the runtime finds the entity by it, so a method that
// changes it would leave the entity under its old key), and a static data
// member is not state (shared by every entity of the type in one process,
// not saved with a chain, not rolled back, not on other ranks).
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

namespace flowc {

class Reporter;

// An error at every place a method of `record` (constructors aside) may
// change the key member `key`.
void checkKeyUnchanged(const clang::CXXRecordDecl *record,
                       const clang::FieldDecl *key, clang::ASTContext &context,
                       Reporter &reporter);

// A warning for each static data member of `record` that is not a constant.
void warnStaticMembers(const clang::CXXRecordDecl *record, Reporter &reporter);

} // namespace flowc
