// Lowering.cpp - rewrites a method body into a resumable state machine.
#include "Split/Lowering.h"

#include "Analysis/RemoteCall.h"
#include "Analysis/Serializable.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

#include <functional>
#include <map>

using namespace clang;

namespace flowc {
namespace {

// How a hoisted variable is reached from the lowered body.
enum class Home { Frame, Local, Pointer };

struct Hoisted {
  Home home;
  std::string name; // unique in the function
  std::string type; // the stored type (no reference, no const)
};

class Lowerer {
public:
  Lowerer(const SplitCandidate &candidate,
          const std::vector<std::vector<const ValueDecl *>> &live,
          ASTContext &context, Reporter &reporter)
      : candidate_(candidate), context_(context), sm_(context.getSourceManager()),
        reporter_(reporter), function_(candidate.definition),
        parents_(const_cast<Stmt *>(candidate.definition->getBody())),
        serializable_(context) {
    for (size_t i = 0; i < candidate.calls.size(); ++i)
      callLabel_[candidate.calls[i]] = i + 1;
    for (const auto &set : live)
      for (const ValueDecl *decl : set)
        liveAnywhere_.insert(decl);
  }

  bool run(ir::Method &method);

private:
  // --- Source text and replacements -------------------------------------
  struct Replacement {
    const void *owner;
    std::function<std::string()> generate;
  };
  using Key = std::pair<unsigned, unsigned>; // begin offset, ~end offset
  std::map<Key, std::vector<Replacement>> replacements_;

  unsigned offset(SourceLocation loc) const {
    return sm_.getFileOffset(sm_.getExpansionLoc(loc));
  }
  unsigned endOffset(SourceLocation loc) const {
    SourceLocation end = Lexer::getLocForEndOfToken(
        sm_.getExpansionLoc(loc), 0, sm_, context_.getLangOpts());
    return sm_.getFileOffset(end);
  }
  // A statement's extent including its terminating semicolon, if it has one
  // (a compound statement's last sub-statement carries it).
  std::pair<unsigned, unsigned> extent(const Stmt *stmt) const {
    unsigned begin = offset(stmt->getBeginLoc());
    const Stmt *last = nullptr;
    if (const auto *branch = dyn_cast<IfStmt>(stmt))
      last = branch->getElse() ? branch->getElse() : branch->getThen();
    else if (const auto *loop = dyn_cast<WhileStmt>(stmt))
      last = loop->getBody();
    else if (const auto *loop = dyn_cast<ForStmt>(stmt))
      last = loop->getBody();
    else if (const auto *loop = dyn_cast<CXXForRangeStmt>(stmt))
      last = loop->getBody();
    else if (const auto *sw = dyn_cast<SwitchStmt>(stmt))
      last = sw->getBody();
    else if (const auto *label = dyn_cast<SwitchCase>(stmt))
      last = label->getSubStmt();
    else if (const auto *label = dyn_cast<LabelStmt>(stmt))
      last = label->getSubStmt();
    else if (const auto *attributed = dyn_cast<AttributedStmt>(stmt))
      last = attributed->getSubStmt();
    if (last)
      return {begin, std::max(extent(last).second, endOffset(stmt->getEndLoc()))};
    unsigned end = endOffset(stmt->getEndLoc());
    if (isa<Expr, ReturnStmt, DoStmt, BreakStmt, ContinueStmt, GotoStmt,
            NullStmt>(stmt)) {
      std::optional<Token> next = Lexer::findNextToken(
          sm_.getExpansionLoc(stmt->getEndLoc()), sm_, context_.getLangOpts());
      if (next && next->is(tok::semi))
        end = endOffset(next->getLocation());
    }
    return {begin, end};
  }
  void replace(const Stmt *node, std::pair<unsigned, unsigned> range,
               std::function<std::string()> generate) {
    replacements_[{range.first, ~range.second}].push_back(
        {node, std::move(generate)});
  }
  void replace(const Stmt *node, std::function<std::string()> generate) {
    replace(node, extent(node), std::move(generate));
  }
  void replaceText(const Stmt *node, std::string text) {
    replace(node, {offset(node->getBeginLoc()), endOffset(node->getEndLoc())},
            [text] { return text; });
  }
  void unreplace(const Stmt *node) {
    for (auto &[key, list] : replacements_)
      llvm::erase_if(list, [&](const Replacement &r) { return r.owner == node; });
  }

