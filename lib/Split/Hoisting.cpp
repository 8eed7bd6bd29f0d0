// Hoisting.cpp - locals whose declaration a jump to a resume label would
// bypass, declared at the top of the state machine instead.
#include "Split/Lowerer.h"

#include "Split/EvaluationOrder.h"
#include "Split/Locals.h"

namespace flowc::lowering {

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
    h.name = unique(decl->getName());
    h.store = ir::textCode(h.name);
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
  h.store = ir::textCode(h.name);
  if (h.isConst)
    h.store = h.home == Home::Frame ? ir::fieldCode(h.name)
                                    : ir::textCode(unique("flowc_" + h.name));
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
          if (iteratesBits(loop))
            holdBit(loop);
        }
      }
    }
  }
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
  h.store = ir::textCode(h.name);
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
    return h.name + " = &(" + renderExpr(init) + "); ";
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
