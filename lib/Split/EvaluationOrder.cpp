// EvaluationOrder.cpp - the lowering's evaluation order of operands.
#include "Split/EvaluationOrder.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace flowc {

LoweredForm loweredForm(const Expr *expr, bool isRemoteCall,
                        ContainsCall containsCall) {
  if (isRemoteCall)
    return LoweredForm::RemoteCall;
  if (const auto *op = dyn_cast<BinaryOperator>(expr);
      op && op->isLogicalOp() && containsCall(op->getRHS()))
    return LoweredForm::ShortCircuit;
  if (const auto *cond = dyn_cast<ConditionalOperator>(expr);
      cond && (containsCall(cond->getTrueExpr()) ||
               containsCall(cond->getFalseExpr())))
    return LoweredForm::Conditional;
  return LoweredForm::Operands;
}

SmallVector<const Expr *, 4> operandsInOrder(const Expr *expr) {
  SmallVector<const Expr *, 4> operands;
  if (const auto *op = dyn_cast<BinaryOperator>(expr);
      op && op->isAssignmentOp())
    return {op->getRHS(), op->getLHS()};
  if (const auto *call = dyn_cast<CXXOperatorCallExpr>(expr);
      call && call->isAssignmentOp() && call->getNumArgs() == 2)
    return {call->getCallee(), call->getArg(1), call->getArg(0)};
  for (const Stmt *child : expr->children())
    if (const auto *e = dyn_cast_or_null<Expr>(child))
      operands.push_back(e);
  return operands;
}

bool isConstantOperand(const Expr *expr, const ASTContext &context) {
  expr = expr->IgnoreParenImpCasts();
  if (isa<IntegerLiteral, FloatingLiteral, CXXBoolLiteralExpr, StringLiteral,
          CharacterLiteral, CXXNullPtrLiteralExpr, CXXThisExpr,
          CXXDefaultArgExpr>(expr))
    return true;
  if (const auto *ref = dyn_cast<DeclRefExpr>(expr)) {
    const ValueDecl *decl = ref->getDecl();
    if (isa<EnumConstantDecl, FunctionDecl>(decl))
      return true;
    const auto *var = dyn_cast<VarDecl>(decl);
    if (!var)
      return false; // structured bindings are variables too
    if (var->hasLocalStorage())
      return var->isUsableInConstantExpressions(context);
    return var->getType().isConstQualified();
  }
  return !expr->isValueDependent() && !expr->HasSideEffects(context) &&
         expr->isEvaluatable(context);
}

// `obj.method` as the callee of a member call: not a value to keep.
static bool isMethodName(const Expr *expr) {
  const auto *member = dyn_cast<MemberExpr>(expr->IgnoreParenImpCasts());
  return member && isa<CXXMethodDecl>(member->getMemberDecl());
}

SmallVector<PlannedOperand, 4> planOperands(ArrayRef<const Expr *> operands,
                                            bool sentByValue,
                                            ContainsCall containsCall,
                                            const ASTContext &context) {
  size_t lastCall = 0;
  for (size_t i = 0; i < operands.size(); ++i)
    if (containsCall(operands[i]))
      lastCall = i;
  SmallVector<PlannedOperand, 4> plan;
  for (size_t i = 0; i < operands.size(); ++i) {
    const Expr *operand = operands[i];
    bool kept = false;
    if (i < lastCall && (sentByValue || operand->isPRValue()) &&
        !operand->getType()->isVoidType()) {
      if (containsCall(operand))
        kept = true;
      else
        kept = !isConstantOperand(operand, context) &&
               !operand->getType()->isFunctionPointerType() &&
               !isMethodName(operand);
    }
    plan.push_back({operand, kept});
  }
  return plan;
}

} // namespace flowc
