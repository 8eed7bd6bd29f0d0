// Analyzer.cpp - walks one translation unit and builds its IR.
//
// One RecursiveASTVisitor pass over the main file finds entity classes, job
// functions, every written flowc::Ref<T>, and every remote call together with
// the function it is written in; the pieces are then checked and assembled.
#include "Analysis/Analyzer.h"

#include "Analysis/Annotations.h"
#include "Analysis/EntityAnalysis.h"
#include "Analysis/JobAnalysis.h"
#include "Analysis/RemoteCall.h"
#include "Analysis/Reporter.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"

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
    if (record && isEntity(record))
      return true;
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

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *expr) {
    std::optional<RemoteCallSite> site = asRemoteCall(expr);
    if (!site || !site->method || functions_.empty())
      return true;
    const FunctionDecl *function = functions_.back();
    const auto *method = dyn_cast<CXXMethodDecl>(function);
    const CXXRecordDecl *owner = method ? method->getParent() : nullptr;
    std::string callee = site->entity->getNameAsString() +
                         "::" + site->method->getNameAsString();
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
          << callee << method->getQualifiedNameAsString();
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
};

unsigned lineOf(const SourceManager &sm, SourceLocation loc) {
  return sm.getPresumedLineNumber(sm.getExpansionLoc(loc));
}

} // namespace

TranslationUnitAnalysis analyzeTranslationUnit(ASTContext &context,
                                               Reporter &reporter,
                                               const std::string &displayFile) {
  Collector collector(context, reporter);
  collector.TraverseDecl(context.getTranslationUnitDecl());
  const SourceManager &sm = context.getSourceManager();

  TranslationUnitAnalysis result;
  ir::Module &module = result.module;
  EntityAnalysis entities(context, reporter, displayFile);
  for (const CXXRecordDecl *record : collector.entities) {
    std::optional<ir::Entity> entity = entities.analyze(record);
    if (!entity)
      continue;
    // Attach each method's remote calls, in source order.
    for (const auto *decl : record->decls()) {
      const auto *method = dyn_cast<CXXMethodDecl>(decl);
      if (!method)
        continue;
      auto found = collector.calls.find(method->getCanonicalDecl());
      if (found == collector.calls.end())
        continue;
      auto it = std::find_if(
          entity->methods.begin(), entity->methods.end(),
          [&](const ir::Method &m) { return m.name == method->getName(); });
      if (it == entity->methods.end())
        continue;
      std::vector<RemoteCallSite> sites = found->second.sites;
      std::stable_sort(sites.begin(), sites.end(),
                       [&](const RemoteCallSite &a, const RemoteCallSite &b) {
                         return sm.isBeforeInTranslationUnit(a.methodLoc,
                                                             b.methodLoc);
                       });
      for (const RemoteCallSite &site : sites) {
        SourceLocation loc = sm.getExpansionLoc(site.methodLoc);
        ir::RemoteCall call;
        call.entity = site.entity->getNameAsString();
        call.qualified_entity = site.entity->getQualifiedNameAsString();
        call.method = site.method->getNameAsString();
        call.line = lineOf(sm, loc);
        call.column = sm.getPresumedColumnNumber(loc);
        it->remote_calls.push_back(std::move(call));
      }
      SplitCandidate candidate;
      candidate.entity = module.entities.size();
      candidate.method = static_cast<size_t>(it - entity->methods.begin());
      candidate.definition = found->second.definition;
      for (const RemoteCallSite &site : sites)
        candidate.calls.push_back(site.call);
      result.candidates.push_back(std::move(candidate));
    }
    module.entities.push_back(std::move(*entity));
  }

  JobAnalysis jobs(context, reporter, displayFile);
  for (const FunctionDecl *function : collector.jobFunctions)
    jobs.add(function);
  module.jobs = jobs.finish();
  return result;
}

} // namespace flowc
