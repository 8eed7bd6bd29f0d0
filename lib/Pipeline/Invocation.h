// Invocation.h - how flowc runs Clang: the compilation database, the argument
// adjusters that make headers parse as C++20 with flowc's and Clang's own
// headers found, and the action that analyzes each translation unit.
#pragma once

#include "IR/IR.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace flowc {

// The database when no `-- flags` were given: `-p DIR`, else one found above the
// first source, else no flags at all. Returns null and sets `error` on failure.
std::unique_ptr<clang::tooling::CompilationDatabase>
makeCompilationDatabase(const std::string &buildPath,
                        const std::vector<std::string> &sources,
                        std::string &error);

// Adds flowc's defaults to every compile command: C++ for headers, -std=c++20
// unless a standard is given, FLOWC_RUN, flowc's include dir and Clang's
// resource dir.
void addFlowcArguments(clang::tooling::ClangTool &tool, const char *argv0);

// Runs analysis on every source; `modules` receives one module per source that
// had no errors, keyed by the source's name as given on the command line.
struct AnalysisResults {
  std::map<std::string, std::string> displayNames; // absolute -> as given
  std::vector<ir::Module> modules;
  // Every file the sources read (headers included, system ones too), for
  // --depfile.
  std::set<std::string> dependencies;
  bool errors = false;
};
std::unique_ptr<clang::tooling::FrontendActionFactory>
makeAnalysisActionFactory(AnalysisResults &results,
                          llvm::raw_ostream *log = nullptr);

} // namespace flowc
