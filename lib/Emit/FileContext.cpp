// FileContext.cpp - per-input names and paths for the file templates.
#include "Emit/FileContext.h"

#include "Emit/EntityContext.h"
#include "Emit/GatewayContext.h"
#include "Emit/JobContext.h"
#include "Emit/Keys.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace flowc::emit {

OutputNames outputNames(const std::string &input) {
  std::string stem = llvm::sys::path::stem(input).str();
  return {stem, stem + ".flowc.h", stem + ".flowc.cpp"};
}

std::string cIdentifier(const std::string &text) {
  std::string id;
  for (char c : text)
    id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (!id.empty() && std::isdigit(static_cast<unsigned char>(id.front())))
    id.insert(id.begin(), '_');
  return id;
}

const std::vector<std::string> &headerExtensions() {
  static const std::vector<std::string> extensions{".h", ".hh", ".hpp",
                                                   ".hxx"};
  return extensions;
}

bool isHeader(const std::string &input) {
  std::string ext = llvm::sys::path::extension(input).lower();
  const std::vector<std::string> &headers = headerExtensions();
  return std::find(headers.begin(), headers.end(), ext) != headers.end();
}

namespace {

// How the generated files reach the input: its path relative to the output
// folder (as moc writes it), so the generated code needs no include flags and
// stays the same when the whole tree moves.
std::string includePath(const std::string &input, const std::string &outputDir) {
  namespace fs = std::filesystem;
  if (input.empty() || outputDir.empty())
    return input; // describing the names only (fileSchema)
  fs::path from = fs::absolute(outputDir).lexically_normal();
  fs::path to = fs::absolute(input).lexically_normal();
  fs::path relative = to.lexically_relative(from);
  return (relative.empty() ? to : relative).generic_string();
}

} // namespace

// The other files whose entities the input's entities reach, each once by
// generated header: the generated code names their methods' traits.
static std::vector<ir::Use> usedHeaders(const Input &input) {
  std::vector<ir::Use> uses;
  if (input.entities.empty())
    return uses;
  for (const ir::Use &use : input.uses)
    if (std::none_of(uses.begin(), uses.end(), [&](const ir::Use &seen) {
          return outputNames(seen.header).header ==
                 outputNames(use.header).header;
        }))
      uses.push_back(use);
  return uses;
}

static void describeFile(Keys &keys, const Input &input,
                         const std::string &outputDir,
                         const std::string &output) {
  OutputNames names = outputNames(input.name);
  keys.value("output", output);
  keys.value("input", input.name);
  keys.value("input_include", includePath(input.name, outputDir));
  keys.value("input_is_header", isHeader(input.name));
  keys.value("header", names.header);
  keys.value("source", names.source);
  keys.value("jobs_function", cIdentifier(names.stem) + "_jobs");
  keys.value("has_entities", !input.entities.empty());
  keys.list("uses", usedHeaders(input), [](Keys &keys, const ir::Use &use) {
    keys.value("entity", use.entity);
    keys.value("header", outputNames(use.header).header);
  });
  keys.list("entities", input.entities, describeEntity);
  keys.list("structs", input.structs, describeStruct);
  keys.object("gateway", input, describeGateway);
  keys.value("has_jobs", !input.jobs.empty());
  keys.list("jobs", input.jobs, describeJob);
}

mstch::map fileContext(const Input &input, const std::string &outputDir,
                       const std::string &output) {
  return Keys::contextOf(input, [&](Keys &keys, const Input &input) {
    describeFile(keys, input, outputDir, output);
  });
}

const Schema &fileSchema() {
  static const Schema schema =
      Keys::schemaOf<Input>([](Keys &keys, const Input &input) {
        describeFile(keys, input, "", "");
      });
  return schema;
}

} // namespace flowc::emit
