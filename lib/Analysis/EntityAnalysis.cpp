// EntityAnalysis.cpp - the entity rules of docs/entities.md.
#include "Analysis/EntityAnalysis.h"

#include "Analysis/Annotations.h"
#include "Analysis/DefaultArgs.h"
#include "Analysis/MemberAccess.h"
#include "Analysis/MemberChecks.h"
#include "Analysis/SourceLines.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace flowc {

bool isEntityMethod(const CXXMethodDecl *method) {
  if (method->isImplicit() || method->isStatic() || method->isDeleted() ||
      method->getAccess() != AS_public)
    return false;
  if (isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(method) ||
      method->isOverloadedOperator())
    return false;
  const IdentifierInfo *id = method->getIdentifier();
  return id && !id->getName().starts_with("flowc_");
}

std::optional<ir::Entity>
EntityAnalysis::analyze(const CXXRecordDecl *record) {
  if (record->getDescribedClassTemplate() ||
      isa<ClassTemplateSpecializationDecl>(record)) {
    reporter_.error(record->getLocation(),
                    "entity '%0' is a class template; entities must be "
                    "ordinary classes")
        << record->getName();
    return std::nullopt;
  }
  // Each file that includes the header gets its own such class, so the
  // generated file's definitions would be for another class than the user's
  // (the link fails naming '(anonymous namespace)').
  if (record->isInAnonymousNamespace() || !record->hasExternalFormalLinkage()) {
    reporter_.error(record->getLocation(),
                    "entity '%0' %select{is in an anonymous namespace|has "
                    "no linkage (a local class)}1; the generated code "
                    "defines its methods' machines in another file, which "
                    "cannot name it, so put it in a named namespace")
        << record->getName() << (record->isInAnonymousNamespace() ? 0 : 1);
    return std::nullopt;
  }
  ir::Entity entity;
  entity.name = record->getNameAsString();
  entity.qualified_name = spellName(record, context_);
  entity.file = file_;
  entity.line = lineOf(context_.getSourceManager(), record->getLocation());

  checkMarker(record);
  bool basesOk = checkBases(record);
  warnStaticMembers(record, reporter_);
  bool keyed = findKey(record, entity, basesOk);
  collectState(record, entity);
  collectConstructors(record, entity);
  collectMethods(record, entity);
  if (!keyed)
    return std::nullopt;
  return entity;
}

// FLOWC_ENTITY(Name) must name the class it is written in.
void EntityAnalysis::checkMarker(const CXXRecordDecl *record) {
  const TypedefNameDecl *marker = entityMarker(record);
  const CXXRecordDecl *named =
      marker->getUnderlyingType()->getAsCXXRecordDecl();
  if (named && named->getCanonicalDecl() == record->getCanonicalDecl())
    return;
  SourceLocation loc = marker->getTypeSourceInfo()->getTypeLoc().getBeginLoc();
  reporter_.error(context_.getSourceManager().getSpellingLoc(loc),
                  "FLOWC_ENTITY names '%0', but it is written in class '%1'")
      << spellType(marker->getUnderlyingType(), context_) << record->getName();
}

