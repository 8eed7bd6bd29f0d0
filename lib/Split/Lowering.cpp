// Lowering.cpp - a method body as a resumable state machine: what replaces
// each statement, the frame, and the dispatch that resumes at a label.
#include "Split/Lowering.h"

#include "Split/Lowerer.h"

#include <functional>

namespace flowc::lowering {

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

// Registers, for every statement, what replaces it in the lowered body.
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

} // namespace flowc::lowering

namespace flowc {

bool lowerMethod(const SplitCandidate &candidate,
                 const std::vector<std::vector<const clang::ValueDecl *>> &live,
                 clang::ASTContext &context, Reporter &reporter,
                 ir::Method &method) {
  lowering::Lowerer lowerer(candidate, live, context, reporter);
  return lowerer.run(method);
}

} // namespace flowc
