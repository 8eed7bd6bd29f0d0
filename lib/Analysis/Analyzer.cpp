// Analyzer.cpp - walks one translation unit and builds its IR.
//
// One RecursiveASTVisitor pass over the main file finds entity classes, job
// functions, every written flowc::Ref<T>, and every remote call together with
// the function it is written in; the pieces are then checked and assembled.
#include "Analysis/Analyzer.h"

#include "Analysis/Annotations.h"
#include "Analysis/EntityAnalysis.h"
#include "Analysis/JobAnalysis.h"
#include "Analysis/OtherFiles.h"
#include "Analysis/RemoteCall.h"
#include "Analysis/Reporter.h"
#include "Analysis/SourceLines.h"
#include "Analysis/Structs.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

#include <algorithm>

using namespace clang;

namespace flowc {
namespace {

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext &context, Reporter &reporter)
      : context_(context), sm_(context.getSourceManager()),
        reporter_(reporter) {}

  std::vector<const CXXRecordDecl *> entities;
  std::vector<const FunctionDecl *> jobFunctions;
  // Remote calls by the entity method they are written in (canonical decl),
  // with the definition whose body holds them.
  struct MethodCalls {
    const FunctionDecl *definition = nullptr;
    std::vector<RemoteCallSite> sites;
  };
  llvm::DenseMap<const CXXMethodDecl *, MethodCalls> calls;
  // Entities called or named in a written flowc::Ref<T>, first use first.
  llvm::SetVector<const CXXRecordDecl *> used;

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseDecl(Decl *decl) {
    if (!decl)
      return true;
    // Only the main file is analyzed; included headers have their own runs.
    if (!isa<TranslationUnitDecl>(decl) && !inMainFile(decl->getLocation()))
      return true;
    auto *function = dyn_cast<FunctionDecl>(decl);
    if (function)
      functions_.push_back(function);
    bool result = RecursiveASTVisitor::TraverseDecl(decl);
    if (function)
      functions_.pop_back();
    return result;
  }

