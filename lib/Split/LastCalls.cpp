// LastCalls.cpp - see LastCalls.h.
#include "Split/LastCalls.h"

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace flowc {
namespace {

bool scalarOrVoid(QualType type) {
  return type->isVoidType() || type->isScalarType();
}

bool declaredNothrow(const FunctionDecl *function) {
  if (function == nullptr)
    return false;
  const auto *proto = function->getType()->getAs<FunctionProtoType>();
  return proto != nullptr && proto->isNothrow();
}

// Whether evaluating `stmt` (what is left of it once `done`, the call that
// returned, has its value) can neither throw nor make a remote call.
class NothingThrows {
public:
  NothingThrows(const CXXMemberCallExpr *done,
                llvm::ArrayRef<const CXXMemberCallExpr *> calls)
      : done_(done), calls_(calls) {}

  bool operator()(const Stmt *stmt) const {
    if (stmt == nullptr || stmt == done_)
      return true;
    if (const auto *call = dyn_cast<CallExpr>(stmt)) {
      if (llvm::is_contained(calls_, stmt))
        return false;
      return declaredNothrow(call->getDirectCallee()) && children(stmt);
    }
    if (const auto *cast = dyn_cast<CastExpr>(stmt)) {
      switch (cast->getCastKind()) {
      case CK_UserDefinedConversion:
      case CK_ConstructorConversion:
      case CK_Dynamic:
        return false;
      default:
        // `long(x)` is a cast only when it names a scalar type; of a class
        // it is a constructor call (ConstructorConversion, above).
        return (isa<ImplicitCastExpr>(cast) || isa<CStyleCastExpr>(cast) ||
                isa<CXXStaticCastExpr>(cast) ||
                (isa<CXXFunctionalCastExpr>(cast) &&
                 cast->getType()->isScalarType())) &&
               children(stmt);
      }
    }
    if (const auto *decls = dyn_cast<DeclStmt>(stmt)) {
      for (const Decl *decl : decls->decls()) {
        const auto *var = dyn_cast<VarDecl>(decl);
        if (var == nullptr || var->isStaticLocal() ||
            !(var->getType()->isScalarType() ||
              var->getType()->isReferenceType()) ||
            !(*this)(var->getInit()))
          return false;
      }
      return true;
    }
    // A braced initializer of a scalar (`int v{x}`, `long{x}`): its one
    // element, converted (narrowing is ill-formed, not a throw).
    if (const auto *init = dyn_cast<InitListExpr>(stmt))
      return init->getType()->isScalarType() && children(stmt);
    if (isa<DeclRefExpr, CXXThisExpr, IntegerLiteral, FloatingLiteral,
            CXXBoolLiteralExpr, CharacterLiteral, CXXNullPtrLiteralExpr,
            StringLiteral, NullStmt>(stmt))
      return true;
    // Builtin operators (overloaded ones are calls), and statements made of
    // what is checked above.
    if (isa<MemberExpr, ParenExpr, UnaryOperator, BinaryOperator,
            ConditionalOperator, ArraySubscriptExpr, ReturnStmt, CompoundStmt>(
            stmt))
      return children(stmt);
    return false;
  }

private:
  bool children(const Stmt *stmt) const {
    for (const Stmt *child : stmt->children())
      if (!(*this)(child))
        return false;
    return true;
  }

  const CXXMemberCallExpr *done_;
  llvm::ArrayRef<const CXXMemberCallExpr *> calls_;
};

bool elementSafe(const CFGElement &element, const NothingThrows &safe,
                 ASTContext &context) {
  if (auto stmt = element.getAs<CFGStmt>())
    return safe(stmt->getStmt());
  if (auto dtor = element.getAs<CFGImplicitDtor>())
    return declaredNothrow(dtor->getDestructorDecl(context));
  return false;
}

// Whether everything from element `from` of `block` to the method's end,
// on every path, is safe.
bool nothingFollows(const CFGBlock *block, unsigned from,
                    const NothingThrows &safe, ASTContext &context) {
  for (unsigned i = from; i < block->size(); ++i)
    if (!elementSafe((*block)[i], safe, context))
      return false;
  llvm::SmallVector<const CFGBlock *, 16> work(block->succ_begin(),
                                               block->succ_end());
  llvm::SmallPtrSet<const CFGBlock *, 16> seen;
  while (!work.empty()) {
    const CFGBlock *next = work.pop_back_val();
    if (next == nullptr || !seen.insert(next).second)
      continue;
    // Back at the call's own block (a loop): all of it runs again.
    for (const CFGElement &element : *next)
      if (!elementSafe(element, safe, context))
        return false;
    work.append(next->succ_begin(), next->succ_end());
  }
  return true;
}

} // namespace

std::vector<bool> findLastCalls(const FunctionDecl *function,
                                llvm::ArrayRef<const CXXMemberCallExpr *> calls,
                                ASTContext &context) {
  std::vector<bool> last(calls.size(), false);
  if (!scalarOrVoid(function->getReturnType()))
    return last;
  CFG::BuildOptions options;
  options.setAllAlwaysAdd();
  options.AddImplicitDtors = true;
  std::unique_ptr<CFG> cfg =
      CFG::buildCFG(function, function->getBody(), &context, options);
  if (!cfg)
    return last;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> where;
  for (const CFGBlock *block : *cfg)
    for (unsigned i = 0; i < block->size(); ++i)
      if (auto stmt = (*block)[i].getAs<CFGStmt>())
        where.try_emplace(stmt->getStmt(), block, i);
  for (size_t i = 0; i < calls.size(); ++i) {
    auto found = where.find(calls[i]);
    if (found == where.end() || !scalarOrVoid(calls[i]->getType()))
      continue;
    auto [block, index] = found->second;
    last[i] = nothingFollows(block, index + 1, NothingThrows(calls[i], calls),
                             context);
  }
  return last;
}

} // namespace flowc
