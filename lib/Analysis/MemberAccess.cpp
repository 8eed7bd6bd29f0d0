// MemberAccess.cpp - the state members each entity method may read and write.
//
// Each function of the class (the methods asked about and the class's own
// functions they call, with the lambdas in them) is walked once: a use of
// `this->member` is a read, and a write too unless the use only reads it (an
// lvalue-to-rvalue conversion, a const method called on it, a const reference
// or a value initialized from it). The sets are then closed over the calls.
//
// The answer holds only if nothing reaches the state except through `this` in
// those bodies, so the class gets none when any of them (or any function of
// the program they call) lets `this` or an address escape, names a mutable
// variable of the program's own outside functions, calls something it cannot
// see with the state (a call that is given none of it cannot reach it: only
// an escape could have told it where), or calls a virtual function. The
// standard library and flowc's own headers are trusted: they keep no pointer
// to what they are given.
#include "Analysis/MemberAccess.h"

#include "Analysis/RemoteCall.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace flowc {
namespace {

// A function whose behaviour is known without reading it: the standard
// library's and flowc's runtime's.
bool trusted(const FunctionDecl *function, const SourceManager &sm) {
  if (sm.isInSystemHeader(sm.getExpansionLoc(function->getLocation())))
    return true;
  for (const DeclContext *dc = function->getDeclContext(); dc;
       dc = dc->getParent())
    if (const auto *ns = dyn_cast<NamespaceDecl>(dc);
        ns && isa<TranslationUnitDecl>(ns->getParent()) &&
        (ns->getName() == "std" || ns->getName() == "flowc"))
      return true;
  return false;
}

// Whether `e` (naming a member, or part of one) is bound to a parameter that
// may change it: a non-const reference or a pointer, or an unknown one.
bool passedToChange(const CallExpr *call, const Expr *e, unsigned shift) {
  const FunctionDecl *callee = call->getDirectCallee();
  if (!callee)
    return true;
  for (unsigned i = 0; i < call->getNumArgs(); ++i) {
    if (call->getArg(i) != e)
      continue;
    if (i < shift || i - shift >= callee->getNumParams())
      return true;
    QualType type = callee->getParamDecl(i - shift)->getType();
    return type->isPointerType() ||
           (type->isReferenceType() &&
            !type.getNonReferenceType().isConstQualified());
  }
  return true;
}

// Whether the use of `e`, an lvalue naming a member or part of one, may
// change it (anything not known to only read it may).
bool mayChange(const Expr *e, ASTContext &context) {
  while (true) {
    DynTypedNodeList parents = context.getParents(*e);
    if (parents.size() != 1)
      return true;
    if (const auto *var = parents[0].get<VarDecl>()) {
      QualType type = var->getType();
      return type->isReferenceType() &&
             !type.getNonReferenceType().isConstQualified();
    }
    const Stmt *parent = parents[0].get<Stmt>();
    if (!parent)
      return true;
    if (isa<ParenExpr, MaterializeTemporaryExpr, ExprWithCleanups,
            CXXBindTemporaryExpr, ConstantExpr, ConditionalOperator>(parent)) {
      e = cast<Expr>(parent);
      continue;
    }
    if (const auto *cast = dyn_cast<ImplicitCastExpr>(parent)) {
      switch (cast->getCastKind()) {
      case CK_LValueToRValue:
        return false;
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
        e = cast;
        continue;
      default:
        return true;
      }
    }
    if (const auto *cast = dyn_cast<ExplicitCastExpr>(parent)) {
      if (!cast->isGLValue())
        return false; // a value made from it
      e = cast;
      continue;
    }
    if (const auto *member = dyn_cast<MemberExpr>(parent)) {
      if (member->isArrow())
        return true;
      if (isa<FieldDecl>(member->getMemberDecl())) {
        e = member; // a member of the member
        continue;
      }
      if (const auto *method = dyn_cast<CXXMethodDecl>(member->getMemberDecl()))
        return !method->isConst() && !method->isStatic();
      return true;
    }
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(parent)) {
      if (const auto *method =
              dyn_cast_or_null<CXXMethodDecl>(op->getDirectCallee())) {
        if (op->getNumArgs() > 0 && op->getArg(0) == e)
          return !method->isConst();
        return passedToChange(op, e, 1);
      }
      return passedToChange(op, e, 0);
    }
    if (const auto *call = dyn_cast<CallExpr>(parent))
      return passedToChange(call, e, 0);
    if (const auto *construct = dyn_cast<CXXConstructExpr>(parent)) {
      const CXXConstructorDecl *ctor = construct->getConstructor();
      for (unsigned i = 0; i < construct->getNumArgs(); ++i)
        if (construct->getArg(i) == e) {
          if (i >= ctor->getNumParams())
            return true;
          QualType type = ctor->getParamDecl(i)->getType();
          return type->isPointerType() ||
                 (type->isReferenceType() &&
                  !type.getNonReferenceType().isConstQualified());
        }
      return true;
    }
    if (const auto *binary = dyn_cast<BinaryOperator>(parent)) {
      if (binary->getOpcode() == BO_Comma) {
        if (binary->getRHS() != e)
          return false; // evaluated and discarded
        e = binary;
        continue;
      }
      return true; // assigned to (built-in operators read through L2R casts)
    }
    if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(parent)) {
      if (subscript->getBase() != e)
        return true;
      e = subscript; // an element of an array member
      continue;
    }
    if (isa<ReturnStmt>(parent))
      return !e->getType().isConstQualified(); // a reference to it
    return true; // ++, --, &, a reference member's initializer, ...
  }
}