  // The source text of [begin, end) with every outermost replacement inside
  // it applied, except those owned by `self`.
  std::string render(unsigned begin, unsigned end, const void *self) {
    StringRef buffer = sm_.getBufferData(sm_.getMainFileID());
    std::string out;
    unsigned cursor = begin;
    for (auto it = replacements_.lower_bound({begin, 0});
         it != replacements_.end() && it->first.first < end; ++it) {
      unsigned rbegin = it->first.first, rend = ~it->first.second;
      if (rbegin < cursor || rend > end)
        continue;
      const Replacement *chosen = nullptr;
      for (auto r = it->second.rbegin(); r != it->second.rend(); ++r)
        if (r->owner != self) {
          chosen = &*r;
          break;
        }
      if (!chosen)
        continue;
      out += buffer.substr(cursor, rbegin - cursor).str();
      out += chosen->generate();
      cursor = rend;
    }
    out += buffer.substr(cursor, end - cursor).str();
    return out;
  }
  std::string render(const Stmt *stmt, const void *self = nullptr) {
    auto [begin, end] = extent(stmt);
    return render(begin, end, self);
  }
  // An expression's text without any trailing semicolon.
  std::string renderExpr(const Expr *expr, const void *self = nullptr) {
    return render(offset(expr->getBeginLoc()), endOffset(expr->getEndLoc()),
                  self);
  }

  // --- Facts about the body ---------------------------------------------
  bool containsCall(const Stmt *stmt) {
    if (!stmt)
      return false;
    auto found = contains_.find(stmt);
    if (found != contains_.end())
      return found->second;
    bool result = callLabel_.count(dyn_cast<Expr>(stmt));
    if (!isa<LambdaExpr>(stmt))
      for (const Stmt *child : stmt->children())
        result = containsCall(child) || result;
    contains_[stmt] = result;
    return result;
  }

  // `auto` and template-substituted types are spelled as what they stand for.
  QualType undeduced(QualType type) const {
    type = type.getNonReferenceType();
    Qualifiers quals = type.getLocalQualifiers();
    while (true) {
      if (const auto *autoType = dyn_cast<AutoType>(type.getTypePtr());
          autoType && autoType->isDeduced())
        type = autoType->getDeducedType();
      else if (const auto *subst =
                   dyn_cast<SubstTemplateTypeParmType>(type.getTypePtr()))
        type = subst->getReplacementType();
      else
        break;
      quals += type.getLocalQualifiers();
      type = type.getLocalUnqualifiedType();
    }
    return context_.getQualifiedType(type, quals);
  }
  std::string spell(QualType type) {
    return spellType(undeduced(type).getUnqualifiedType(), context_);
  }
  std::string spellPointee(QualType type) {
    return spellType(undeduced(type), context_);
  }

  std::string newTemp(QualType type, const Expr *where, const char *what) {
    std::string name = "flowc_t" + std::to_string(++temps_);
    QualType value = type.getNonReferenceType().getUnqualifiedType();
    if (std::string why = serializable_.whyNot(value); !why.empty()) {
      reporter_.error(where->getExprLoc(),
                      "the %0 must be kept across a remote call, but its type "
                      "'%1' cannot be carried in the frame: %2")
          << what << spellType(value, context_) << why;
      failed_ = true;
    }
    temporaries_.push_back({name, spell(value)});
    return "f_." + name;
  }

  // A value computed before a later remote call in the same expression is
  // kept in a temporary, so it is not recomputed after resuming.
  std::string keep(const std::string &value, const Expr *expr,
                   std::string &prelude) {
    if (StringRef(value).starts_with("f_.flowc_t") &&
        value.find_first_of(" ()") == std::string::npos)
      return value;
    std::string temp = newTemp(expr->getType(), expr, "value");
    prelude += temp + " = " + value + "; ";
    return temp;
  }

  bool error(SourceLocation loc, const char *what) {
    reporter_.error(loc, "%0 cannot be split at a remote call yet") << what;
    failed_ = true;
    return false;
  }

  // --- Hoisting ------------------------------------------------------------
  void hoist(const ValueDecl *decl);
  void findHoisted();
  std::string declarationAsAssignment(const DeclStmt *stmt);

  // --- Lowering --------------------------------------------------------------
  struct Lowered {
    std::string prelude;
    std::string value;
  };
  Lowered lowerExpr(const Expr *expr);
  Lowered lowerRemoteCall(const CXXMemberCallExpr *call);
  Lowered lowerChildren(const Expr *expr);
  std::vector<std::optional<std::string>>
  lowerOperands(llvm::ArrayRef<const Expr *> operands, bool sentByValue,
                std::string &prelude);
  std::string lowerStmt(const Stmt *stmt);
  std::string lowerRangeFor(const CXXForRangeStmt *loop);
  std::string loopWithSuspendingTest(const Stmt *loop, const Expr *cond,
                                     const Stmt *init, const Expr *inc,
                                     const Stmt *body, bool testFirst);
  void registerStatements(const Stmt *stmt);
  void renameUses(const Stmt *stmt);
  bool stable(const Expr *expr) const;

