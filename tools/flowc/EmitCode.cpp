// EmitCode.cpp - templates found and checked, inputs matched to what analysis
// found in them, files rendered in memory and then written.
#include "EmitCode.h"

#include "Emit/CodeGenerator.h"
#include "Pipeline/Pipeline.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace flowc {
namespace {

// <prefix>/share/flowc/templates beside an installed bin/flowc, or the source
// tree's templates/ for a flowc run from its build tree.
std::string builtinTemplatesDir(const char *argv0) {
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, &anchor);
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(dir, "..", "share", "flowc", "templates");
  if (llvm::sys::fs::is_directory(dir)) {
    llvm::sys::path::remove_dots(dir, /*remove_dot_dot=*/true);
    return std::string(dir);
  }
  return FLOWC_SOURCE_TEMPLATES_DIR;
}

} // namespace

std::optional<int> loadTemplates(const char *argv0,
                                 const std::string &overrideDir,
                                 std::optional<emit::TemplateSet> &templates) {
  if (!overrideDir.empty() && !llvm::sys::fs::is_directory(overrideDir)) {
    llvm::errs() << "flowc: error: --templates: no such directory: '"
                 << overrideDir << "'\n";
    return 2;
  }
  std::vector<std::string> warnings;
  auto loaded = emit::TemplateSet::load(builtinTemplatesDir(argv0), overrideDir,
                                        warnings);
  for (const std::string &warning : warnings)
    llvm::errs() << "flowc: warning: " << warning << "\n";
  if (!loaded) {
    llvm::errs() << "flowc: error: " << llvm::toString(loaded.takeError())
                 << "\n";
    return 2;
  }
  std::vector<std::string> errors = emit::checkTemplates(*loaded);
  for (const std::string &error : errors)
    llvm::errs() << error << "\n";
  if (!errors.empty())
    return 1;
  templates = std::move(*loaded);
  return std::nullopt;
}

std::optional<int> checkOutputNames(const std::vector<std::string> &sources) {
  std::map<std::string, std::string> owners; // generated header -> input
  for (const std::string &source : sources) {
    std::string header = emit::outputNames(source).header;
    auto [it, added] = owners.emplace(header, source);
    if (!added) {
      llvm::errs() << "flowc: error: '" << it->second << "' and '" << source
                   << "' would both generate '" << header
                   << "'; run flowc on them separately with different -o\n";
      return 2;
    }
  }
  return std::nullopt;
}

int emitCode(const ir::Module &module, const std::vector<std::string> &sources,
             const std::string &outputDir, const emit::TemplateSet &templates,
             bool check, std::vector<std::string> &outputs) {
  auto files = pipeline::generateFiles(module, sources, templates, outputDir);
  if (!files) {
    llvm::errs() << "flowc: error: " << llvm::toString(files.takeError())
                 << "\n";
    return 1;
  }
  for (const emit::OutputFile &file : *files)
    outputs.push_back(file.path);
  if (check) {
    int stale = 0;
    for (const emit::OutputFile &file : *files) {
      if (emit::isUpToDate(file))
        continue;
      ++stale;
      llvm::errs() << "flowc: " << file.path
                   << (llvm::sys::fs::exists(file.path) ? " is stale"
                                                        : " is missing")
                   << "\n";
    }
    return stale == 0 ? 0 : 1;
  }
  if (llvm::Error error = emit::writeIfChanged(*files)) {
    llvm::errs() << "flowc: error: " << llvm::toString(std::move(error))
                 << "\n";
    return 1;
  }
  return 0;
}

int dumpTemplates(const char *argv0, const std::string &dir) {
  std::vector<std::string> warnings;
  auto builtin = emit::TemplateSet::load(builtinTemplatesDir(argv0), "", warnings);
  if (!builtin) {
    llvm::errs() << "flowc: error: " << llvm::toString(builtin.takeError())
                 << "\n";
    return 2;
  }
  std::vector<emit::OutputFile> files;
  for (const auto &[name, text] : builtin->partials()) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, name + ".mustache");
    files.push_back({std::string(path), text});
  }
  if (llvm::Error error = emit::writeIfChanged(files)) {
    llvm::errs() << "flowc: error: " << llvm::toString(std::move(error))
                 << "\n";
    return 1;
  }
  return 0;
}

std::vector<std::string> templateFiles(const emit::TemplateSet &templates) {
  std::vector<std::string> files;
  for (const auto &entry : templates.partials())
    files.push_back(templates.path(entry.first));
  return files;
}

} // namespace flowc
