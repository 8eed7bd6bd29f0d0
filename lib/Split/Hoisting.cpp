// Hoisting.cpp - locals whose declaration a jump to a resume label would
// bypass, declared at the top of the state machine instead.
#include "Split/Lowerer.h"

#include "Split/EvaluationOrder.h"
#include "Split/Locals.h"
#include "Split/StatementParts.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

namespace flowc::lowering {

void Lowerer::hoist(const ValueDecl *decl, const DeclStmt *declaration) {
  if (hoisted_.count(decl))
    return;
  const auto *var = dyn_cast<VarDecl>(decl);
  if (var && !var->hasLocalStorage())
    return; // a static is initialized once: jumping past it is allowed
  if (var && isConstantLocal(var, context_)) {
    hoistConstant(var, declaration);
    return;
  }
  Hoisted h;
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
  h.name = decomposition ? fresh("flowc_b") : unique(decl->getName());
  h.storeName = h.name;
  if (h.isConst && h.home != Home::Frame)
    h.storeName = fresh("flowc_" + h.name);
  h.store = h.isConst && h.home == Home::Frame ? ir::fieldCode(h.name)
                                               : nameOf(h.storeName, decl);
  checkDefaultConstructible(decl, h.home, stored);
  hoisted_[decl] = h;
}

// A constant is declared once, as written, at the top of the machine: only
// one declared alone.
void Lowerer::hoistConstant(const VarDecl *var, const DeclStmt *declaration) {
  if (!declaration || !declaration->isSingleDecl()) {
    if (declaration && declaration->decl_begin()[0] != var)
      return; // reported at the first
    error(var->getLocation(), "a constant declared together with other "
                              "variables before a remote call");
    return;
  }
  Hoisted h;
  h.home = Home::Constant;
  h.name = unique(var->getName());
  h.storeName = h.name;
  h.store = nameOf(h.name, var);
  h.declaration = declaration;
  hoisted_[var] = h;
}

// Hoisted locals and frame fields start default-constructed.
void Lowerer::checkDefaultConstructible(const ValueDecl *decl, Home home,
                                        QualType stored) {
  const auto *record = stored->getAsCXXRecordDecl();
  if (home == Home::Pointer || !record ||
      (!record->isLambda() && record->hasDefaultConstructor()))
    return;
  if (home == Home::Local)
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

// The frame's own `label` is taken; a parameter keeps its name in the body
// and only its field is renamed.
void Lowerer::nameParameters() {
  countDeclarations();
  names_.insert("label");
  for (const ParmVarDecl *param : function_->parameters())
    if (param->getName() != "label")
      names_.insert(param->getName());
  for (const ParmVarDecl *param : function_->parameters())
    paramField_[param] = param->getName() == "label"
                             ? unique("label")
                             : param->getNameAsString();
}

// How many declarations each name in the method stands for: what it
// declares (locals, bindings, labels, lambdas' parameters), what it names
// (members, functions, globals) and its class's data members. A hoisted
// local sharing a name would take the other's place in the code around it;
// a generated name must avoid them all.
void Lowerer::countDeclarations() {
  struct Names : RecursiveASTVisitor<Names> {
    llvm::StringMap<unsigned> &declared;
    llvm::DenseSet<const Decl *> seen;
    void add(const NamedDecl *decl) {
      if (decl->getIdentifier() && seen.insert(decl->getCanonicalDecl()).second)
        ++declared[decl->getName()];
    }
    bool VisitNamedDecl(NamedDecl *decl) { add(decl); return true; }
    // Only an unqualified name can be taken by a local: `x`, `f()`, `total`
    // for this->total; not `ns::x` or `r->total`.
    bool VisitDeclRefExpr(DeclRefExpr *ref) {
      if (!ref->hasQualifier())
        add(ref->getDecl());
      return true;
    }
    bool VisitMemberExpr(MemberExpr *member) {
      if (member->isImplicitAccess() && !member->hasQualifier())
        add(member->getMemberDecl());
      return true;
    }
  } names{{}, declared_, {}};
  names.TraverseStmt(const_cast<Stmt *>(function_->getBody()));
  for (const ParmVarDecl *param : function_->parameters())
    names.add(param);
  if (const auto *method = dyn_cast<CXXMethodDecl>(function_))
    for (const FieldDecl *field : method->getParent()->fields())
      names.add(field);
  // The machine's own names (templates/machine.mustache) are fixed.
  std::vector<const NamedDecl *> machineNames;
  for (const Decl *decl : names.seen)
    if (const auto *named = dyn_cast<NamedDecl>(decl);
        named && named->getIdentifier() &&
        llvm::is_contained({"flowc_f", "flowc_m", "flowc_r"}, named->getName()))
      machineNames.push_back(named);
  llvm::sort(machineNames, [&](const NamedDecl *a, const NamedDecl *b) {
    return sm_.isBeforeInTranslationUnit(a->getLocation(), b->getLocation());
  });
  for (const NamedDecl *named : machineNames) {
      reporter_.error(named->getLocation(),
                      "'%0' is a name the generated code of a method that "
                      "makes remote calls gives its own variables; rename it")
          << named->getName();
      failed_ = true;
    }
}

// Variables whose declaration a jump to some resume label would bypass: those
// declared, in a block or statement enclosing the call, before the call.
void Lowerer::findHoisted() {
  nameParameters();
  for (const CXXMemberCallExpr *call : candidate_.calls) {
    const Stmt *child = call;
    for (const Stmt *parent = parents_.getParent(child); parent;
         child = parent, parent = parents_.getParent(parent))
      hoistDeclaredBefore(child, parent);
  }
}

// The variables `parent` declares before `child`, which holds a call.
void Lowerer::hoistDeclaredBefore(const Stmt *child, const Stmt *parent) {
  if (const auto *block = dyn_cast<CompoundStmt>(parent)) {
    for (const Stmt *sibling : block->body()) {
      if (sibling == child)
        break;
      hoistDeclarations(sibling);
      // A case label inside the block does not change scope.
      if (const auto *label = dyn_cast<SwitchCase>(sibling))
        hoistDeclarations(label->getSubStmt());
    }
    return;
  }
  if (const auto *decls = dyn_cast<DeclStmt>(parent)) {
    // The declarators before the one whose initializer makes the call.
    for (const Decl *d : decls->decls()) {
      const auto *var = dyn_cast<VarDecl>(d);
      if (!var || var->getInit() == child)
        break;
      hoist(var, decls);
    }
    return;
  }
  // An init-statement and a condition variable (if, switch, while, for); a
  // range-for's init-statement and variable, for a call in its body.
  StatementParts parts = partsOf(parent);
  if (parts.loopVariable) {
    if (child != parts.body)
      return;
    hoistDeclarations(parts.init);
    hoist(parts.loopVariable);
    if (const auto *loop = cast<CXXForRangeStmt>(parent); iteratesBits(loop))
      holdBit(loop);
    return;
  }
  if (child != parts.init)
    hoistDeclarations(parts.init);
  if (parts.conditionVariable)
    hoist(parts.conditionVariable);
}

// The variables a statement declares, if it is a declaration.
void Lowerer::hoistDeclarations(const Stmt *stmt) {
  if (const auto *decls = dyn_cast_or_null<DeclStmt>(stmt))
    for (const Decl *d : decls->decls())
      if (const auto *var = dyn_cast<VarDecl>(d))
        hoist(var, decls);
}

// A range-for over a std::vector<bool> binds its variable to a proxy of a
// bit; the machine cannot re-bind a proxy (assigning one writes the bit), so
// the variable holds the bit's value. Writing through it is rejected.
void Lowerer::holdBit(const CXXForRangeStmt *loop) {
  const VarDecl *var = loop->getLoopVariable();
  Hoisted &h = hoisted_.find(var)->second;
  if (h.type == "bool")
    return; // already held (several calls in the body)
  h.home = liveAnywhere_.count(var) ? Home::Frame : Home::Local;
  h.type = "bool";
  h.isConst = false;
  h.storeName = h.name;
  h.store = nameOf(h.name, var);
  llvm::SmallPtrSet<const ValueDecl *, 1> vars{var};
  if (mayWrite(loop->getBody(), vars)) {
    reporter_.error(var->getLocation(),
                    "'%0' stands for a bit of a std::vector<bool>, and the "
                    "loop makes remote calls, so it holds the bit's value; "
                    "changing it would not change the vector: assign "
                    "through an index instead")
        << var->getName();
    failed_ = true;
  }
}

// `T x = e;` for hoisted x becomes `x = e;` (`x = &(e);` for a reference);
// a constant's declaration moves to the top.
Code Lowerer::declarationAsAssignment(const DeclStmt *stmt) {
  Code out;
  for (const Decl *d : stmt->decls())
    if (const auto *var = dyn_cast<VarDecl>(d))
      out += assignment(var);
  return out;
}

Code Lowerer::assignment(const VarDecl *var) {
  auto found = hoisted_.find(var);
  if (found == hoisted_.end())
    return {}; // a static
  const Hoisted &h = found->second;
  if (h.home == Home::Constant)
    return {};
  const Expr *init = var->getInit();
  // `T x;` of a class type: Clang's implicit default construction.
  if (const auto *construct = dyn_cast_or_null<CXXConstructExpr>(init);
      construct && var->getInitStyle() == VarDecl::CallInit &&
      construct->getParenOrBraceRange().isInvalid())
    init = nullptr;
  if (!init)
    return var->getType()->isRecordType() ? h.store + " = " + h.type + "(); "
                                          : Code();
  if (h.home == Home::Pointer)
    return nameOf(h.name, var) + " = &(" + renderExpr(init) + "); ";
  Code value;
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
      return {};
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

} // namespace flowc::lowering
