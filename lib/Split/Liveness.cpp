// Liveness.cpp - exact live sets at suspension points over Clang's CFG.
#include "Split/Liveness.h"

#include "Analysis/RemoteCall.h"
#include "Analysis/Serializable.h"
#include "Split/EvaluationOrder.h"
#include "Split/Locals.h"
#include "Split/RemoteCalls.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace flowc {
namespace {

// The variables the analysis tracks, and what each piece of syntax does to
// them. Built by one walk over the body before the dataflow runs.
class Variables : public RecursiveASTVisitor<Variables> {
public:
  Variables(const FunctionDecl *function, const ASTContext &context)
      : context_(context) {
    for (const ParmVarDecl *param : function->parameters())
      add(param);
  }

  std::vector<const ValueDecl *> decls;         // index -> variable
  llvm::DenseMap<const ValueDecl *, unsigned> index;
  // Hidden range-for variables -> the variable the loop iterates (if local).
  llvm::DenseMap<const VarDecl *, const ValueDecl *> hidden;
  // A range-for's reference loop variable (or a binding of one) -> the
  // variable the loop iterates: after a remote call in the body the variable
  // is found again in that range (a resume's re-binding), so reading it reads
  // the range too.
  llvm::DenseMap<const ValueDecl *, const ValueDecl *> elementOf;
  // DeclRefExprs that only name an assignment's target: not reads.
  llvm::DenseSet<const DeclRefExpr *> writeOnly;
  // Assignments that overwrite a whole variable -> that variable.
  llvm::DenseMap<const Stmt *, const ValueDecl *> overwrites;
  // Variables whose storage may be reached through an alias.
  llvm::DenseSet<const ValueDecl *> escaped;
  // The statement a local is scoped to, for escaped variables.
  llvm::DenseMap<const ValueDecl *, const Stmt *> scope;

  bool shouldVisitLambdaBody() const { return false; }

  bool VisitVarDecl(VarDecl *var) {
    if (!var->hasLocalStorage() || isa<ParmVarDecl>(var))
      return true;
    if (var->isImplicit())
      return true; // range-for's hidden variables: see VisitCXXForRangeStmt
    if (isConstantLocal(var, context_))
      return true; // a constant: nothing to carry
    if (auto *decomposition = dyn_cast<DecompositionDecl>(var)) {
      for (BindingDecl *binding : decomposition->bindings())
        add(binding);
      return true;
    }
    add(var);
    // `T &r = x;` (or a part of x) makes x reachable through r.
    if (var->getType()->isReferenceType() && var->getInit())
      if (const ValueDecl *root = rootVariable(var->getInit()))
        escaped.insert(root);
    return true;
  }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *loop) {
    loops_.push_back(loop);
    return true;
  }

  // After the walk, when every variable is known (a range-for's
  // init-statement may declare the one it iterates).
  void mapHiddenVariables() {
    for (const CXXForRangeStmt *loop : loops_) {
      const ValueDecl *root = rootVariable(loop->getRangeInit());
      for (const DeclStmt *stmt :
           {loop->getRangeStmt(), loop->getBeginStmt(), loop->getEndStmt()})
        if (stmt && stmt->isSingleDecl())
          if (const auto *var = dyn_cast<VarDecl>(stmt->getSingleDecl()))
            hidden[var] = root;
      const VarDecl *element = loop->getLoopVariable();
      if (!root || !element->getType()->isReferenceType())
        continue;
      elementOf[element] = root;
      if (const auto *decomposition = dyn_cast<DecompositionDecl>(element))
        for (const BindingDecl *binding : decomposition->bindings())
          elementOf[binding] = root;
    }
  }

