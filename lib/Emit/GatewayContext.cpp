// GatewayContext.cpp - IR -> the gateway templates' names. Parameter types
// also pick the web page's input field (a number, a checkbox, a list of
// enumerators, or JSON text for everything else).
#include "Emit/GatewayContext.h"

#include "Emit/Keys.h"
#include "IR/OpenAPI.h"

#include <algorithm>
#include <set>

namespace flowc::emit {

namespace {

std::string htmlEscape(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

// `const std::string &` -> `std::string`, for the page's choice of field.
std::string bareType(std::string type) {
  for (const char *word : {"const ", "volatile "})
    while (type.rfind(word, 0) == 0)
      type = type.substr(std::string(word).size());
  while (!type.empty() && (type.back() == '&' || type.back() == ' '))
    type.pop_back();
  if (type.rfind("::", 0) == 0)
    type = type.substr(2);
  return type;
}

const ir::Enum *findEnum(const std::vector<ir::Enum> &enums, const std::string &type) {
  for (const ir::Enum &decl : enums)
    if (bareType(decl.qualified_name) == type)
      return &decl;
  return nullptr;
}

// What an alias names, through aliases of aliases; the type itself when it
// is none.
std::string resolveAlias(std::string type,
                         const std::vector<ir::Alias> &aliases) {
  for (std::size_t hops = 0; hops <= aliases.size(); ++hops) {
    auto alias =
        std::find_if(aliases.begin(), aliases.end(),
                     [&](const ir::Alias &a) { return bareType(a.name) == type; });
    if (alias == aliases.end())
      break;
    type = bareType(alias->type);
  }
  return type;
}

// The page's input field for a parameter of `type` (already bare), and an
// enum's enumerators.
std::string inputKind(const std::string &type, const ir::Enum *decl) {
  static const std::set<std::string> integers = {
      "char",           "signed char",   "unsigned char", "short",
      "unsigned short", "int",           "unsigned",      "unsigned int",
      "long",           "unsigned long", "long long",     "unsigned long long",
      "std::int8_t",    "std::uint8_t",  "std::int16_t",  "std::uint16_t",
      "std::int32_t",   "std::uint32_t", "std::int64_t",  "std::uint64_t",
      "std::size_t",    "int8_t",        "uint8_t",       "int16_t",
      "uint16_t",       "int32_t",       "uint32_t",      "int64_t",
      "uint64_t",       "size_t"};
  if (integers.count(type))
    return "integer";
  if (type == "float" || type == "double" || type == "long double")
    return "number";
  if (type == "bool")
    return "boolean";
  if (type == "std::string")
    return "string";
  if (type.rfind("flowc::Ref<", 0) == 0)
    return "key";
  return decl ? "enum" : "json";
}

// What the page's field needs: its input kind (by the type, through
// aliases), and, for a constructor's parameter with a default argument, that
// it may be left empty (then it is not sent) and the default as written.
void describeParam(Keys &keys, const ir::Field &param, std::size_t index,
                   const Input &file, bool optional) {
  std::string type = resolveAlias(bareType(param.type), file.aliases);
  const ir::Enum *decl = findEnum(file.enums, type);
  std::string input = inputKind(type, decl);
  keys.value("name", param.name);
  keys.value("type", param.type);
  keys.value("type_html", htmlEscape(param.type));
  keys.value("index", std::to_string(index));
  keys.value("comma", index != 0);
  keys.value("input", input);
  keys.value("is_integer", input == "integer");
  keys.value("is_number", input == "number");
  keys.value("is_boolean", input == "boolean");
  keys.value("is_string", input == "string" || input == "key");
  keys.value("is_enum", input == "enum");
  keys.value("is_json", input == "json");
  static const std::vector<std::string> none;
  keys.list(
      "options", input == "enum" ? decl->enumerators : none,
      [](Keys &keys, const std::string &name) { keys.value("name", name); });
  optional = optional && param.default_arg.has_value();
  keys.value("has_default", optional);
  keys.value("default_html",
             optional ? htmlEscape(param.default_arg->text) : std::string());
}

// What a constructor's or method's arguments need: the parameters, their
// names as a C++ initializer list and the signature for error messages.
// `required`: how many must be given (the rest may be left out).
void describeParams(Keys &keys, const std::string &callee,
                    const std::vector<ir::Field> &params, const Input &file,
                    std::size_t required) {
  std::string names, signature = callee + "(";
  for (std::size_t i = 0; i < params.size(); ++i) {
    names += (i ? ", \"" : "\"") + params[i].name + "\"";
    signature += (i ? ", " : "") + params[i].type + " " + params[i].name;
  }
  signature += ")";
  keys.list("params", params,
            [&](Keys &keys, const ir::Field &param, std::size_t index) {
              describeParam(keys, param, index, file, index >= required);
            });
  keys.value("param_count", std::to_string(params.size()));
  keys.value("names", names);
  keys.value("signature", signature);
  keys.value("signature_html", htmlEscape(signature));
}

// A constructor can be called with `count` arguments, moved from a0, a1...
struct Arity {
  std::size_t count = 0;
  std::string args;
};

// The parameters from the first with a default argument on may be left out:
// one call of the constructor per count of arguments given.
void describeConstructor(Keys &keys, const ir::Entity &entity,
                         const ir::Constructor &ctor, const Input &file) {
  const std::vector<ir::Field> &params = ctor.params;
  std::size_t required = params.size();
  while (required > 0 && params[required - 1].default_arg)
    --required;
  describeParams(keys, entity.qualified_name, params, file, required);
  std::vector<Arity> arities;
  for (std::size_t n = required; n <= params.size(); ++n) {
    Arity arity{n, {}};
    for (std::size_t k = 0; k < n; ++k)
      arity.args += (k ? ", std::move(a" : "std::move(a") + std::to_string(k) + ")";
    arities.push_back(std::move(arity));
  }
  keys.value("required", std::to_string(required));
  keys.list("arities", arities, [](Keys &keys, const Arity &arity) {
    keys.value("count", std::to_string(arity.count));
    keys.value("args", arity.args);
  });
}

void describeEntity(Keys &keys, const ir::Entity &entity, const Input &file) {
  std::string id = cIdentifier(entity.qualified_name);
  keys.value("qualified_name", entity.qualified_name);
  keys.value("qualified_name_html", htmlEscape(entity.qualified_name));
  keys.value("id", id);
  keys.value("route", ir::routeName(entity.qualified_name));
  keys.value("key_type", entity.key.type);
  keys.value("key_type_html", htmlEscape(entity.key.type));
  keys.list("state", entity.state,
            [](Keys &keys, const ir::Field &field, std::size_t index) {
              keys.value("name", field.name);
              keys.value("type", field.type);
              keys.value("comma", index != 0);
            });
  keys.value("constructor_count", std::to_string(entity.constructors.size()));
  keys.list("constructors", entity.constructors,
            [&](Keys &keys, const ir::Constructor &ctor, std::size_t index) {
              keys.value("index", std::to_string(index));
              keys.value("id", id);
              describeConstructor(keys, entity, ctor, file);
            });
  keys.value("method_count", std::to_string(entity.methods.size()));
  keys.list("methods", entity.methods,
            [&](Keys &keys, const ir::Method &method, std::size_t index) {
              bool isVoid = bareType(method.returns) == "void";
              keys.value("index", std::to_string(index));
              keys.value("id", id);
              keys.value("name", method.name);
              keys.value("read_only", method.read_only);
              keys.value("returns", method.returns);
              keys.value("returns_html", htmlEscape(method.returns));
              keys.value("returns_void", isVoid);
              keys.value("read_only_cpp", method.read_only ? "true" : "false");
              keys.value("returns_void_cpp", isVoid ? "true" : "false");
              describeParams(keys, entity.qualified_name + "::" + method.name,
                             method.params, file, method.params.size());
            });
}

void describePart(Keys &keys, const ir::OpenAPIPart &part) {
  keys.value("name", part.name);
  keys.value("json", part.json);
}

} // namespace

void describeGateway(Keys &keys, const Input &input) {
  keys.list("entities", input.entities,
            [&](Keys &keys, const ir::Entity &entity) {
              describeEntity(keys, entity, input);
            });
  keys.value("entity_count", std::to_string(input.entities.size()));
  keys.list("enums", input.enums, [](Keys &keys, const ir::Enum &decl) {
    keys.value("qualified_name", decl.qualified_name);
    keys.value("id", cIdentifier(decl.qualified_name));
    keys.list("enumerators", decl.enumerators,
              [](Keys &keys, const std::string &name, std::size_t index) {
                keys.value("name", name);
                keys.value("comma", index != 0);
              });
  });
  ir::OpenAPIParts parts =
      ir::openAPIParts(input.entities, input.structs, input.enums,
                       input.aliases);
  keys.list("paths", parts.paths, describePart);
  keys.value("path_count", std::to_string(parts.paths.size()));
  keys.list("schemas", parts.schemas, describePart);
  keys.value("schema_count", std::to_string(parts.schemas.size()));
}

mstch::map gatewayContext(const Input &input) {
  return Keys::contextOf(input, describeGateway);
}

const Schema &gatewaySchema() {
  static const Schema schema = Keys::schemaOf<Input>(describeGateway);
  return schema;
}

} // namespace flowc::emit