  // Operands that are never evaluated (decltype, sizeof, alignof, noexcept,
  // requires, typeid of a non-polymorphic type) and the discarded branch of an
  // `if constexpr` make no calls, so no remote calls are found there; the
  // types written there are still checked.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *expr) {
    return unevaluated([&] {
      return RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(expr);
    });
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *expr) {
    return unevaluated(
        [&] { return RecursiveASTVisitor::TraverseCXXNoexceptExpr(expr); });
  }
  bool TraverseRequiresExpr(RequiresExpr *expr) {
    return unevaluated(
        [&] { return RecursiveASTVisitor::TraverseRequiresExpr(expr); });
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *expr) {
    if (expr->isPotentiallyEvaluated())
      return RecursiveASTVisitor::TraverseCXXTypeidExpr(expr);
    return unevaluated(
        [&] { return RecursiveASTVisitor::TraverseCXXTypeidExpr(expr); });
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc loc) {
    return unevaluated(
        [&] { return RecursiveASTVisitor::TraverseDecltypeTypeLoc(loc); });
  }
  bool TraverseIfStmt(IfStmt *stmt) {
    std::optional<Stmt *> taken;
    if (stmt->isConstexpr() && !stmt->getCond()->isValueDependent())
      taken = stmt->getNondiscardedCase(context_);
    if (!taken)
      return RecursiveASTVisitor::TraverseIfStmt(stmt);
    Stmt *discarded =
        *taken == stmt->getThen() ? stmt->getElse() : stmt->getThen();
    return TraverseStmt(stmt->getInit()) &&
           TraverseStmt(stmt->getConditionVariableDeclStmt()) &&
           TraverseStmt(stmt->getCond()) && TraverseStmt(*taken) &&
           unevaluated([&] { return TraverseStmt(discarded); });
  }

  // A default member initializer runs in the constructors; a default
  // argument runs in the caller. Neither is a method body flowc splits.
  bool TraverseFieldDecl(FieldDecl *field) {
    const FieldDecl *outer = field_;
    field_ = field;
    bool result = RecursiveASTVisitor::TraverseFieldDecl(field);
    field_ = outer;
    return result;
  }
  bool TraverseParmVarDecl(ParmVarDecl *param) {
    ++defaultArgument_;
    bool result = RecursiveASTVisitor::TraverseParmVarDecl(param);
    --defaultArgument_;
    return result;
  }

  bool TraverseLambdaExpr(LambdaExpr *lambda) {
    functions_.push_back(lambda->getCallOperator());
    bool result = RecursiveASTVisitor::TraverseLambdaExpr(lambda);
    functions_.pop_back();
    return result;
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *record) {
    if (record->isThisDeclarationADefinition() && entityMarker(record))
      entities.push_back(record);
    return true;
  }

  // flowc's marks on declarations they do not apply to would be ignored;
  // say so instead.
  bool VisitDecl(Decl *decl) {
    if (!isa<FunctionDecl>(decl) && hasJobAnnotation(decl) &&
        inMainFile(decl->getLocation())) {
      const auto *named = dyn_cast<NamedDecl>(decl);
      reporter_.error(decl->getLocation(),
                      "'%0' is marked as a MapReduce function but is not a "
                      "function; mark a free or static member function")
          << (named ? named->getName() : "");
    }
    if (isKey(decl) && !isa<VarDecl>(decl) && inMainFile(decl->getLocation())) {
      const auto *field = dyn_cast<FieldDecl>(decl);
      if (!field || !isEntity(dyn_cast<CXXRecordDecl>(field->getParent()))) {
        const auto *named = dyn_cast<NamedDecl>(decl);
        reporter_.error(decl->getLocation(),
                        "FLOWC_KEY marks '%0', which is not a data member of "
                        "an entity")
            << (named ? named->getName() : "");
      }
    }
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *function) {
    if (hasJobAnnotation(function) &&
        std::none_of(jobFunctions.begin(), jobFunctions.end(),
                     [&](const FunctionDecl *seen) {
                       return seen->getCanonicalDecl() ==
                              function->getCanonicalDecl();
                     }))
      jobFunctions.push_back(function);
    return true;
  }

  // Every written flowc::Ref<T> must name an entity.
  bool VisitTemplateSpecializationTypeLoc(TemplateSpecializationTypeLoc loc) {
    QualType target = refTarget(loc.getType());
    if (target.isNull() || target->isDependentType() ||
        !inMainFile(loc.getBeginLoc()))
      return true;
    const CXXRecordDecl *record = target->getAsCXXRecordDecl();
    if (record && isEntity(record)) {
      used.insert(record->getDefinition());
      return true;
    }
    SourceLocation at = loc.getNumArgs() ? loc.getArgLoc(0).getLocation()
                                         : loc.getBeginLoc();
    if (record && !record->hasDefinition())
      reporter_.error(at,
                      "flowc::Ref names '%0', whose definition is not "
                      "visible; include the header that defines the entity")
          << spellType(target, context_);
    else
      reporter_.error(at,
                      "flowc::Ref names '%0', which is not an entity (an "
                      "entity class starts with FLOWC_ENTITY)")
          << spellType(target, context_);
    return true;
  }

  // Inside an entity, a flowc::Ref is used only as `ref->method(args...)`:
  // anything else through its `->` (reading a member, taking the pointer,
  // `ref.operator->()`) would reach another entity's object directly, which
  // only direct mode can do. Remote calls mark their `->` as they are seen
  // (a call is visited before its operands).
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *expr) {
    if (expr->getOperator() == OO_Arrow && expr->getNumArgs() == 1)
      checkArrowUse(expr, expr->getArg(0)->getType(), expr->getOperatorLoc());
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *expr) {
    if (const CXXMethodDecl *callee = expr->getMethodDecl();
        callee && callee->getOverloadedOperator() == OO_Arrow)
      checkArrowUse(expr, expr->getObjectType(), expr->getExprLoc());
    std::optional<RemoteCallSite> site = asRemoteCall(expr);
    if (!site)
      return true;
    arrows_.insert(arrowOf(expr));
    if (!site->method || unevaluated_)
      return true;
    if (const CXXRecordDecl *definition = site->entity->getDefinition())
      used.insert(definition);
    std::string callee = site->entity->getNameAsString() +
                         "::" + site->method->getNameAsString();
    if (field_ && functions_.empty()) {
      if (const auto *owner = dyn_cast<CXXRecordDecl>(field_->getParent());
          owner && isEntity(owner))
        reporter_.error(site->methodLoc,
                        "remote call to '%0' in the initializer of state "
                        "member '%1'; initializers run in the constructors, "
                        "which must not make remote calls")
            << callee << field_->getName();
      return true;
    }
    if (functions_.empty())
      return true;
    if (defaultArgument_ && insideEntityMember()) {
      reporter_.error(site->methodLoc,
                      "remote call to '%0' in a default argument; default "
                      "arguments are evaluated by the caller, so make the "
                      "call in the method body")
          << callee;
      return true;
    }
    const FunctionDecl *function = functions_.back();
    const auto *method = dyn_cast<CXXMethodDecl>(function);
    const CXXRecordDecl *owner = method ? method->getParent() : nullptr;
    if (owner && owner->isLambda()) {
      reporter_.error(site->methodLoc,
                      "remote call to '%0' inside a lambda; a lambda cannot "
                      "be split at a remote call, so call it in the method "
                      "itself")
          << callee;
    } else if (owner && isEntity(owner) && isa<CXXConstructorDecl>(method)) {
      reporter_.error(site->methodLoc,
                      "constructor of entity '%0' makes a remote call to "
                      "'%1'; constructors must not make remote calls")
          << owner->getName() << callee;
    } else if (owner && isEntity(owner) && isEntityMethod(method)) {
      MethodCalls &entry = calls[method->getCanonicalDecl()];
      entry.definition = method;
      entry.sites.push_back(*site);
    } else if (owner && isEntity(owner)) {
      reporter_.error(site->methodLoc,
                      "remote call to '%0' in '%1', which is not an entity "
                      "method; only public non-static methods can make "
                      "remote calls")
          << callee << spellName(method, context_);
    } else if (insideEntityMember()) {
      reporter_.error(site->methodLoc,
                      "remote call to '%0' inside a local class; it cannot "
                      "be split, so call it in the method itself")
          << callee;
    } else {
      reporter_.warning(site->methodLoc,
                        "remote call to '%0' outside an entity method is not "
                        "converted; it only works in direct mode")
          << callee;
    }
    return true;
  }