  const SplitCandidate &candidate_;
  ASTContext &context_;
  const SourceManager &sm_;
  Reporter &reporter_;
  const FunctionDecl *function_;
  ParentMap parents_;
  SerializableCheck serializable_;
  llvm::DenseMap<const Expr *, unsigned> callLabel_;
  llvm::DenseSet<const ValueDecl *> liveAnywhere_;
  llvm::DenseMap<const Stmt *, bool> contains_;
  llvm::MapVector<const ValueDecl *, Hoisted> hoisted_;
  llvm::StringSet<> names_;
  std::vector<ir::Field> temporaries_;
  unsigned temps_ = 0, loops_ = 0;
  // Range-for loops lowered to an index: loop -> (index name, range text).
  llvm::DenseMap<const CXXForRangeStmt *, std::pair<std::string, std::string>>
      indexed_;
  bool failed_ = false;
};

void Lowerer::hoist(const ValueDecl *decl) {
  if (hoisted_.count(decl))
    return;
  Hoisted h;
  QualType type = decl->getType();
  h.type = spell(type);
  if (liveAnywhere_.count(decl) && !type->isReferenceType())
    h.home = Home::Frame;
  else if (type->isReferenceType())
    h.home = Home::Pointer;
  else
    h.home = Home::Local;
  std::string base = decl->getNameAsString();
  if (const auto *decomposition = dyn_cast<DecompositionDecl>(decl)) {
    // A range-for's `auto &[a, b]`: a pointer to the element, the bindings
    // read through it (see renameUses).
    if (!type->isReferenceType()) {
      error(decl->getLocation(), "a range-for binding its elements by value "
                                 "with structured bindings (bind by "
                                 "reference: auto &[...])");
      return;
    }
    base = "flowc_b";
    (void)decomposition;
  }
  h.name = base;
  for (unsigned n = 2; !names_.insert(h.name).second; ++n)
    h.name = base + "_" + std::to_string(n);
  if (h.home == Home::Local && type->isRecordType()) {
    const auto *record = type->getAsCXXRecordDecl();
    if (record && (record->isLambda() ||
                   !record->hasDefaultConstructor())) {
      reporter_.error(decl->getLocation(),
                      "'%0' is declared before a remote call in the same "
                      "block, but its type cannot be default-constructed; "
                      "declare it after the call or in a nested block")
          << decl->getName();
      failed_ = true;
    }
  }
  hoisted_[decl] = h;
}

// Variables whose declaration a jump to some resume label would bypass: those
// declared, in a block or statement enclosing the call, before the call.
void Lowerer::findHoisted() {
  for (const ParmVarDecl *param : function_->parameters())
    names_.insert(param->getName());
  auto hoistDecls = [&](const Stmt *stmt) {
    if (const auto *decls = dyn_cast_or_null<DeclStmt>(stmt))
      for (const Decl *d : decls->decls()) {
        if (isa<DecompositionDecl>(d)) {
          error(d->getLocation(), "a structured binding declared before a "
                                  "remote call in the same block");
          continue;
        }
        if (const auto *var = dyn_cast<VarDecl>(d))
          hoist(var);
      }
  };
  for (const CXXMemberCallExpr *call : candidate_.calls) {
    const Stmt *child = call;
    for (const Stmt *parent = parents_.getParent(child); parent;
         child = parent, parent = parents_.getParent(parent)) {
      if (const auto *block = dyn_cast<CompoundStmt>(parent)) {
        for (const Stmt *sibling : block->body()) {
          if (sibling == child)
            break;
          hoistDecls(sibling);
          // A case label inside the block does not change scope.
          if (const auto *label = dyn_cast<SwitchCase>(sibling))
            hoistDecls(label->getSubStmt());
        }
      } else if (const auto *loop = dyn_cast<ForStmt>(parent)) {
        if (child != loop->getInit())
          hoistDecls(loop->getInit());
        if (const VarDecl *var = loop->getConditionVariable())
          hoist(var);
      } else if (const auto *branch = dyn_cast<IfStmt>(parent)) {
        if (child != branch->getInit())
          hoistDecls(branch->getInit());
        if (const VarDecl *var = branch->getConditionVariable())
          hoist(var);
      } else if (const auto *loop = dyn_cast<WhileStmt>(parent)) {
        if (const VarDecl *var = loop->getConditionVariable())
          hoist(var);
      } else if (const auto *sw = dyn_cast<SwitchStmt>(parent)) {
        if (child != sw->getInit())
          hoistDecls(sw->getInit());
        if (const VarDecl *var = sw->getConditionVariable())
          hoist(var);
      } else if (const auto *loop = dyn_cast<CXXForRangeStmt>(parent)) {
        if (child == loop->getBody())
          hoist(loop->getLoopVariable());
      }
    }
  }
}

// `T x = e;` for hoisted x becomes `x = e;` (`x = &(e);` for a reference).
std::string Lowerer::declarationAsAssignment(const DeclStmt *stmt) {
  std::string out;
  for (const Decl *d : stmt->decls()) {
    const auto *var = dyn_cast<VarDecl>(d);
    if (!var)
      continue;
    const Hoisted &h = hoisted_.find(var)->second;
    const Expr *init = var->getInit();
    if (!init) {
      if (var->getType()->isRecordType())
        out += h.name + " = " + h.type + "(); ";
      continue;
    }
    std::string value;
    if (h.home == Home::Pointer) {
      out += h.name + " = &(" + renderExpr(init) + "); ";
      continue;
    }
    switch (var->getInitStyle()) {
    case VarDecl::CInit:
      value = isa<InitListExpr>(init->IgnoreImplicit())
                  ? h.type + renderExpr(init)
                  : renderExpr(init);
      break;
    case VarDecl::CallInit:
    case VarDecl::ListInit:
    case VarDecl::ParenListInit: {
      // The written `(args)` or `{args}` after the name, as a temporary.
      unsigned begin = endOffset(var->getLocation());
      unsigned end = endOffset(var->getEndLoc());
      value = h.type + render(begin, end, nullptr);
      break;
    }
    }
    out += h.name + " = " + value + "; ";
  }
  return out;
}

// `obj.method` as the callee of a member call: not a value to keep.
static bool isMethodName(const Expr *expr) {
  const auto *member = dyn_cast<MemberExpr>(expr->IgnoreParenImpCasts());
  return member && isa<CXXMethodDecl>(member->getMemberDecl());
}

// An expression in the place of a statement (a body, a branch, a block item).
static bool isStatementPosition(const Expr *expr, const Stmt *parent) {
  if (isa_and_nonnull<CompoundStmt, SwitchCase, LabelStmt, AttributedStmt>(
          parent))
    return true;
  if (const auto *branch = dyn_cast_or_null<IfStmt>(parent))
    return branch->getThen() == expr || branch->getElse() == expr;
  if (const auto *loop = dyn_cast_or_null<WhileStmt>(parent))
    return loop->getBody() == expr;
  if (const auto *loop = dyn_cast_or_null<DoStmt>(parent))
    return loop->getBody() == expr;
  if (const auto *loop = dyn_cast_or_null<ForStmt>(parent))
    return loop->getBody() == expr;
  if (const auto *loop = dyn_cast_or_null<CXXForRangeStmt>(parent))
    return loop->getBody() == expr;
  return false;
}

bool Lowerer::stable(const Expr *expr) const {
  expr = expr->IgnoreParenImpCasts();
  if (isa<IntegerLiteral, FloatingLiteral, CXXBoolLiteralExpr, StringLiteral,
          CharacterLiteral, CXXNullPtrLiteralExpr, CXXThisExpr>(expr))
    return true;
  if (const auto *ref = dyn_cast<DeclRefExpr>(expr)) {
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    return !var || var->hasLocalStorage() || var->getType().isConstQualified();
  }
  return false;
}

// Lowers operands evaluated in order: those with remote calls are lowered, and
// values computed before the last of them are kept in temporaries, so they
// keep Clang's evaluation order. Operands sent by value (a remote call's) are
// kept even as glvalues. Returns each operand's new text, or nothing for an
// operand left as written.
std::vector<std::optional<std::string>>
Lowerer::lowerOperands(ArrayRef<const Expr *> operands, bool sentByValue,
                       std::string &prelude) {
  size_t lastCall = 0;
  for (size_t i = 0; i < operands.size(); ++i)
    if (containsCall(operands[i]))
      lastCall = i;
  std::vector<std::optional<std::string>> texts(operands.size());
  for (size_t i = 0; i <= lastCall && i < operands.size(); ++i) {
    const Expr *operand = operands[i];
    bool keepable = sentByValue || operand->isPRValue();
    if (containsCall(operand)) {
      Lowered inner = lowerExpr(operand);
      prelude += inner.prelude;
      std::string value = inner.value;
      if (i < lastCall && keepable && !value.empty())
        value = keep(value, operand, prelude);
      texts[i] = value.empty() ? "void()" : value;
    } else if (i < lastCall && keepable && !stable(operand) &&
               !operand->getType()->isVoidType() &&
               !operand->getType()->isFunctionPointerType() &&
               !isMethodName(operand)) {
      std::string temp = newTemp(operand->getType(), operand, "value");
      prelude += temp + " = " + renderExpr(operand) + "; ";
      texts[i] = temp;
    }
  }
  return texts;
}

Lowerer::Lowered Lowerer::lowerRemoteCall(const CXXMemberCallExpr *call) {
  std::optional<RemoteCallSite> site = asRemoteCall(call);
  std::vector<const Expr *> operands{site->ref};
  for (const Expr *arg : call->arguments()) {
    if (isa<CXXDefaultArgExpr>(arg)) {
      error(call->getExprLoc(), "a remote call that relies on default "
                                "arguments");
      break;
    }
    operands.push_back(arg);
  }
  Lowered out;
  std::vector<std::optional<std::string>> lowered =
      lowerOperands(operands, /*sentByValue=*/true, out.prelude);
  std::vector<std::string> texts;
  for (size_t i = 0; i < operands.size(); ++i)
    texts.push_back(lowered[i] ? *lowered[i] : renderExpr(operands[i]));
  unsigned label = callLabel_.lookup(call);
  std::string method = spellType(QualType(site->entity->getTypeForDecl(), 0),
                                 context_) +
                       "::" + site->method->getNameAsString();
  unsigned line = sm_.getPresumedLineNumber(sm_.getExpansionLoc(site->methodLoc));
  out.prelude += "f_.label = " + std::to_string(label) +
                 "; /* remote call, line " + std::to_string(line) +
                 " */ m_.template call<&" + method + ">(";
  for (size_t i = 0; i < texts.size(); ++i)
    out.prelude += (i ? ", " : "") + texts[i];
  out.prelude += "); return; flowc_resume_" + std::to_string(label) + ":; ";
  QualType result = call->getType();
  if (!result->isVoidType()) {
    std::string temp = newTemp(result, call, "result");
    out.prelude += temp + " = m_.template result<" +
                   spell(site->method->getReturnType()) + ">(); ";
    out.value = temp;
  }
  return out;
}

// An expression whose children make remote calls: the children are lowered
// and the expression re-rendered around their new texts.
Lowerer::Lowered Lowerer::lowerChildren(const Expr *expr) {
  std::vector<const Expr *> children;
  for (const Stmt *child : expr->children())
    if (const auto *e = dyn_cast_or_null<Expr>(child))
      children.push_back(e);
  Lowered out;
  std::vector<std::optional<std::string>> lowered =
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
    return {"", renderExpr(expr)};
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(expr);
      call && callLabel_.count(call))
    return lowerRemoteCall(call);
  if (const auto *op = dyn_cast<BinaryOperator>(expr);
      op && op->isLogicalOp() && containsCall(op->getRHS())) {
    Lowered left = lowerExpr(op->getLHS());
    Lowered right = lowerExpr(op->getRHS());
    std::string temp = newTemp(context_.BoolTy, op, "condition");
    Lowered out;
    out.prelude = left.prelude + temp + " = static_cast<bool>(" + left.value +
                  "); if (" + (op->getOpcode() == BO_LAnd ? "" : "!") + temp +
                  ") { " + right.prelude + temp + " = static_cast<bool>(" +
                  right.value + "); } ";
    out.value = temp;
    return out;
  }
  if (const auto *cond = dyn_cast<ConditionalOperator>(expr);
      cond && (containsCall(cond->getTrueExpr()) ||
               containsCall(cond->getFalseExpr()))) {
    Lowered test = lowerExpr(cond->getCond());
    Lowered yes = lowerExpr(cond->getTrueExpr());
    Lowered no = lowerExpr(cond->getFalseExpr());
    Lowered out;
    if (expr->getType()->isVoidType()) {
      out.prelude = test.prelude + "if (" + test.value + ") { " + yes.prelude +
                    yes.value + "; } else { " + no.prelude + no.value + "; } ";
      return out;
    }
    std::string temp = newTemp(expr->getType(), expr, "conditional value");
    out.prelude = test.prelude + "if (" + test.value + ") { " + yes.prelude +
                  temp + " = " + yes.value + "; } else { " + no.prelude + temp +
                  " = " + no.value + "; } ";
    out.value = temp;
    return out;
  }
  if (isa<LambdaExpr, StmtExpr>(expr)) {
    error(expr->getBeginLoc(), "this expression");
    return {"", ""};
  }
  return lowerChildren(expr);
}

// A loop whose condition or increment suspends: `while (true)` with the test
// lowered in front of the body (or after it, for do-while) and the increment
// at the end, where `continue` is sent.
std::string Lowerer::loopWithSuspendingTest(const Stmt *loop, const Expr *cond,
                                            const Stmt *init, const Expr *inc,
                                            const Stmt *body, bool testFirst) {
  std::string label = "flowc_continue_" + std::to_string(++loops_);
  bool usesContinue = false;
  std::function<void(const Stmt *)> visit = [&](const Stmt *s) {
    if (!s)
      return;
    if (isa<ContinueStmt>(s)) {
      replace(s, [label] { return "goto " + label + ";"; });
      usesContinue = true;
      return;
    }
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(s))
      return; // their continues are their own
    for (const Stmt *child : s->children())
      visit(child);
  };
  visit(body);
  std::string test;
  if (cond) {
    Lowered c = lowerExpr(cond);
    test = c.prelude + "if (!(" + c.value + ")) break; ";
  }
  std::string step;
  if (inc) {
    Lowered i = lowerExpr(inc);
    step = i.prelude + (i.value.empty() ? "" : "(void)(" + i.value + "); ");
  }
  std::string out = "{ ";
  if (init)
    out += render(init) + (isa<Expr>(init) ? "; " : " ");
  out += "while (true) { ";
  if (testFirst)
    out += test;
  out += render(body) + " ";
  if (usesContinue)
    out += label + ":; ";
  out += step;
  if (!testFirst)
    out += test;
  out += "} }";
  (void)loop;
  return out;
}

