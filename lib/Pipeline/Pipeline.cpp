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

ir::Module mergeModules(std::vector<ir::Module> modules) {
  ir::Module merged;
  for (ir::Module &module : modules) {
    for (auto &entity : module.entities)
      merged.entities.push_back(std::move(entity));
    for (auto &job : module.jobs)
      merged.jobs.push_back(std::move(job));
    for (auto &record : module.structs)
      if (std::none_of(merged.structs.begin(), merged.structs.end(),
                       [&](const ir::Struct &seen) {
                         return seen.qualified_name == record.qualified_name;
                       }))
        merged.structs.push_back(std::move(record));
    for (auto &decl : module.enums)
      if (std::none_of(merged.enums.begin(), merged.enums.end(),
                       [&](const ir::Enum &seen) {
                         return seen.qualified_name == decl.qualified_name;
                       }))
        merged.enums.push_back(std::move(decl));
    for (auto &alias : module.aliases)
      if (std::none_of(merged.aliases.begin(), merged.aliases.end(),
                       [&](const ir::Alias &seen) { return seen.name == alias.name; }))
        merged.aliases.push_back(std::move(alias));
  }
  // Entities used across the inputs are the merged module's own.
  for (ir::Module &module : modules)
    for (ir::Use &use : module.uses)
      if (std::none_of(merged.entities.begin(), merged.entities.end(),
                       [&](const ir::Entity &e) {
                         return e.qualified_name == use.entity;
                       }) &&
          !llvm::is_contained(merged.uses, use))
        merged.uses.push_back(std::move(use));
  return merged;
}

llvm::Expected<std::vector<emit::OutputFile>>
generateFiles(const std::vector<ir::Module> &modules,
              const std::vector<std::string> &inputs,
              const emit::TemplateSet &templates,
              const std::string &outputDir) {
  // A module holds what one input declares (two, if the database compiles
  // an input twice).
  std::vector<emit::Input> ordered;
  for (const std::string &input : inputs) {
    emit::Input &file = ordered.emplace_back();
    file.name = input;
    for (const ir::Module &module : modules) {
      if (module.input != input)
        continue;
      file.entities.insert(file.entities.end(), module.entities.begin(),
                           module.entities.end());
      file.jobs.insert(file.jobs.end(), module.jobs.begin(),
                       module.jobs.end());
      if (!module.entities.empty()) {
        file.structs = module.structs;
        file.enums = module.enums;
        file.aliases = module.aliases;
      }
      for (const ir::Use &use : module.uses)
        if (!llvm::is_contained(file.uses, use))
          file.uses.push_back(use);
    }
  }
  return emit::generateCode(ordered, templates, outputDir);
}

} // namespace flowc::pipeline
