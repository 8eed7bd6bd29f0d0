// Serializable.cpp - the serializable-type rules of docs/entities.md.
#include "Analysis/Serializable.h"

#include "Analysis/Annotations.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace flowc {
namespace {

// The namespace-std class template a specialization comes from, or "".
StringRef stdTemplateName(const CXXRecordDecl *record) {
  for (StringRef name :
       {"basic_string", "vector", "map", "unordered_map", "multimap", "optional",
        "pair", "tuple", "function", "basic_string_view", "span", "set",
        "multiset", "unordered_set", "unordered_multiset", "unordered_multimap",
        "array", "list", "forward_list", "deque", "unique_ptr", "shared_ptr",
        "variant", "move_only_function"})
    if (specializationOf(QualType(record->getTypeForDecl(), 0), "std", name))
      return name;
  return "";
}

// The type arguments of a specialization as written (`std::string_view`, not
// `std::basic_string_view<char, std::char_traits<char>>`), so that a diagnostic
// names the element at fault the way the user spelled it. Arguments left to
// their defaults, and types not written as the specialization itself (an alias
// template, a deduced type), fall back to the canonical arguments.
llvm::SmallVector<QualType, 4>
elementTypes(QualType type, const ClassTemplateSpecializationDecl *spec) {
  llvm::SmallVector<QualType, 4> canonical = typeArguments(spec);
  const auto *written = type->getAs<TemplateSpecializationType>();
  while (written && written->isTypeAlias())
    written = written->getAliasedType()->getAs<TemplateSpecializationType>();
  if (!written)
    return canonical;
  llvm::SmallVector<QualType, 4> types;
  for (const TemplateArgument &arg : written->template_arguments()) {
    if (arg.getKind() == TemplateArgument::Type)
      types.push_back(arg.getAsType());
    else if (arg.getKind() == TemplateArgument::Pack)
      return canonical;
  }
  if (types.size() > canonical.size())
    return canonical;
  for (std::size_t i = 0; i < types.size(); ++i)
    if (types[i].getCanonicalType() != canonical[i])
      return canonical;
  types.append(canonical.begin() + types.size(), canonical.end());
  return types;
}

// Decoding value-initializes a struct and then reads each member into it.
// An implicit default constructor not declared yet exists unless a member
// prevents it, and the members are checked one by one anyway.
bool isDefaultConstructible(const CXXRecordDecl *record) {
  if (record->needsImplicitDefaultConstructor())
    return true;
  for (const CXXConstructorDecl *ctor : record->ctors())
    if (ctor->isDefaultConstructor() && !ctor->isDeleted() &&
        ctor->getAccess() == AS_public)
      return true;
  return false;
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

bool isStandardArithmetic(QualType type) {
  const auto *builtin = type.getCanonicalType()->getAs<BuiltinType>();
  if (!builtin)
    return false;
  switch (builtin->getKind()) {
  case BuiltinType::Bool:
  case BuiltinType::Char_U:
  case BuiltinType::UChar:
  case BuiltinType::WChar_U:
  case BuiltinType::Char8:
  case BuiltinType::Char16:
  case BuiltinType::Char32:
  case BuiltinType::UShort:
  case BuiltinType::UInt:
  case BuiltinType::ULong:
  case BuiltinType::ULongLong:
  case BuiltinType::Char_S:
  case BuiltinType::SChar:
  case BuiltinType::WChar_S:
  case BuiltinType::Short:
  case BuiltinType::Int:
  case BuiltinType::Long:
  case BuiltinType::LongLong:
  case BuiltinType::Float:
  case BuiltinType::Double:
  case BuiltinType::LongDouble:
    return true;
  default:
    return false;
  }
}

std::string SerializableCheck::name(QualType type) const {
  // Appended, not "'" + spelling: GCC 12 warns (-Wrestrict, falsely) about the
  // insert at the front that operator+ does.
  std::string quoted = "'";
  quoted += spellType(type, context_);
  quoted += "'";
  return quoted;
}

std::string SerializableCheck::whyNot(QualType type) {
  inProgress_.clear();
  return check(type);
}

std::string SerializableCheck::check(QualType type) {
  QualType canonical = type.getCanonicalType().getUnqualifiedType();
  const Type *t = canonical.getTypePtr();

  if (const auto *builtin = dyn_cast<BuiltinType>(t)) {
    if (isStandardArithmetic(canonical))
      return "";
    if (builtin->isInteger() || builtin->isFloatingPoint())
      return name(type) + " is not a standard arithmetic type (use std::int64_t, "
                          "double or another standard one)";
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
  // Any iterator names its category (std::iterator_traits reads it).
  if (record->hasDefinition() &&
      !record->lookup(&context_.Idents.get("iterator_category")).empty())
    return name(type) + " is an iterator, which points into a container "
                        "that does not travel with it; keep an index or a "
                        "key instead";
  if (isInStd(record))
    return checkStdRecord(type, record);
  return checkStruct(type, record);
}

std::string SerializableCheck::checkStdRecord(QualType type,
                                              const CXXRecordDecl *record) {
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
  // Containers: the element (a map's key and value; the type arguments
  // after those are a comparator, a hash or an allocator).
  unsigned elements = 0;
  if (tmpl == "vector" || tmpl == "optional" || tmpl == "deque" ||
      tmpl == "list" || tmpl == "forward_list" || tmpl == "array" ||
      tmpl == "set" || tmpl == "multiset" || tmpl == "unordered_set" ||
      tmpl == "unordered_multiset")
    elements = 1;
  else if (tmpl == "map" || tmpl == "unordered_map" || tmpl == "multimap" ||
           tmpl == "unordered_multimap")
    elements = 2;
  else if (tmpl == "pair" || tmpl == "tuple" || tmpl == "variant")
    elements = ~0u; // every member or alternative
  if (elements != 0) {
    llvm::SmallVector<QualType, 4> members = elementTypes(type, spec);
    for (unsigned i = 0; i < members.size() && i < elements; ++i)
      if (std::string why = check(members[i]); !why.empty())
        return why;
    return "";
  }
  if (tmpl == "function" || tmpl == "move_only_function")
    return name(type) + " holds code, not data";
  if (tmpl == "basic_string_view" || tmpl == "span")
    return name(type) + " does not own what it refers to";
  if (tmpl == "unique_ptr" || tmpl == "shared_ptr")
    return name(type) + " is a smart pointer";
  if (tmpl.empty() && record->getName() == "monostate")
    return ""; // std::variant's empty alternative
  return name(type) + " is not one of the supported standard types";
}

// A plain struct: complete, no virtual functions or bases, every non-static
// data member public and serializable. (Specializations named only inside
// another template's arguments were instantiated first: Instantiate.h.)
std::string SerializableCheck::checkStruct(QualType type,
                                           const CXXRecordDecl *record) {
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
  if (!isDefaultConstructible(record))
    return name(type) + " has no public default constructor (a decoded value "
                        "is built first, then its members are read into it)";
  if (!inProgress_.insert(record).second)
    return ""; // recursive through a container: checked further up
  for (const FieldDecl *field : record->fields()) {
    if (field->getAccess() != AS_public)
      return name(type) + " has a non-public member '" +
             field->getNameAsString() + "'";
    if (field->getType().isConstQualified())
      return name(type) + " has a const member '" +
             field->getNameAsString() + "', which decoding cannot write";
    if (std::string why = check(field->getType()); !why.empty())
      return "member '" + field->getNameAsString() + "' of " + name(type) +
             ": " + why;
  }
  return "";
}

} // namespace flowc
