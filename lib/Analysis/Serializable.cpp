// Serializable.cpp - the serializable-type rules of SPEC section 1.
#include "Analysis/Serializable.h"

#include "Analysis/Annotations.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace flowc {
namespace {

// The namespace-std class template a specialization comes from, or "".
StringRef stdTemplateName(const CXXRecordDecl *record) {
  for (StringRef name : {"basic_string", "vector", "map", "unordered_map",
                         "optional", "pair", "tuple", "function",
                         "basic_string_view", "span", "set", "unordered_set",
                         "array", "list", "deque", "unique_ptr", "shared_ptr",
                         "variant", "move_only_function"})
    if (specializationOf(QualType(record->getTypeForDecl(), 0), "std", name))
      return name;
  return "";
}

bool isInStd(const CXXRecordDecl *record) {
  const DeclContext *context = record->getDeclContext();
  while (!context->isTranslationUnit()) {
    if (const auto *space = dyn_cast<NamespaceDecl>(context))
      if (space->getName() == "std" &&
          space->getDeclContext()->getRedeclContext()->isTranslationUnit())
        return true;
    context = context->getParent();
  }
  return false;
}

} // namespace

std::string SerializableCheck::name(QualType type) const {
  return "'" + spellType(type, context_) + "'";
}

std::string SerializableCheck::whyNot(QualType type) {
  inProgress_.clear();
  return check(type);
}

std::string SerializableCheck::check(QualType type) {
  QualType canonical = type.getCanonicalType().getUnqualifiedType();
  const Type *t = canonical.getTypePtr();

  if (const auto *builtin = dyn_cast<BuiltinType>(t)) {
    if (builtin->isInteger() || builtin->isFloatingPoint())
      return "";
    return name(type) + " is not a value type";
  }
  if (t->isEnumeralType())
    return "";
  if (t->isPointerType() || t->isBlockPointerType())
    return name(type) + " is a raw pointer";
  if (t->isMemberPointerType())
    return name(type) + " is a member pointer";
  if (t->isReferenceType())
    return name(type) + " is a reference";
  if (t->isArrayType())
    return name(type) + " is a C array (use std::vector)";
  if (t->isFunctionType())
    return name(type) + " is a function type";

  const CXXRecordDecl *record = t->getAsCXXRecordDecl();
  if (!record)
    return name(type) + " is not a serializable type";
  return checkRecord(type, record);
}

std::string SerializableCheck::checkRecord(QualType type,
                                           const CXXRecordDecl *record) {
  if (specializationOf(type, "flowc", "Ref"))
    return ""; // the target is checked where the Ref is written
  if (isEntity(record))
    return name(type) + " is an entity (pass a flowc::Ref<" +
           spellName(record, context_) + "> instead)";

  if (isInStd(record)) {
    StringRef tmpl = stdTemplateName(record);
    const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(record);
    auto argument = [&](unsigned i) {
      return spec->getTemplateArgs()[i].getAsType();
    };
    if (tmpl == "basic_string") {
      if (argument(0)->isSpecificBuiltinType(BuiltinType::Char_S) ||
          argument(0)->isSpecificBuiltinType(BuiltinType::Char_U))
        return "";
      return name(type) + " is not std::string";
    }
    if (tmpl == "vector" || tmpl == "optional")
      return check(argument(0));
    if (tmpl == "map" || tmpl == "unordered_map") {
      std::string why = check(argument(0));
      return why.empty() ? check(argument(1)) : why;
    }
    if (tmpl == "pair" || tmpl == "tuple") {
      for (QualType member : typeArguments(spec))
        if (std::string why = check(member); !why.empty())
          return why;
      return "";
    }
    if (tmpl == "function" || tmpl == "move_only_function")
      return name(type) + " holds code, not data";
    if (tmpl == "basic_string_view" || tmpl == "span")
      return name(type) + " does not own what it refers to";
    if (tmpl == "unique_ptr" || tmpl == "shared_ptr")
      return name(type) + " is a smart pointer";
    return name(type) + " is not one of the supported standard types";
  }

  // A plain struct: complete, no virtual functions or bases, every non-static
  // data member public and serializable. (Specializations named only inside
  // another template's arguments were instantiated first: Instantiate.h.)
  if (!record->hasDefinition())
    return name(type) + " is incomplete";
  record = record->getDefinition();
  if (record->isLambda())
    return name(type) + " is a lambda";
  if (record->isUnion())
    return name(type) + " is a union";
  if (record->isDynamicClass())
    return name(type) + " has virtual functions";
  if (record->getNumBases() != 0)
    return name(type) + " has base classes";
  if (!inProgress_.insert(record).second)
    return ""; // recursive through a container: checked further up
  for (const FieldDecl *field : record->fields()) {
    if (field->getAccess() != AS_public)
      return name(type) + " has a non-public member '" +
             field->getNameAsString() + "'";
    if (std::string why = check(field->getType()); !why.empty())
      return "member '" + field->getNameAsString() + "' of " + name(type) +
             ": " + why;
  }
  return "";
}

} // namespace flowc