  bool VisitUnaryOperator(UnaryOperator *op) {
    if (op->getOpcode() == UO_AddrOf)
      if (const ValueDecl *root = rootVariable(op->getSubExpr()))
        escaped.insert(root);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *lambda) {
    for (const LambdaCapture &capture : lambda->captures())
      if (capture.capturesVariable() && capture.getCaptureKind() == LCK_ByRef)
        if (const auto *var = dyn_cast<ValueDecl>(capture.getCapturedVar()))
          escaped.insert(var);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->getOpcode() == BO_Assign)
      markOverwrite(op, op->getLHS());
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *call) {
    if (call->getOperator() == OO_Equal && call->getNumArgs() == 2)
      markOverwrite(call, call->getArg(0));
    return true;
  }

  // The local variable an lvalue expression designates storage inside of:
  // x, x.member, x[i], *x... through parentheses and casts.
  const ValueDecl *rootVariable(const Expr *expr) const {
    while (expr) {
      expr = expr->IgnoreParenImpCasts();
      if (const auto *ref = dyn_cast<DeclRefExpr>(expr)) {
        const ValueDecl *decl = ref->getDecl();
        if (const auto *var = dyn_cast<VarDecl>(decl)) {
          auto found = hidden.find(var);
          if (found != hidden.end())
            return found->second;
        }
        return index.count(decl) ? decl : nullptr;
      }
      if (const auto *member = dyn_cast<MemberExpr>(expr))
        expr = member->getBase();
      else if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(expr))
        expr = subscript->getBase();
      else if (const auto *call = dyn_cast<CXXOperatorCallExpr>(expr);
               call && call->getNumArgs() > 0 &&
               (call->getOperator() == OO_Subscript ||
                call->getOperator() == OO_Star ||
                call->getOperator() == OO_Arrow))
        expr = call->getArg(0);
      else if (const auto *member = dyn_cast<CXXMemberCallExpr>(expr))
        expr = member->getImplicitObjectArgument();
      else
        return nullptr;
    }
    return nullptr;
  }

private:
  const ASTContext &context_;
  std::vector<const CXXForRangeStmt *> loops_;

  // Assigning to a reference (or to a binding of a reference) writes what
  // it is bound to: the binding is used, not replaced.
  static bool isReference(const ValueDecl *decl) {
    if (const auto *binding = dyn_cast<BindingDecl>(decl))
      decl = binding->getDecomposedDecl();
    return decl && decl->getType()->isReferenceType();
  }

  void add(const ValueDecl *decl) {
    if (index.try_emplace(decl, decls.size()).second)
      decls.push_back(decl);
  }

  void markOverwrite(const Stmt *assignment, const Expr *target) {
    const auto *ref = dyn_cast<DeclRefExpr>(target->IgnoreParens());
    if (!ref || !index.count(ref->getDecl()) || isReference(ref->getDecl()))
      return;
    writeOnly.insert(ref);
    overwrites[assignment] = ref->getDecl();
  }
};

// Reads the lowering does later than Clang's CFG has them: an operand that
// is evaluated before a later remote call of the same expression and not kept
// in a temporary (see EvaluationOrder.h) is read where the expression is.
class LateReads {
public:
  LateReads(llvm::ArrayRef<const CXXMemberCallExpr *> calls,
            const ASTContext &context)
      : calls_(calls), context_(context), serializable_(context) {}

  // DeclRefExpr -> the expression whose evaluation reads it.
  llvm::DenseMap<const DeclRefExpr *, const Expr *> at;

  void walk(const Stmt *stmt, const Expr *lateAt) {
    if (!stmt || isa<LambdaExpr>(stmt))
      return;
    if (const auto *ref = dyn_cast<DeclRefExpr>(stmt)) {
      if (lateAt)
        at[ref] = lateAt;
      return;
    }
    const auto *expr = dyn_cast<Expr>(stmt);
    if (!expr || !calls_.containsCall(expr)) {
      for (const Stmt *child : stmt->children())
        walk(child, lateAt);
      return;
    }
    auto contains = [this](const Expr *e) { return calls_.containsCall(e); };
    auto canCarry = [this](QualType type) {
      return serializable_
          .whyNot(type.getNonReferenceType().getUnqualifiedType())
          .empty();
    };
    bool remote = calls_.isCall(expr);
    switch (loweredForm(expr, remote, contains)) {
    case LoweredForm::ShortCircuit:
    case LoweredForm::Conditional:
      // Each part is computed into a temporary where it stands.
      for (const Stmt *child : expr->children())
        walk(child, nullptr);
      return;
    case LoweredForm::RemoteCall:
    case LoweredForm::Operands: {
      // `L = R`, `L op= R` (built in or overloaded): R is evaluated first,
      // by C++17 and by the lowering, and Clang's CFG puts L first. So what
      // L reads (in its own calls too) is read after R's calls: there.
      if (const Expr *assigned = assignedIn(expr);
          assigned && contains(rightOf(expr))) {
        readAt(assigned, expr);
        walk(rightOf(expr), lateAt);
        return;
      }
      SmallVector<const Expr *, 4> operands;
      if (remote) {
        const auto *call = cast<CXXMemberCallExpr>(expr);
        operands.push_back(asRemoteCall(call)->ref);
        operands.append(call->arg_begin(), call->arg_end());
      } else {
        operands = operandsInOrder(expr);
      }
      // A remote call's operands are all read where the call is sent; the
      // text of other operands stays in the expression's, read with it.
      const Expr *here = remote || !lateAt ? expr : lateAt;
      for (const PlannedOperand &operand :
           planOperands(operands, remote, contains, canCarry, context_))
        walk(operand.expr, operand.kept ? nullptr : here);
      return;
    }
    }
  }

private:
  // The left operand of an assignment or compound assignment; else null.
  static const Expr *assignedIn(const Expr *expr) {
    if (const auto *op = dyn_cast<BinaryOperator>(expr))
      return op->isAssignmentOp() ? op->getLHS() : nullptr;
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(expr))
      return op->isAssignmentOp() && op->getNumArgs() == 2 ? op->getArg(0)
                                                           : nullptr;
    return nullptr;
  }
  static const Expr *rightOf(const Expr *expr) {
    if (const auto *op = dyn_cast<BinaryOperator>(expr))
      return op->getRHS();
    return cast<CXXOperatorCallExpr>(expr)->getArg(1);
  }
  // Every read under `stmt` happens at `where`.
  void readAt(const Stmt *stmt, const Expr *where) {
    if (!stmt || isa<LambdaExpr>(stmt))
      return;
    if (const auto *ref = dyn_cast<DeclRefExpr>(stmt)) {
      at[ref] = where;
      return;
    }
    for (const Stmt *child : stmt->children())
      readAt(child, where);
  }

  RemoteCalls calls_;
  const ASTContext &context_;
  SerializableCheck serializable_;
};

