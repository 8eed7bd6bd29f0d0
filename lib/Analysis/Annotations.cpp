// Annotations.cpp - reads the [[clang::annotate]] marks flowc.h places.
#include "Analysis/Annotations.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace flowc {
namespace {

bool hasAnnotation(const Decl *decl, StringRef text) {
  for (const auto *attr : decl->specific_attrs<AnnotateAttr>())
    if (attr->getAnnotation() == text)
      return true;
  return false;
}

} // namespace

const TypedefNameDecl *entityMarker(const CXXRecordDecl *record) {
  if (!record || !record->hasDefinition())
    return nullptr;
  for (const Decl *decl : record->getDefinition()->decls())
    if (const auto *alias = dyn_cast<TypedefNameDecl>(decl))
      if (alias->getName() == "flowc_entity_type" &&
          hasAnnotation(alias, "flowc::entity"))
        return alias;
  return nullptr;
}

bool isEntity(const CXXRecordDecl *record) {
  return entityMarker(record) != nullptr;
}

bool isKey(const Decl *decl) {
  return hasAnnotation(decl, "flowc::key");
}

std::optional<StringRef> jobAnnotation(const Decl *decl, StringRef kind) {
  llvm::SmallVector<StringRef, 1> jobs = jobAnnotations(decl, kind);
  if (jobs.empty())
    return std::nullopt;
  return jobs.front();
}

llvm::SmallVector<StringRef, 1> jobAnnotations(const Decl *decl,
                                               StringRef kind) {
  llvm::SmallVector<StringRef, 1> jobs;
  for (const auto *attr : decl->specific_attrs<AnnotateAttr>()) {
    StringRef text = attr->getAnnotation();
    if (text.consume_front("flowc::") && text.consume_front(kind) &&
        text.consume_front(":") && !llvm::is_contained(jobs, text))
      jobs.push_back(text);
  }
  return jobs;
}

bool hasJobAnnotation(const Decl *decl) {
  return jobAnnotation(decl, "map") || jobAnnotation(decl, "reduce") ||
         jobAnnotation(decl, "combine");
}

const ClassTemplateSpecializationDecl *
specializationOf(QualType type, StringRef ns, StringRef name) {
  if (type.isNull())
    return nullptr;
  const auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      type.getCanonicalType()->getAsCXXRecordDecl());
  if (!spec || spec->getName() != name)
    return nullptr;
  // Match the namespace, looking through inline namespaces (std::__1).
  const DeclContext *context = spec->getDeclContext();
  while (context->isInlineNamespace())
    context = context->getParent();
  const auto *space = dyn_cast<NamespaceDecl>(context);
  return space && space->getName() == ns &&
                 space->getDeclContext()->getRedeclContext()->isTranslationUnit()
             ? spec
             : nullptr;
}

llvm::SmallVector<QualType, 4>
typeArguments(const ClassTemplateSpecializationDecl *spec) {
  llvm::SmallVector<QualType, 4> types;
  for (const TemplateArgument &arg : spec->getTemplateArgs().asArray()) {
    if (arg.getKind() == TemplateArgument::Type)
      types.push_back(arg.getAsType());
    else if (arg.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &element : arg.pack_elements())
        if (element.getKind() == TemplateArgument::Type)
          types.push_back(element.getAsType());
  }
  return types;
}

QualType refTarget(QualType type) {
  if (!specializationOf(type, "flowc", "Ref"))
    return QualType();
  // Prefer the argument as written (keeps sugar); fall back to the canonical one.
  if (const auto *written =
          type->getAs<TemplateSpecializationType>()) {
    auto args = written->template_arguments();
    if (!args.empty() && args[0].getKind() == TemplateArgument::Type)
      return args[0].getAsType();
  }
  const auto *spec = specializationOf(type, "flowc", "Ref");
  return spec->getTemplateArgs()[0].getAsType();
}

} // namespace flowc
