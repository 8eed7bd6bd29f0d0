// Pipeline.h - flowc as a library: parse the inputs with Clang, analyze each
// translation unit, split its methods at remote calls, and turn the modules
// into generated files. tools/flowc adds only options, printing and exit
// codes; tests can call the same entry points.
#pragma once

#include "Analysis/Analyzer.h"
#include "Analysis/Reporter.h"
#include "Emit/OutputFiles.h"
#include "Emit/TemplateSet.h"
#include "IR/IR.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <set>
#include <string>
#include <vector>

namespace flowc::pipeline {

struct Options {
  // The inputs, each once, as given (they name the modules and the IR's
  // files).
  std::vector<std::string> inputs;
  unsigned jobs = 0; // inputs analyzed at once; 0: one per core
  // Compiler arguments added before and after each compile command's own.
  std::vector<std::string> extraArgsBefore, extraArgs;
  // The executable's path (argv[0]): flowc's headers are found beside it.
  std::string argv0;
  // Where Clang's diagnostics and, for several inputs, a `[i/n] file`
  // progress line per input go. Diagnostics are printed whole per input, in
  // input order.
  llvm::raw_ostream *log = &llvm::errs();
};

struct Result {
  // ClangTool's status merged over the inputs: 2 if an input had no compile
  // command, 1 if one failed to parse, else 0.
  int status = 0;
  bool errors = false; // an input had errors (Clang's or flowc's)
  // One module per input without errors, in input order.
  std::vector<ir::Module> modules;
  // Every file the inputs read (headers included, system ones too).
  std::set<std::string> dependencies;
  bool ok() const { return status == 0 && !errors; }
};

// Parses, analyzes and splits every input, compiled as `database` says with
// flowc's own arguments added (C++20 unless a standard is given, FLOWC_RUN,
// flowc's include folder and Clang's resource folder).
Result analyze(const clang::tooling::CompilationDatabase &database,
               const Options &options);

// One translation unit, after `analyzeTranslationUnit` found no errors:
// splits each method that makes remote calls, one after another, in three
// steps: liveness (`computeSuspensions`, which fills the IR's suspensions),
// the checks on what can be split (`checkSplittable`, which reads the live
// sets), and, if they pass, the lowering to a state machine (`lowerMethod`).
// Errors go to `reporter`.
void splitMethods(TranslationUnitAnalysis &analysis, clang::ASTContext &context,
                  Reporter &reporter);

// Every module's entities and jobs in order, and their structs once each (by
// qualified name, first seen kept), and what each input's generated files
// need (`inputs`): what --emit=ir prints and --from-ir reads.
ir::Module mergeModules(std::vector<ir::Module> modules);

// A merged module's inputs: its `inputs`, or for an IR that lists none (one
// written by another front end), one per file its entities and jobs name,
// each with all the module's structs, enums and uses.
std::vector<ir::Input> moduleInputs(const ir::Module &module);

// X.flowc.h and X.flowc.cpp for each of `inputs` (files as the module names
// them; one the module has nothing from gets files with nothing in them),
// rendered in memory into `outputDir`.
llvm::Expected<std::vector<emit::OutputFile>>
generateFiles(const ir::Module &module, const std::vector<std::string> &inputs,
              const emit::TemplateSet &templates, const std::string &outputDir);

} // namespace flowc::pipeline