private:
  template <class Traverse> bool unevaluated(Traverse traverse) {
    ++unevaluated_;
    bool result = traverse();
    --unevaluated_;
    return result;
  }

  // The `operator->` call a remote call's callee goes through.
  static const Expr *arrowOf(const CXXMemberCallExpr *call) {
    const auto *member = dyn_cast<MemberExpr>(call->getCallee()->IgnoreParens());
    return member ? member->getBase()->IgnoreParenImpCasts() : nullptr;
  }

  void checkArrowUse(const Expr *arrow, QualType refType, SourceLocation loc) {
    QualType target = refTarget(refType.getNonReferenceType());
    if (target.isNull() || arrows_.count(arrow) || !inMainFile(loc) ||
        !insideEntityMember())
      return;
    reporter_.error(loc, "flowc::Ref<%0> is used other than as "
                         "'ref->method(args...)'; entities reach each other "
                         "only through remote method calls")
        << spellType(target, context_);
  }

  bool inMainFile(SourceLocation loc) const {
    return loc.isValid() && sm_.isInMainFile(sm_.getExpansionLoc(loc));
  }

  bool insideEntityMember() const {
    return std::any_of(functions_.begin(), functions_.end(),
                       [](const FunctionDecl *f) {
                         const auto *m = dyn_cast<CXXMethodDecl>(f);
                         return m && isEntity(m->getParent());
                       });
  }

  ASTContext &context_;
  const SourceManager &sm_;
  Reporter &reporter_;
  std::vector<const FunctionDecl *> functions_;
  unsigned unevaluated_ = 0;      // inside operands that never run
  unsigned defaultArgument_ = 0;  // inside a parameter's default argument
  const FieldDecl *field_ = nullptr; // the data member being traversed
  llvm::DenseSet<const Expr *> arrows_; // `->` of remote calls seen so far
};

