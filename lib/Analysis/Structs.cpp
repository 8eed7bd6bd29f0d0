// Structs.cpp - plain structs reachable from serializable types, post-order.
#include "Analysis/Structs.h"

#include "Analysis/Annotations.h"
#include "Analysis/Serializable.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace flowc {

void StructCollector::add(QualType type) {
  if (type.isNull())
    return;
  addAliases(type);
  QualType canonical = type.getCanonicalType().getNonReferenceType();
  if (const auto *enumType = canonical->getAs<EnumType>()) {
    addEnum(enumType->getDecl()->getDefinition());
    return;
  }
  const CXXRecordDecl *record = canonical->getAsCXXRecordDecl();
  if (!record || specializationOf(canonical, "flowc", "Ref"))
    return;
  if (SerializableCheck(context_).whyNot(canonical) != "")
    return;
  if (record->isInStdNamespace()) {
    // A std container, pair or tuple: what it holds (std::monostate holds
    // nothing, and the codec knows it).
    if (const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(record))
      for (QualType argument : typeArguments(spec))
        add(argument);
    return;
  }
  addRecord(record->getDefinition());
}

void StructCollector::addRecord(const CXXRecordDecl *record) {
  if (!record || !seen_.insert(record).second)
    return;
  ir::Struct result;
  result.name = record->getNameAsString();
  // As a type, so a template's arguments are kept (geo::Box<int>).
  result.qualified_name =
      spellType(QualType(record->getTypeForDecl(), 0), context_);
  result.file = fileOf(record, result.line);
  for (const FieldDecl *field : record->fields()) {
    add(field->getType());
    result.fields.push_back({field->getNameAsString(),
                             spellType(field->getType(), context_)});
  }
  structs_.push_back(std::move(result));
}

std::string StructCollector::fileOf(const Decl *decl, unsigned &line) const {
  const SourceManager &sm = context_.getSourceManager();
  PresumedLoc where = sm.getPresumedLoc(decl->getLocation());
  if (!where.isValid())
    return "";
  line = where.getLine();
  return sm.isInMainFile(sm.getExpansionLoc(decl->getLocation()))
             ? displayFile_
             : std::string(where.getFilename());
}

// The aliases in a type as written: the type itself, what an alias names,
// and template arguments, looking through references and qualifiers.
void StructCollector::addAliases(QualType written) {
  if (written.isNull())
    return;
  const Type *type = written.getTypePtr();
  if (const auto *reference = dyn_cast<ReferenceType>(type))
    return addAliases(reference->getPointeeTypeAsWritten());
  if (const auto *elaborated = dyn_cast<ElaboratedType>(type))
    return addAliases(elaborated->getNamedType());
  if (const auto *paren = dyn_cast<ParenType>(type))
    return addAliases(paren->getInnerType());
  if (const auto *spec = dyn_cast<TemplateSpecializationType>(type)) {
    for (const TemplateArgument &argument : spec->template_arguments())
      if (argument.getKind() == TemplateArgument::Type)
        addAliases(argument.getAsType());
    return;
  }
  const auto *alias = dyn_cast<TypedefType>(type);
  if (!alias)
    return;
  const TypedefNameDecl *decl = alias->getDecl();
  if (context_.getSourceManager().isInSystemHeader(decl->getLocation()) ||
      !seenAliases_.insert(decl).second)
    return;
  QualType target = decl->getUnderlyingType();
  addAliases(target);
  ir::Alias result;
  result.name = spellType(QualType(alias, 0), context_);
  result.type = spellType(target, context_);
  result.file = fileOf(decl, result.line);
  aliases_.push_back(std::move(result));
}

void StructCollector::addEnum(const EnumDecl *decl) {
  if (!decl || !seenEnums_.insert(decl).second)
    return;
  ir::Enum result;
  result.name = decl->getNameAsString();
  result.qualified_name =
      spellType(QualType(decl->getTypeForDecl(), 0), context_);
  result.file = fileOf(decl, result.line);
  for (const EnumConstantDecl *value : decl->enumerators())
    result.enumerators.push_back(value->getNameAsString());
  enums_.push_back(std::move(result));
}

} // namespace flowc
