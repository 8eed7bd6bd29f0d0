// Lowering.cpp - rewrites a method body into a resumable state machine.
#include "Split/Lowering.h"

#include "Split/DefaultArguments.h"
#include "Split/EvaluationOrder.h"
#include "Split/Locals.h"

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
enum class Home {
  Frame,    // a frame field, through a reference named as the variable
  Local,    // a local of the state machine (it is dead across every call)
  Pointer,  // a reference: a local pointer to what it is bound to
  Constant, // usable in constant expressions: declared once, as written
};

struct Hoisted {
  Home home;
  std::string name;  // unique in the function
  std::string type;  // the stored type (no reference, no const)
  std::string store; // what its declaration, now an assignment, assigns to
  bool isConst = false;
  const DeclStmt *declaration = nullptr; // Home::Constant: moved to the top
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

  // A name no other frame field or hoisted local has: base, base_2, ...
  std::string unique(StringRef base) {
    std::string name = base.str();
    for (unsigned n = 2; !names_.insert(name).second; ++n)
      name = base.str() + "_" + std::to_string(n);
    return name;
  }

  bool error(SourceLocation loc, const char *what) {
    reporter_.error(loc, "%0 cannot be split at a remote call yet") << what;
    failed_ = true;
    return false;
  }

  // --- Hoisting ------------------------------------------------------------
  void hoist(const ValueDecl *decl, const DeclStmt *declaration = nullptr);
  void findHoisted();
  std::string declarationAsAssignment(const DeclStmt *stmt);
  std::string assignment(const VarDecl *var);
  std::string storableType(QualType type);

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
  struct LoopParts;
  std::string loopWithSuspendingTest(const LoopParts &loop);
  std::string lowerDeclStmt(const DeclStmt *stmt);
  std::string finish(const Expr *value, const std::string &text);
  bool isDiscarded(const Expr *expr);
  void checkNames();
  std::string leadingStmt(const Stmt *stmt);
  std::string condName(const VarDecl *var);
  std::string parenthesized(const Expr *cond, SourceLocation lparen,
                            SourceLocation rparen, const std::string &value);
  bool declaresHoisted(const Stmt *stmt) const;
  void registerStatements(const Stmt *stmt);
  void renameUses(const Stmt *stmt);

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
  llvm::DenseMap<const ParmVarDecl *, std::string> paramField_;
  std::vector<ir::Field> temporaries_;
  unsigned temps_ = 0, loops_ = 0;
  // Range-for loops lowered to an index: loop -> (index name, range text).
  llvm::DenseMap<const CXXForRangeStmt *, std::pair<std::string, std::string>>
      indexed_;
  bool failed_ = false;
};

void Lowerer::hoist(const ValueDecl *decl, const DeclStmt *declaration) {
  if (hoisted_.count(decl))
    return;
  const auto *var = dyn_cast<VarDecl>(decl);
  if (var && !var->hasLocalStorage())
    return; // a static is initialized once: jumping past it is allowed
  Hoisted h;
  if (var && isConstantLocal(var, context_)) {
    if (!declaration || !declaration->isSingleDecl()) {
      if (declaration && declaration->decl_begin()[0] != decl)
        return; // reported at the first
      error(decl->getLocation(), "a constant declared together with other "
                                 "variables before a remote call");
      return;
    }
    h.home = Home::Constant;
    h.name = h.store = unique(decl->getName());
    h.declaration = declaration;
    hoisted_[decl] = h;
    return;
  }
  QualType type = decl->getType();
  const auto *decomposition = dyn_cast<DecompositionDecl>(decl);
  bool live = liveAnywhere_.count(decl);
  if (decomposition)
    for (const BindingDecl *binding : decomposition->bindings())
      live = live || liveAnywhere_.count(binding);
  bool byValue =
      !type->isReferenceType() || (var && bindsOwnTemporary(var));
  h.home = !byValue ? Home::Pointer : live ? Home::Frame : Home::Local;
  QualType stored = undeduced(type);
  h.isConst = byValue && stored.isConstQualified();
  h.type = storableType(stored.getUnqualifiedType());
  // Structured bindings are reached through the object they decompose (see
  // renameUses), which is what is hoisted.
  h.name = unique(decomposition ? "flowc_b" : decl->getName());
  h.store = h.name;
  if (h.isConst)
    h.store = h.home == Home::Frame ? "f_." + h.name : unique("flowc_" + h.name);
  // Hoisted locals and frame fields start default-constructed.
  const auto *record = stored->getAsCXXRecordDecl();
  if (h.home != Home::Pointer && record &&
      (record->isLambda() || !record->hasDefaultConstructor())) {
    if (h.home == Home::Local)
      reporter_.error(decl->getLocation(),
                      "'%0' is declared before a remote call in the same "
                      "block, but its type cannot be default-constructed; "
                      "declare it after the call or in a nested block")
          << decl->getName();
    else
      reporter_.error(decl->getLocation(),
                      "'%0' lives across a remote call, but its type cannot "
                      "be default-constructed, so the method's frame cannot "
                      "hold it")
          << decl->getName();
    failed_ = true;
  }
  hoisted_[decl] = h;
}

