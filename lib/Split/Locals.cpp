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

bool iteratesBits(const CXXForRangeStmt *loop) {
  const Expr *range = loop->getRangeInit();
  if (!range)
    return false;
  const auto *vector = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      range->getType().getNonReferenceType()->getAsCXXRecordDecl());
  if (!vector || !vector->isInStdNamespace() || vector->getName() != "vector")
    return false;
  const TemplateArgumentList &args = vector->getTemplateArgs();
  return args.size() > 0 && args[0].getKind() == TemplateArgument::Type &&
         args[0].getAsType()->isBooleanType();
}

} // namespace flowc
