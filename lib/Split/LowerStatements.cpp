// LowerStatements.cpp - control flow around remote calls: conditions, loops,
// range-fors, declarations and returns that suspend.
#include "Split/Lowerer.h"

#include "clang/Lex/Lexer.h"

#include <functional>
#include <optional>

namespace flowc::lowering {

// A while, do-while or for loop (its parts from partsOf) whose condition,
// condition variable or increment suspends becomes an ir::TestedLoop: the
// test lowered in front of the body (or after it, for do-while) and the
// increment at the end, where `continue` goes.
Code Lowerer::lowerLoop(const Stmt *loop) {
  StatementParts s = partsOf(loop);
  bool suspends = containsCall(s.condition) || containsCall(s.increment) ||
                  containsCall(s.conditionDecl) ||
                  declaresHoisted(s.conditionDecl);
  // A for's init-statement alone: run it before the loop.
  if (!suspends && isa<ForStmt>(loop) &&
      (containsCall(s.init) ||
       (declaresHoisted(s.init) && !cast<DeclStmt>(s.init)->isSingleDecl())))
    return "{ " + leadingStmt(s.init) + "for (;" +
           render(extent(s.init).second, extent(loop).second, loop) + " }";
  if (!suspends)
    return render(loop, loop);
  std::string label = fresh("flowc_continue_" + std::to_string(++loops_));
  bool usesContinue = false;
  std::function<void(const Stmt *)> visit = [&](const Stmt *s) {
    if (!s)
      return;
    if (isa<ContinueStmt>(s)) {
      replace(s, [label] { return Code{ir::Continue{label}}; });
      usesContinue = true;
      return;
    }
    if (isa<LambdaExpr>(s) || partsOf(s).isLoop)
      return; // their continues are their own
    for (const Stmt *child : s->children())
      visit(child);
  };
  visit(s.body);
  // The body with the comments around it, and the condition's parentheses
  // (a for's hold more than the condition).
  unsigned bodyBegin, bodyEnd = extent(s.body).second;
  SourceLocation lparen = s.lparen, rparen = s.rparen;
  ir::TestedLoop lowered;
  if (const auto *doLoop = dyn_cast<DoStmt>(loop)) {
    bodyBegin = endOffset(doLoop->getDoLoc());
    bodyEnd = offset(doLoop->getWhileLoc());
    std::optional<Token> open =
        Lexer::findNextToken(sm_.getExpansionLoc(doLoop->getWhileLoc()), sm_,
                             context_.getLangOpts());
    if (open && open->is(tok::l_paren)) {
      lparen = open->getLocation();
      rparen = doLoop->getRParenLoc();
    }
    lowered.test_after = true;
  } else if (const auto *forLoop = dyn_cast<ForStmt>(loop)) {
    bodyBegin = endOffset(forLoop->getRParenLoc());
  } else {
    bodyBegin = endOffset(s.rparen);
  }
  lowered.init = leadingStmt(s.init);
  if (s.conditionDecl) {
    lowered.test = leadingStmt(s.conditionDecl);
    lowered.condition = condName(s.conditionVariable);
  } else if (s.condition) {
    Lowered c = lowerExpr(s.condition);
    lowered.test = c.prelude;
    lowered.condition =
        lparen.isValid() ? parenthesized(s.condition, lparen, rparen, c.value)
                         : c.value;
  }
  lowered.body = render(bodyBegin, bodyEnd, nullptr);
  if (usesContinue)
    lowered.label = label;
  if (s.increment) {
    Lowered i = lowerExpr(s.increment);
    lowered.step = i.prelude;
    if (!i.value.empty())
      lowered.increment = i.value;
  }
  return {std::move(lowered)};
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
Code Lowerer::condName(const VarDecl *var) {
  auto found = hoisted_.find(var);
  if (found == hoisted_.end())
    return ir::textCode(var->getName());
  return useOf(var, found->second);
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
  step.variable =
      step.pointer ? nameOf(var.name, loop->getLoopVariable()) : var.store;
  step.body = render(endOffset(loop->getRParenLoc()),
                     extent(loop->getBody()).second, nullptr);
  return "{ " + prelude + ir::loopCode(std::move(step)) + " }";
}

// A statement with remote calls in it, lowered by its kind (the visitor's
// dispatch). Calls in a nested statement are that statement's to lower.
Code Lowerer::lowerStmt(const Stmt *stmt) { return Visit(stmt); }

Code Lowerer::VisitExpr(const Expr *expr) {
  Lowered l = lowerExpr(expr);
  // A discarded result is just a temporary: nothing left to evaluate.
  bool bare = l.value.empty() || ir::isFieldCode(l.value) ||
              (l.value.size() == 1 &&
               std::holds_alternative<ir::VoidValue>(l.value.front()));
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
    test = condName(s.conditionVariable);
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
  const auto *block = cast<CompoundStmt>(attempt->getTryBlock());
  entry.block = render(endOffset(block->getLBracLoc()),
                       offset(block->getRBracLoc()), attempt);
  return ir::tryCode(std::move(entry)) + render(endOffset(block->getRBracLoc()),
                                                extent(attempt).second,
                                                attempt);
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