std::string Lowerer::lowerRangeFor(const CXXForRangeStmt *loop) {
  const Expr *range = loop->getRangeInit();
  std::string prelude, rangeText;
  if (containsCall(range)) {
    Lowered r = lowerExpr(range);
    prelude = r.prelude;
    rangeText = r.value;
  } else {
    const Expr *bare = range->IgnoreParenImpCasts();
    bool member = isa<MemberExpr>(bare) &&
                  isa<CXXThisExpr>(
                      cast<MemberExpr>(bare)->getBase()->IgnoreParenImpCasts());
    if (stable(range) || member) {
      rangeText = renderExpr(range);
    } else {
      rangeText = newTemp(range->getType(), range, "range");
      prelude = rangeText + " = " + renderExpr(range) + "; ";
    }
  }
  if (!containsCall(loop->getBody())) {
    // Only the range suspends: iterate the materialized range as written.
    const VarDecl *var = loop->getLoopVariable();
    std::string decl =
        render(offset(var->getBeginLoc()), endOffset(var->getLocation()), nullptr);
    return "{ " + prelude + "for (" + decl + " : " + rangeText + ") " +
           render(loop->getBody()) + " }";
  }
  std::string index = "flowc_i" + std::to_string(++loops_);
  temporaries_.push_back({index, "std::size_t"});
  indexed_[loop] = {"f_." + index, rangeText};
  const Hoisted &var = hoisted_.find(loop->getLoopVariable())->second;
  std::string element =
      "flowc::detail::element(" + rangeText + ", f_." + index + ")";
  std::string bind = var.home == Home::Pointer
                         ? var.name + " = &" + element + "; "
                         : var.name + " = " + element + "; ";
  return "{ " + prelude + "for (f_." + index + " = 0; f_." + index +
         " < flowc::detail::size(" + rangeText + "); ++f_." + index + ") { " +
         bind + render(loop->getBody()) + " } }";
}

