// LowerExpressions.cpp - remote calls hoisted out of expressions, in evaluation
// order, each one a suspension.
#include "Split/Lowerer.h"

#include "Split/DefaultArguments.h"
#include "Split/EvaluationOrder.h"

#include "Analysis/RemoteCall.h"
#include "Analysis/SourceLines.h"

namespace flowc::lowering {

// Lowers operands in evaluation order (see EvaluationOrder.h): those with
// remote calls are lowered, and the values computed before the last of them
// are kept in temporaries. Returns each operand's new text, or nothing for an
// operand left as written.
std::vector<std::optional<Code>>
Lowerer::lowerOperands(ArrayRef<const Expr *> operands, bool sentByValue,
                       Code &prelude) {
  auto plan = planOperands(
      operands, sentByValue, [this](const Expr *e) { return containsCall(e); },
      [this](QualType type) { return canCarry(type); }, context_);
  std::vector<std::optional<Code>> texts(operands.size());
  for (size_t i = 0; i < operands.size(); ++i) {
    const Expr *operand = operands[i];
    if (plan[i].conflicts) {
      reporter_.error(operand->getExprLoc(),
                      "'%0' runs before a later remote call in the same "
                      "expression, but the split method would evaluate it "
                      "after the call, and it changes, or reads, what the "
                      "expression uses before the call; make the remote "
                      "call in a statement of its own before this one")
          << quote(operand);
      failed_ = true;
    }
    if (containsCall(operand)) {
      Lowered inner = lowerExpr(operand);
      prelude += inner.prelude;
      Code value = inner.value;
      if (plan[i].kept && !value.empty())
        value = keep(value, operand, prelude);
      texts[i] = value.empty() ? ir::Code{ir::VoidValue{}} : value;
    } else if (plan[i].kept) {
      Code temp = newTemp(operand->getType(), operand, "value");
      prelude += temp + " = " + renderExpr(operand) + "; ";
      texts[i] = temp;
    }
  }
  return texts;
}

// A call whose result nobody reads (`r->f();`, `(void)r->f();`): the
// result is not decoded or kept.
bool Lowerer::isDiscarded(const Expr *expr) {
  const Stmt *child = expr;
  for (const Stmt *parent = parents_.getParent(child); parent;
       child = parent, parent = parents_.getParent(parent)) {
    if (isa<ExprWithCleanups, CXXBindTemporaryExpr, ParenExpr>(parent))
      continue;
    if (const auto *cast = dyn_cast<ExplicitCastExpr>(parent);
        cast && cast->getType()->isVoidType())
      continue;
    return isStatementPosition(child, parent);
  }
  return false;
}

Lowerer::Lowered Lowerer::lowerRemoteCall(const CXXMemberCallExpr *call) {
  std::optional<RemoteCallSite> site = asRemoteCall(call);
  std::vector<const Expr *> operands{site->ref};
  operands.insert(operands.end(), call->arg_begin(), call->arg_end());
  Lowered out;
  std::vector<std::optional<Code>> lowered =
      lowerOperands(operands, /*sentByValue=*/true, out.prelude);
  std::vector<Code> texts;
  for (size_t i = 0; i < operands.size(); ++i) {
    if (lowered[i]) {
      texts.push_back(*lowered[i]);
    } else if (const auto *arg = dyn_cast<CXXDefaultArgExpr>(operands[i])) {
      // Sent like any argument, so written out here.
      std::optional<std::string> text = defaultArgumentText(arg, context_);
      if (!text) {
        reporter_.error(site->methodLoc,
                        "the default argument of parameter '%0' of '%1' is "
                        "not a constant the split method can write; pass it "
                        "explicitly")
            << arg->getParam()->getName()
            << site->method->getQualifiedNameAsString();
        reporter_.note(arg->getParam()->getLocation(),
                       "the parameter is declared here");
        failed_ = true;
      }
      texts.push_back(ir::textCode(text.value_or("")));
    } else {
      texts.push_back(renderExpr(operands[i]));
    }
    // A braced argument initializes its parameter, which the machine's call
    // template cannot deduce: name the type.
    if (i > 0 && ir::startsWithText(texts.back(), "{"))
      texts.back() =
          spell(site->method->getParamDecl(i - 1)->getType()) + texts.back();
  }
  ir::Suspend suspend;
  suspend.label = callLabel_.lookup(call);
  suspend.line = presumedLineOf(sm_, site->methodLoc);
  suspend.callee = spellType(QualType(site->entity->getTypeForDecl(), 0),
                             context_) +
                   "::" + site->method->getNameAsString();
  suspend.args = std::move(texts);
  suspend.in_try = !triesAround(call).empty();
  suspend.last = !suspend.in_try && last_[suspend.label - 1];
  QualType result = call->getType();
  if (!result->isVoidType() && !isDiscarded(call)) {
    out.value = newTemp(result, call, "result");
    suspend.result = *ir::fieldOf(out.value.front());
    suspend.result_type = spell(site->method->getReturnType());
  }
  out.prelude += ir::suspendCode(std::move(suspend));
  return out;
}

// An expression whose children make remote calls: the children are lowered
// and the expression re-rendered around their new texts.
Lowerer::Lowered Lowerer::lowerChildren(const Expr *expr) {
  SmallVector<const Expr *, 4> children = operandsInOrder(expr);
  Lowered out;
  std::vector<std::optional<Code>> lowered =
      lowerOperands(children, /*sentByValue=*/false, out.prelude);
  for (size_t i = 0; i < children.size(); ++i)
    if (lowered[i])
      replaceText(children[i], *lowered[i]);
  out.value = renderExpr(expr, expr);
  for (size_t i = 0; i < children.size(); ++i)
    if (lowered[i])
      unreplace(children[i]);
  return out;
}

Lowerer::Lowered Lowerer::lowerExpr(const Expr *expr) {
  if (!containsCall(expr))
    return {{}, renderExpr(expr)};
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(expr);
      call && callLabel_.count(call))
    return lowerRemoteCall(call);
  if (const auto *op = dyn_cast<BinaryOperator>(expr);
      op && op->isLogicalOp() && containsCall(op->getRHS())) {
    Lowered left = lowerExpr(op->getLHS());
    Lowered right = lowerExpr(op->getRHS());
    Code temp = newTemp(context_.BoolTy, op, "condition");
    ir::ShortCircuit lowered;
    lowered.op = op->getOpcode() == BO_LAnd ? "&&" : "||";
    lowered.result = *ir::fieldOf(temp.front());
    lowered.left = left.value;
    lowered.right = {right.prelude, right.value};
    return {left.prelude + Code{std::move(lowered)}, temp};
  }
  if (const auto *cond = dyn_cast<ConditionalOperator>(expr);
      cond && (containsCall(cond->getTrueExpr()) ||
               containsCall(cond->getFalseExpr()))) {
    Lowered test = lowerExpr(cond->getCond());
    Lowered yes = lowerExpr(cond->getTrueExpr());
    Lowered no = lowerExpr(cond->getFalseExpr());
    ir::Conditional lowered;
    lowered.condition = test.value;
    lowered.then = {yes.prelude, yes.value};
    lowered.otherwise = {no.prelude, no.value};
    Code temp;
    if (!expr->getType()->isVoidType()) {
      temp = newTemp(expr->getType(), expr, "conditional value");
      lowered.result = *ir::fieldOf(temp.front());
    }
    return {test.prelude + Code{std::move(lowered)}, temp};
  }
  if (isa<StmtExpr>(expr)) {
    error(expr->getBeginLoc(), "a statement expression");
    return {};
  }
  if (isa<LambdaExpr>(expr)) {
    error(expr->getBeginLoc(), "this expression");
    return {};
  }
  return lowerChildren(expr);
}

} // namespace flowc::lowering
