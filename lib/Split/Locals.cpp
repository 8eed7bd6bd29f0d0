// Locals.cpp - storage kinds of locals.
#include "Split/Locals.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace flowc {

bool bindsOwnTemporary(const VarDecl *var) {
  if (!var->getType()->isReferenceType() || !var->getInit())
    return false;
  const Expr *init = var->getInit();
  if (const auto *cleanups = dyn_cast<ExprWithCleanups>(init))
    init = cleanups->getSubExpr();
  const auto *temporary = dyn_cast<MaterializeTemporaryExpr>(init);
  return temporary && temporary->getExtendingDecl() == var;
}

bool isConstantLocal(const VarDecl *var, const ASTContext &context) {
  return var->hasLocalStorage() && !isa<ParmVarDecl>(var) &&
         var->isUsableInConstantExpressions(context);
}

} // namespace flowc
