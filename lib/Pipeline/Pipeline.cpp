// Pipeline.cpp - the steps from inputs to modules, and modules to files.
#include "Pipeline/Pipeline.h"

#include "Pipeline/Invocation.h"
#include "Pipeline/RunAnalysis.h"
#include "Split/Lowering.h"
#include "Split/SplitChecks.h"
#include "Split/Suspensions.h"

#include "Emit/CodeGenerator.h"

#include "clang/Tooling/ArgumentsAdjusters.h"

#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace flowc::pipeline {

Result analyze(const clang::tooling::CompilationDatabase &database,
               const Options &options) {
  auto setup = [&](clang::tooling::ClangTool &tool) {
    if (!options.extraArgsBefore.empty())
      tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
          options.extraArgsBefore,
          clang::tooling::ArgumentInsertPosition::BEGIN));
    if (!options.extraArgs.empty())
      tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
          options.extraArgs, clang::tooling::ArgumentInsertPosition::END));
    addFlowcArguments(tool, options.argv0.c_str());
  };
  AnalysisResults results;
  for (const std::string &input : options.inputs)
    results.displayNames[clang::tooling::getAbsolutePath(input)] = input;
  Result result;
  result.status = runAnalysis(database, options.inputs, options.jobs, setup,
                              *options.log, results);
  result.errors = results.errors;
  result.modules = std::move(results.modules);
  result.dependencies = std::move(results.dependencies);
  return result;
}

void splitMethods(TranslationUnitAnalysis &analysis, clang::ASTContext &context,
                  Reporter &reporter) {
  for (const SplitCandidate &candidate : analysis.candidates) {
    ir::Method &method =
        analysis.module.entities[candidate.entity].methods[candidate.method];
    std::optional<LiveSets> live =
        computeSuspensions(candidate, context, reporter, method);
    if (!live)
      continue;
    if (checkSplittable(candidate, *live, context, reporter))
      lowerMethod(candidate, *live, context, reporter, method);
  }
}

namespace {

template <class T>
bool hasQualifiedName(const std::vector<T> &items, const std::string &name) {
  return std::any_of(items.begin(), items.end(), [&](const T &item) {
    return item.qualified_name == name;
  });
}

template <class T>
const T *findQualified(const std::vector<T> &items, const std::string &name) {
  for (const T &item : items)
    if (item.qualified_name == name)
      return &item;
  return nullptr;
}

template <class T>
std::vector<std::string> qualifiedNames(const std::vector<T> &items) {
  std::vector<std::string> names;
  for (const T &item : items)
    names.push_back(item.qualified_name);
  return names;
}

std::vector<std::string> aliasNames(const std::vector<ir::Alias> &aliases) {
  std::vector<std::string> names;
  for (const ir::Alias &alias : aliases)
    names.push_back(alias.name);
  return names;
}

const ir::Alias *findAlias(const std::vector<ir::Alias> &aliases,
                           const std::string &name) {
  for (const ir::Alias &alias : aliases)
    if (alias.name == name)
      return &alias;
  return nullptr;
}

} // namespace

ir::Module mergeModules(std::vector<ir::Module> modules) {
  ir::Module merged;
  // What each input's generated files need: the structs and enums of its
  // entities, the entities of other files they reach.
  for (const ir::Module &module : modules) {
    auto input = std::find_if(
        merged.inputs.begin(), merged.inputs.end(),
        [&](const ir::Input &seen) { return seen.file == module.input; });
    if (input == merged.inputs.end()) {
      input = merged.inputs.emplace(merged.inputs.end());
      input->file = module.input;
    }
    if (!module.entities.empty()) {
      input->structs = qualifiedNames(module.structs);
      input->enums = qualifiedNames(module.enums);
      input->aliases = aliasNames(module.aliases);
    }
    for (const ir::Use &use : module.uses)
      if (!llvm::is_contained(input->uses, use))
        input->uses.push_back(use);
  }
  for (ir::Module &module : modules) {
    for (auto &entity : module.entities)
      merged.entities.push_back(std::move(entity));
    for (auto &job : module.jobs)
      merged.jobs.push_back(std::move(job));
    for (auto &record : module.structs)
      if (!hasQualifiedName(merged.structs, record.qualified_name))
        merged.structs.push_back(std::move(record));
    for (auto &decl : module.enums)
      if (!hasQualifiedName(merged.enums, decl.qualified_name))
        merged.enums.push_back(std::move(decl));
    for (auto &alias : module.aliases)
      if (!findAlias(merged.aliases, alias.name))
        merged.aliases.push_back(std::move(alias));
  }
  // Entities used across the inputs are the merged module's own.
  for (ir::Module &module : modules)
    for (ir::Use &use : module.uses)
      if (!hasQualifiedName(merged.entities, use.entity) &&
          !llvm::is_contained(merged.uses, use))
        merged.uses.push_back(std::move(use));
  return merged;
}

std::vector<ir::Input> moduleInputs(const ir::Module &module) {
  if (!module.inputs.empty())
    return module.inputs;
  std::vector<ir::Input> inputs;
  auto add = [&](const std::string &file) {
    if (std::none_of(inputs.begin(), inputs.end(),
                     [&](const ir::Input &seen) { return seen.file == file; }))
      inputs.push_back({file, qualifiedNames(module.structs),
                        qualifiedNames(module.enums), module.uses,
                        aliasNames(module.aliases)});
  };
  for (const ir::Entity &entity : module.entities)
    add(entity.file);
  for (const ir::Job &job : module.jobs)
    add(job.file);
  return inputs;
}

llvm::Expected<std::vector<emit::OutputFile>>
generateFiles(const ir::Module &module, const std::vector<std::string> &inputs,
              const emit::TemplateSet &templates,
              const std::string &outputDir) {
  std::vector<ir::Input> declared = moduleInputs(module);
  std::vector<emit::Input> files;
  for (const std::string &name : inputs) {
    emit::Input &file = files.emplace_back();
    file.name = name;
    for (const ir::Entity &entity : module.entities)
      if (entity.file == name)
        file.entities.push_back(entity);
    for (const ir::Job &job : module.jobs)
      if (job.file == name)
        file.jobs.push_back(job);
    auto input =
        std::find_if(declared.begin(), declared.end(),
                     [&](const ir::Input &seen) { return seen.file == name; });
    if (input == declared.end())
      continue;
    // In the input's order; Verify.h checks that the module lists each.
    for (const std::string &qualified : input->structs)
      file.structs.push_back(*findQualified(module.structs, qualified));
    for (const std::string &qualified : input->enums)
      file.enums.push_back(*findQualified(module.enums, qualified));
    for (const std::string &name : input->aliases)
      file.aliases.push_back(*findAlias(module.aliases, name));
    file.uses = input->uses;
  }
  return emit::generateCode(files, templates, outputDir);
}

} // namespace flowc::pipeline
