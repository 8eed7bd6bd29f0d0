// TypeSpelling.cpp - fully qualified type names that keep the user's sugar.
#include "Analysis/TypeSpelling.h"

#include "clang/AST/QualTypeNames.h"

using namespace clang;

namespace flowc {

std::string spellType(QualType type, const ASTContext &context) {
  PrintingPolicy policy(context.getLangOpts());
  policy.SuppressScope = false;
  policy.AnonymousTagLocations = false;
  policy.SuppressUnwrittenScope = true; // no inline namespaces (std::__1)
  policy.FullyQualifiedName = true;
  policy.PrintCanonicalTypes = false;
  return TypeName::getFullyQualifiedName(type, context, policy,
                                         /*WithGlobalNsPrefix=*/false);
}

} // namespace flowc