std::string Lowerer::lowerStmt(const Stmt *stmt) {
  if (const auto *expr = dyn_cast<Expr>(stmt)) {
    Lowered l = lowerExpr(expr);
    // A discarded result is just a temporary: nothing left to evaluate.
    bool bare = l.value.empty() ||
                (StringRef(l.value).starts_with("f_.flowc_t") &&
                 l.value.find_first_of(" ()") == std::string::npos);
    return l.prelude + (bare ? "" : l.value + ";");
  }
  if (const auto *ret = dyn_cast<ReturnStmt>(stmt)) {
    const Expr *value = ret->getRetValue();
    Lowered l = value ? lowerExpr(value) : Lowered{};
    std::string finish = value && !value->getType()->isVoidType()
                             ? "m_.finish(" + l.value + "); "
                             : (value ? "(void)(" + l.value + "); " : "") +
                                   std::string("m_.finish(); ");
    return "{ " + l.prelude + finish + "return; }";
  }
  if (const auto *decls = dyn_cast<DeclStmt>(stmt)) {
    if (!decls->isSingleDecl()) {
      error(stmt->getBeginLoc(), "a declaration of several variables with a "
                                 "remote call in an initializer");
      return "";
    }
    const auto *var = dyn_cast<VarDecl>(decls->getSingleDecl());
    if (!var || !var->getInit() || isa<DecompositionDecl>(var)) {
      error(stmt->getBeginLoc(), "this declaration");
      return "";
    }
    Lowered l = lowerExpr(var->getInit());
    replaceText(var->getInit(), l.value);
    std::string rest = hoisted_.count(var) ? declarationAsAssignment(decls)
                                           : render(stmt, stmt);
    unreplace(var->getInit());
    return l.prelude + rest;
  }
  if (const auto *branch = dyn_cast<IfStmt>(stmt)) {
    if (!containsCall(branch->getCond()))
      return render(stmt, stmt);
    if (branch->getConditionVariable() || branch->isConsteval()) {
      error(branch->getBeginLoc(), "an if with a condition variable");
      return "";
    }
    Lowered c = lowerExpr(branch->getCond());
    std::string out = "{ ";
    if (branch->getInit())
      out += render(branch->getInit()) + " ";
    out += c.prelude + "if (" + c.value + ") " + render(branch->getThen());
    if (branch->getElse())
      out += " else " + render(branch->getElse());
    return out + " }";
  }
  if (const auto *loop = dyn_cast<WhileStmt>(stmt)) {
    if (!containsCall(loop->getCond()))
      return render(stmt, stmt);
    if (loop->getConditionVariable()) {
      error(loop->getBeginLoc(), "a while with a condition variable");
      return "";
    }
    return loopWithSuspendingTest(loop, loop->getCond(), nullptr, nullptr,
                                  loop->getBody(), true);
  }
  if (const auto *loop = dyn_cast<DoStmt>(stmt)) {
    if (!containsCall(loop->getCond()))
      return render(stmt, stmt);
    return loopWithSuspendingTest(loop, loop->getCond(), nullptr, nullptr,
                                  loop->getBody(), false);
  }
  if (const auto *loop = dyn_cast<ForStmt>(stmt)) {
    if (!containsCall(loop->getCond()) && !containsCall(loop->getInc()))
      return render(stmt, stmt);
    if (loop->getConditionVariable()) {
      error(loop->getBeginLoc(), "a for with a condition variable");
      return "";
    }
    return loopWithSuspendingTest(loop, loop->getCond(), loop->getInit(),
                                  loop->getInc(), loop->getBody(), true);
  }
  if (const auto *loop = dyn_cast<CXXForRangeStmt>(stmt))
    return lowerRangeFor(loop);
  if (const auto *sw = dyn_cast<SwitchStmt>(stmt)) {
    if (!containsCall(sw->getCond()))
      return render(stmt, stmt);
    if (sw->getConditionVariable() || sw->getInit()) {
      error(sw->getBeginLoc(), "a switch with an init statement or variable");
      return "";
    }
    Lowered c = lowerExpr(sw->getCond());
    return "{ " + c.prelude + "switch (" + c.value + ") " +
           render(sw->getBody()) + " }";
  }
  if (isa<CompoundStmt, LabelStmt, CaseStmt, DefaultStmt, AttributedStmt>(stmt))
    return render(stmt, stmt);
  error(stmt->getBeginLoc(), "this kind of statement");
  return "";
}