// State is every non-static data member, and flowc only sees (and generated
// code, through flowc::Access, only reaches) the members the entity itself
// declares; methods likewise. So a base may add neither: a base that is an
// entity, or that has data members or public methods anywhere in its
// hierarchy, is an error rather than state or methods silently left out.
// Bases that add nothing (tags, non-copyable helpers, protected helper
// functions) are fine.
bool EntityAnalysis::checkBases(const CXXRecordDecl *record) {
  bool ok = true;
  for (const CXXBaseSpecifier &base : record->bases()) {
    const CXXRecordDecl *direct = base.getType()->getAsCXXRecordDecl();
    if (!direct || !direct->hasDefinition())
      continue; // a dependent or incomplete base: Clang has said so
    std::string baseName = spellType(base.getType(), context_);
    auto fail = [&](StringRef why) {
      ok = false;
      reporter_.error(base.getBeginLoc(),
                      "entity '%0' derives from '%1', %2; an entity's state "
                      "and methods must be declared in the entity itself")
          << record->getName() << baseName << why;
    };
    // The base and its own bases, each once.
    llvm::SmallVector<const CXXRecordDecl *, 4> pending{direct->getDefinition()};
    llvm::SmallPtrSet<const CXXRecordDecl *, 4> seen;
    bool reported = false;
    while (!pending.empty() && !reported) {
      const CXXRecordDecl *current = pending.pop_back_val();
      if (!seen.insert(current).second)
        continue;
      std::string where = current == direct->getDefinition()
                              ? std::string()
                              : " (through its base '" +
                                    spellName(current, context_) + "')";
      if (isEntity(current)) {
        fail("which is an entity" + where);
        reported = true;
      } else if (!current->field_empty()) {
        fail("which has data member '" +
             current->field_begin()->getNameAsString() + "'" + where);
        reported = true;
      } else if (base.getAccessSpecifier() == AS_public) {
        for (const CXXMethodDecl *method : current->methods())
          if (isEntityMethod(method)) {
            fail("which has public method '" + method->getNameAsString() +
                 "'" + where);
            reported = true;
            break;
          }
      }
      for (const CXXBaseSpecifier &next : current->bases())
        if (const CXXRecordDecl *up = next.getType()->getAsCXXRecordDecl();
            up && up->hasDefinition())
          pending.push_back(up->getDefinition());
    }
  }
  return ok;
}

bool EntityAnalysis::findKey(const CXXRecordDecl *record, ir::Entity &entity,
                             bool ownKeyExpected) {
  const FieldDecl *key = nullptr;
  bool ok = true;
  for (const Decl *decl : record->decls()) {
    if (const auto *var = dyn_cast<VarDecl>(decl); var && isKey(var)) {
      reporter_.error(var->getLocation(),
                      "FLOWC_KEY marks static member '%0'; the key must be a "
                      "non-static data member")
          << var->getName();
      ok = false;
    }
  }
  for (const FieldDecl *field : record->fields()) {
    if (!isKey(field))
      continue;
    if (key) {
      reporter_.error(field->getLocation(),
                      "entity '%0' has more than one FLOWC_KEY")
          << record->getName();
      reporter_.note(key->getLocation(), "the first key is '%0'")
          << key->getName();
      ok = false;
      continue;
    }
    key = field;
    QualType type = field->getType().getCanonicalType();
    bool isString = specializationOf(type, "std", "basic_string") &&
                    serializable_.whyNot(type).empty();
    if (!isString &&
        !(isStandardArithmetic(type) && !type->isRealFloatingType())) {
      reporter_.error(field->getLocation(),
                      "key '%0' of entity '%1' has type '%2'; a key must be "
                      "std::string or an integral type")
          << field->getName() << record->getName()
          << spellType(field->getType(), context_);
      ok = false;
    }
  }
  if (!key) {
    // Derived from an entity (reported), its key is the base's: saying it has
    // none would be a second error for the same mistake.
    if (!ownKeyExpected)
      return false;
    reporter_.error(record->getLocation(),
                    "entity '%0' has no key; mark one data member with "
                    "FLOWC_KEY")
        << record->getName();
    return false;
  }
  // A const key is usual (it never changes); its value type has no const.
  entity.key = {key->getNameAsString(),
                spellType(key->getType().getUnqualifiedType(), context_)};
  checkKeyUnchanged(record, key, context_, reporter_);
  return ok;
}