// The type a hoisted variable is stored as: assignable, so a std::pair's
// const member (a map's key) is stored without const.
std::string Lowerer::storableType(QualType type) {
  if (const auto *pair = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          type->getAsCXXRecordDecl());
      pair && pair->isInStdNamespace() && pair->getName() == "pair") {
    const TemplateArgumentList &args = pair->getTemplateArgs();
    if (args.size() == 2 && args[0].getKind() == TemplateArgument::Type &&
        args[1].getKind() == TemplateArgument::Type &&
        (args[0].getAsType().isConstQualified() ||
         args[1].getAsType().isConstQualified()))
      return "std::pair<" + spell(args[0].getAsType()) + ", " +
             spell(args[1].getAsType()) + ">";
  }
  return spell(type);
}

// Variables whose declaration a jump to some resume label would bypass: those
// declared, in a block or statement enclosing the call, before the call.
void Lowerer::findHoisted() {
  // The frame's own `label` is taken; a parameter keeps its name in the body
  // and only its field is renamed.
  names_.insert("label");
  for (const ParmVarDecl *param : function_->parameters())
    if (param->getName() != "label")
      names_.insert(param->getName());
  for (const ParmVarDecl *param : function_->parameters())
    paramField_[param] = param->getName() == "label"
                             ? unique("label")
                             : param->getNameAsString();
  auto hoistDecls = [&](const Stmt *stmt) {
    if (const auto *decls = dyn_cast_or_null<DeclStmt>(stmt))
      for (const Decl *d : decls->decls())
        if (const auto *var = dyn_cast<VarDecl>(d))
          hoist(var, decls);
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
      } else if (const auto *decls = dyn_cast<DeclStmt>(parent)) {
        // The declarators before the one whose initializer makes the call.
        for (const Decl *d : decls->decls()) {
          const auto *var = dyn_cast<VarDecl>(d);
          if (!var || var->getInit() == child)
            break;
          hoist(var, decls);
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
        if (child == loop->getBody()) {
          hoistDecls(loop->getInit());
          hoist(loop->getLoopVariable());
        }
      }
    }
  }
}

// `T x = e;` for hoisted x becomes `x = e;` (`x = &(e);` for a reference);
// a constant's declaration moves to the top.
std::string Lowerer::declarationAsAssignment(const DeclStmt *stmt) {
  std::string out;
  for (const Decl *d : stmt->decls())
    if (const auto *var = dyn_cast<VarDecl>(d))
      out += assignment(var);
  return out;
}

std::string Lowerer::assignment(const VarDecl *var) {
  auto found = hoisted_.find(var);
  if (found == hoisted_.end())
    return ""; // a static
  const Hoisted &h = found->second;
  if (h.home == Home::Constant)
    return "";
  const Expr *init = var->getInit();
  // `T x;` of a class type: Clang's implicit default construction.
  if (const auto *construct = dyn_cast_or_null<CXXConstructExpr>(init);
      construct && var->getInitStyle() == VarDecl::CallInit &&
      construct->getParenOrBraceRange().isInvalid())
    init = nullptr;
  if (!init)
    return var->getType()->isRecordType() ? h.store + " = " + h.type + "(); "
                                          : "";
  if (h.home == Home::Pointer)
    return h.name + " = &(" + renderExpr(init) + "); ";
  std::string value;
  switch (var->getInitStyle()) {
  case VarDecl::CInit:
    value = isa<InitListExpr>(init->IgnoreImplicit())
                ? h.type + renderExpr(init)
                : renderExpr(init);
    break;
  case VarDecl::CallInit:
  case VarDecl::ListInit:
  case VarDecl::ParenListInit: {
    if (isa<DecompositionDecl>(var)) {
      error(var->getLocation(), "a structured binding initialized with () "
                                "or {} before a remote call");
      return "";
    }
    // The written `(args)` or `{args}` after the name, as a temporary.
    unsigned begin = endOffset(var->getLocation());
    unsigned end = endOffset(var->getEndLoc());
    value = h.type + render(begin, end, nullptr);
    break;
  }
  }
  return h.store + " = " + value + "; ";
}