// Registers, for every statement, what replaces it in the lowered body.
// Every use of a hoisted variable that now has another name or is reached
// through a pointer, anywhere in the body.
void Lowerer::renameUses(const Stmt *stmt) {
  if (!stmt)
    return;
  if (const auto *ref = dyn_cast<DeclRefExpr>(stmt)) {
    if (const auto *binding = dyn_cast<BindingDecl>(ref->getDecl()))
      if (const auto *whole =
              dyn_cast_or_null<DecompositionDecl>(binding->getDecomposedDecl());
          whole && hoisted_.count(whole)) {
        const std::string &name = hoisted_.find(whole)->second.name;
        unsigned index = 0;
        for (const BindingDecl *b : whole->bindings()) {
          if (b == binding)
            break;
          ++index;
        }
        std::string text;
        const Expr *access = binding->getBinding();
        if (binding->getHoldingVar())
          text = "std::get<" + std::to_string(index) + ">(*" + name + ")";
        else if (const auto *member =
                     dyn_cast_or_null<MemberExpr>(access ? access->IgnoreImplicit()
                                                         : nullptr))
          text = "(*" + name + ")." + member->getMemberDecl()->getNameAsString();
        else
          text = "(*" + name + ")[" + std::to_string(index) + "]";
        replaceText(ref, text);
      }
    auto found = hoisted_.find(ref->getDecl());
    if (found != hoisted_.end()) {
      const Hoisted &h = found->second;
      if (h.home == Home::Pointer)
        replaceText(ref, "(*" + h.name + ")");
      else if (h.name != ref->getDecl()->getName())
        replaceText(ref, h.name);
    }
  }
  for (const Stmt *child : stmt->children())
    renameUses(child);
}

