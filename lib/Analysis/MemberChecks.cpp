// MemberChecks.cpp - the key stays, static members are not state.
#include "Analysis/MemberChecks.h"

#include "Analysis/Reporter.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang;

namespace flowc {

void checkKeyUnchanged(const CXXRecordDecl *record, const FieldDecl *key,
                       ASTContext &context, Reporter &reporter) {
  struct Uses : RecursiveASTVisitor<Uses> {
    const FieldDecl *key;
    std::vector<const MemberExpr *> found;
    bool VisitMemberExpr(MemberExpr *member) {
      if (member->getMemberDecl() == key &&
          isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))
        found.push_back(member);
      return true;
    }
  };
  for (const CXXMethodDecl *method : record->methods()) {
    const FunctionDecl *definition = method->getDefinition();
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(method) || method->isConst() ||
        !definition ||
        !definition->getBody() || method->isCopyAssignmentOperator() ||
        method->isMoveAssignmentOperator())
      continue;
    Uses uses{{}, key, {}};
    uses.TraverseStmt(definition->getBody());
    if (uses.found.empty())
      continue;
    ExprMutationAnalyzer mutations(*definition->getBody(), context);
    // Returned by const reference or by value: read.
    QualType result = method->getReturnType();
    bool returnsConst = !result->isReferenceType() ||
                        result->getPointeeType().isConstQualified();
    ParentMap parents(const_cast<Stmt *>(definition->getBody()));
    for (const MemberExpr *use : uses.found)
      if (mutations.isMutated(use) &&
          !(returnsConst && isa_and_nonnull<ReturnStmt>(parents.getParentIgnoreParenImpCasts(const_cast<MemberExpr *>(use))))) {
        reporter.error(use->getExprLoc(),
                       "'%0::%1' may change the key member '%2'; an entity "
                       "is found by its key, which is set by its constructor "
                       "and never changes")
            << record->getName() << method->getName() << key->getName();
        break;
      }
  }
}

void warnStaticMembers(const CXXRecordDecl *record, Reporter &reporter) {
  for (const Decl *decl : record->decls()) {
    const auto *var = dyn_cast<VarDecl>(decl);
    if (!var || !var->isStaticDataMember() || var->getType().isConstQualified() ||
        var->isConstexpr())
      continue;
    reporter.warning(var->getLocation(),
                     "static data member '%0' of entity '%1' is not state: "
                     "every entity of the type in one process shares it, "
                     "and it is not saved with a chain, rolled back, or "
                     "seen on other ranks")
        << var->getName() << record->getName();
  }
}

} // namespace flowc