// A definition of a tracked variable: dead before it.
void kill(const ValueDecl *decl, const Variables &vars, llvm::BitVector &live) {
  auto found = vars.index.find(decl);
  if (found != vars.index.end())
    live.reset(found->second);
}

// A read of a tracked variable: live before it. Reading a range-for's
// reference element reads the range it is found in again (nested loops: each
// range out to the outermost).
void gen(const ValueDecl *decl, const Variables &vars, llvm::BitVector &live) {
  auto found = vars.index.find(decl);
  if (found != vars.index.end())
    live.set(found->second);
  if (auto range = vars.elementOf.find(decl); range != vars.elementOf.end())
    gen(range->second, vars, live);
}

// The variables a declaration defines (a structured binding's, its bindings).
void killDeclared(const DeclStmt *decl, const Variables &vars,
                  llvm::BitVector &live) {
  for (const Decl *d : decl->decls()) {
    if (const auto *decomposition = dyn_cast<DecompositionDecl>(d))
      for (const BindingDecl *binding : decomposition->bindings())
        kill(binding, vars, live);
    else if (const auto *var = dyn_cast<ValueDecl>(d))
      kill(var, vars, live);
  }
}

// What a reference reads: nothing if it only names an assignment's target or
// its read is moved late; through a range-for's hidden variable, the variable
// the loop iterates.
void genReference(const DeclRefExpr *ref, const Variables &vars,
                  const llvm::DenseSet<const DeclRefExpr *> &late,
                  llvm::BitVector &live) {
  if (vars.writeOnly.count(ref) || late.count(ref))
    return;
  const ValueDecl *decl = ref->getDecl();
  if (const auto *var = dyn_cast<VarDecl>(decl)) {
    auto found = vars.hidden.find(var);
    if (found != vars.hidden.end()) {
      if (found->second)
        gen(found->second, vars, live);
      return;
    }
  }
  gen(decl, vars, live);
}

// Applies one CFG element's effect, going backwards, to the live set.
// `lateReads` are the variables the element's statement reads for operands
// evaluated late, and `late` the references whose read is moved there.
void transfer(const CFGElement &element, const Variables &vars,
              const llvm::DenseMap<const Stmt *, std::vector<const ValueDecl *>>
                  &lateReads,
              const llvm::DenseSet<const DeclRefExpr *> &late,
              llvm::BitVector &live) {
  auto stmt = element.getAs<CFGStmt>();
  if (!stmt)
    return;
  const Stmt *s = stmt->getStmt();
  auto genLate = [&] {
    if (auto found = lateReads.find(s); found != lateReads.end())
      for (const ValueDecl *decl : found->second)
        gen(decl, vars, live);
  };
  // A handler's exception variable is bound where the handler starts.
  if (const auto *handler = dyn_cast<CXXCatchStmt>(s)) {
    if (const VarDecl *var = handler->getExceptionDecl())
      kill(var, vars, live);
    return;
  }
  if (const auto *decl = dyn_cast<DeclStmt>(s)) {
    killDeclared(decl, vars, live);
    genLate();
    return;
  }
  if (auto found = vars.overwrites.find(s); found != vars.overwrites.end()) {
    kill(found->second, vars, live);
    genLate();
    return;
  }
  genLate();
  if (const auto *ref = dyn_cast<DeclRefExpr>(s))
    genReference(ref, vars, late, live);
}