// Methods of the main file's entities defined out of line in an included file
// (an `.inl`): analysis reads only the main file, so their remote calls would
// silently stay direct calls. Each such call is an error.
void reportCallsDefinedElsewhere(
    ASTContext &context, Reporter &reporter,
    const std::vector<const CXXRecordDecl *> &entities) {
  const SourceManager &sm = context.getSourceManager();
  struct Calls : RecursiveASTVisitor<Calls> {
    std::vector<const CXXMemberCallExpr *> found;
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *call) {
      if (std::optional<RemoteCallSite> site = asRemoteCall(call);
          site && site->method)
        found.push_back(call);
      return true;
    }
  };
  for (const CXXRecordDecl *record : entities) {
    for (const CXXMethodDecl *method : record->methods()) {
      const FunctionDecl *definition = method->getDefinition();
      if (!definition || !definition->getBody() ||
          sm.isInMainFile(sm.getExpansionLoc(definition->getLocation())))
        continue;
      Calls calls;
      calls.TraverseStmt(definition->getBody());
      for (const CXXMemberCallExpr *call : calls.found)
        reporter.error(call->getExprLoc(),
                       "remote call in '%0', which is defined outside the "
                       "file flowc reads ('%1'); flowc splits an entity's "
                       "methods only when they are defined in the entity's "
                       "own file, so define '%0' there")
            << spellName(method, context)
            << sm.getFilename(sm.getExpansionLoc(definition->getLocation()));
    }
  }
}

// The structs (and enums) the generated code must serialize: those in the
// entities' state, public method and constructor signatures, and the locals of
// split methods.
void
collectStructs(ir::Module &module, ASTContext &context,
               const std::vector<const CXXRecordDecl *> &entities,
               const TranslationUnitAnalysis &analysis,
               const std::string &displayFile) {
  StructCollector structs(context, displayFile);
  for (const CXXRecordDecl *record : entities) {
    for (const FieldDecl *field : record->fields())
      structs.add(field->getType());
    for (const CXXMethodDecl *method : record->methods()) {
      if (method->getAccess() != AS_public || method->isStatic())
        continue;
      if (!isa<CXXConstructorDecl>(method))
        structs.add(method->getReturnType());
      for (const ParmVarDecl *param : method->parameters())
        structs.add(param->getType());
    }
  }
  struct Locals : RecursiveASTVisitor<Locals> {
    StructCollector &structs;
    bool VisitVarDecl(VarDecl *var) {
      structs.add(var->getType());
      return true;
    }
  } locals{{}, structs};
  for (const SplitCandidate &candidate : analysis.candidates)
    locals.TraverseDecl(const_cast<FunctionDecl *>(candidate.definition));
  module.structs = structs.take();
  module.enums = structs.takeEnums();
  module.aliases = structs.takeAliases();
}

// A method's remote calls, in source order.
std::vector<RemoteCallSite> sitesInOrder(const Collector::MethodCalls &calls,
                                         const SourceManager &sm) {
  std::vector<RemoteCallSite> sites = calls.sites;
  std::stable_sort(sites.begin(), sites.end(),
                   [&](const RemoteCallSite &a, const RemoteCallSite &b) {
                     return sm.isBeforeInTranslationUnit(a.methodLoc,
                                                         b.methodLoc);
                   });
  return sites;
}

ir::RemoteCall describeCall(const RemoteCallSite &site, ASTContext &context) {
  const SourceManager &sm = context.getSourceManager();
  SourceLocation loc = sm.getExpansionLoc(site.methodLoc);
  ir::RemoteCall call;
  call.entity = site.entity->getNameAsString();
  call.qualified_entity = spellName(site.entity, context);
  call.method = site.method->getNameAsString();
  call.line = lineOf(sm, loc);
  call.column = sm.getExpansionColumnNumber(loc);
  return call;
}

