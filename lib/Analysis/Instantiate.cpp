// Instantiate.cpp - Sema completes what entity messages carry.
#include "Analysis/Instantiate.h"

#include "Analysis/Annotations.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace flowc {
namespace {

class Completer {
public:
  explicit Completer(Sema &sema) : sema_(sema) {}

  void complete(QualType type, SourceLocation loc) {
    type = type.getCanonicalType().getNonReferenceType();
    const auto *record = type->getAsCXXRecordDecl();
    if (!record || !seen_.insert(record).second)
      return;
    if (const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(record)) {
      for (QualType argument : typeArguments(spec))
        complete(argument, loc);
      // std's own templates are left alone: only their arguments matter.
      if (!record->isInStdNamespace() && !record->hasDefinition())
        (void)sema_.isCompleteType(loc, type);
    }
    if (const CXXRecordDecl *definition = record->getDefinition())
      if (!definition->isInStdNamespace())
        for (const FieldDecl *field : definition->fields())
          complete(field->getType(), loc);
  }

private:
  Sema &sema_;
  llvm::SmallPtrSet<const CXXRecordDecl *, 16> seen_;
};

class EntityVisitor : public RecursiveASTVisitor<EntityVisitor> {
public:
  explicit EntityVisitor(Completer &completer) : completer_(completer) {}

  bool VisitCXXRecordDecl(CXXRecordDecl *record) {
    if (!record->isThisDeclarationADefinition() || !isEntity(record))
      return true;
    for (const FieldDecl *field : record->fields())
      completer_.complete(field->getType(), field->getLocation());
    for (const CXXMethodDecl *method : record->methods()) {
      completer_.complete(method->getReturnType(), method->getLocation());
      for (const ParmVarDecl *param : method->parameters())
        completer_.complete(param->getType(), param->getLocation());
    }
    return true;
  }
  bool VisitVarDecl(VarDecl *var) {
    const auto *method = dyn_cast<CXXMethodDecl>(var->getDeclContext());
    if (method && isEntity(method->getParent()))
      completer_.complete(var->getType(), var->getLocation());
    return true;
  }

private:
  Completer &completer_;
};

} // namespace

void instantiateMessageTypes(Sema &sema, ASTContext &context) {
  Completer completer(sema);
  EntityVisitor(completer).TraverseDecl(context.getTranslationUnitDecl());
}

} // namespace flowc
