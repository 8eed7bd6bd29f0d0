// FileContext.cpp - per-input names and paths for the file templates.
#include "Emit/FileContext.h"

#include "Emit/EntityContext.h"
#include "Emit/GatewayContext.h"
#include "Emit/JobContext.h"

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
  fs::path from = fs::absolute(outputDir).lexically_normal();
  fs::path to = fs::absolute(input).lexically_normal();
  fs::path relative = to.lexically_relative(from);
  return (relative.empty() ? to : relative).generic_string();
}

} // namespace

// The generated headers of the other files whose entities the input's
// entities reach, each once: the generated code names their methods' traits.
static mstch::array usesContext(const std::vector<ir::Use> &uses) {
  mstch::array headers;
  std::vector<std::string> seen;
  for (const ir::Use &use : uses) {
    std::string header = outputNames(use.header).header;
    if (std::find(seen.begin(), seen.end(), header) != seen.end())
      continue;
    seen.push_back(header);
    headers.push_back(mstch::map{{"entity", use.entity}, {"header", header}});
  }
  return headers;
}

mstch::map fileContext(const Input &input, const std::string &outputDir,
                       const std::string &output) {
  OutputNames names = outputNames(input.name);
  return mstch::map{
      {"output", output},
      {"input", input.name},
      {"input_include", includePath(input.name, outputDir)},
      {"input_is_header", isHeader(input.name)},
      {"header", names.header},
      {"source", names.source},
      {"jobs_function", cIdentifier(names.stem) + "_jobs"},
      {"has_entities", !input.entities.empty()},
      {"uses", input.entities.empty() ? mstch::array{} : usesContext(input.uses)},
      {"entities", entitiesContext(input.entities)},
      {"structs", structsContext(input.structs)},
      {"gateway", gatewayContext(input)},
      {"has_jobs", !input.jobs.empty()},
      {"jobs", jobsContext(input.jobs)},
  };
}

const Schema &fileSchema() {
  static const Schema schema{{
      {"output", {}},
      {"input", {}},
      {"input_include", {}},
      {"input_is_header", {}},
      {"header", {}},
      {"source", {}},
      {"jobs_function", {}},
      {"has_entities", {}},
      {"uses", Schema{{{"entity", {}}, {"header", {}}}}},
      {"entities", entitySchema()},
      {"structs", structSchema()},
      {"gateway", gatewaySchema()},
      {"has_jobs", {}},
      {"jobs", jobSchema()},
  }};
  return schema;
}

} // namespace flowc::emit
