// Forwarding.cpp - standard library calls that copy forwarded lvalues.
#include "Split/Forwarding.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace flowc {
namespace {

// A declaration in namespace std, a member of a standard class included.
bool inStd(const Decl *decl) {
  return decl->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace();
}

// `U &&` with U deduced as `T &` collapses to an lvalue reference that was
// not spelled as one (C++ [dcl.ref]p6).
bool isForwardedLvalue(const ParmVarDecl *param) {
  const auto *ref = dyn_cast<LValueReferenceType>(param->getType().getTypePtr());
  return ref && !ref->isSpelledAsLValue();
}

// Whether constructing a `type` from lvalues can change them: only through a
// constructor that takes a non-const lvalue reference or forwards one.
bool copiesFromLvalues(QualType type, unsigned depth = 0) {
  if (depth > 8)
    return false;
  type = type.getCanonicalType();
  if (type->isReferenceType() || type->isScalarType() ||
      type->isFunctionType())
    return true; // bound or copied
  if (const auto *array = dyn_cast<ConstantArrayType>(type.getTypePtr()))
    return copiesFromLvalues(array->getElementType(), depth + 1);
  const auto *record = type->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition())
    return false;
  if (inStd(record)) {
    // Standard classes copy from const references; what they hold is
    // constructed the same way.
    if (const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(record))
      for (const TemplateArgument &arg : spec->getTemplateArgs().asArray())
        if (arg.getKind() == TemplateArgument::Type &&
            !copiesFromLvalues(arg.getAsType(), depth + 1))
          return false;
    return true;
  }
  if (record->isLambda())
    return false; // calling it (std::invoke) may change anything
  auto takesMutableLvalue = [](const CXXConstructorDecl *ctor) {
    return llvm::any_of(ctor->parameters(), [](const ParmVarDecl *p) {
      QualType t = p->getType();
      bool forwarding = t->isRValueReferenceType() &&
                        t->getPointeeType()->isTemplateTypeParmType();
      return forwarding || (t->isLValueReferenceType() &&
                            !t->getPointeeType().isConstQualified());
    });
  };
  for (const Decl *member : record->decls()) {
    const auto *ctor = dyn_cast<CXXConstructorDecl>(member);
    if (const auto *tmpl = dyn_cast<FunctionTemplateDecl>(member))
      ctor = dyn_cast<CXXConstructorDecl>(tmpl->getTemplatedDecl());
    if (ctor && !ctor->isDeleted() && takesMutableLvalue(ctor))
      return false;
  }
  for (const FieldDecl *field : record->fields())
    if (!copiesFromLvalues(field->getType(), depth + 1))
      return false;
  for (const CXXBaseSpecifier &base : record->bases())
    if (!copiesFromLvalues(base.getType(), depth + 1))
      return false;
  return true;
}

// Standard functions that construct values from what they forward (never
// invoke it): the constructors of standard classes, and these.
bool constructsValues(const FunctionDecl *function) {
  if (isa<CXXConstructorDecl>(function))
    return true;
  static const llvm::StringRef names[] = {
      "make_pair",   "make_tuple",     "make_unique",  "make_shared",
      "make_optional", "make_any",     "emplace",      "emplace_back",
      "emplace_front", "emplace_hint", "try_emplace",  "insert_or_assign",
      "push_back",   "push_front",     "insert",       "assign"};
  return function->getIdentifier() &&
         llvm::is_contained(names, function->getName());
}

// The types such a call may construct from its arguments: the class's
// template arguments (a container's element, a pair's members), the
// function's own (make_unique<T>), and what it returns (make_pair).
llvm::SmallVector<QualType, 4> constructedTypes(const FunctionDecl *function) {
  llvm::SmallVector<QualType, 4> types;
  auto addArgs = [&](ArrayRef<TemplateArgument> args) {
    for (const TemplateArgument &arg : args)
      if (arg.getKind() == TemplateArgument::Type &&
          !arg.getAsType()->isReferenceType())
        types.push_back(arg.getAsType());
  };
  if (const auto *method = dyn_cast<CXXMethodDecl>(function))
    if (const auto *spec =
            dyn_cast<ClassTemplateSpecializationDecl>(method->getParent()))
      addArgs(spec->getTemplateArgs().asArray());
  if (const TemplateArgumentList *args =
          function->getTemplateSpecializationArgs())
    addArgs(args->asArray());
  if (function->getName().starts_with("make_"))
    types.push_back(function->getReturnType().getNonReferenceType());
  return types;
}

} // namespace

Forwarded forwardedArgument(const FunctionDecl *function, unsigned param) {
  if (!function || param >= function->getNumParams() ||
      !isForwardedLvalue(function->getParamDecl(param)) ||
      !inStd(function))
    return Forwarded::unknown;
  if (function->getIdentifier() &&
      (function->getName() == "move" || function->getName() == "forward"))
    return Forwarded::passed;
  if (!constructsValues(function))
    return Forwarded::unknown;
  for (QualType type : constructedTypes(function))
    if (!copiesFromLvalues(type))
      return Forwarded::unknown;
  return Forwarded::copied;
}

} // namespace flowc
