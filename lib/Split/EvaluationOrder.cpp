// EvaluationOrder.cpp - the lowering's evaluation order of operands.
#include "Split/EvaluationOrder.h"

#include "Split/Forwarding.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

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

// A braced initializer's members left out are initialized by their default
// member initializers or value-initialized: parts with no text of their own
// (Clang places them at the closing brace), which run with the whole.
static bool hasText(const Expr *expr, const Expr *parent) {
  if (isa<CXXDefaultInitExpr, ImplicitValueInitExpr, NoInitExpr>(expr) ||
      expr->getBeginLoc().isInvalid())
    return false;
  const auto *list = dyn_cast<InitListExpr>(parent);
  return !list || expr->getBeginLoc() != list->getRBraceLoc();
}

SmallVector<const Expr *, 4> operandsInOrder(const Expr *expr) {
  SmallVector<const Expr *, 4> operands;
  if (const auto *op = dyn_cast<BinaryOperator>(expr);
      op && op->isAssignmentOp())
    return {op->getRHS(), op->getLHS()};
  if (const auto *call = dyn_cast<CXXOperatorCallExpr>(expr);
      call && call->isAssignmentOp() && call->getNumArgs() == 2)
    return {call->getCallee(), call->getArg(1), call->getArg(0)};
  // A member call's object, then its arguments: the method it names is not
  // a value (C++17 sequences the object before the arguments).
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(expr))
    if (const auto *member =
            dyn_cast<MemberExpr>(call->getCallee()->IgnoreParens())) {
      operands.push_back(member->getBase());
      operands.append(call->arg_begin(), call->arg_end());
      return operands;
    }
  for (const Stmt *child : expr->children())
    if (const auto *e = dyn_cast_or_null<Expr>(child); e && hasText(e, expr))
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

// The variables `expr` names.
static void namedVariables(const Stmt *stmt,
                           llvm::SmallPtrSetImpl<const ValueDecl *> &out) {
  if (!stmt)
    return;
  if (const auto *ref = dyn_cast<DeclRefExpr>(stmt))
    if (isa<VarDecl, BindingDecl>(ref->getDecl()))
      out.insert(ref->getDecl());
  for (const Stmt *child : stmt->children())
    namedVariables(child, out);
}

// A standard container's accessor: its non-const overload returns a
// reference or iterator into the container, which changes nothing by itself
// (a map's operator[] inserts).
static bool isStdAccessor(const CXXMethodDecl *method) {
  if (!method || !method->getParent()->isInStdNamespace())
    return false;
  if (method->getOverloadedOperator() == OO_Subscript)
    return method->getParent()->getName().find("map") == llvm::StringRef::npos;
  static const llvm::StringRef accessors[] = {
      "at",    "front",       "back",        "begin",       "end",
      "rbegin", "rend",       "find",        "lower_bound", "upper_bound",
      "equal_range", "data"};
  return method->getIdentifier() &&
         llvm::is_contained(accessors, method->getName());
}

// Whether parameter `param` of `function` only reads its argument, given
// that the call's own value is only read when `read` is set: a const
// reference, or an lvalue a standard function copies (Forwarding.h).
static bool onlyReads(const FunctionDecl *function, unsigned param, bool read) {
  if (!function || param >= function->getNumParams())
    return false;
  QualType type = function->getParamDecl(param)->getType();
  if (type->isLValueReferenceType() &&
      type->getPointeeType().isConstQualified())
    return true;
  switch (forwardedArgument(function, param)) {
  case Forwarded::copied:
    return true;
  case Forwarded::passed:
    return read;
  case Forwarded::unknown:
    return false;
  }
  return false;
}

namespace {
// Whether an expression may change one of some variables. `read` is set where
// what the expression names is only read: converted to a value, bound to a
// const reference, copied, or the object of a const method (or, while being
// read, of a container's accessor: `f(v[i])` with `const T &`).
class WriteFinder {
public:
  explicit WriteFinder(const llvm::SmallPtrSetImpl<const ValueDecl *> &vars)
      : vars_(vars) {}

