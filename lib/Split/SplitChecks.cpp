// SplitChecks.cpp - the diagnostics of method splitting.
//
// A method is split into continuations whose frames are plain data. So what
// crosses a remote call must be a serializable value: not a reference, a
// pointer or a view into something that would not travel with it (range-for
// loop variables are the exception: they are re-bound from the loop's index
// after resuming). Control that C++ transfers in ways a frame cannot resume
// (goto across a suspension, a remote call in a catch handler, coroutines) is
// rejected rather than lowered wrongly.
#include "Split/SplitChecks.h"

#include "Analysis/RemoteCall.h"
#include "Analysis/SourceLines.h"
#include "Analysis/Serializable.h"
#include "Analysis/TypeSpelling.h"
#include "Split/Locals.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace flowc {
namespace {

// Statements of the method body that matter to the checks.
struct BodyFacts : RecursiveASTVisitor<BodyFacts> {
  llvm::DenseSet<const VarDecl *> loopVariables; // range-for variables
  std::vector<const GotoStmt *> gotos;
  std::vector<const CXXTryStmt *> tries;

  llvm::DenseSet<const VarDecl *> bitVariables; // over a std::vector<bool>

  bool VisitCXXForRangeStmt(CXXForRangeStmt *loop) {
    loopVariables.insert(loop->getLoopVariable());
    if (iteratesBits(loop))
      bitVariables.insert(loop->getLoopVariable());
    return true;
  }
  bool VisitGotoStmt(GotoStmt *stmt) {
    gotos.push_back(stmt);
    return true;
  }
  bool VisitCXXTryStmt(CXXTryStmt *stmt) {
    tries.push_back(stmt);
    return true;
  }
};

std::string calleeName(const CXXMemberCallExpr *call) {
  const CXXMethodDecl *method = call->getMethodDecl();
  return method->getParent()->getNameAsString() + "::" +
         method->getNameAsString();
}

SourceLocation callLoc(const CXXMemberCallExpr *call) {
  std::optional<RemoteCallSite> site = asRemoteCall(call);
  return site ? site->methodLoc : call->getExprLoc();
}

bool within(SourceRange range, SourceLocation loc, const SourceManager &sm) {
  return !sm.isBeforeInTranslationUnit(loc, range.getBegin()) &&
         !sm.isBeforeInTranslationUnit(range.getEnd(), loc);
}

// Whether a handler of `type` catches, around a remote call, exactly what it
// would catch in direct mode: a callee's exception comes back as the most
// derived standard class it is an object of (runtime/detail/thrown.h).
bool catchableAcrossCall(QualType type) {
  const auto *record = type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!record || !record->getIdentifier())
    return false;
  static const llvm::StringSet<> standard = {
      "exception",       "logic_error",         "invalid_argument",
      "domain_error",    "length_error",        "out_of_range",
      "runtime_error",   "range_error",         "overflow_error",
      "underflow_error", "bad_alloc",           "bad_optional_access",
      "bad_variant_access"};
  if (record->isInStdNamespace())
    return standard.contains(record->getName());
  const auto *ns = dyn_cast<NamespaceDecl>(record->getDeclContext());
  return ns && ns->getName() == "flowc" &&
         ns->getParent()->isTranslationUnit() &&
         (record->getName() == "Error" ||
          record->getName() == "EntityNotFound");
}

// Try blocks around remote calls: the callee's failure comes back into the
// method (docs/architecture.md, "Catching a callee's failure"). A call in a
// handler or a function-try-block is not split; a handler that could never
// match what comes back is an error, not a silent difference.
bool checkTries(const SplitCandidate &candidate, const BodyFacts &facts,
                const SourceManager &sm, ASTContext &context,
                Reporter &reporter) {
  bool ok = true;
  auto callsIn = [&](SourceRange range) {
    std::vector<const CXXMemberCallExpr *> found;
    for (const CXXMemberCallExpr *call : candidate.calls)
      if (within(range, call->getExprLoc(), sm))
        found.push_back(call);
    return found;
  };
  bool functionTry = isa<CXXTryStmt>(candidate.definition->getBody());
  for (const CXXTryStmt *attempt : facts.tries) {
    if (functionTry && attempt == candidate.definition->getBody()) {
      for (const CXXMemberCallExpr *call : callsIn(attempt->getSourceRange())) {
        reporter.error(callLoc(call),
                       "remote call to '%0' inside a function-try-block; "
                       "put a try block inside the method's body instead")
            << calleeName(call);
        ok = false;
      }
      continue;
    }
    for (unsigned i = 0; i < attempt->getNumHandlers(); ++i) {
      const CXXCatchStmt *handler = attempt->getHandler(i);
      for (const CXXMemberCallExpr *call : callsIn(handler->getSourceRange())) {
        reporter.error(callLoc(call),
                       "remote call to '%0' inside a catch handler cannot be "
                       "split yet; set a flag in the handler and make the "
                       "call after the try statement")
            << calleeName(call);
        ok = false;
      }
    }
    std::vector<const CXXMemberCallExpr *> inside =
        callsIn(attempt->getTryBlock()->getSourceRange());
    if (inside.empty())
      continue;
    for (unsigned i = 0; i < attempt->getNumHandlers(); ++i) {
      const CXXCatchStmt *handler = attempt->getHandler(i);
      if (!handler->getExceptionDecl() ||
          catchableAcrossCall(handler->getCaughtType()))
        continue;
      reporter.error(handler->getCatchLoc(),
                     "a handler of '%0' around the remote call to '%1' "
                     "would never catch the callee's exception: it comes "
                     "back as the standard exception class it derives from "
                     "(std::runtime_error, std::logic_error, their standard "
                     "subclasses, std::exception); catch one of those, "
                     "flowc::EntityNotFound or '...'")
          << spellType(handler->getCaughtType()
                           .getNonReferenceType()
                           .getUnqualifiedType(),
                       context)
          << calleeName(inside.front());
      reporter.note(callLoc(inside.front()), "the remote call is here");
      ok = false;
    }
  }
  return ok;
}

