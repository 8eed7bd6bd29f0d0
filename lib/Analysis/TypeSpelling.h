// TypeSpelling.h - how the IR and diagnostics spell C++ types.
#pragma once

#include "clang/AST/ASTContext.h"

#include <string>

namespace flowc {

// The type as the user wrote it, keeping typedef sugar (`std::string` stays
// `std::string`) but with every name namespace-qualified, so the spelling is
// valid anywhere in generated code (`Ref<Item>` in namespace shop becomes
// `flowc::Ref<shop::Item>`).
std::string spellType(clang::QualType type, const clang::ASTContext &context);

// The declaration's qualified name as C++ code can write it: anonymous and
// inline namespaces are left out (`outer::(anonymous namespace)::Item` is
// `outer::Item`), which is how the names in the IR must be spelled.
std::string spellName(const clang::NamedDecl *decl,
                      const clang::ASTContext &context);

} // namespace flowc