void Lowerer::registerStatements(const Stmt *stmt) {
  if (!stmt || isa<LambdaExpr>(stmt))
    return;
  if (const auto *ret = dyn_cast<ReturnStmt>(stmt);
      ret && !containsCall(ret)) {
    replace(ret, [this, ret] {
      const Expr *value = ret->getRetValue();
      if (!value)
        return std::string("{ m_.finish(); return; }");
      if (value->getType()->isVoidType())
        return "{ " + renderExpr(value) + "; m_.finish(); return; }";
      return "{ m_.finish(" + renderExpr(value) + "); return; }";
    });
  } else if (const auto *decls = dyn_cast<DeclStmt>(stmt);
             decls && !containsCall(decls) &&
             llvm::any_of(decls->decls(), [&](const Decl *d) {
               return hoisted_.count(dyn_cast<ValueDecl>(d));
             })) {
    replace(decls, [this, decls] { return declarationAsAssignment(decls); });
  } else if (containsCall(stmt) &&
             (!isa<Expr>(stmt) ||
              isStatementPosition(cast<Expr>(stmt), parents_.getParent(stmt)))) {
    replace(stmt, [this, stmt] { return lowerStmt(stmt); });
  }
  // Expressions are lowered as a whole by their statement.
  if (isa<Expr>(stmt) && containsCall(stmt))
    return;
  for (const Stmt *child : stmt->children())
    registerStatements(child);
}

