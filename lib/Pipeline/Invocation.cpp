// Invocation.cpp - compilation database, argument adjusters, analysis action.
#include "Pipeline/Invocation.h"

#include "Analysis/Analyzer.h"
#include "Analysis/Instantiate.h"
#include "Analysis/Reporter.h"
#include "Pipeline/Pipeline.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::tooling;

namespace flowc {

std::unique_ptr<CompilationDatabase>
makeCompilationDatabase(const std::string &buildPath,
                        const std::vector<std::string> &sources,
                        std::string &error) {
  if (!buildPath.empty())
    return CompilationDatabase::autoDetectFromDirectory(buildPath, error);
  if (!sources.empty()) {
    std::string ignored;
    if (auto db = CompilationDatabase::autoDetectFromSource(
            getAbsolutePath(sources.front()), ignored))
      return db;
  }
  return std::make_unique<FixedCompilationDatabase>(
      ".", std::vector<std::string>());
}

namespace {

// flowc's own headers: <prefix>/include beside an installed bin/flowc, or the
// source tree's include/ for a flowc run from its build tree.
std::string flowcIncludeDir(const char *argv0) {
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, &anchor);
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(dir, "..", "include");
  llvm::SmallString<256> header(dir);
  llvm::sys::path::append(header, "flowc", "flowc.h");
  if (llvm::sys::fs::exists(header)) {
    llvm::sys::path::remove_dots(dir, /*remove_dot_dot=*/true);
    return std::string(dir);
  }
  return FLOWC_SOURCE_INCLUDE_DIR;
}

bool hasStandard(const CommandLineArguments &args) {
  return llvm::any_of(args, [](const std::string &arg) {
    return llvm::StringRef(arg).starts_with("-std=") ||
           llvm::StringRef(arg).starts_with("--std");
  });
}

} // namespace

void addFlowcArguments(ClangTool &tool, const char *argv0) {
  tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
      {"-xc++"}, ArgumentInsertPosition::BEGIN));
  tool.appendArgumentsAdjuster(
      [](const CommandLineArguments &args, StringRef) {
        if (hasStandard(args))
          return args;
        CommandLineArguments out = args;
        out.insert(out.begin() + 1, "-std=c++20");
        return out;
      });
  tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
      {"-DFLOWC_RUN=1", "-Wno-pragma-once-outside-header",
       "-I" + flowcIncludeDir(argv0),
       "-resource-dir=" FLOWC_CLANG_RESOURCE_DIR},
      ArgumentInsertPosition::END));
}

namespace {

// Records every file the preprocessor enters, system headers included (a
// depfile names what -MD would, since a changed system header changes the
// parse too). ClangTool strips -MD, so flowc collects them itself.
class Dependencies : public DependencyCollector {
public:
  bool needSystemDependencies() override { return true; }
};

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(CompilerInstance &ci, AnalysisResults &results,
                   std::string displayName,
                   std::shared_ptr<Dependencies> dependencies)
      : ci_(ci), results_(results), displayName_(std::move(displayName)),
        dependencies_(std::move(dependencies)) {}

  // `main` uses the generated code (a source holding its entities and its
  // program includes its generated header at its end), which flowc reads as
  // empty while it analyses the file: main's body is not parsed. It holds no
  // entity, job or remote call flowc needs.
  bool shouldSkipFunctionBody(Decl *decl) override {
    auto *function = dyn_cast<FunctionDecl>(decl);
    return function && function->isMain();
  }

  void HandleTranslationUnit(ASTContext &context) override {
    for (const std::string &file : dependencies_->getDependencies())
      results_.dependencies.insert(file);
    // Clang has already reported syntax and type errors; the AST may be
    // incomplete, so do not analyze it.
    if (context.getDiagnostics().hasErrorOccurred()) {
      results_.errors = true;
      return;
    }
    if (ci_.hasSema())
      instantiateMessageTypes(ci_.getSema(), context);
    Reporter reporter(context.getDiagnostics());
    TranslationUnitAnalysis analysis =
        analyzeTranslationUnit(context, reporter, displayName_);
    pipeline::splitMethods(analysis, context, reporter);
    if (reporter.hasErrors()) {
      results_.errors = true;
      return;
    }
    results_.modules.push_back(std::move(analysis.module));
  }

private:
  CompilerInstance &ci_;
  AnalysisResults &results_;
  std::string displayName_;
  std::shared_ptr<Dependencies> dependencies_;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(AnalysisResults &results, llvm::raw_ostream *log)
      : results_(results), log_(log) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci,
                                                 StringRef file) override {
    // "N errors generated." goes after the diagnostics it counts.
    if (log_)
      ci.setVerboseOutputStream(*log_);
    auto found = results_.displayNames.find(file.str());
    std::string display =
        found != results_.displayNames.end() ? found->second : file.str();
    // Attached before anything is lexed: the main file is entered later.
    auto dependencies = std::make_shared<Dependencies>();
    dependencies->attachToPreprocessor(ci.getPreprocessor());
    // The consumer chooses which bodies (shouldSkipFunctionBody).
    ci.getFrontendOpts().SkipFunctionBodies = true;
    return std::make_unique<AnalysisConsumer>(ci, results_, display,
                                              std::move(dependencies));
  }

private:
  AnalysisResults &results_;
  llvm::raw_ostream *log_;
};

class AnalysisActionFactory : public FrontendActionFactory {
public:
  AnalysisActionFactory(AnalysisResults &results, llvm::raw_ostream *log)
      : results_(results), log_(log) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(results_, log_);
  }

private:
  AnalysisResults &results_;
  llvm::raw_ostream *log_;
};

} // namespace

std::unique_ptr<FrontendActionFactory>
makeAnalysisActionFactory(AnalysisResults &results, llvm::raw_ostream *log) {
  return std::make_unique<AnalysisActionFactory>(results, log);
}

} // namespace flowc