void EntityAnalysis::collectState(const CXXRecordDecl *record,
                                  ir::Entity &entity) {
  for (const FieldDecl *field : record->fields()) {
    // An anonymous struct or union member has no name to carry it by, and a
    // member of unnamed struct type has a type generated code cannot spell.
    if (field->isAnonymousStructOrUnion()) {
      reporter_.error(field->getLocation(),
                      "entity '%0' has an anonymous %select{struct|union}1 "
                      "member; give the member a name and its type a name")
          << record->getName() << field->getType()->isUnionType();
      continue;
    }
    if (const TagDecl *tag = field->getType()->getAsTagDecl();
        tag && !tag->getIdentifier() && !tag->getTypedefNameForAnonDecl()) {
      reporter_.error(field->getLocation(),
                      "state member '%0' of entity '%1' has an unnamed type; "
                      "name the type so generated code can spell it")
          << field->getName() << record->getName();
      continue;
    }
    std::string type = spellType(field->getType(), context_);
    // The key's type has its own, stricter rule (findKey).
    if (isKey(field)) {
      entity.state.push_back({field->getNameAsString(), type,
                              field->hasInClassInitializer()});
      continue;
    }
    if (std::string why = serializable_.whyNot(field->getType()); !why.empty())
      reporter_.error(field->getLocation(),
                      "state member '%0' of entity '%1' has type '%2', which "
                      "cannot be serialized: %3")
          << field->getName() << record->getName() << type << why;
    entity.state.push_back({field->getNameAsString(), type,
                            field->hasInClassInitializer()});
  }
}

// Parameters travel by value: `T` and `const T&` are fine, `T&` is not (the
// callee's writes could not reach the caller).
//
// Names come from the definition when there is one: that is the body the split
// code runs and the names `suspensions` list, whatever an earlier declaration
// called the parameters (or whether it named them at all).
std::vector<ir::Field> EntityAnalysis::params(const FunctionDecl *function,
                                              const std::string &what) {
  std::vector<ir::Field> fields;
  const FunctionDecl *definition = function->getDefinition();
  unsigned index = 0;
  for (const ParmVarDecl *param : function->parameters()) {
    StringRef written = param->getName();
    if (definition && !definition->getParamDecl(index)->getName().empty())
      written = definition->getParamDecl(index)->getName();
    std::string name =
        written.empty() ? "arg" + std::to_string(index) : written.str();
    ++index;
    QualType type = param->getType();
    fields.push_back({name, spellType(type, context_)});
    fields.back().default_arg = defaultArg(param, context_);
    if (type->isLValueReferenceType() &&
        !type.getNonReferenceType().isConstQualified()) {
      // The fix-it makes it `const T &`; taking it by value would do too.
      SourceLocation typeBegin =
          param->getTypeSourceInfo()
              ? param->getTypeSourceInfo()->getTypeLoc().getBeginLoc()
              : SourceLocation();
      auto diag = reporter_.error(param->getLocation(),
                                  "parameter '%0' of %1 is a non-const "
                                  "reference; arguments are sent by value, so "
                                  "take it by value or by const reference")
                  << name << what;
      if (typeBegin.isValid() && !typeBegin.isMacroID())
        diag << FixItHint::CreateInsertion(typeBegin, "const ");
      continue;
    }
    QualType value = type.getNonReferenceType();
    if (std::string why = serializable_.whyNot(value); !why.empty())
      reporter_.error(param->getLocation(),
                      "parameter '%0' of %1 has type '%2', which cannot be "
                      "serialized: %3")
          << name << what << spellType(type, context_) << why;
  }
  return fields;
}

void EntityAnalysis::collectConstructors(const CXXRecordDecl *record,
                                         ir::Entity &entity) {
  for (const CXXConstructorDecl *ctor : record->ctors()) {
    if (ctor->isImplicit() || ctor->isDeleted() || ctor->isCopyOrMoveConstructor() ||
        ctor->getAccess() != AS_public)
      continue;
    std::string what = "the constructor of '" + entity.name + "'";
    entity.constructors.push_back(
        {lineOf(context_.getSourceManager(), ctor->getLocation()),
         params(ctor, what)});
  }
}