bool Lowerer::run(ir::Method &method) {
  for (const CXXMemberCallExpr *call : candidate_.calls)
    if (call->getBeginLoc().isMacroID() || call->getEndLoc().isMacroID()) {
      reporter_.error(sm_.getExpansionLoc(call->getExprLoc()),
                      "remote call inside a macro expansion; it cannot be "
                      "split, so write it out in the method");
      return false;
    }
  findHoisted();
  if (failed_)
    return false;
  const auto *body = cast<CompoundStmt>(function_->getBody());
  renameUses(body);
  for (const Stmt *child : body->body())
    registerStatements(child);
  std::string lowered =
      render(offset(body->getLBracLoc()), endOffset(body->getRBracLoc()), body);
  if (failed_)
    return false;

  // The frame: live parameters, live hoisted locals, then temporaries.
  std::string top = "auto &f_ = m_.frame;\n";
  std::string bind;
  unsigned index = 0;
  for (const ParmVarDecl *param : function_->parameters()) {
    std::string name = param->getNameAsString();
    std::string value = "std::move(std::get<" + std::to_string(index++) +
                        ">(m_.args))";
    if (liveAnywhere_.count(param)) {
      method.frame.push_back({name, spell(param->getType())});
      QualType type = param->getType();
      std::string refType =
          type->isReferenceType()
              ? spellType(type.getNonReferenceType(), context_)
              : spellType(type, context_);
      top += refType + " &" + name + " = f_." + name + ";\n";
      bind += "f_." + name + " = " + value + "; ";
    } else if (!name.empty()) {
      top += spell(param->getType()) + " " + name + "{};\n";
      bind += name + " = " + value + "; ";
    }
  }
  std::vector<std::pair<const ValueDecl *, Hoisted>> locals(hoisted_.begin(),
                                                           hoisted_.end());
  std::stable_sort(locals.begin(), locals.end(), [&](auto &a, auto &b) {
    return sm_.isBeforeInTranslationUnit(a.first->getLocation(),
                                         b.first->getLocation());
  });
  for (auto &[decl, h] : locals) {
    if (h.home == Home::Frame) {
      method.frame.push_back({h.name, h.type});
      top += h.type + " &" + h.name + " = f_." + h.name + ";\n";
    } else if (h.home == Home::Pointer) {
      std::string pointee = spellPointee(decl->getType());
      top += pointee + " *" + h.name + " = nullptr;\n";
    } else {
      top += h.type + " " + h.name + "{};\n";
    }
  }
  for (const ir::Field &temp : temporaries_)
    method.frame.push_back(temp);

  // Resume dispatch, re-binding the variables of index loops around the call.
  std::string dispatch = "switch (f_.label) {\ncase 0:\n" + bind + "break;\n";
  for (const CXXMemberCallExpr *call : candidate_.calls) {
    std::string rebind;
    for (const Stmt *s = parents_.getParent(call); s; s = parents_.getParent(s))
      if (const auto *loop = dyn_cast<CXXForRangeStmt>(s)) {
        auto found = indexed_.find(loop);
        if (found == indexed_.end())
          continue;
        const Hoisted &h = hoisted_.find(loop->getLoopVariable())->second;
        if (h.home != Home::Pointer)
          continue;
        rebind = h.name + " = &flowc::detail::element(" + found->second.second +
                 ", " + found->second.first + "); " + rebind;
      }
    std::string label = std::to_string(callLabel_.lookup(call));
    dispatch += "case " + label + ":\n" + rebind + "goto flowc_resume_" + label +
                ";\n";
  }
  dispatch += "default:\nm_.bad_label();\nreturn;\n}\n";

  std::string tail;
  if (function_->getReturnType()->isVoidType())
    tail = "m_.finish();\n";
  method.machine = top + dispatch + lowered + "\n" + tail;
  return true;
}

} // namespace

bool lowerMethod(const SplitCandidate &candidate,
                 const std::vector<std::vector<const ValueDecl *>> &live,
                 ASTContext &context, Reporter &reporter, ir::Method &method) {
  Lowerer lowerer(candidate, live, context, reporter);
  return lowerer.run(method);
}

} // namespace flowc
