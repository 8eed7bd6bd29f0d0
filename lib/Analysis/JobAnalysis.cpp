// JobAnalysis.cpp - the MapReduce rules of docs/mapreduce.md.
//
//   map:     void f(std::string_view line, flowc::Emitter<K, V>& out)
//   reduce:  R f(const K& key, std::span<const V> values)
//   combine: V f(const K& key, std::span<const V> values)
// K, V and R are integral, floating point, bool or std::string. A string key
// may also be taken as std::string_view, and a map line as const std::string&.
#include "Analysis/JobAnalysis.h"

#include "Analysis/Annotations.h"
#include "Analysis/Serializable.h"
#include "Analysis/SourceLines.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace flowc {
namespace {

bool isStdString(QualType type) {
  const auto *spec = specializationOf(type, "std", "basic_string");
  return spec && spec->getTemplateArgs()[0].getAsType()->isCharType();
}

bool isStringView(QualType type) {
  return specializationOf(type, "std", "basic_string_view") != nullptr;
}

bool isIdentifier(StringRef name) {
  if (name.empty() || !(isalpha(name[0]) || name[0] == '_'))
    return false;
  return llvm::all_of(name, [](char c) { return isalnum(c) || c == '_'; });
}

// The type arguments of `ns::name<...>` as written where the sugar has them.
SmallVector<QualType, 2> typeArguments(QualType type) {
  SmallVector<QualType, 2> args;
  if (const auto *written = type->getAs<TemplateSpecializationType>()) {
    for (const TemplateArgument &arg : written->template_arguments())
      if (arg.getKind() == TemplateArgument::Type)
        args.push_back(arg.getAsType());
    return args;
  }
  if (const auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          type->getAsCXXRecordDecl()))
    for (const TemplateArgument &arg : spec->getTemplateArgs().asArray())
      if (arg.getKind() == TemplateArgument::Type)
        args.push_back(arg.getAsType());
  return args;
}

bool sameType(QualType a, QualType b) {
  return a.getCanonicalType().getUnqualifiedType() ==
         b.getCanonicalType().getUnqualifiedType();
}

} // namespace

void JobAnalysis::add(const FunctionDecl *function) {
  if (const auto *method = dyn_cast<CXXMethodDecl>(function);
      method && !method->isStatic()) {
    reporter_.error(function->getLocation(),
                    "'%0' is a non-static member function; MapReduce "
                    "functions must be free or static functions")
        << spellName(function, context_);
    return;
  }
  // A template has no one signature to check or to call.
  if (function->getDescribedFunctionTemplate() || function->isTemplated()) {
    reporter_.error(function->getLocation(),
                    "'%0' is a function template; MapReduce functions must "
                    "be ordinary functions")
        << spellName(function, context_);
    // Its jobs are not also reported as missing this function.
    for (StringRef kind : {"map", "reduce", "combine"})
      for (StringRef job : jobAnnotations(function, kind))
        rejected_.insert(job);
    return;
  }
  // Marks may sit on any redeclaration (a later one does not pass its marks
  // back to an earlier one), and one function may be marked for several
  // jobs: gather them all.
  // Later redeclarations inherit earlier marks, so each (kind, job) once.
  const std::pair<StringRef, const FunctionDecl *Parts::*> kinds[] = {
      {"map", &Parts::map},
      {"reduce", &Parts::reduce},
      {"combine", &Parts::combine}};
  for (const auto &[kind, slot] : kinds) {
    llvm::SmallVector<StringRef, 2> jobs;
    for (const FunctionDecl *redecl : function->redecls())
      for (StringRef job : jobAnnotations(redecl, kind))
        if (!llvm::is_contained(jobs, job))
          jobs.push_back(job);
    for (StringRef job : jobs)
      assign(function, kind, job, slot);
  }
}

void JobAnalysis::assign(const FunctionDecl *function, StringRef kind,
                         StringRef job, const FunctionDecl *Parts::*slot) {
  if (!isIdentifier(job)) {
    reporter_.error(function->getLocation(),
                    "job name '%0' is not an identifier")
        << job;
    return;
  }
  // Job names become C++ identifiers in generated code.
  if (context_.Idents.get(job).isKeyword(context_.getLangOpts())) {
    reporter_.error(function->getLocation(),
                    "job name '%0' is a C++ keyword; it must be usable as an "
                    "identifier")
        << job;
    return;
  }
  const FunctionDecl *&current = jobs_[job].*slot;
  if (current && current->getCanonicalDecl() != function->getCanonicalDecl()) {
    reporter_.error(function->getLocation(), "job '%0' has a second %1 function")
        << job << kind;
    reporter_.note(current->getLocation(), "the first %0 function is '%1'")
        << kind << spellName(current, context_);
    return;
  }
  current = function;
}

bool JobAnalysis::checkKeyValueType(QualType type, SourceLocation loc,
                                    StringRef what, StringRef job) {
  QualType canonical = type.getCanonicalType().getUnqualifiedType();
  if (isStandardArithmetic(canonical) || isStdString(canonical))
    return true;
  reporter_.error(loc, "%0 of job '%1' has type '%2'; keys and values must be "
                       "integral, floating point, bool or std::string")
      << what << job << spellType(type, context_);
  return false;
}

