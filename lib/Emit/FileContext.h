// FileContext.h - what the templates of one input's X.flowc.h and X.flowc.cpp
// see: the input's names and paths, its entities and its jobs.
#pragma once

#include "Emit/Schema.h"
#include "IR/IR.h"

#include <mstch/mstch.hpp>

#include <string>
#include <vector>

namespace flowc::emit {

// One input file and what analysis found in it.
struct Input {
  std::string name; // as given on the command line
  std::vector<ir::Entity> entities;
  std::vector<ir::Struct> structs; // what the entities' messages carry
  std::vector<ir::Job> jobs;
  std::vector<ir::Use> uses; // entities of other files it reaches
  std::vector<ir::Enum> enums; // what they carry, for the JSON gateway
  std::vector<ir::Alias> aliases = {}; // the aliases they name, for its OpenAPI
};

// The generated files' names for an input `X.<ext>`: X.flowc.h, X.flowc.cpp.
struct OutputNames {
  std::string stem;   // X
  std::string header; // X.flowc.h
  std::string source; // X.flowc.cpp
};
OutputNames outputNames(const std::string &input);

// `X` as a C identifier, the way CMake's string(MAKE_C_IDENTIFIER) spells it,
// so the CMake package can name the generated functions too.
std::string cIdentifier(const std::string &text);

// The extensions of a header, lower case with the dot. The CMake package
// keeps the same list (_flowc_header_extensions in cmake/flowcCommon.cmake);
// unittests/Emit checks that the two agree.
const std::vector<std::string> &headerExtensions();

// Whether the input's extension, in any case, is one of headerExtensions(): a
// header, which the generated header includes; other inputs are included by
// the generated source instead.
bool isHeader(const std::string &input);

// The context for rendering `output` (a file name) for `input`, whose
// generated files go to `outputDir`.
mstch::map fileContext(const Input &input, const std::string &outputDir,
                       const std::string &output);

// The names fileContext() provides.
const Schema &fileSchema();

} // namespace flowc::emit