void EntityAnalysis::collectMethods(const CXXRecordDecl *record,
                                    ir::Entity &entity) {
  llvm::StringMap<const CXXMethodDecl *> seen;
  std::vector<const CXXMethodDecl *> decls; // entity.methods's, from `first`
  size_t first = entity.methods.size();
  for (const Decl *decl : record->decls()) {
    if (const auto *tmpl = dyn_cast<FunctionTemplateDecl>(decl)) {
      if (tmpl->getAccess() == AS_public &&
          !isa<CXXConstructorDecl>(tmpl->getTemplatedDecl()) &&
          !tmpl->getName().starts_with("flowc_"))
        reporter_.error(tmpl->getLocation(),
                        "'%0::%1' is a member function template; entity "
                        "methods cannot be templates")
            << record->getName() << tmpl->getName();
      continue;
    }
    const auto *method = dyn_cast<CXXMethodDecl>(decl);
    if (!method || !isEntityMethod(method))
      continue;
    std::string what = "'" + entity.name + "::" + method->getNameAsString() + "'";
    if (auto [it, fresh] = seen.try_emplace(method->getName(), method); !fresh) {
      reporter_.error(method->getLocation(),
                      "entity method %0 is overloaded; methods are called by "
                      "name, so each name must be unique")
          << what;
      reporter_.note(it->second->getLocation(), "the other overload is here");
      continue;
    }
    checkCallable(method, what);
    entity.methods.push_back(describeMethod(method, what));
    decls.push_back(method);
  }
  if (auto access = memberAccess(record, decls, context_))
    for (size_t i = 0; i < decls.size(); ++i) {
      entity.methods[first + i].reads = std::move((*access)[i].reads);
      entity.methods[first + i].writes = std::move((*access)[i].writes);
    }
}

// What generated code needs to call a method: arguments it can send, an
// object it can call it on, a body it can see. `what` names the method.
void EntityAnalysis::checkCallable(const CXXMethodDecl *method,
                                   const std::string &what) {
  if (method->isVariadic())
    reporter_.error(method->getLocation(),
                    "entity method %0 is variadic; its arguments could not "
                    "be sent")
        << what;
  // Generated code calls methods on the entity object, an lvalue.
  if (method->getRefQualifier() == RQ_RValue)
    reporter_.error(method->getLocation(),
                    "entity method %0 is '&&'-qualified; it could not be "
                    "called on the entity")
        << what;
  // A body flowc cannot see may make remote calls it cannot convert. The
  // class may be completed in a source file flowc is not given, so this is
  // worth a warning, not an error.
  if (!method->isDefined() && !method->isPureVirtual())
    reporter_.warning(method->getLocation(),
                      "entity method %0 is not defined in this file; flowc "
                      "cannot see its body, so any remote calls in it are "
                      "not converted (define it in the entity's header)")
        << what;
}

// The method's IR, with its parameters and result checked: results are sent
// by value, serialized.
ir::Method EntityAnalysis::describeMethod(const CXXMethodDecl *method,
                                          const std::string &what) {
  ir::Method out;
  out.name = method->getNameAsString();
  out.line = lineOf(context_.getSourceManager(), method->getLocation());
  out.read_only = method->isConst();
  out.params = params(method, what);
  QualType result = method->getReturnType();
  out.returns = spellType(result, context_);
  if (result->isLValueReferenceType() &&
      !result.getNonReferenceType().isConstQualified()) {
    reporter_.error(method->getLocation(),
                    "entity method %0 returns a non-const reference; "
                    "results are sent by value")
        << what;
  } else if (!result->isVoidType()) {
    if (std::string why = serializable_.whyNot(result.getNonReferenceType());
        !why.empty())
      reporter_.error(method->getLocation(),
                      "entity method %0 returns '%1', which cannot be "
                      "serialized: %2")
          << what << out.returns << why;
  }
  return out;
}

} // namespace flowc