// Attaches each method's remote calls to its IR, in source order, and lists
// the method as a split candidate. `entity` will be the module's entity
// number `index`.
void attachRemoteCalls(const CXXRecordDecl *record, ir::Entity &entity,
                       size_t index, const Collector &collector,
                       ASTContext &context, TranslationUnitAnalysis &result) {
  for (const auto *decl : record->decls()) {
    const auto *method = dyn_cast<CXXMethodDecl>(decl);
    if (!method)
      continue;
    auto found = collector.calls.find(method->getCanonicalDecl());
    if (found == collector.calls.end())
      continue;
    auto it = std::find_if(
        entity.methods.begin(), entity.methods.end(),
        [&](const ir::Method &m) { return m.name == method->getName(); });
    if (it == entity.methods.end())
      continue;
    std::vector<RemoteCallSite> sites =
        sitesInOrder(found->second, context.getSourceManager());
    for (const RemoteCallSite &site : sites)
      it->remote_calls.push_back(describeCall(site, context));
    SplitCandidate candidate;
    candidate.entity = index;
    candidate.method = static_cast<size_t>(it - entity.methods.begin());
    candidate.definition = found->second.definition;
    for (const RemoteCallSite &site : sites)
      candidate.calls.push_back(site.call);
    result.candidates.push_back(std::move(candidate));
  }
}

// Remote calls in methods of entities defined in another file (a source
// file defining the methods of an entity from its header): that entity is
// analyzed, and its methods split, only with its own file, so these calls
// would silently stay direct calls.
void reportCallsInOtherFilesEntities(const Collector &collector,
                                     ASTContext &context, Reporter &reporter) {
  const SourceManager &sm = context.getSourceManager();
  std::vector<const Collector::MethodCalls *> elsewhere;
  for (const auto &[method, entry] : collector.calls)
    if (!llvm::is_contained(collector.entities, method->getParent()
                                                    ->getDefinition()))
      elsewhere.push_back(&entry);
  std::sort(elsewhere.begin(), elsewhere.end(),
            [&](const Collector::MethodCalls *a,
                const Collector::MethodCalls *b) {
              return sm.isBeforeInTranslationUnit(a->sites.front().methodLoc,
                                                  b->sites.front().methodLoc);
            });
  for (const Collector::MethodCalls *entry : elsewhere) {
    const auto *method = cast<CXXMethodDecl>(entry->definition);
    reporter.error(entry->sites.front().methodLoc,
                   "remote call in '%0', a method of entity '%1', which is "
                   "defined in another file; flowc splits an entity's "
                   "methods only when they are defined in the entity's own "
                   "file, so define '%0' there")
        << spellName(method, context) << method->getParent()->getName();
  }
}

} // namespace

TranslationUnitAnalysis analyzeTranslationUnit(ASTContext &context,
                                               Reporter &reporter,
                                               const std::string &displayFile) {
  Collector collector(context, reporter);
  collector.TraverseDecl(context.getTranslationUnitDecl());

  TranslationUnitAnalysis result;
  ir::Module &module = result.module;
  module.input = displayFile;
  EntityAnalysis entities(context, reporter, displayFile);
  for (const CXXRecordDecl *record : collector.entities) {
    unsigned before = reporter.errors();
    std::optional<ir::Entity> entity = entities.analyze(record);
    if (!entity)
      continue;
    // An entity with errors of its own is not split: its methods' splitting
    // errors would follow from those. Others are, so that their errors are
    // reported in the same run.
    if (reporter.errors() == before)
      attachRemoteCalls(record, *entity, module.entities.size(), collector,
                        context, result);
    module.entities.push_back(std::move(*entity));
  }
  reportCallsInOtherFilesEntities(collector, context, reporter);
  reportCallsDefinedElsewhere(context, reporter, collector.entities);
  collectStructs(module, context, collector.entities, result, displayFile);

  JobAnalysis jobs(context, reporter, displayFile);
  for (const FunctionDecl *function : collector.jobFunctions)
    jobs.add(function);
  module.jobs = jobs.finish();
  module.uses = usesOf(collector.used.getArrayRef(), context);
  if (module.entities.empty() && module.jobs.empty() &&
      !reporter.hasErrors())
    warnEntitiesOnlyIncluded(context, reporter);
  return result;
}

} // namespace flowc
