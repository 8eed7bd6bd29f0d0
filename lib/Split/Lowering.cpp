// Lowering.cpp - a method body as a resumable state machine: what replaces
// each statement, the frame, and the dispatch that resumes at a label.
#include "Split/Lowering.h"

#include "Split/Lowerer.h"


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
        ir::BindingUse use;
        use.object = name;
        use.index = index;
        use.pointer = hoisted_.find(whole)->second.home == Home::Pointer;
        const Expr *access = binding->getBinding();
        if (binding->getHoldingVar())
          use.tuple = true;
        else if (const auto *member =
                     dyn_cast_or_null<MemberExpr>(access ? access->IgnoreImplicit()
                                                         : nullptr))
          use.member = member->getMemberDecl()->getNameAsString();
        replaceText(ref, Code{std::move(use)});
      }
    auto found = hoisted_.find(ref->getDecl());
    if (found != hoisted_.end()) {
      Code use = useOf(ref->getDecl(), found->second);
      if (!ir::isTextCode(use, ref->getDecl()->getName()))
        replaceText(ref, use);
    }
  }
  for (const Stmt *child : stmt->children())
    renameUses(child);
}

// How the lowered body names a hoisted variable: as written while it keeps
// its name, else as a local of the machine (renamed, or behind a pointer).
Code Lowerer::useOf(const ValueDecl *decl, const Hoisted &h) {
  if (h.home == Home::Pointer)
    return {ir::LocalUse{h.name, /*pointer=*/true}};
  return nameOf(h.name, decl);
}

// A local of the machine named `name`, standing for `decl`: text when that
// is how the source spells it.
Code Lowerer::nameOf(const std::string &name, const ValueDecl *decl) {
  if (decl->getIdentifier() && decl->getName() == name)
    return ir::textCode(name);
  return {ir::LocalUse{name}};
}

// Registers, for every statement, what replaces it in the lowered body.
void Lowerer::registerStatements(const Stmt *stmt) {
  if (!stmt || isa<LambdaExpr>(stmt))
    return;
  if (const auto *ret = dyn_cast<ReturnStmt>(stmt);
      ret && !containsCall(ret)) {
    replace(ret, [this, ret] {
      const Expr *value = ret->getRetValue();
      return "{ " + finish(value, value ? renderExpr(value) : Code()) + " }";
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
      Code code = lowerStmt(stmt);
      return alone ? "{ " + code + " }" : code;
    });
  }
  // Expressions are lowered as a whole by their statement.
  if (isa<Expr>(stmt) && containsCall(stmt))
    return;
  // A range-for's hidden statements (its range, iterators and loop variable)
  // share the source of what the user wrote: VisitCXXForRangeStmt renders those.
  if (const auto *loop = dyn_cast<CXXForRangeStmt>(stmt)) {
    registerStatements(loop->getInit());
    registerStatements(loop->getBody());
    return;
  }
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
  ir::Machine machine;
  machine.body =
      render(offset(body->getLBracLoc()), endOffset(body->getRBracLoc()), body);
  if (failed_)
    return false;
  // The frame: live parameters, live hoisted locals, then temporaries.
  bindParameters(method.frame, machine.params);
  declareLocals(method.frame, machine.locals);
  for (const ir::Field &temp : temporaries_)
    method.frame.push_back(temp);
  machine.resumes = resumes();
  machine.finishes_at_end = function_->getReturnType()->isVoidType();
  method.machine = std::move(machine);
  return true;
}

// Each parameter, bound at label 0 from the call's arguments: a live one to
// its frame field, a dead one to a local.
void Lowerer::bindParameters(std::vector<ir::Field> &frame,
                             std::vector<ir::MachineParam> &params) {
  unsigned index = 0;
  for (const ParmVarDecl *param : function_->parameters()) {
    ir::MachineParam bound;
    bound.name = param->getNameAsString();
    bound.index = index++;
    if (liveAnywhere_.count(param)) {
      bound.field = paramField_[param];
      frame.push_back({bound.field, spell(param->getType())});
      bound.type = spellType(param->getType().getNonReferenceType(), context_);
    } else if (!bound.name.empty()) {
      bound.type = spell(param->getType());
    } else {
      continue;
    }
    params.push_back(std::move(bound));
  }
}

// The hoisted locals, in declaration order; the live ones join the frame.
void Lowerer::declareLocals(std::vector<ir::Field> &frame,
                            std::vector<ir::MachineLocal> &locals) {
  std::vector<std::pair<const ValueDecl *, Hoisted>> sorted(hoisted_.begin(),
                                                           hoisted_.end());
  std::stable_sort(sorted.begin(), sorted.end(), [&](auto &a, auto &b) {
    return sm_.isBeforeInTranslationUnit(a.first->getLocation(),
                                         b.first->getLocation());
  });
  for (auto &[decl, h] : sorted) {
    ir::MachineLocal local;
    local.name = h.name;
    local.type = h.type;
    local.is_const = h.isConst;
    switch (h.home) {
    case Home::Frame:
      local.home = ir::MachineLocal::Home::frame;
      frame.push_back({h.name, h.type});
      break;
    case Home::Pointer:
      local.home = ir::MachineLocal::Home::pointer;
      local.type = spellPointee(decl->getType());
      break;
    case Home::Local:
      local.home = ir::MachineLocal::Home::local;
      local.store = h.storeName;
      break;
    case Home::Constant: {
      // As declared, under its unique name.
      local.home = ir::MachineLocal::Home::constant;
      const DeclStmt *stmt = h.declaration;
      auto [begin, end] = extent(stmt);
      SourceLocation name = decl->getLocation();
      local.declaration = render(begin, offset(name), stmt) + h.name +
                          render(endOffset(name), end, stmt);
      break;
    }
    }
    locals.push_back(std::move(local));
  }
}

// Resuming at each label, after re-binding the variables of the index loops
// around its call (outermost first) that are read after it. A variable that
// is not is never found again: its range may not be in the frame.
std::vector<ir::Resume> Lowerer::resumes() {
  std::vector<ir::Resume> resumes;
  for (size_t i = 0; i < candidate_.calls.size(); ++i) {
    const CXXMemberCallExpr *call = candidate_.calls[i];
    llvm::DenseSet<const ValueDecl *> liveAfter(live_[i].begin(),
                                                live_[i].end());
    auto readAfter = [&](const VarDecl *var) {
      if (liveAfter.count(var))
        return true;
      if (const auto *decomposition = dyn_cast<DecompositionDecl>(var))
        return llvm::any_of(decomposition->bindings(),
                            [&](const BindingDecl *b) { return liveAfter.count(b); });
      return false;
    };
    ir::Resume resume;
    resume.label = callLabel_.lookup(call);
    if (std::vector<const CXXTryStmt *> tries = triesAround(call);
        !tries.empty())
      resume.via = tryId(tries.front());
    // Only loops whose body holds the call: a call in a loop's range runs
    // before the loop has a position to find its element from.
    const Stmt *child = call;
    for (const Stmt *s = parents_.getParent(call); s;
         child = s, s = parents_.getParent(s))
      if (const auto *loop = dyn_cast<CXXForRangeStmt>(s);
          loop && child == loop->getBody()) {
        auto found = indexed_.find(loop);
        if (found == indexed_.end())
          continue;
        const Hoisted &h = hoisted_.find(loop->getLoopVariable())->second;
        if (h.home != Home::Pointer || !readAfter(loop->getLoopVariable()))
          continue;
        resume.rebinds.insert(resume.rebinds.begin(),
                              {h.name, found->second.second,
                               found->second.first});
      }
    resumes.push_back(std::move(resume));
  }
  return resumes;
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
