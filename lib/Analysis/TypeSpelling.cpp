// TypeSpelling.cpp - fully qualified type names that keep the user's sugar.
//
// Clang's TypeName::getFullyQualifiedName does nearly this, but it looks
// through using-declarations on purpose: `std::int64_t` (a using of ::int64_t)
// would come out as `int64_t`. So template specializations and written
// qualifiers are walked here, and only the leaves are handed to Clang.
//
// Clang 19 also leaves the template arguments of a qualifier unqualified: the
// type of a structured binding of a tuple comes out as
// `std::tuple_element<1UL, std::tuple<basic_string<char>, long>>::type`
// (or `...<Color, long>>::type` for an enum in a namespace), which does not
// compile outside that namespace. A member type of a class template
// specialization is therefore spelled as what it names (`long`), and so is a
// substituted template parameter. docs/ir.md says how types are spelled.
#include "Analysis/TypeSpelling.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/TemplateBase.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace flowc {
namespace {

PrintingPolicy policyFor(const ASTContext &context) {
  PrintingPolicy policy(context.getLangOpts());
  policy.SuppressScope = false;
  policy.AnonymousTagLocations = false;
  policy.SuppressUnwrittenScope = true; // no inline namespaces (std::__1)
  policy.SuppressInlineNamespace = true;
  policy.FullyQualifiedName = true;
  policy.PrintCanonicalTypes = false;
  return policy;
}

std::string spell(QualType type, const ASTContext &context,
                  const PrintingPolicy &policy);

void spellArgumentList(ArrayRef<TemplateArgument> args, const ASTContext &context,
                       const PrintingPolicy &policy, std::string &out, bool &first) {
  for (const TemplateArgument &arg : args) {
    if (arg.getKind() == TemplateArgument::Pack) {
      spellArgumentList(arg.pack_elements(), context, policy, out, first);
      continue;
    }
    if (!first)
      out += ", ";
    first = false;
    if (arg.getKind() == TemplateArgument::Type) {
      out += spell(arg.getAsType(), context, policy);
    } else {
      llvm::raw_string_ostream os(out);
      arg.print(policy, os, /*IncludeType=*/true);
    }
  }
}

std::string spellArguments(ArrayRef<TemplateArgument> args,
                           const ASTContext &context,
                           const PrintingPolicy &policy) {
  std::string out = "<";
  bool first = true;
  spellArgumentList(args, context, policy, out, first);
  return out + ">";
}

// Whether `decl` is declared inside a class template specialization, where
// Clang would spell it through the specialization's arguments.
bool inSpecialization(const Decl *decl) {
  for (const DeclContext *dc = decl->getDeclContext(); dc && !dc->isFileContext();
       dc = dc->getParent())
    if (isa<ClassTemplateSpecializationDecl>(dc))
      return true;
  return false;
}

std::string qualifiedName(const NamedDecl *decl, const PrintingPolicy &policy) {
  std::string out;
  llvm::raw_string_ostream os(out);
  decl->printQualifiedName(os, policy);
  return out;
}

// Sugar spelled as what it stands for, with the same qualifiers; a null type
// when `type` is spelled itself.
QualType standsFor(QualType type, const ASTContext &context) {
  const Type *t = type.getTypePtr();
  Qualifiers qualifiers = type.getLocalQualifiers();
  // `decltype(expr)` names things in the scope it is written in (a member,
  // a parameter), so its spelling is not valid elsewhere: spell what it
  // denotes. Same for the GNU `typeof`.
  if (const auto *decltype_ = dyn_cast<DecltypeType>(t);
      decltype_ && !decltype_->isDependentType())
    return context.getQualifiedType(decltype_->getUnderlyingType(), qualifiers);
  // Deduced `auto`: the deduced type keeps its sugar (`std::int64_t`),
  // which Clang's fully-qualified printing of the AutoType would lose.
  if (const auto *deduced = dyn_cast<DeducedType>(t);
      deduced && deduced->isDeduced())
    return context.getQualifiedType(deduced->getDeducedType(), qualifiers);
  if (isa<TypeOfExprType, TypeOfType>(t) && !t->isDependentType())
    return context.getQualifiedType(
        t->getLocallyUnqualifiedSingleStepDesugaredType(), qualifiers);
  // A template parameter replaced by its argument: the argument.
  if (const auto *subst = dyn_cast<SubstTemplateTypeParmType>(t))
    return context.getQualifiedType(subst->getReplacementType(), qualifiers);
  // A member typedef of a class template specialization
  // (`std::tuple_element<1UL, std::tuple<...>>::type`): what it names.
  QualType named = type.getLocalUnqualifiedType();
  if (const auto *elaborated = dyn_cast<ElaboratedType>(t)) {
    named = elaborated->getNamedType();
    qualifiers += named.getLocalQualifiers();
  }
  if (const auto *typedef_ = dyn_cast<TypedefType>(named.getTypePtr());
      typedef_ && inSpecialization(typedef_->getDecl()))
    return context.getQualifiedType(typedef_->desugar(), qualifiers);
  return QualType();
}

// A specialization's arguments with each non-type argument written as an
// expression (`inner::Color::blue`), valid only where it was written,
// replaced by the value it converted to (`qualified::inner::Color::blue`),
// found at the same position; a literal (`3`) stays as written.
std::vector<TemplateArgument>
convertedArguments(ArrayRef<TemplateArgument> args,
                   const ClassTemplateSpecializationDecl *record) {
  ArrayRef<TemplateArgument> converted = record->getTemplateArgs().asArray();
  std::vector<TemplateArgument> written(args.begin(), args.end());
  for (size_t i = 0; i < written.size() && i < converted.size(); ++i)
    if (written[i].getKind() == TemplateArgument::Expression &&
        !isa<IntegerLiteral, CharacterLiteral, CXXBoolLiteralExpr>(
            written[i].getAsExpr()->IgnoreParenImpCasts()))
      written[i] = converted[i];
  return written;
}

// `prefix` is the spelling of `type`'s local qualifiers.
std::string spellSpecialization(const TemplateSpecializationType *spec,
                                const TemplateDecl *decl, QualType type,
                                const std::string &prefix,
                                const ASTContext &context,
                                const PrintingPolicy &policy) {
  ArrayRef<TemplateArgument> args = spec->template_arguments();
  if (spec->isDependentType() ||
      llvm::none_of(args, [](const TemplateArgument &arg) {
        return arg.getKind() == TemplateArgument::Expression;
      }))
    return prefix + qualifiedName(decl, policy) +
           spellArguments(args, context, policy);
  // Arguments written as expressions are found converted at the same
  // position when no parameter is a pack; else the type it names is spelled.
  const auto *record =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(spec->getAsCXXRecordDecl());
  if (spec->isTypeAlias() || !record ||
      decl->getTemplateParameters()->hasParameterPack())
    return spell(context.getQualifiedType(spec->desugar(),
                                          type.getLocalQualifiers()),
                 context, policy);
  return prefix + qualifiedName(decl, policy) +
         spellArguments(convertedArguments(args, record), context, policy);
}

std::string spell(QualType type, const ASTContext &context,
                  const PrintingPolicy &policy) {
  if (type.isNull())
    return "";
  std::string prefix = type.isLocalConstQualified() ? "const " : "";
  if (type.isLocalVolatileQualified())
    prefix += "volatile ";
  const Type *t = type.getTypePtr();
  if (QualType meant = standsFor(type, context); !meant.isNull())
    return spell(meant, context, policy);

  if (const auto *ref = dyn_cast<LValueReferenceType>(t))
    return spell(ref->getPointeeTypeAsWritten(), context, policy) + " &";
  if (const auto *ref = dyn_cast<RValueReferenceType>(t))
    return spell(ref->getPointeeTypeAsWritten(), context, policy) + " &&";
  if (const auto *ptr = dyn_cast<PointerType>(t))
    return spell(ptr->getPointeeType(), context, policy) + " *" +
           (prefix.empty() ? "" : " " + prefix.substr(0, prefix.size() - 1));

  // A written qualifier naming a namespace is kept as written.
  if (const auto *elaborated = dyn_cast<ElaboratedType>(t)) {
    QualType named = elaborated->getNamedType();
    NestedNameSpecifier *qualifier = elaborated->getQualifier();
    if (const auto *using_ = dyn_cast<UsingType>(named.getTypePtr());
        using_ && qualifier &&
        (qualifier->getKind() == NestedNameSpecifier::Namespace ||
         qualifier->getKind() == NestedNameSpecifier::NamespaceAlias))
      return prefix + qualifiedName(using_->getFoundDecl(), policy);
    if (isa<TemplateSpecializationType>(named.getTypePtr()))
      return prefix + spell(named, context, policy);
  }
  if (const auto *spec = dyn_cast<TemplateSpecializationType>(t))
    if (const TemplateDecl *decl = spec->getTemplateName().getAsTemplateDecl())
      return spellSpecialization(spec, decl, type, prefix, context, policy);
  // A specialization with no sugar left (reached through a template's member
  // typedef, say): its arguments are spelled here, since Clang's printing
  // leaves canonical arguments unqualified (`basic_string<char>`).
  if (const auto *record = dyn_cast<RecordType>(t))
    if (const auto *spec =
            dyn_cast<ClassTemplateSpecializationDecl>(record->getDecl()))
      return prefix + qualifiedName(spec->getSpecializedTemplate(), policy) +
             spellArguments(spec->getTemplateArgs().asArray(), context, policy);
  return TypeName::getFullyQualifiedName(type, context, policy,
                                         /*WithGlobalNsPrefix=*/false);
}

} // namespace

std::string spellType(QualType type, const ASTContext &context) {
  return spell(type, context, policyFor(context));
}

std::string spellName(const NamedDecl *decl, const ASTContext &context) {
  return qualifiedName(decl, policyFor(context));
}

} // namespace flowc