// Whether `e` names the object's state: `this`, or a member of it.
bool involvesState(const Stmt *e) {
  if (!e)
    return false;
  if (isa<CXXThisExpr>(e))
    return true;
  for (const Stmt *child : e->children())
    if (involvesState(child))
      return true;
  return false;
}

// The facts about one function of the class, from its body alone.
struct Facts {
  llvm::BitVector reads, writes;
  std::vector<const CXXMethodDecl *> calls; // the class's own functions
};

class Analysis {
public:
  Analysis(const CXXRecordDecl *entity, ASTContext &context)
      : entity_(entity), context_(context), sm_(context.getSourceManager()) {
    for (const FieldDecl *field : entity->fields())
      index_[field] = index_.size();
  }

  // The class's constructors and destructor do not hand `this` out either
  // (they are not locked: only what they let escape matters).
  void walkLifetime() {
    Facts ignored{llvm::BitVector(members()), llvm::BitVector(members()), {}};
    for (const Decl *decl : entity_->decls()) {
      const auto *function = dyn_cast<FunctionDecl>(decl);
      if (const auto *tmpl = dyn_cast<FunctionTemplateDecl>(decl))
        function = tmpl->getTemplatedDecl();
      if (function && isa<CXXConstructorDecl, CXXDestructorDecl>(function) &&
          function->getBody())
        walk(function->getBody(), &ignored);
      if (const auto *ctor = dyn_cast_or_null<CXXConstructorDecl>(function))
        for (const CXXCtorInitializer *init : ctor->inits())
          if (init->isWritten())
            walk(init->getInit(), &ignored);
    }
    for (const CXXMethodDecl *helper : ignored.calls)
      closure(helper);
  }

  bool sure() const { return sure_; }
  unsigned members() const { return index_.size(); }

  // The members `method` and the class functions it calls may touch.
  Facts closure(const CXXMethodDecl *method) {
    Facts out{llvm::BitVector(members()), llvm::BitVector(members()), {}};
    llvm::DenseSet<const CXXMethodDecl *> seen;
    std::vector<const CXXMethodDecl *> work{method};
    while (!work.empty() && sure_) {
      const CXXMethodDecl *next = work.back();
      work.pop_back();
      if (!seen.insert(next).second)
        continue;
      const Facts &facts = of(next);
      out.reads |= facts.reads;
      out.writes |= facts.writes;
      work.insert(work.end(), facts.calls.begin(), facts.calls.end());
    }
    return out;
  }

private:
  const Facts &of(const CXXMethodDecl *method) {
    auto found = facts_.find(method);
    if (found != facts_.end())
      return found->second;
    Facts &facts = facts_[method];
    facts.reads.resize(members());
    facts.writes.resize(members());
    const FunctionDecl *definition = method->getDefinition();
    if (!definition || !definition->getBody() || method->isVirtual()) {
      sure_ = false;
      return facts;
    }
    walk(definition->getBody(), &facts);
    return facts;
  }