// The statement whose extent is a local's scope: the nearest enclosing
// compound statement or loop/if/switch that declares it.
const Stmt *scopeOf(const ValueDecl *decl, ASTContext &context) {
  DynTypedNodeList parents = context.getParents(*decl);
  while (!parents.empty()) {
    const Stmt *stmt = parents[0].get<Stmt>();
    if (stmt && !isa<DeclStmt>(stmt))
      return stmt;
    if (const auto *binding = parents[0].get<Decl>()) {
      parents = context.getParents(*binding);
      continue;
    }
    if (!stmt)
      return nullptr;
    parents = context.getParents(*stmt);
  }
  return nullptr;
}

bool contains(const Stmt *outer, const Stmt *inner, ASTContext &context) {
  if (!outer)
    return true; // parameters: the whole body
  DynTypedNode current = DynTypedNode::create(*inner);
  while (true) {
    if (const Stmt *stmt = current.get<Stmt>(); stmt == outer)
      return true;
    DynTypedNodeList parents = context.getParents(current);
    if (parents.empty())
      return false;
    current = parents[0];
  }
}

// Late reads, each placed at the nearest enclosing statement the CFG lists
// (parentheses, for one, are not listed), where the transfer function sees
// them.
struct PlacedReads {
  llvm::DenseMap<const Stmt *, std::vector<const ValueDecl *>> at;
  llvm::DenseSet<const DeclRefExpr *> moved;
};

PlacedReads placeLateReads(const FunctionDecl *function, const CFG &cfg,
                           llvm::ArrayRef<const CXXMemberCallExpr *> calls,
                           const Variables &vars, ASTContext &context) {
  LateReads lateReads(calls, context);
  lateReads.walk(function->getBody(), nullptr);
  llvm::DenseSet<const Stmt *> listed;
  for (const CFGBlock *block : cfg)
    for (const CFGElement &element : *block)
      if (auto stmt = element.getAs<CFGStmt>())
        listed.insert(stmt->getStmt());
  ParentMap parents(const_cast<Stmt *>(function->getBody()));
  auto place = [&](const Stmt *where) -> const Stmt * {
    // A wrapper the CFG leaves out (parentheses, cleanups) is evaluated
    // with what it wraps; anything else, with what encloses it.
    for (const Stmt *inner = where; inner;) {
      if (listed.count(inner))
        return inner;
      const Stmt *only = nullptr;
      unsigned count = 0;
      for (const Stmt *child : inner->children())
        if (child && ++count == 1)
          only = child;
      inner = count == 1 ? only : nullptr;
    }
    const Stmt *at = where;
    while (at && !listed.count(at))
      at = parents.getParent(at);
    return at;
  };
  PlacedReads reads;
  for (auto [ref, where] : lateReads.at) {
    const Stmt *at = place(where);
    if (at && !vars.writeOnly.count(ref)) {
      reads.at[at].push_back(ref->getDecl());
      reads.moved.insert(ref);
    }
  }
  return reads;
}

// Backward dataflow to a fixed point: what is live out of each block.
llvm::DenseMap<const CFGBlock *, llvm::BitVector>
liveOutOfBlocks(const CFG &cfg, const Variables &vars,
                const PlacedReads &reads) {
  unsigned n = vars.decls.size();
  llvm::DenseMap<const CFGBlock *, llvm::BitVector> liveIn, liveOut;
  for (const CFGBlock *block : cfg) {
    liveIn[block] = llvm::BitVector(n);
    liveOut[block] = llvm::BitVector(n);
  }
  bool changed = true;
  while (changed) {
    changed = false;
    for (const CFGBlock *block : cfg) {
      llvm::BitVector out(n);
      for (const CFGBlock *succ : block->succs())
        if (succ)
          out |= liveIn[succ];
      llvm::BitVector in = out;
      for (auto it = block->rbegin(); it != block->rend(); ++it)
        transfer(*it, vars, reads.at, reads.moved, in);
      if (in != liveIn[block] || out != liveOut[block]) {
        liveIn[block] = in;
        liveOut[block] = out;
        changed = true;
      }
    }
  }
  return liveOut;
}