// An expression in the place of a statement (a body, a branch, a block item).
static bool isStatementPosition(const Stmt *expr, const Stmt *parent) {
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


// Lowers operands in evaluation order (see EvaluationOrder.h): those with
// remote calls are lowered, and the values computed before the last of them
// are kept in temporaries. Returns each operand's new text, or nothing for an
// operand left as written.
std::vector<std::optional<std::string>>
Lowerer::lowerOperands(ArrayRef<const Expr *> operands, bool sentByValue,
                       std::string &prelude) {
  auto plan = planOperands(
      operands, sentByValue, [this](const Expr *e) { return containsCall(e); },
      context_);
  std::vector<std::optional<std::string>> texts(operands.size());
  for (size_t i = 0; i < operands.size(); ++i) {
    const Expr *operand = operands[i];
    if (containsCall(operand)) {
      Lowered inner = lowerExpr(operand);
      prelude += inner.prelude;
      std::string value = inner.value;
      if (plan[i].kept && !value.empty())
        value = keep(value, operand, prelude);
      texts[i] = value.empty() ? "void()" : value;
    } else if (plan[i].kept) {
      std::string temp = newTemp(operand->getType(), operand, "value");
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
  std::vector<std::optional<std::string>> lowered =
      lowerOperands(operands, /*sentByValue=*/true, out.prelude);
  std::vector<std::string> texts;
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
      texts.push_back(text.value_or(""));
    } else {
      texts.push_back(renderExpr(operands[i]));
    }
    // A braced argument initializes its parameter, which the machine's call
    // template cannot deduce: name the type.
    if (i > 0 && StringRef(texts.back()).ltrim().starts_with("{"))
      texts.back() =
          spell(site->method->getParamDecl(i - 1)->getType()) + texts.back();
  }
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
  if (!result->isVoidType() && !isDiscarded(call)) {
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
  SmallVector<const Expr *, 4> children = operandsInOrder(expr);
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
  if (isa<StmtExpr>(expr)) {
    error(expr->getBeginLoc(), "a statement expression");
    return {"", ""};
  }
  if (isa<LambdaExpr>(expr)) {
    error(expr->getBeginLoc(), "this expression");
    return {"", ""};
  }
  return lowerChildren(expr);
}

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
std::string Lowerer::loopWithSuspendingTest(const LoopParts &loop) {
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
  visit(loop.body);
  std::string test;
  if (loop.condVar) {
    test = leadingStmt(loop.condVar) + "if (!(" +
           condName(cast<VarDecl>(loop.condVar->getSingleDecl())) +
           ")) break; ";
  } else if (loop.cond) {
    Lowered c = lowerExpr(loop.cond);
    std::string value = loop.lparen.isValid()
                            ? parenthesized(loop.cond, loop.lparen,
                                            loop.rparen, c.value)
                            : c.value;
    test = c.prelude + "if (!(" + value + ")) break; ";
  }
  std::string step;
  if (loop.inc) {
    Lowered i = lowerExpr(loop.inc);
    step = i.prelude + (i.value.empty() ? "" : "(void)(" + i.value + "); ");
  }
  std::string out = "{ " + leadingStmt(loop.init) + "while (true) { ";
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
std::string Lowerer::leadingStmt(const Stmt *stmt) {
  if (!stmt)
    return "";
  std::string text = isa<Expr>(stmt) && containsCall(stmt) ? lowerStmt(stmt)
                                                           : render(stmt);
  StringRef trimmed = StringRef(text).rtrim();
  if (!trimmed.empty() && !trimmed.ends_with(";") && !trimmed.ends_with("}"))
    return trimmed.str() + "; ";
  return trimmed.str() + " ";
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
std::string Lowerer::parenthesized(const Expr *cond, SourceLocation lparen,
                                   SourceLocation rparen,
                                   const std::string &value) {
  replaceText(cond, value);
  std::string text = render(endOffset(lparen), offset(rparen), nullptr);
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

std::string Lowerer::lowerRangeFor(const CXXForRangeStmt *loop) {
  const Expr *range = loop->getRangeInit();
  if (loop->getInit() && containsCall(range)) {
    error(loop->getInit()->getBeginLoc(),
          "a range-for with an init-statement and a remote call in its range");
    return "";
  }
  Lowered r = lowerExpr(range);
  std::string prelude = r.prelude, rangeText = r.value;
  if (!containsCall(loop->getBody())) {
    // Only the range suspends: iterate the range as written, now computed.
    replaceText(range, rangeText);
    std::string rest = render(loop, loop);
    unreplace(range);
    return "{ " + prelude + rest + " }";
  }
  // The body suspends: the loop is resumed by index, so the range must be
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
    return "";
  }
  prelude = leadingStmt(loop->getInit()) + prelude;
  std::string index = "flowc_i" + std::to_string(++loops_);
  temporaries_.push_back({index, "std::size_t"});
  indexed_[loop] = {"f_." + index, rangeText};
  const Hoisted &var = hoisted_.find(loop->getLoopVariable())->second;
  std::string element =
      "flowc::detail::element(" + rangeText + ", f_." + index + ")";
  std::string bind = var.home == Home::Pointer
                         ? var.name + " = &" + element + "; "
                         : var.store + " = " + element + "; ";
  return "{ " + prelude + "for (f_." + index + " = 0; f_." + index +
         " < flowc::detail::size(" + rangeText + "); ++f_." + index + ") { " +
         bind +
         render(endOffset(loop->getRParenLoc()), extent(loop->getBody()).second,
                nullptr) +
         " } }";
}

std::string Lowerer::lowerStmt(const Stmt *stmt) {
  if (const auto *expr = dyn_cast<Expr>(stmt)) {
    Lowered l = lowerExpr(expr);
    // A discarded result is just a temporary: nothing left to evaluate.
    bool bare = l.value.empty() || l.value == "void()" ||
                (StringRef(l.value).starts_with("f_.flowc_t") &&
                 l.value.find_first_of(" ()") == std::string::npos);
    return l.prelude + (bare ? "" : l.value + ";");
  }
  if (const auto *ret = dyn_cast<ReturnStmt>(stmt)) {
    const Expr *value = ret->getRetValue();
    Lowered l = value ? lowerExpr(value) : Lowered{};
    return "{ " + l.prelude + finish(value, l.value) + "return; }";
  }
  if (const auto *decls = dyn_cast<DeclStmt>(stmt))
    return lowerDeclStmt(decls);
  auto rest = [&](SourceLocation after) {
    return render(endOffset(after), extent(stmt).second, stmt);
  };
  if (const auto *branch = dyn_cast<IfStmt>(stmt)) {
    const DeclStmt *condVar = branch->getConditionVariableDeclStmt();
    if (!containsCall(branch->getCond()) && !containsCall(branch->getInit()) &&
        !containsCall(condVar) && !declaresHoisted(branch->getInit()) &&
        !declaresHoisted(condVar))
      return render(stmt, stmt);
    std::string out = "{ " + leadingStmt(branch->getInit());
    std::string test;
    if (condVar) {
      out += leadingStmt(condVar);
      test = condName(branch->getConditionVariable());
    } else {
      Lowered c = lowerExpr(branch->getCond());
      out += c.prelude;
      test = branch->getInit() ? c.value
                               : parenthesized(branch->getCond(),
                                               branch->getLParenLoc(),
                                               branch->getRParenLoc(), c.value);
    }
    return out + (branch->isConstexpr() ? "if constexpr (" : "if (") + test +
           ")" + rest(branch->getRParenLoc()) + " }";
  }
  if (const auto *sw = dyn_cast<SwitchStmt>(stmt)) {
    const DeclStmt *condVar = sw->getConditionVariableDeclStmt();
    if (!containsCall(sw->getCond()) && !containsCall(sw->getInit()) &&
        !containsCall(condVar) && !declaresHoisted(sw->getInit()) &&
        !declaresHoisted(condVar))
      return render(stmt, stmt);
    std::string out = "{ " + leadingStmt(sw->getInit());
    std::string test;
    if (condVar) {
      out += leadingStmt(condVar);
      test = condName(sw->getConditionVariable());
    } else {
      Lowered c = lowerExpr(sw->getCond());
      out += c.prelude;
      test = sw->getInit() ? c.value
                           : parenthesized(sw->getCond(), sw->getLParenLoc(),
                                           sw->getRParenLoc(), c.value);
    }
    return out + "switch (" + test + ")" + rest(sw->getRParenLoc()) + " }";
  }
  if (const auto *loop = dyn_cast<WhileStmt>(stmt)) {
    const DeclStmt *condVar = loop->getConditionVariableDeclStmt();
    if (!containsCall(loop->getCond()) && !containsCall(condVar) &&
        !declaresHoisted(condVar))
      return render(stmt, stmt);
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
  if (const auto *loop = dyn_cast<DoStmt>(stmt)) {
    if (!containsCall(loop->getCond()))
      return render(stmt, stmt);
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
  if (const auto *loop = dyn_cast<ForStmt>(stmt)) {
    const DeclStmt *condVar = loop->getConditionVariableDeclStmt();
    bool suspends = containsCall(loop->getCond()) ||
                    containsCall(loop->getInc()) || containsCall(condVar) ||
                    declaresHoisted(condVar);
    bool initAlone = containsCall(loop->getInit()) ||
                     (declaresHoisted(loop->getInit()) &&
                      !cast<DeclStmt>(loop->getInit())->isSingleDecl());
    if (!suspends && !initAlone)
      return render(stmt, stmt);
    if (!suspends) // Only the init-statement: run it before the loop.
      return "{ " + leadingStmt(loop->getInit()) + "for (;" +
             render(extent(loop->getInit()).second, extent(stmt).second,
                    stmt) +
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
  if (const auto *loop = dyn_cast<CXXForRangeStmt>(stmt))
    return lowerRangeFor(loop);
  if (isa<CompoundStmt, LabelStmt, CaseStmt, DefaultStmt, AttributedStmt>(stmt))
    return render(stmt, stmt);
  error(stmt->getBeginLoc(), "this kind of statement");
  return "";
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
std::string Lowerer::lowerDeclStmt(const DeclStmt *stmt) {
  bool several = !stmt->isSingleDecl();
  std::string specifiers;
  bool parts = false, declared = false;
  for (const Decl *d : stmt->decls()) {
    const auto *var = dyn_cast<VarDecl>(d);
    if (!var) {
      error(d->getLocation(), "this declaration");
      return "";
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
      return "";
    }
  }
  if (several && parts && declared) {
    error(stmt->getBeginLoc(), "a pointer, reference or array declared "
                               "together with other variables and a remote "
                               "call");
    return "";
  }
  if (several)
    specifiers = render(offset(stmt->getBeginLoc()),
                        offset(cast<VarDecl>(*stmt->decl_begin())->getLocation()),
                        stmt);
  std::string out;
  for (const Decl *d : stmt->decls()) {
    const auto *var = cast<VarDecl>(d);
    const Expr *init = var->getInit();
    bool lowered = containsCall(init);
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

// `return value;` as the machine's result (`text` is the value, lowered).
std::string Lowerer::finish(const Expr *value, const std::string &text) {
  if (!value)
    return "m_.finish(); ";
  if (value->getType()->isVoidType())
    return "(void)(" + text + "); m_.finish(); ";
  // `return {...};` copy-list-initializes the result, which a template
  // parameter cannot deduce: name the type.
  if (StringRef(text).ltrim().starts_with("{"))
    return spell(function_->getReturnType()) + " flowc_r = " + text +
           "; m_.finish(flowc_r); ";
  return "m_.finish(" + text + "); ";
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
        bool pointer = hoisted_.find(whole)->second.home == Home::Pointer;
        std::string object = pointer ? "(*" + name + ")" : name;
        std::string text;
        const Expr *access = binding->getBinding();
        if (binding->getHoldingVar())
          text = "std::get<" + std::to_string(index) + ">(" +
                 (pointer ? "*" + name : name) + ")";
        else if (const auto *member =
                     dyn_cast_or_null<MemberExpr>(access ? access->IgnoreImplicit()
                                                         : nullptr))
          text = object + "." + member->getMemberDecl()->getNameAsString();
        else
          text = object + "[" + std::to_string(index) + "]";
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
      return "{ " + finish(value, value ? renderExpr(value) : "") +
             "return; }";
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
    // Lowered into several statements: a branch or loop body that is one
    // statement needs braces around them.
    const Stmt *parent = parents_.getParent(stmt);
    bool alone = isa<Expr, DeclStmt>(stmt) &&
                 isStatementPosition(stmt, parent) &&
                 !isa_and_nonnull<CompoundStmt>(parent) &&
                 !(isa<DeclStmt>(stmt) && isa_and_nonnull<SwitchCase>(parent));
    replace(stmt, [this, stmt, alone] {
      std::string text = lowerStmt(stmt);
      return alone ? "{ " + text + " }" : text;
    });
  }
  // Expressions are lowered as a whole by their statement.
  if (isa<Expr>(stmt) && containsCall(stmt))
    return;
  // A range-for's hidden statements (its range, iterators and loop variable)
  // share the source of what the user wrote: lowerRangeFor renders those.
  if (const auto *loop = dyn_cast<CXXForRangeStmt>(stmt)) {
    registerStatements(loop->getInit());
    registerStatements(loop->getBody());
    return;
  }
  for (const Stmt *child : stmt->children())
    registerStatements(child);
}

// `f_` and `m_` name the frame and the machine in the lowered body, where
// they would hide a variable or member of that name.
void Lowerer::checkNames() {
  llvm::DenseSet<const NamedDecl *> reported;
  auto check = [&](const NamedDecl *named, SourceLocation loc) {
    if (named->getIdentifier() &&
        (named->getName() == "f_" || named->getName() == "m_") &&
        reported.insert(named).second) {
      reporter_.error(sm_.getExpansionLoc(loc),
                      "'%0' is a name the split method's generated code "
                      "uses; rename it")
          << named->getName();
      failed_ = true;
    }
  };
  std::function<void(const Stmt *)> visit = [&](const Stmt *stmt) {
    if (!stmt)
      return;
    const NamedDecl *named = nullptr;
    SourceLocation loc;
    if (const auto *decls = dyn_cast<DeclStmt>(stmt))
      for (const Decl *d : decls->decls())
        if (const auto *var = dyn_cast<VarDecl>(d))
          check(var, var->getLocation());
    if (const auto *ref = dyn_cast<DeclRefExpr>(stmt)) {
      named = ref->getDecl();
      loc = ref->getLocation();
    } else if (const auto *member = dyn_cast<MemberExpr>(stmt)) {
      named = member->getMemberDecl();
      loc = member->getMemberLoc();
    }
    if (named)
      check(named, loc);
    for (const Stmt *child : stmt->children())
      visit(child);
  };
  for (const ParmVarDecl *param : function_->parameters())
    check(param, param->getLocation());
  visit(function_->getBody());
}

bool Lowerer::run(ir::Method &method) {
  for (const CXXMemberCallExpr *call : candidate_.calls)
    if (call->getBeginLoc().isMacroID() || call->getEndLoc().isMacroID()) {
      reporter_.error(sm_.getExpansionLoc(call->getExprLoc()),
                      "remote call inside a macro expansion; it cannot be "
                      "split, so write it out in the method");
      return false;
    }
  checkNames();
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
      const std::string &field = paramField_[param];
      method.frame.push_back({field, spell(param->getType())});
      QualType type = param->getType();
      std::string refType =
          type->isReferenceType()
              ? spellType(type.getNonReferenceType(), context_)
              : spellType(type, context_);
      top += refType + " &" + name + " = f_." + field + ";\n";
      bind += "f_." + field + " = " + value + "; ";
    } else if (!name.empty()) {
      // [[maybe_unused]]: a parameter the method never reads.
      top += "[[maybe_unused]] " + spell(param->getType()) + " " + name + "{};\n";
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
    std::string alias = (h.isConst ? "const " : "") + h.type + " &" + h.name;
    switch (h.home) {
    case Home::Frame:
      method.frame.push_back({h.name, h.type});
      top += alias + " = f_." + h.name + ";\n";
      break;
    case Home::Pointer:
      top += spellPointee(decl->getType()) + " *" + h.name + " = nullptr;\n";
      break;
    case Home::Local:
      top += h.type + " " + h.store + "{};\n";
      if (h.isConst)
        top += alias + " = " + h.store + ";\n";
      break;
    case Home::Constant: {
      // As declared, under its unique name.
      const DeclStmt *stmt = h.declaration;
      auto [begin, end] = extent(stmt);
      SourceLocation name = decl->getLocation();
      top += render(begin, offset(name), stmt) + h.name +
             render(endOffset(name), end, stmt) + "\n";
      break;
    }
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
