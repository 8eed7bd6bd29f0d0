// OpenAPI.h - the OpenAPI 3.1 document of the entities' HTTP/JSON gateway
// (`--emit=openapi`, docs/http.md), built from the IR's type spellings.
#pragma once

#include "IR/IR.h"

#include <string>
#include <utility>
#include <vector>

namespace flowc::ir {

// One path or schema of the document: its name and its JSON text.
struct OpenAPIPart {
  std::string name;
  std::string json;
};

struct OpenAPIParts {
  std::vector<OpenAPIPart> paths;
  std::vector<OpenAPIPart> schemas;
};

// The parts for `entities`, whose messages carry `structs`, `enums` and
// `aliases`; generated code embeds them and the gateway assembles them as
// toOpenAPI does.
OpenAPIParts openAPIParts(const std::vector<Entity> &entities,
                          const std::vector<Struct> &structs,
                          const std::vector<Enum> &enums,
                          const std::vector<Alias> &aliases);

// The whole document.
std::string toOpenAPI(const Module &module);

// The route name of an entity or schema: `shop::Item` -> `shop.Item`.
std::string routeName(const std::string &qualifiedName);

} // namespace flowc::ir
