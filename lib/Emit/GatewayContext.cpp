// GatewayContext.cpp - IR -> the gateway templates' names. Parameter types
// also pick the web page's input field (a number, a checkbox, a list of
// enumerators, or JSON text for everything else).
#include "Emit/GatewayContext.h"

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
std::string resolveAlias(std::string type, const std::vector<ir::Alias> &aliases) {
  for (std::size_t hops = 0; hops <= aliases.size(); ++hops) {
    auto alias = std::find_if(aliases.begin(), aliases.end(), [&](const ir::Alias &a) {
      return bareType(a.name) == type;
    });
    if (alias == aliases.end())
      break;
    type = bareType(alias->type);
  }
  return type;
}

// What the page's field needs: its input kind (by the type, through
// aliases), and, for a constructor's parameter with a default argument, that
// it may be left empty (then it is not sent) and the default as written.
mstch::map paramContext(const ir::Field &param, std::size_t index,
                        const std::vector<ir::Enum> &enums,
                        const std::vector<ir::Alias> &aliases, bool optional) {
  static const std::set<std::string> integers = {
      "char", "signed char", "unsigned char", "short", "unsigned short", "int",
      "unsigned", "unsigned int", "long", "unsigned long", "long long",
      "unsigned long long", "std::int8_t", "std::uint8_t", "std::int16_t",
      "std::uint16_t", "std::int32_t", "std::uint32_t", "std::int64_t",
      "std::uint64_t", "std::size_t", "int8_t", "uint8_t", "int16_t", "uint16_t",
      "int32_t", "uint32_t", "int64_t", "uint64_t", "size_t"};
  std::string type = resolveAlias(bareType(param.type), aliases);
  std::string input = "json";
  mstch::array options;
  if (integers.count(type))
    input = "integer";
  else if (type == "float" || type == "double" || type == "long double")
    input = "number";
  else if (type == "bool")
    input = "boolean";
  else if (type == "std::string")
    input = "string";
  else if (type.rfind("flowc::Ref<", 0) == 0)
    input = "key";
  else if (const ir::Enum *decl = findEnum(enums, type)) {
    input = "enum";
    for (const std::string &name : decl->enumerators)
      options.push_back(mstch::map{{"name", name}});
  }
  return mstch::map{
      {"name", param.name},
      {"type", param.type},
      {"type_html", htmlEscape(param.type)},
      {"index", std::to_string(index)},
      {"comma", index != 0},
      {"input", input},
      {"is_integer", input == "integer"},
      {"is_number", input == "number"},
      {"is_boolean", input == "boolean"},
      {"is_string", input == "string" || input == "key"},
      {"is_enum", input == "enum"},
      {"is_json", input == "json"},
      {"options", std::move(options)},
      {"has_default", optional},
      {"default_html", optional ? htmlEscape(param.default_arg->text) : std::string()},
  };
}

// What a constructor's or method's arguments need: the parameters, their
// names as a C++ initializer list and the signature for error messages.
// `required`: how many must be given (the rest may be left out).
void addParams(mstch::map &context, const std::string &callee,
               const std::vector<ir::Field> &params, const Input &input,
               std::size_t required) {
  mstch::array list;
  std::string names, signature = callee + "(";
  for (std::size_t i = 0; i < params.size(); ++i) {
    list.push_back(paramContext(params[i], i, input.enums, input.aliases, i >= required));
    names += (i ? ", \"" : "\"") + params[i].name + "\"";
    signature += (i ? ", " : "") + params[i].type + " " + params[i].name;
  }
  signature += ")";
  context.emplace("params", std::move(list));
  context.emplace("param_count", std::to_string(params.size()));
  context.emplace("names", names);
  context.emplace("signature", signature);
  context.emplace("signature_html", htmlEscape(signature));
}

