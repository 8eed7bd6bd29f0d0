// RunAnalysis.h - analyzes the inputs, several at a time (`-j`), with a
// `[i/n] file` progress line per input on standard error.
//
// Each input gets its own ClangTool, and its diagnostics are buffered and
// printed whole, in input order, so parallel runs read like sequential ones.
#pragma once

#include "Pipeline/Invocation.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <string>
#include <vector>

namespace flowc {

// Adds the user's and flowc's argument adjusters to a tool.
using ToolSetup = std::function<void(clang::tooling::ClangTool &)>;

// `X.flowc.h` beside the input `X.<ext>`, absolute: while analysing X, flowc
// reads it as an empty file, so that a source including its own generated
// header (docs/cmake.md) parses before that header exists.
std::string ownGeneratedHeader(const std::string &input);

// Runs analysis on every input with up to `jobs` threads (0: one per core).
// Returns the ClangTool status (2: an input had no compile command; 1: an
// input failed to parse) merged over the inputs; `results` gets the modules
// in input order. Progress lines and diagnostics go to `log`.
int runAnalysis(const clang::tooling::CompilationDatabase &database,
                const std::vector<std::string> &inputs, unsigned jobs,
                const ToolSetup &setup, llvm::raw_ostream &log,
                AnalysisResults &results);

} // namespace flowc