  // Whether a function of the program outside the class is plain: it and
  // what it calls keep no pointer to anything (see the file comment).
  bool plain(const FunctionDecl *function) {
    // A defaulted special member copies, moves or destroys member by member.
    if (trusted(function, sm_) || function->isTrivial() ||
        function->isDefaulted())
      return true;
    const FunctionDecl *definition = function->getDefinition();
    if (!definition || !definition->getBody())
      return false;
    if (const auto *method = dyn_cast<CXXMethodDecl>(definition);
        method && method->isVirtual())
      return false;
    auto [it, fresh] = plain_.try_emplace(definition, true);
    if (!fresh)
      return it->second; // known, or being checked (a recursion)
    bool ok = walk(definition->getBody(), nullptr);
    // The other functions of its class may run on what it was given.
    if (const auto *method = dyn_cast<CXXMethodDecl>(definition))
      for (const CXXMethodDecl *other : method->getParent()->methods())
        if (ok && other != method && other->getDefinition() &&
            !other->isImplicit())
          ok = plain(other);
    plain_[definition] = ok;
    return ok;
  }

  // Walks a body of the class (`facts` set) or one outside it; false (and,
  // for the class, not sure) at anything that could reach the state unseen.
  bool walk(const Stmt *body, Facts *facts) {
    struct Walker : RecursiveASTVisitor<Walker> {
      Analysis &analysis;
      Facts *facts;
      bool ok = true;

      bool VisitMemberExpr(MemberExpr *member) {
        if (!isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))
          return true;
        if (!facts) // a member of a type outside the class: its own
          return true;
        if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl())) {
          auto index = analysis.index_.find(field);
          if (index == analysis.index_.end())
            return ok = false; // a base class's member
          facts->reads.set(index->second);
          if (mayChange(member, analysis.context_))
            facts->writes.set(index->second);
          return true;
        }
        if (const auto *method =
                dyn_cast<CXXMethodDecl>(member->getMemberDecl())) {
          if (method->getParent() != analysis.entity_ || method->isVirtual())
            return ok = false;
          facts->calls.push_back(method);
          return true;
        }
        return ok = false;
      }
      // `this` only names the object's own members (and, outside the
      // class, `return *this;`).
      bool VisitCXXThisExpr(CXXThisExpr *self) {
        const Expr *e = self;
        while (true) {
          DynTypedNodeList parents = analysis.context_.getParents(*e);
          const Stmt *parent =
              parents.size() == 1 ? parents[0].get<Stmt>() : nullptr;
          if (const auto *cast = dyn_cast_or_null<ImplicitCastExpr>(parent);
              cast && cast->getCastKind() == CK_NoOp) {
            e = cast;
            continue;
          }
          if (const auto *member = dyn_cast_or_null<MemberExpr>(parent);
              member && member->getBase() == e)
            return true;
          // Captured by a lambda, whose body is walked where it stands and
          // which is checked where it is called.
          if (parents.size() == 1 && parents[0].get<LambdaExpr>())
            return true;
          // Handed to the standard library or flowc (`flowc::Ref<E>(this)`
          // takes the key), which keep no pointer to it.
          if (const auto *call = dyn_cast_or_null<CallExpr>(parent);
              call && call->getDirectCallee() &&
              trusted(call->getDirectCallee(), analysis.sm_))
            return true;
          if (const auto *construct =
                  dyn_cast_or_null<CXXConstructExpr>(parent);
              construct && trusted(construct->getConstructor(), analysis.sm_))
            return true;
          if (const auto *deref = dyn_cast_or_null<UnaryOperator>(parent);
              !facts && deref && deref->getOpcode() == UO_Deref) {
            DynTypedNodeList up = analysis.context_.getParents(*deref);
            if (up.size() == 1 && up[0].get<ReturnStmt>())
              return true;
          }
          return ok = false;
        }
      }
      bool VisitUnaryOperator(UnaryOperator *op) {
        if (op->getOpcode() != UO_AddrOf)
          return true;
        const Expr *operand = op->getSubExpr()->IgnoreParens();
        if (const auto *ref = dyn_cast<DeclRefExpr>(operand)) {
          if (isa<FunctionDecl>(ref->getDecl()))
            return true;
          if (const auto *var = dyn_cast<VarDecl>(ref->getDecl());
              var && var->hasLocalStorage() &&
              !var->getType()->isReferenceType())
            return true;
        }
        return ok = false;
      }
      bool VisitDeclRefExpr(DeclRefExpr *ref) {
        const auto *var = dyn_cast<VarDecl>(ref->getDecl());
        // A number cannot point anywhere; anything else might.
        if (var && var->hasGlobalStorage() &&
            !var->getType().isConstQualified() &&
            !var->getType()->isArithmeticType() &&
            !var->getType()->isEnumeralType() &&
            !analysis.sm_.isInSystemHeader(
                analysis.sm_.getExpansionLoc(var->getLocation())))
          return ok = false;
        return true;
      }
      bool VisitCallExpr(CallExpr *call) {
        const FunctionDecl *callee = call->getDirectCallee();
        if (!callee)
          return ok = false; // through a pointer
        if (const auto *member = dyn_cast<CXXMemberCallExpr>(call)) {
          if (asRemoteCall(member))
            return true; // another entity's, by message: arguments copied
          if (isa<CXXThisExpr>(
                  member->getImplicitObjectArgument()->IgnoreParenImpCasts()))
            return true; // the class's own (or, outside it, its type's)
          // A virtual function may run code that is not walked: in the
          // class, given none of the state; outside, only the library's.
          if (const auto *method = dyn_cast<CXXMethodDecl>(callee);
              method && method->isVirtual()) {
            if (facts ? involvesState(member) : !trusted(method, analysis.sm_))
              return ok = false;
            return true;
          }
        }
        if (!analysis.plain(callee) && !(facts && !involvesState(call)))
          return ok = false;
        return true;
      }
      bool VisitCXXConstructExpr(CXXConstructExpr *construct) {
        if (!analysis.plain(construct->getConstructor()) &&
            !(facts && !involvesState(construct)))
          return ok = false;
        return true;
      }
    } walker{{}, *this, facts};
    walker.TraverseStmt(const_cast<Stmt *>(body));
    if (!walker.ok && facts)
      sure_ = false;
    return walker.ok;
  }

  const CXXRecordDecl *entity_;
  ASTContext &context_;
  const SourceManager &sm_;
  llvm::DenseMap<const FieldDecl *, unsigned> index_;
  llvm::DenseMap<const CXXMethodDecl *, Facts> facts_;
  llvm::DenseMap<const FunctionDecl *, bool> plain_;
  bool sure_ = true;
};

} // namespace

std::optional<std::vector<MemberAccess>>
memberAccess(const CXXRecordDecl *entity,
             const std::vector<const CXXMethodDecl *> &methods,
             ASTContext &context) {
  Analysis analysis(entity, context);
  analysis.walkLifetime();
  std::vector<std::string> names;
  for (const FieldDecl *field : entity->fields())
    names.push_back(field->getNameAsString());
  std::vector<MemberAccess> out;
  for (const CXXMethodDecl *method : methods) {
    Facts facts = analysis.closure(method);
    if (!analysis.sure())
      return std::nullopt;
    MemberAccess access;
    for (unsigned i = 0; i < names.size(); ++i) {
      if (facts.reads.test(i) || facts.writes.test(i))
        access.reads.push_back(names[i]);
      if (facts.writes.test(i))
        access.writes.push_back(names[i]);
    }
    out.push_back(std::move(access));
  }
  return out;
}

} // namespace flowc