// A goto whose jump spans a remote call.
bool checkNoGotoAcrossCall(const SplitCandidate &candidate,
                           const BodyFacts &facts, const SourceManager &sm,
                           Reporter &reporter) {
  bool ok = true;
  for (const GotoStmt *jump : facts.gotos) {
    SourceLocation from = jump->getGotoLoc();
    SourceLocation to = jump->getLabel()->getLocation();
    SourceRange span = sm.isBeforeInTranslationUnit(from, to)
                           ? SourceRange(from, to)
                           : SourceRange(to, from);
    for (const CXXMemberCallExpr *call : candidate.calls)
      if (within(span, call->getExprLoc(), sm)) {
        reporter.error(from,
                       "goto across the remote call to '%0' at line %1; a "
                       "split method can only use structured control flow "
                       "across remote calls")
            << calleeName(call)
            << presumedLineOf(sm, call->getExprLoc());
        ok = false;
        break;
      }
  }
  return ok;
}

// What lives across each call must travel in the frame.
bool checkFrameTypes(const SplitCandidate &candidate,
                     const std::vector<std::vector<const ValueDecl *>> &live,
                     const BodyFacts &facts, ASTContext &context,
                     Reporter &reporter) {
  const SourceManager &sm = context.getSourceManager();
  bool ok = true;
  SerializableCheck serializable(context);
  llvm::DenseSet<const ValueDecl *> reported;
  for (size_t i = 0; i < candidate.calls.size(); ++i) {
    const CXXMemberCallExpr *call = candidate.calls[i];
    unsigned line =
        presumedLineOf(sm, call->getExprLoc());
    for (const ValueDecl *decl : live[i]) {
      // A structured binding is carried as the object it names a part of.
      const auto *binding = dyn_cast<BindingDecl>(decl);
      const auto *var = binding
                            ? dyn_cast_or_null<VarDecl>(binding->getDecomposedDecl())
                            : dyn_cast<VarDecl>(decl);
      const ValueDecl *carried = var ? var : decl;
      if (reported.count(carried))
        continue;
      QualType type = carried->getType();
      // A parameter arrived as a value (a `const T &` or `T &&` one too) and
      // travels as one: docs/semantics.md says what that changes.
      bool reference = type->isReferenceType() && !isa<ParmVarDecl>(carried) &&
                       !(var && bindsOwnTemporary(var));
      if (reference && var && facts.loopVariables.count(var))
        continue; // re-bound from the loop index after resuming
      if (var && facts.bitVariables.count(var))
        continue; // carried as a bool (Hoisting.cpp)
      std::string why;
      if (reference && binding)
        why = "it is a structured binding declared by reference, and what it "
              "refers to does not travel with the frame";
      else if (reference)
        why = "it is a reference, and what it refers to does not travel "
              "with the frame";
      else
        why = serializable.whyNot(type.getNonReferenceType());
      if (why.empty())
        continue;
      reported.insert(carried);
      reporter.error(decl->getLocation(),
                     "%select{local|parameter}0 '%1' of type '%2' lives "
                     "across the remote call to '%3' at line %4, but it "
                     "cannot be carried in the method's frame: %5")
          << (isa<ParmVarDecl>(decl) ? 1 : 0) << decl->getName()
          << spellType(type, context) << calleeName(call) << line << why;
      reporter.note(callLoc(call), "the remote call is here");
      ok = false;
    }
  }
  return ok;
}

} // namespace

bool checkSplittable(const SplitCandidate &candidate,
                     const std::vector<std::vector<const ValueDecl *>> &live,
                     ASTContext &context, Reporter &reporter) {
  const FunctionDecl *function = candidate.definition;
  if (isa<CoroutineBodyStmt>(function->getBody())) {
    reporter.error(function->getLocation(),
                   "'%0' is a coroutine; an entity method that makes remote "
                   "calls cannot also be a coroutine")
        << function->getQualifiedNameAsString();
    return false;
  }
  BodyFacts facts;
  facts.TraverseStmt(function->getBody());
  const SourceManager &sm = context.getSourceManager();
  // Every check runs (and reports), in this order, whatever the others find.
  bool ok = checkTries(candidate, facts, sm, context, reporter);
  ok = checkNoGotoAcrossCall(candidate, facts, sm, reporter) && ok;
  ok = checkFrameTypes(candidate, live, facts, context, reporter) && ok;
  return ok;
}

} // namespace flowc