mstch::map entityContext(const ir::Entity &entity, const Input &input) {
  std::string id = cIdentifier(entity.qualified_name);
  mstch::array state;
  for (std::size_t i = 0; i < entity.state.size(); ++i)
    state.push_back(mstch::map{{"name", entity.state[i].name},
                               {"type", entity.state[i].type},
                               {"comma", i != 0}});
  mstch::array constructors;
  for (std::size_t i = 0; i < entity.constructors.size(); ++i) {
    const std::vector<ir::Field> &params = entity.constructors[i].params;
    // The parameters from the first with a default argument on may be left
    // out; one call of the constructor per count of arguments given.
    std::size_t required = params.size();
    while (required > 0 && params[required - 1].default_arg)
      --required;
    mstch::map ctor{{"index", std::to_string(i)}, {"id", id}};
    addParams(ctor, entity.qualified_name, params, input, required);
    mstch::array arities;
    for (std::size_t n = required; n <= params.size(); ++n) {
      std::string args;
      for (std::size_t k = 0; k < n; ++k)
        args += (k ? ", std::move(a" : "std::move(a") + std::to_string(k) + ")";
      arities.push_back(mstch::map{{"count", std::to_string(n)}, {"args", args}});
    }
    ctor.emplace("required", std::to_string(required));
    ctor.emplace("arities", std::move(arities));
    constructors.push_back(std::move(ctor));
  }
  mstch::array methods;
  for (std::size_t i = 0; i < entity.methods.size(); ++i) {
    const ir::Method &method = entity.methods[i];
    mstch::map context{{"index", std::to_string(i)},
                       {"id", id},
                       {"name", method.name},
                       {"read_only", method.read_only},
                       {"returns", method.returns},
                       {"returns_html", htmlEscape(method.returns)},
                       {"returns_void", bareType(method.returns) == "void"},
                       {"read_only_cpp", std::string(method.read_only ? "true" : "false")},
                       {"returns_void_cpp",
                        std::string(bareType(method.returns) == "void" ? "true" : "false")}};
    addParams(context, entity.qualified_name + "::" + method.name, method.params, input,
              method.params.size());
    methods.push_back(std::move(context));
  }
  return mstch::map{
      {"qualified_name", entity.qualified_name},
      {"qualified_name_html", htmlEscape(entity.qualified_name)},
      {"id", id},
      {"route", ir::routeName(entity.qualified_name)},
      {"key_type", entity.key.type},
      {"key_type_html", htmlEscape(entity.key.type)},
      {"state", std::move(state)},
      {"constructor_count", std::to_string(entity.constructors.size())},
      {"constructors", std::move(constructors)},
      {"method_count", std::to_string(entity.methods.size())},
      {"methods", std::move(methods)},
  };
}

mstch::array partsContext(const std::vector<ir::OpenAPIPart> &parts) {
  mstch::array array;
  for (const ir::OpenAPIPart &part : parts)
    array.push_back(mstch::map{{"name", part.name}, {"json", part.json}});
  return array;
}

} // namespace

mstch::map gatewayContext(const Input &input) {
  mstch::array entities, enums;
  for (const ir::Entity &entity : input.entities)
    entities.push_back(entityContext(entity, input));
  for (const ir::Enum &decl : input.enums) {
    mstch::array enumerators;
    for (std::size_t i = 0; i < decl.enumerators.size(); ++i)
      enumerators.push_back(mstch::map{{"name", decl.enumerators[i]}, {"comma", i != 0}});
    enums.push_back(mstch::map{{"qualified_name", decl.qualified_name},
                               {"id", cIdentifier(decl.qualified_name)},
                               {"enumerators", std::move(enumerators)}});
  }
  ir::OpenAPIParts parts =
      ir::openAPIParts(input.entities, input.structs, input.enums, input.aliases);
  return mstch::map{
      {"entities", std::move(entities)},
      {"entity_count", std::to_string(input.entities.size())},
      {"enums", std::move(enums)},
      {"paths", partsContext(parts.paths)},
      {"path_count", std::to_string(parts.paths.size())},
      {"schemas", partsContext(parts.schemas)},
      {"schema_count", std::to_string(parts.schemas.size())},
  };
}

const Schema &gatewaySchema() {
  static const Schema param{{{"name", {}}, {"type", {}}, {"type_html", {}}, {"index", {}},
                             {"comma", {}}, {"input", {}}, {"is_integer", {}},
                             {"is_number", {}}, {"is_boolean", {}}, {"is_string", {}},
                             {"is_enum", {}}, {"is_json", {}},
                             {"options", Schema{{{"name", {}}}}},
                             {"has_default", {}}, {"default_html", {}}}};
  static const Schema ctor{{{"index", {}}, {"id", {}}, {"params", param},
                            {"param_count", {}}, {"names", {}}, {"signature", {}},
                            {"signature_html", {}}, {"required", {}},
                            {"arities", Schema{{{"count", {}}, {"args", {}}}}}}};
  static const Schema method{{{"index", {}}, {"id", {}}, {"name", {}}, {"read_only", {}},
                              {"returns", {}}, {"returns_html", {}}, {"returns_void", {}},
                              {"read_only_cpp", {}}, {"returns_void_cpp", {}},
                              {"params", param}, {"param_count", {}}, {"names", {}},
                              {"signature", {}}, {"signature_html", {}}}};
  static const Schema entity{{
      {"qualified_name", {}}, {"qualified_name_html", {}}, {"id", {}}, {"route", {}},
      {"key_type", {}}, {"key_type_html", {}},
      {"state", Schema{{{"name", {}}, {"type", {}}, {"comma", {}}}}},
      {"constructor_count", {}}, {"constructors", ctor},
      {"method_count", {}}, {"methods", method},
  }};
  static const Schema part{{{"name", {}}, {"json", {}}}};
  static const Schema schema{{
      {"entities", entity},
      {"entity_count", {}},
      {"enums", Schema{{{"qualified_name", {}}, {"id", {}},
                        {"enumerators", Schema{{{"name", {}}, {"comma", {}}}}}}}},
      {"paths", part},
      {"path_count", {}},
      {"schemas", part},
      {"schema_count", {}},
  }};
  return schema;
}

} // namespace flowc::emit
