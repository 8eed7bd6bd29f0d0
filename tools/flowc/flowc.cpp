// flowc.cpp - the flowc command: options, printing and exit codes around
// the pipeline (lib/Pipeline).
//
//   flowc [options] <source>... [-- <compiler arguments>]
//   flowc [options] --from-ir=<file>
//
// Exit codes (docs/command-line.md): 0 success; 1 errors in the input; 2 wrong usage.
#include "Depfile.h"
#include "EmitCode.h"

#include "IR/Dot.h"
#include "IR/OpenAPI.h"
#include "IR/YAML.h"
#include "Pipeline/Invocation.h"
#include "Pipeline/Pipeline.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <set>

using namespace llvm;

namespace {

cl::OptionCategory category("flowc options");

cl::list<std::string> sources(cl::Positional, cl::desc("<source>..."),
                              cl::cat(category));
cl::opt<std::string> buildPath("p", cl::desc("Build directory with compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(category));
cl::opt<std::string> outputDir("output-dir",
                               cl::desc("Where generated files go (default: the current directory)"),
                               cl::value_desc("dir"), cl::init("."), cl::cat(category));
cl::alias outputDirShort("o", cl::desc("Alias for --output-dir"),
                         cl::aliasopt(outputDir), cl::NotHidden);

enum class Emit { Code, IR, Dot, OpenAPI };
cl::opt<Emit> emit("emit", cl::desc("What to produce"), cl::init(Emit::Code),
                   cl::values(clEnumValN(Emit::Code, "code", "X.flowc.h and X.flowc.cpp for each input (default)"),
                              clEnumValN(Emit::IR, "ir", "the IR as YAML on standard output"),
                              clEnumValN(Emit::Dot, "dot", "the dataflow graph as Graphviz DOT on standard output"),
                              clEnumValN(Emit::OpenAPI, "openapi", "the OpenAPI 3.1 document of the HTTP/JSON gateway on standard output")),
                   cl::cat(category));
cl::opt<std::string> fromIR("from-ir",
                            cl::desc("Read the IR from a YAML file written by "
                                     "--emit=ir instead of parsing C++"),
                            cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> templatesDir("templates",
                                  cl::desc("A folder of templates that replace the built-in ones of the same file name"),
                                  cl::value_desc("dir"), cl::cat(category));
cl::opt<bool> check("check",
                    cl::desc("Write nothing; exit 1 naming each generated file that is missing or stale"),
                    cl::cat(category));
cl::opt<std::string> depfile("depfile",
                             cl::desc("Write a Makefile-style depfile: the outputs and every file the inputs read"),
                             cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> dumpTemplatesDir("dump-templates",
                                      cl::desc("Write the built-in templates into <dir> (to start overrides from) and exit"),
                                      cl::value_desc("dir"), cl::cat(category));
cl::opt<unsigned> jobs("j",
                       cl::desc("Analyze up to <n> inputs at once (default: one per core)"),
                       cl::value_desc("n"), cl::init(0), cl::Prefix, cl::cat(category));
cl::list<std::string> extraArgs("extra-arg", cl::desc("Additional argument to append to the compiler command line"),
                                cl::cat(category));
cl::list<std::string> extraArgsBefore("extra-arg-before",
                                      cl::desc("Additional argument to prepend to the compiler command line"),
                                      cl::cat(category));

const char overview[] =
    "flowc: compiles C++ entities into event-driven dataflows and map/reduce\n"
    "functions into MapReduce jobs.\n";

int usageError(const Twine &message) {
  errs() << "flowc: error: " << message << "\n";
  return 2;
}

// The inputs, each once, in the order given; or the exit status for a wrong
// invocation.
std::optional<int> collectInputs(std::vector<std::string> &inputs) {
  if (sources.empty())
    return usageError("no input files (see --help)");
  if (emit != Emit::Code && (check || !depfile.empty()))
    return usageError(Twine(check ? "--check" : "--depfile") +
                      " applies to --emit=code only");
  std::set<std::string> seen;
  for (const std::string &source : sources) {
    if (!sys::fs::exists(source))
      return usageError("no such file: '" + source + "'");
    if (sys::fs::is_directory(source))
      return usageError("'" + source + "' is a directory, not a source file");
    if (seen.insert(clang::tooling::getAbsolutePath(source)).second)
      inputs.push_back(source);
  }
  return std::nullopt;
}

// --emit=code: the files, and the depfile if asked for. The outputs depend
// on `dependencies` (the inputs and all they include, or the IR file) and on
// the templates they were rendered from. Returns the exit status.
int writeCode(const flowc::ir::Module &module,
              const std::vector<std::string> &inputs,
              std::set<std::string> dependencies,
              const flowc::emit::TemplateSet &templates) {
  std::vector<std::string> outputs;
  int status =
      flowc::emitCode(module, inputs, outputDir, templates, check, outputs);
  if (status != 0 || check || depfile.empty())
    return status;
  for (const std::string &file : flowc::templateFiles(templates))
    dependencies.insert(file);
  if (Error error = flowc::writeDepfile(depfile, outputs, dependencies)) {
    errs() << "flowc: error: " << toString(std::move(error)) << "\n";
    return 1;
  }
  return 0;
}

// --emit=ir, dot or openapi: the document on standard output.
void printModule(const flowc::ir::Module &module) {
  outs() << (emit == Emit::IR        ? flowc::ir::toYAML(module)
             : emit == Emit::OpenAPI ? flowc::ir::toOpenAPI(module)
                                     : flowc::ir::toDot(module));
}

// --from-ir: what the sources the IR was written from would give, from the
// IR alone. Returns the exit status.
int generateFromIR(const char *argv0, bool compilerArguments) {
  if (!sources.empty())
    return usageError("--from-ir takes no input files");
  if (compilerArguments || !buildPath.empty() || !extraArgs.empty() ||
      !extraArgsBefore.empty())
    return usageError("--from-ir parses no C++: compiler arguments, -p, "
                      "--extra-arg and --extra-arg-before do not apply");
  if (emit != Emit::Code && (check || !depfile.empty()))
    return usageError(Twine(check ? "--check" : "--depfile") +
                      " applies to --emit=code only");
  ErrorOr<std::unique_ptr<MemoryBuffer>> text = MemoryBuffer::getFile(fromIR);
  if (!text)
    return usageError("--from-ir: cannot read '" + fromIR +
                      "': " + text.getError().message());
  std::optional<flowc::emit::TemplateSet> templates;
  if (emit == Emit::Code)
    if (auto status = flowc::loadTemplates(argv0, templatesDir, templates))
      return *status;
  flowc::ir::Module module;
  std::string error;
  if (!flowc::ir::fromYAML((*text)->getBuffer(), fromIR, module, error)) {
    errs() << error << "\n";
    return 1;
  }
  if (emit != Emit::Code) {
    printModule(module);
    return 0;
  }
  std::vector<std::string> inputs;
  for (const flowc::ir::Input &input : flowc::pipeline::moduleInputs(module))
    inputs.push_back(input.file);
  if (auto status = flowc::checkOutputNames(inputs))
    return *status;
  return writeCode(module, inputs, {clang::tooling::getAbsolutePath(fromIR)},
                   *templates);
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter([](raw_ostream &os) {
    os << "flowc version " FLOWC_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
  });

  // Everything after `--` is compiler arguments (a fixed database).
  std::string error;
  std::unique_ptr<clang::tooling::CompilationDatabase> database =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv, error);
  if (!error.empty()) {
    // Clang rejected the compile command: an error in the input, not usage.
    errs() << "flowc: " << error << "\n";
    return 1;
  }
  std::string parseErrors;
  raw_string_ostream parseStream(parseErrors);
  if (!cl::ParseCommandLineOptions(argc, argv, overview, &parseStream)) {
    errs() << parseStream.str();
    return 2;
  }
  if (!dumpTemplatesDir.empty()) {
    if (!sources.empty())
      return usageError("--dump-templates takes no input files");
    return flowc::dumpTemplates(argv[0], dumpTemplatesDir);
  }
  if (!fromIR.empty())
    return generateFromIR(argv[0], database != nullptr);
  flowc::pipeline::Options options;
  if (auto status = collectInputs(options.inputs))
    return *status;
  if (!database) {
    database = flowc::makeCompilationDatabase(buildPath, options.inputs, error);
    if (!database)
      return usageError(error);
  }
  // Templates and output names are checked before the (slower) analysis.
  std::optional<flowc::emit::TemplateSet> templates;
  if (emit == Emit::Code) {
    if (auto status = flowc::checkOutputNames(options.inputs))
      return *status;
    if (auto status = flowc::loadTemplates(argv[0], templatesDir, templates))
      return *status;
  }

  options.jobs = jobs;
  options.extraArgsBefore = extraArgsBefore;
  options.extraArgs = extraArgs;
  options.argv0 = argv[0];
  flowc::pipeline::Result result = flowc::pipeline::analyze(*database, options);
  if (result.status == 2)
    return 2; // a source had no compile command in the database
  if (!result.ok())
    return 1;
  flowc::ir::Module merged = flowc::pipeline::mergeModules(std::move(result.modules));
  if (emit == Emit::Code) {
    std::set<std::string> dependencies = result.dependencies;
    for (const std::string &source : options.inputs)
      dependencies.insert(clang::tooling::getAbsolutePath(source));
    return writeCode(merged, options.inputs, std::move(dependencies),
                     *templates);
  }
  printModule(merged);
  return 0;
}
