// LowerStatements.cpp - control flow around remote calls: conditions, loops,
// range-fors, declarations and returns that suspend.
#include "Split/Lowerer.h"

#include "clang/Lex/Lexer.h"

#include <optional>

#include <functional>

namespace flowc::lowering {

// The parts of a loop whose condition or increment suspends.
struct Lowerer::LoopParts {
  const Stmt *init = nullptr;     // a for's init-statement
  const Expr *cond = nullptr;     // absent in `for (;;)`
  const DeclStmt *condVar = nullptr;
  SourceLocation lparen, rparen;  // the parentheses around cond alone
  const Expr *inc = nullptr;
  const Stmt *body = nullptr;
  unsigned bodyBegin = 0, bodyEnd = 0; // the body with comments around it
  bool testFirst = true;
};

// Such a loop becomes `while (true)` with the test lowered in front of the
// body (or after it, for do-while) and the increment at the end, where
// `continue` is sent.
Code Lowerer::loopWithSuspendingTest(const LoopParts &loop) {
  std::string label = fresh("flowc_continue_" + std::to_string(++loops_));
  bool usesContinue = false;
  std::function<void(const Stmt *)> visit = [&](const Stmt *s) {
    if (!s)
      return;
    if (isa<ContinueStmt>(s)) {
      replace(s, [label] { return ir::textCode("goto " + label + ";"); });
      usesContinue = true;
      return;
    }
    if (isa<LambdaExpr>(s) || partsOf(s).isLoop)
      return; // their continues are their own
    for (const Stmt *child : s->children())
      visit(child);
  };
  visit(loop.body);
  Code test;
  if (loop.condVar) {
    test = leadingStmt(loop.condVar) + "if (!(" +
           condName(cast<VarDecl>(loop.condVar->getSingleDecl())) +
           ")) break; ";
  } else if (loop.cond) {
    Lowered c = lowerExpr(loop.cond);
    Code value = loop.lparen.isValid() ? parenthesized(loop.cond, loop.lparen,
                                                       loop.rparen, c.value)
                                       : c.value;
    test = c.prelude + "if (!(" + value + ")) break; ";
  }
  Code step;
  if (loop.inc) {
    Lowered i = lowerExpr(loop.inc);
    step = i.prelude;
    if (!i.value.empty())
      step += "(void)(" + i.value + "); ";
  }
  Code out = "{ " + leadingStmt(loop.init) + "while (true) { ";
  if (loop.testFirst)
    out += test;
  out += render(loop.bodyBegin, loop.bodyEnd, nullptr) + " ";
  if (usesContinue)
    out += label + ":; ";
  out += step;
  if (!loop.testFirst)
    out += test;
  return out + "} }";
}

// A statement that runs before the one it belongs to (an init-statement or a
// condition variable's declaration), lowered, ending with a semicolon.
Code Lowerer::leadingStmt(const Stmt *stmt) {
  if (!stmt)
    return {};
  Code trimmed = ir::rtrimmed(isa<Expr>(stmt) && containsCall(stmt)
                                  ? lowerStmt(stmt)
                                  : render(stmt));
  if (!trimmed.empty() && !ir::endsWithText(trimmed, ";") &&
      !ir::endsWithText(trimmed, "}"))
    return trimmed + "; ";
  return trimmed + " ";
}

// How the lowered body names a condition variable.
std::string Lowerer::condName(const VarDecl *var) {
  auto found = hoisted_.find(var);
  if (found == hoisted_.end())
    return var->getNameAsString();
  const Hoisted &h = found->second;
  return h.home == Home::Pointer ? "(*" + h.name + ")" : h.name;
}

// The text between a condition's parentheses with the condition replaced by
// `value`: the comments written there stay.
Code Lowerer::parenthesized(const Expr *cond, SourceLocation lparen,
                            SourceLocation rparen, const Code &value) {
  replaceText(cond, value);
  Code text = render(endOffset(lparen), offset(rparen), nullptr);
  unreplace(cond);
  return text;
}

// Whether a statement declares a variable that is hoisted.
bool Lowerer::declaresHoisted(const Stmt *stmt) const {
  const auto *decls = dyn_cast_or_null<DeclStmt>(stmt);
  return decls && llvm::any_of(decls->decls(), [&](const Decl *d) {
           return hoisted_.count(dyn_cast<ValueDecl>(d));
         });
}

// An lvalue that names the same object each time it is evaluated: a variable
// (locals and parameters a loop iterates live in the frame while it runs), or
// a member of one or of `this`.
static bool isPath(const Expr *expr) {
  expr = expr->IgnoreParenImpCasts();
  if (const auto *ref = dyn_cast<DeclRefExpr>(expr))
    return isa<VarDecl, BindingDecl>(ref->getDecl());
  if (const auto *member = dyn_cast<MemberExpr>(expr)) {
    const Expr *base = member->getBase()->IgnoreParenImpCasts();
    return isa<FieldDecl>(member->getMemberDecl()) &&
           (isa<CXXThisExpr>(base) || (!member->isArrow() && isPath(base)));
  }
  return false;
}

Code Lowerer::VisitCXXForRangeStmt(const CXXForRangeStmt *loop) {
  const Expr *range = loop->getRangeInit();
  if (loop->getInit() && containsCall(range)) {
    error(loop->getInit()->getBeginLoc(),
          "a range-for with an init-statement and a remote call in its range");
    return {};
  }
  Lowered r = lowerExpr(range);
  Code prelude = r.prelude, rangeText = r.value;
  if (!containsCall(loop->getBody())) {
    // Only the range suspends: iterate the range as written, now computed.
    replaceText(range, rangeText);
    Code rest = render(loop, loop);
    unreplace(range);
    return "{ " + prelude + rest + " }";
  }
  // The body suspends: the loop is resumed from its position, so the range must be
  // found again after each call. A temporary the loop owns goes in the frame.
  const Expr *bare = range;
  if (const auto *cleanups = dyn_cast<ExprWithCleanups>(bare))
    bare = cleanups->getSubExpr();
  if (isa<MaterializeTemporaryExpr>(bare) || bare->isPRValue()) {
    rangeText = keep(rangeText, range, prelude);
  } else if (!isPath(range)) {
    reporter_.error(range->getBeginLoc(),
                    "a range-for whose body makes remote calls must iterate a "
                    "variable, a member or a temporary, so that it can find "
                    "its range again after each call; iterate a copy");
    failed_ = true;
    return {};
  }
  prelude = leadingStmt(loop->getInit()) + prelude;
  ir::IndexLoop step;
  step.index = fresh("flowc_i" + std::to_string(++loops_));
  temporaries_.push_back({step.index, "flowc::detail::Position"});
  indexed_[loop] = {step.index, rangeText};
  const Hoisted &var = hoisted_.find(loop->getLoopVariable())->second;
  step.range = rangeText;
  step.pointer = var.home == Home::Pointer;
  step.variable = step.pointer ? ir::textCode(var.name) : var.store;
  return "{ " + prelude + ir::loopCode(std::move(step)) +
         render(endOffset(loop->getRParenLoc()), extent(loop->getBody()).second,
                nullptr) +
         " } }";
}

// A statement with remote calls in it, lowered by its kind (the visitor's
// dispatch). Calls in a nested statement are that statement's to lower.
Code Lowerer::lowerStmt(const Stmt *stmt) { return Visit(stmt); }

Code Lowerer::VisitExpr(const Expr *expr) {
  Lowered l = lowerExpr(expr);
  // A discarded result is just a temporary: nothing left to evaluate.
  bool bare = l.value.empty() || ir::isTextCode(l.value, "void()") ||
              ir::isFieldCode(l.value);
  return bare ? l.prelude : l.prelude + l.value + ";";
}

Code Lowerer::VisitReturnStmt(const ReturnStmt *ret) {
  const Expr *value = ret->getRetValue();
  Lowered l = value ? lowerExpr(value) : Lowered{};
  return "{ " + l.prelude + finish(value, l.value) + " }";
}

Code Lowerer::VisitDeclStmt(const DeclStmt *decls) {
  return lowerDeclStmt(decls);
}

// The init-statement, condition variable and condition run in front, the
// statement tests what they left. `opening` is `if (`, `if constexpr (` or
// `switch (`.
Code Lowerer::lowerSelection(const Stmt *stmt, const char *opening) {
  StatementParts s = partsOf(stmt);
  if (!containsCall(s.condition) && !containsCall(s.init) &&
      !containsCall(s.conditionDecl) && !declaresHoisted(s.init) &&
      !declaresHoisted(s.conditionDecl))
    return render(stmt, stmt);
  Code out = "{ " + leadingStmt(s.init);
  Code test;
  if (s.conditionDecl) {
    out += leadingStmt(s.conditionDecl);
    test = ir::textCode(condName(s.conditionVariable));
  } else {
    Lowered c = lowerExpr(s.condition);
    out += c.prelude;
    test = s.init ? c.value
                  : parenthesized(s.condition, s.lparen, s.rparen, c.value);
  }
  return out + opening + test + ")" +
         render(endOffset(s.rparen), extent(stmt).second, stmt) + " }";
}

Code Lowerer::VisitIfStmt(const IfStmt *branch) {
  return lowerSelection(branch,
                        branch->isConstexpr() ? "if constexpr (" : "if (");
}

Code Lowerer::VisitSwitchStmt(const SwitchStmt *sw) {
  return lowerSelection(sw, "switch (");
}

Code Lowerer::VisitWhileStmt(const WhileStmt *loop) {
  const DeclStmt *condVar = loop->getConditionVariableDeclStmt();
  if (!containsCall(loop->getCond()) && !containsCall(condVar) &&
      !declaresHoisted(condVar))
    return render(loop, loop);
  LoopParts parts;
  parts.cond = loop->getCond();
  parts.condVar = condVar;
  if (!condVar) {
    parts.lparen = loop->getLParenLoc();
    parts.rparen = loop->getRParenLoc();
  }
  parts.body = loop->getBody();
  parts.bodyBegin = endOffset(loop->getRParenLoc());
  parts.bodyEnd = extent(loop->getBody()).second;
  return loopWithSuspendingTest(parts);
}

Code Lowerer::VisitDoStmt(const DoStmt *loop) {
  if (!containsCall(loop->getCond()))
    return render(loop, loop);
  LoopParts parts;
  parts.cond = loop->getCond();
  std::optional<Token> lparen = Lexer::findNextToken(
      sm_.getExpansionLoc(loop->getWhileLoc()), sm_, context_.getLangOpts());
  if (lparen && lparen->is(tok::l_paren)) {
    parts.lparen = lparen->getLocation();
    parts.rparen = loop->getRParenLoc();
  }
  parts.body = loop->getBody();
  // The body, and the comments between it and `while`.
  parts.bodyBegin = endOffset(loop->getDoLoc());
  parts.bodyEnd = offset(loop->getWhileLoc());
  parts.testFirst = false;
  return loopWithSuspendingTest(parts);
}

Code Lowerer::VisitForStmt(const ForStmt *loop) {
  const DeclStmt *condVar = loop->getConditionVariableDeclStmt();
  bool suspends = containsCall(loop->getCond()) ||
                  containsCall(loop->getInc()) || containsCall(condVar) ||
                  declaresHoisted(condVar);
  bool initAlone = containsCall(loop->getInit()) ||
                   (declaresHoisted(loop->getInit()) &&
                    !cast<DeclStmt>(loop->getInit())->isSingleDecl());
  if (!suspends && !initAlone)
    return render(loop, loop);
  if (!suspends) // Only the init-statement: run it before the loop.
    return "{ " + leadingStmt(loop->getInit()) + "for (;" +
           render(extent(loop->getInit()).second, extent(loop).second, loop) +
           " }";
  LoopParts parts;
  parts.init = loop->getInit();
  parts.cond = loop->getCond();
  parts.condVar = condVar;
  parts.inc = loop->getInc();
  parts.body = loop->getBody();
  parts.bodyBegin = endOffset(loop->getRParenLoc());
  parts.bodyEnd = extent(loop->getBody()).second;
  return loopWithSuspendingTest(parts);
}

// Blocks and labels: their statements are lowered where they stand.
Code Lowerer::asWritten(const Stmt *stmt) { return render(stmt, stmt); }

// The try statements whose try block holds `call`, outermost first.
std::vector<const CXXTryStmt *> Lowerer::triesAround(const Stmt *call) {
  std::vector<const CXXTryStmt *> tries;
  const Stmt *child = call;
  for (const Stmt *s = parents_.getParent(call); s;
       child = s, s = parents_.getParent(s))
    if (const auto *attempt = dyn_cast<CXXTryStmt>(s);
        attempt && child == attempt->getTryBlock())
      tries.insert(tries.begin(), attempt);
  return tries;
}

// 1, 2, ... for the try statements around calls, in source order.
unsigned Lowerer::tryId(const CXXTryStmt *attempt) {
  if (tryIds_.empty()) {
    std::vector<const CXXTryStmt *> all;
    for (const CXXMemberCallExpr *call : candidate_.calls)
      for (const CXXTryStmt *around : triesAround(call))
        if (!llvm::is_contained(all, around))
          all.push_back(around);
    llvm::sort(all, [&](const CXXTryStmt *a, const CXXTryStmt *b) {
      return sm_.isBeforeInTranslationUnit(a->getTryLoc(), b->getTryLoc());
    });
    for (const CXXTryStmt *around : all)
      tryIds_[around] = tryIds_.size() + 1;
  }
  return tryIds_.lookup(attempt);
}

// `try {` becomes the try block's entry: resuming at a call inside, the
// machine arrives here and goes on to the call (or the try block inside this
// one that holds it). The handlers stay as written.
Code Lowerer::VisitCXXTryStmt(const CXXTryStmt *attempt) {
  ir::TryEntry entry;
  entry.id = tryId(attempt);
  for (const CXXMemberCallExpr *call : candidate_.calls) {
    std::vector<const CXXTryStmt *> tries = triesAround(call);
    auto at = llvm::find(tries, attempt);
    if (at == tries.end())
      continue;
    entry.labels.push_back(callLabel_.lookup(call));
    entry.via.push_back(at + 1 == tries.end() ? 0 : tryId(*(at + 1)));
  }
  unsigned begin = endOffset(attempt->getTryBlock()->getLBracLoc());
  return ir::tryCode(std::move(entry)) +
         render(begin, extent(attempt).second, attempt);
}

Code Lowerer::VisitStmt(const Stmt *stmt) {
  error(stmt->getBeginLoc(), "this kind of statement");
  return {};
}

// `int *p`, `int &r`, `int a[2]`: a declarator with more than a name, so
// its type is not just the declaration's specifiers.
static bool hasDeclaratorParts(const VarDecl *var) {
  const TypeSourceInfo *info = var->getTypeSourceInfo();
  if (!info || isa<DecompositionDecl>(var))
    return true;
  TypeLoc type = info->getTypeLoc().getUnqualifiedLoc();
  return type.getAs<PointerTypeLoc>() || type.getAs<ReferenceTypeLoc>() ||
         type.getAs<ArrayTypeLoc>() || type.getAs<MemberPointerTypeLoc>() ||
         type.getAs<FunctionTypeLoc>() || type.getAs<ParenTypeLoc>();
}

// Each declarator in order: its initializer's calls, then its declaration
// (or, hoisted, an assignment). Several declarators are declared one by one
// under the specifiers they share.
// `T x(args)` or `T x{args}` calling a constructor: Clang's construction
// expression spans the name too.
bool Lowerer::constructsByName(const VarDecl *var) {
  const auto *construct = dyn_cast_or_null<CXXConstructExpr>(
      var->getInit() ? var->getInit()->IgnoreImplicitAsWritten() : nullptr);
  return construct && var->getInitStyle() != VarDecl::CInit &&
         offset(construct->getBeginLoc()) < endOffset(var->getLocation());
}

Code Lowerer::lowerDeclStmt(const DeclStmt *stmt) {
  bool several = !stmt->isSingleDecl();
  Code specifiers;
  bool parts = false, declared = false;
  for (const Decl *d : stmt->decls()) {
    const auto *var = dyn_cast<VarDecl>(d);
    if (!var) {
      error(d->getLocation(), "this declaration");
      return {};
    }
    parts = parts || hasDeclaratorParts(var);
    declared = declared || !hoisted_.count(var);
    if (!var->hasLocalStorage() && containsCall(var->getInit())) {
      reporter_.error(var->getLocation(),
                      "a remote call in the initializer of static '%0' would "
                      "run at every call of the method, not once; initialize "
                      "it without the call")
          << var->getName();
      failed_ = true;
      return {};
    }
  }
  if (several && parts && declared) {
    error(stmt->getBeginLoc(), "a pointer, reference or array declared "
                               "together with other variables and a remote "
                               "call");
    return {};
  }
  if (several)
    specifiers = render(offset(stmt->getBeginLoc()),
                        offset(cast<VarDecl>(*stmt->decl_begin())->getLocation()),
                        stmt);
  Code out;
  for (const Decl *d : stmt->decls()) {
    const auto *var = cast<VarDecl>(d);
    const Expr *init = var->getInit();
    bool lowered = containsCall(init);
    if (lowered && hoisted_.count(var) && constructsByName(var)) {
      // `T x(args)`: the constructor's text starts at the name, which the
      // assignment drops, so the arguments are replaced one by one.
      const auto *construct =
          cast<CXXConstructExpr>(init->IgnoreImplicitAsWritten());
      SmallVector<const Expr *, 4> args(construct->arguments());
      std::vector<std::optional<Code>> texts =
          lowerOperands(args, /*sentByValue=*/false, out);
      for (size_t i = 0; i < args.size(); ++i)
        if (texts[i])
          replaceText(args[i], *texts[i]);
      out += assignment(var);
      for (size_t i = 0; i < args.size(); ++i)
        if (texts[i])
          unreplace(args[i]);
      continue;
    }
    if (lowered) {
      Lowered l = lowerExpr(init);
      out += l.prelude;
      replaceText(init, l.value);
    }
    if (hoisted_.count(var))
      out += assignment(var);
    else if (several)
      out += specifiers +
             render(offset(var->getLocation()), endOffset(var->getEndLoc()),
                    nullptr) +
             "; ";
    else
      out += render(stmt, stmt);
    if (lowered)
      unreplace(init);
  }
  return out;
}

// `return value;` as the machine's result (`lowered` is the value, lowered).
Code Lowerer::finish(const Expr *value, const Code &lowered) {
  ir::Finish finish;
  if (value) {
    finish.value = lowered;
    finish.discarded = value->getType()->isVoidType();
    // `return {...};` copy-list-initializes the result, which a template
    // parameter cannot deduce: name the type.
    if (!finish.discarded && ir::startsWithText(lowered, "{"))
      finish.type = spell(function_->getReturnType());
  }
  return ir::finishCode(std::move(finish));
}

} // namespace flowc::lowering