  bool mayWrite(const Stmt *stmt, bool read) {
    if (!stmt)
      return false;
    if (const auto *ref = dyn_cast<DeclRefExpr>(stmt))
      return !read && vars_.count(ref->getDecl());
    // Conversions, parentheses and temporaries pass on how the value is used.
    if (const auto *cast = dyn_cast<CastExpr>(stmt))
      return mayWrite(cast->getSubExpr(),
                      read || cast->getCastKind() == CK_LValueToRValue ||
                          cast->getCastKind() == CK_ToVoid);
    if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
            ExprWithCleanups>(stmt))
      return mayWrite(*stmt->child_begin(), read);
    if (const auto *member = dyn_cast<MemberExpr>(stmt);
        member && !member->isArrow())
      return mayWrite(member->getBase(), read);
    if (const auto *choice = dyn_cast<ConditionalOperator>(stmt))
      return mayWrite(choice->getCond(), false) ||
             mayWrite(choice->getTrueExpr(), read) ||
             mayWrite(choice->getFalseExpr(), read);
    if (const auto *comma = dyn_cast<BinaryOperator>(stmt);
        comma && comma->getOpcode() == BO_Comma)
      return mayWrite(comma->getLHS(), false) ||
             mayWrite(comma->getRHS(), read);
    if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(stmt))
      return mayWrite(subscript->getBase(), read) ||
             mayWrite(subscript->getIdx(), false);
    if (const auto *call = dyn_cast<CallExpr>(stmt))
      return mayWriteIn(call, read);
    if (const auto *construct = dyn_cast<CXXConstructExpr>(stmt)) {
      const CXXConstructorDecl *constructor = construct->getConstructor();
      for (unsigned i = 0; i < construct->getNumArgs(); ++i)
        if (mayWrite(construct->getArg(i), onlyReads(constructor, i, read)))
          return true;
      return false;
    }
    for (const Stmt *child : stmt->children())
      if (mayWrite(child, false))
        return true;
    return false;
  }

private:
  bool mayWriteIn(const CallExpr *call, bool read) {
    const auto *function = dyn_cast_or_null<FunctionDecl>(call->getCalleeDecl());
    const auto *method = dyn_cast_or_null<CXXMethodDecl>(function);
    bool objectRead = method && (method->isConst() ||
                                 (read && isStdAccessor(method)));
    unsigned first = 0; // the first argument that is a parameter
    if (const auto *member = dyn_cast<CXXMemberCallExpr>(call)) {
      if (mayWrite(member->getImplicitObjectArgument(), objectRead))
        return true;
    } else if (isa<CXXOperatorCallExpr>(call) && method) {
      if (mayWrite(call->getArg(0), objectRead))
        return true;
      first = 1;
    } else if (!function && mayWrite(call->getCallee(), true)) {
      return true;
    }
    for (unsigned i = first; i < call->getNumArgs(); ++i) {
      if (mayWrite(call->getArg(i), onlyReads(function, i - first, read)))
        return true;
    }
    return false;
  }

  const llvm::SmallPtrSetImpl<const ValueDecl *> &vars_;
};
} // namespace

bool mayWrite(const Stmt *stmt,
              const llvm::SmallPtrSetImpl<const ValueDecl *> &vars, bool read) {
  return WriteFinder(vars).mayWrite(stmt, read);
}

// Whether `late`, evaluated after `early` instead of before, could see or
// make a difference: `early` may change a variable `late` names, or `late`
// may change one `early` names.
// Only what an operand's evaluation changes counts: what the whole expression
// does with the operand's value comes after every operand, split or not.
static bool conflicts(const Expr *late, ArrayRef<const Expr *> early) {
  llvm::SmallPtrSet<const ValueDecl *, 4> lateVars, earlyVars;
  namedVariables(late, lateVars);
  for (const Expr *e : early) {
    if (mayWrite(e, lateVars, /*read=*/true))
      return true;
    namedVariables(e, earlyVars);
  }
  return mayWrite(late, earlyVars, /*read=*/true);
}

SmallVector<PlannedOperand, 4> planOperands(ArrayRef<const Expr *> operands,
                                            bool sentByValue,
                                            ContainsCall containsCall,
                                            CanCarry canCarry,
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
      if (kept && !sentByValue && !canCarry(operand->getType()))
        kept = conflicts(operand, operands.drop_front(i + 1));
    }
    plan.push_back({operand, kept});
  }
  // What is formed late must not change, or read, what later parts evaluated
  // before the calls read, or change.
  for (size_t i = 0; i < lastCall && !sentByValue; ++i)
    if (!plan[i].kept && !isConstantOperand(operands[i], context) &&
        !isMethodName(operands[i])) {
      SmallVector<const Expr *, 4> early;
      for (size_t j = i + 1; j < operands.size(); ++j)
        if (plan[j].kept || containsCall(operands[j]))
          early.push_back(operands[j]);
      plan[i].conflicts = conflicts(operands[i], early);
    }
  return plan;
}

} // namespace flowc