// Live right after each call's element: its block's live-out, walked back
// over the elements that follow the call.
llvm::DenseMap<const Stmt *, llvm::BitVector>
liveAfterCalls(const CFG &cfg, const Variables &vars, const PlacedReads &reads,
               llvm::DenseMap<const CFGBlock *, llvm::BitVector> &liveOut) {
  llvm::DenseMap<const Stmt *, llvm::BitVector> after;
  for (const CFGBlock *block : cfg) {
    llvm::BitVector current = liveOut[block];
    for (auto it = block->rbegin(); it != block->rend(); ++it) {
      if (auto stmt = it->getAs<CFGStmt>())
        if (isa<CXXMemberCallExpr>(stmt->getStmt()))
          after[stmt->getStmt()] |= current; // a call may appear in several blocks
      transfer(*it, vars, reads.at, reads.moved, current);
    }
  }
  return after;
}

// Live where each handler starts: a failure of a remote call inside a try
// block resumes the method in a handler, so what the try statement's
// handlers read is live after every call in its block (at any depth).
llvm::DenseMap<const Stmt *, llvm::BitVector>
liveIntoHandlers(const CFG &cfg, const Variables &vars,
                 const PlacedReads &reads,
                 llvm::DenseMap<const CFGBlock *, llvm::BitVector> &liveOut) {
  llvm::DenseMap<const Stmt *, llvm::BitVector> into;
  for (const CFGBlock *block : cfg) {
    const auto *handler = dyn_cast_or_null<CXXCatchStmt>(block->getLabel());
    if (!handler)
      continue;
    llvm::BitVector current = liveOut[block];
    for (auto it = block->rbegin(); it != block->rend(); ++it)
      transfer(*it, vars, reads.at, reads.moved, current);
    into[handler] = current;
  }
  return into;
}

// What the handlers of every try block around `call` read.
void addHandlerReads(const Stmt *call, const ParentMap &parents,
                     const llvm::DenseMap<const Stmt *, llvm::BitVector> &into,
                     llvm::BitVector &set) {
  const Stmt *child = call;
  for (const Stmt *s = parents.getParent(call); s;
       child = s, s = parents.getParent(s)) {
    const auto *attempt = dyn_cast<CXXTryStmt>(s);
    if (!attempt || child != attempt->getTryBlock())
      continue;
    for (unsigned i = 0; i < attempt->getNumHandlers(); ++i)
      if (auto found = into.find(attempt->getHandler(i)); found != into.end())
        set |= found->second;
  }
}

// The variables of `set`, in declaration order: parameters first (they are
// indexed first), then locals by where they are declared.
std::vector<const ValueDecl *> inDeclarationOrder(const llvm::BitVector &set,
                                                  const Variables &vars,
                                                  ASTContext &context) {
  std::vector<const ValueDecl *> names;
  for (unsigned i : set.set_bits())
    names.push_back(vars.decls[i]);
  std::stable_sort(names.begin(), names.end(),
                   [&](const ValueDecl *a, const ValueDecl *b) {
                     bool pa = isa<ParmVarDecl>(a), pb = isa<ParmVarDecl>(b);
                     if (pa != pb)
                       return pa;
                     if (pa)
                       return vars.index.lookup(a) < vars.index.lookup(b);
                     return context.getSourceManager().isBeforeInTranslationUnit(
                         a->getLocation(), b->getLocation());
                   });
  return names;
}

} // namespace

bool computeLiveAcross(const FunctionDecl *function,
                       llvm::ArrayRef<const CXXMemberCallExpr *> calls,
                       ASTContext &context,
                       std::vector<std::vector<const ValueDecl *>> &live) {
  Variables vars(function, context);
  vars.TraverseStmt(function->getBody());
  vars.mapHiddenVariables();

  CFG::BuildOptions options;
  options.setAllAlwaysAdd();
  std::unique_ptr<CFG> cfg =
      CFG::buildCFG(function, function->getBody(), &context, options);
  if (!cfg)
    return false;

  PlacedReads reads = placeLateReads(function, *cfg, calls, vars, context);
  auto liveOut = liveOutOfBlocks(*cfg, vars, reads);
  auto after = liveAfterCalls(*cfg, vars, reads, liveOut);
  auto handlers = liveIntoHandlers(*cfg, vars, reads, liveOut);
  ParentMap parents(const_cast<Stmt *>(function->getBody()));

  // A variable that may be reached through an alias is live wherever it is
  // in scope.
  live.clear();
  for (const CXXMemberCallExpr *call : calls) {
    llvm::BitVector set(vars.decls.size());
    if (auto found = after.find(call); found != after.end())
      set = found->second;
    addHandlerReads(call, parents, handlers, set);
    for (const ValueDecl *decl : vars.escaped)
      if (contains(isa<ParmVarDecl>(decl) ? nullptr : scopeOf(decl, context),
                   call, context))
        set.set(vars.index.lookup(decl));
    live.push_back(inDeclarationOrder(set, vars, context));
  }
  return true;
}

} // namespace flowc
