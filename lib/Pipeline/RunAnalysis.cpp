// RunAnalysis.cpp - one ClangTool per input on a few threads, output in order.
#include "Pipeline/RunAnalysis.h"

#include "Emit/FileContext.h"

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace flowc {
namespace {

struct InputRun {
  AnalysisResults results;
  std::string diagnostics;
  int status = 0;
};

void analyzeOne(const clang::tooling::CompilationDatabase &database,
                const std::string &input, const ToolSetup &setup,
                const AnalysisResults &shared, InputRun &run) {
  // Each tool gets its own working directory (a physical file system, not
  // the process's): ClangTool moves into each compile command's directory,
  // and threads must not move each other, nor resolve a relative input
  // against another's directory.
  clang::tooling::ClangTool tool(
      database, {clang::tooling::getAbsolutePath(input)},
      std::make_shared<clang::PCHContainerOperations>(),
      llvm::vfs::createPhysicalFileSystem());
  setup(tool);
  // A source that holds its entities and the code using them includes its
  // own generated header at its end (as a Qt user includes foo.moc), which
  // does not exist before flowc runs, or is stale: flowc reads it as empty.
  // It sits beside the input, where `#include "X.flowc.h"` looks first.
  std::string ownHeader = ownGeneratedHeader(input);
  tool.mapVirtualFile(ownHeader, "");
  llvm::raw_string_ostream stream(run.diagnostics);
  auto options = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  clang::TextDiagnosticPrinter printer(stream, options.get());
  tool.setDiagnosticConsumer(&printer);
  // The diagnostics say what failed; ClangTool's "Error while processing"
  // would be printed before them.
  tool.setPrintErrorMessage(false);
  run.results.displayNames = shared.displayNames;
  run.status = tool.run(makeAnalysisActionFactory(run.results, &stream).get());
  run.results.dependencies.erase(ownHeader); // what flowc writes, not reads
}

} // namespace

std::string ownGeneratedHeader(const std::string &input) {
  llvm::SmallString<256> path(clang::tooling::getAbsolutePath(input));
  llvm::sys::path::remove_filename(path);
  llvm::sys::path::append(path, emit::outputNames(input).header);
  return std::string(path);
}

int runAnalysis(const clang::tooling::CompilationDatabase &database,
                const std::vector<std::string> &inputs, unsigned jobs,
                const ToolSetup &setup, llvm::raw_ostream &log,
                AnalysisResults &results) {
  if (jobs == 0)
    jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, inputs.size());
  std::vector<InputRun> runs(inputs.size());
  std::atomic<size_t> next{0};
  size_t printed = 0;
  std::vector<bool> done(inputs.size());
  std::mutex mutex;

  // Diagnostics are printed as soon as every earlier input's are.
  auto flush = [&] {
    while (printed < inputs.size() && done[printed]) {
      log << runs[printed].diagnostics;
      ++printed;
    }
  };
  auto work = [&] {
    for (size_t i; (i = next++) < inputs.size();) {
      if (inputs.size() > 1) {
        std::lock_guard<std::mutex> lock(mutex);
        log << "[" << i + 1 << "/" << inputs.size() << "] " << inputs[i]
            << "\n";
      }
      analyzeOne(database, inputs[i], setup, results, runs[i]);
      std::lock_guard<std::mutex> lock(mutex);
      done[i] = true;
      flush();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t)
    threads.emplace_back(work);
  work();
  for (std::thread &thread : threads)
    thread.join();

  int status = 0;
  for (InputRun &run : runs) {
    for (ir::Module &module : run.results.modules)
      results.modules.push_back(std::move(module));
    results.dependencies.insert(run.results.dependencies.begin(),
                                run.results.dependencies.end());
    results.errors |= run.results.errors;
    status = std::max(status, run.status);
  }
  return status;
}

} // namespace flowc