// Reduce and combine: `R f(const K&, std::span<const V>)`.
bool JobAnalysis::checkReduce(const FunctionDecl *function, StringRef role,
                              StringRef job, QualType key, QualType value,
                              QualType *output) {
  std::string name = spellName(function, context_);
  if (function->getNumParams() != 2) {
    reporter_.error(function->getLocation(),
                    "%0 function '%1' of job '%2' takes %3 parameters; it "
                    "must take (const K& key, std::span<const V> values)")
        << role << name << job << function->getNumParams();
    return false;
  }
  bool ok = true;
  const ParmVarDecl *keyParam = function->getParamDecl(0);
  QualType keyType = keyParam->getType();
  bool keyFits = (!keyType->isLValueReferenceType() ||
                  keyType.getNonReferenceType().isConstQualified()) &&
                 (sameType(keyType.getNonReferenceType(), key) ||
                  (isStdString(key) && isStringView(keyType)));
  if (!keyFits) {
    reporter_.error(keyParam->getLocation(),
                    "%0 function '%1' of job '%2' takes a key of type '%3', "
                    "but the map emits keys of type '%4'")
        << role << name << job << spellType(keyType, context_)
        << spellType(key, context_);
    ok = false;
  }
  const ParmVarDecl *valuesParam = function->getParamDecl(1);
  QualType valuesType = valuesParam->getType().getNonReferenceType();
  const auto *span = specializationOf(valuesType, "std", "span");
  QualType element = span ? span->getTemplateArgs()[0].getAsType() : QualType();
  if (!span || !element.isConstQualified() || !sameType(element, value)) {
    reporter_.error(valuesParam->getLocation(),
                    "%0 function '%1' of job '%2' takes values as '%3'; it "
                    "must take 'std::span<const %4>'")
        << role << name << job << spellType(valuesParam->getType(), context_)
        << spellType(value, context_);
    ok = false;
  }
  QualType result = function->getReturnType();
  if (!checkKeyValueType(result, function->getLocation(),
                         (role + " output").str(), job))
    return false;
  *output = result;
  return ok;
}

std::vector<ir::Job> JobAnalysis::finish() {
  std::vector<ir::Job> jobs;
  for (auto &[job, parts] : jobs_) {
    const FunctionDecl *some =
        parts.map ? parts.map : parts.reduce ? parts.reduce : parts.combine;
    if (rejected_.contains(job))
      continue;
    if (!parts.map || !parts.reduce) {
      reporter_.error(some->getLocation(),
                      "job '%0' has no %select{FLOWC_MAP|FLOWC_REDUCE}1 "
                      "function; a job needs both a map and a reduce")
          << job << (parts.map ? 1 : 0);
      continue;
    }
    QualType key, value, output;
    if (!checkMap(parts.map, job, key, value) ||
        !checkReduce(parts.reduce, "reduce", job, key, value, &output) ||
        (parts.combine && !checkCombine(parts.combine, job, key, value)))
      continue;
    jobs.push_back(describe(job, parts, key, value, output));
  }
  return jobs;
}

// The map: void f(std::string_view line, flowc::Emitter<K, V>& out); `key`
// and `value` are K and V.
bool JobAnalysis::checkMap(const FunctionDecl *map, StringRef job,
                           QualType &key, QualType &value) {
  std::string mapName = spellName(map, context_);
  QualType emitter = map->getNumParams() == 2
                         ? map->getParamDecl(1)->getType()
                         : QualType();
  bool emitterOk = !emitter.isNull() && emitter->isLValueReferenceType() &&
                   !emitter.getNonReferenceType().isConstQualified() &&
                   specializationOf(emitter.getNonReferenceType(), "flowc",
                                    "Emitter");
  if (!emitterOk) {
    reporter_.error(map->getLocation(),
                    "map function '%0' of job '%1' must take "
                    "(std::string_view line, flowc::Emitter<K, V>& out)")
        << mapName << job;
    return false;
  }
  QualType line = map->getParamDecl(0)->getType();
  if (!isStringView(line) && !isStdString(line.getNonReferenceType())) {
    reporter_.error(map->getParamDecl(0)->getLocation(),
                    "map function '%0' of job '%1' takes the line as '%2'; "
                    "it must take std::string_view")
        << mapName << job << spellType(line, context_);
    return false;
  }
  if (!map->getReturnType()->isVoidType())
    reporter_.error(map->getLocation(),
                    "map function '%0' of job '%1' must return void")
        << mapName << job;
  auto args = typeArguments(emitter.getNonReferenceType());
  if (args.size() != 2)
    return false;
  key = args[0];
  value = args[1];
  SourceLocation emitterLoc = map->getParamDecl(1)->getLocation();
  return checkKeyValueType(key, emitterLoc, "the key type", job) &&
         checkKeyValueType(value, emitterLoc, "the value type", job);
}

// A combiner is a reduce that returns the map's value type.
bool JobAnalysis::checkCombine(const FunctionDecl *combine, StringRef job,
                               QualType key, QualType value) {
  QualType combined;
  if (!checkReduce(combine, "combine", job, key, value, &combined))
    return false;
  if (sameType(combined, value))
    return true;
  reporter_.error(combine->getLocation(),
                  "combine function '%0' of job '%1' returns '%2'; a "
                  "combiner must return the map's value type '%3'")
      << spellName(combine, context_) << job << spellType(combined, context_)
      << spellType(value, context_);
  return false;
}

ir::Job JobAnalysis::describe(StringRef job, const Parts &parts, QualType key,
                              QualType value, QualType output) {
  ir::Job out;
  out.name = job.str();
  out.map = spellName(parts.map, context_);
  out.reduce = spellName(parts.reduce, context_);
  if (parts.combine)
    out.combine = spellName(parts.combine, context_);
  out.key_type = spellType(key, context_);
  out.value_type = spellType(value, context_);
  out.output_type = spellType(output, context_);
  out.file = file_;
  out.line = lineOf(context_.getSourceManager(), parts.map->getLocation());
  return out;
}

} // namespace flowc
