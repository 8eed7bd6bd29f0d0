// OpenAPI.cpp - type spellings -> JSON schemas, entities -> gateway paths.
//
// The IR spells types as the source does (with namespaces), so a schema is
// read off the spelling: standard names and containers map as json.h maps
// them, a struct, enum or type alias of the module becomes a $ref (an
// alias's schema is titled with its name, over the schema of what it names).
// A name the module does not know has a schema that only names the C++ type.
#include "IR/OpenAPI.h"

#include "flowc/runtime/gateway_api.h"

#include <cctype>
#include <map>
#include <set>

namespace flowc::ir {

namespace {

// A type spelling as a tree: `std::map<int, std::string>` is
// {name: "std::map", args: [{int}, {std::string}]}.
struct TypeNode {
  std::string name;
  std::vector<TypeNode> args;
};

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
    ++i;
  return s.substr(i);
}

// Drops const, volatile, references and a leading `::`.
std::string plain(std::string s) {
  s = trim(s);
  for (const char *word : {"const ", "volatile "})
    while (s.rfind(word, 0) == 0)
      s = trim(s.substr(std::string(word).size()));
  for (;;) {
    std::string before = s;
    while (!s.empty() && (s.back() == '&' || std::isspace(static_cast<unsigned char>(s.back()))))
      s.pop_back();
    for (const char *word : {" const", " volatile"})
      if (s.size() > std::string(word).size() &&
          s.compare(s.size() - std::string(word).size(), std::string::npos, word) == 0)
        s.resize(s.size() - std::string(word).size());
    if (s == before)
      break;
  }
  if (s.rfind("::", 0) == 0)
    s = s.substr(2);
  return s;
}

TypeNode parseType(const std::string &text, std::size_t &pos) {
  TypeNode node;
  std::string name;
  int depth = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '<' && depth == 0) {
      ++pos;
      for (;;) {
        node.args.push_back(parseType(text, pos));
        if (pos < text.size() && text[pos] == ',') {
          ++pos;
          continue;
        }
        if (pos < text.size() && text[pos] == '>')
          ++pos;
        break;
      }
      continue;
    }
    if ((c == ',' || c == '>') && depth == 0)
      break;
    if (c == '(')
      ++depth;
    if (c == ')')
      --depth;
    name += c;
    ++pos;
  }
  node.name = plain(name);
  return node;
}

TypeNode parseType(const std::string &text) {
  std::size_t pos = 0;
  return parseType(text, pos);
}

std::string quote(const std::string &s) {
  json::Writer w;
  w.string(s);
  return w.take();
}

struct IntegerRange {
  const char *min;
  const char *max;
};

const std::map<std::string, IntegerRange> &integerTypes() {
  static const IntegerRange i8{"-128", "127"}, u8{"0", "255"},
      i16{"-32768", "32767"}, u16{"0", "65535"},
      i32{"-2147483648", "2147483647"}, u32{"0", "4294967295"},
      i64{"-9223372036854775808", "9223372036854775807"},
      u64{"0", "18446744073709551615"};
  static const std::map<std::string, IntegerRange> table = {
      {"char", i8}, {"signed char", i8}, {"unsigned char", u8}, {"char8_t", u8},
      {"short", i16}, {"short int", i16}, {"unsigned short", u16},
      {"unsigned short int", u16}, {"char16_t", u16}, {"int", i32},
      {"signed", i32}, {"signed int", i32}, {"unsigned", u32}, {"unsigned int", u32},
      {"char32_t", u32}, {"wchar_t", i32}, {"long", i64}, {"long int", i64},
      {"unsigned long", u64}, {"unsigned long int", u64}, {"long long", i64},
      {"long long int", i64}, {"unsigned long long", u64},
      {"unsigned long long int", u64}, {"int8_t", i8}, {"uint8_t", u8},
      {"int16_t", i16}, {"uint16_t", u16}, {"int32_t", i32}, {"uint32_t", u32},
      {"int64_t", i64}, {"uint64_t", u64}, {"size_t", u64}, {"ptrdiff_t", i64},
      {"intptr_t", i64}, {"uintptr_t", u64}, {"intmax_t", i64}, {"uintmax_t", u64},
      {"ssize_t", i64}};
  return table;
}

class SchemaWriter {
public:
  SchemaWriter(const std::vector<Entity> &entities, const std::vector<Struct> &structs,
               const std::vector<Enum> &enums, const std::vector<Alias> &aliases) {
    for (const Alias &alias : aliases)
      named_.insert(plain(alias.name));
    for (const Entity &entity : entities)
      keys_[plain(entity.qualified_name)] = entity.key.type;
    for (const Struct &record : structs)
      named_.insert(plain(record.qualified_name));
    for (const Enum &decl : enums)
      named_.insert(plain(decl.qualified_name));
  }

  std::string schema(const std::string &spelling) { return schema(parseType(spelling)); }

  std::string schema(const TypeNode &t) {
    std::string name = t.name;
    std::string bare = name.rfind("std::", 0) == 0 ? name.substr(5) : name;
    auto arg = [&](std::size_t i) { return i < t.args.size() ? schema(t.args[i]) : "{}"; };
    if (name == "bool")
      return R"({"type": "boolean"})";
    if (auto it = integerTypes().find(bare); it != integerTypes().end())
      return std::string(R"({"type": "integer", "minimum": )") + it->second.min +
             ", \"maximum\": " + it->second.max + "}";
    if (bare == "float" || bare == "double" || bare == "long double")
      return R"({"oneOf": [{"type": "number"}, {"enum": ["NaN", "Infinity", "-Infinity"]}]})";
    if (bare == "string" || (bare == "basic_string" && !t.args.empty() && t.args[0].name == "char"))
      return R"({"type": "string"})";
    if (bare == "vector" || bare == "deque" || bare == "list" || bare == "forward_list" ||
        bare == "multiset" || bare == "unordered_multiset")
      return R"({"type": "array", "items": )" + arg(0) + "}";
    if (bare == "set" || bare == "unordered_set")
      return R"({"type": "array", "uniqueItems": true, "items": )" + arg(0) + "}";
    if (bare == "array") {
      std::string n = t.args.size() > 1 ? t.args[1].name : "0";
      return R"({"type": "array", "items": )" + arg(0) + ", \"minItems\": " + n +
             ", \"maxItems\": " + n + "}";
    }
    if (bare == "map" || bare == "unordered_map" || bare == "multimap" ||
        bare == "unordered_multimap") {
      bool stringKey = !t.args.empty() && (t.args[0].name == "std::string" ||
                                           t.args[0].name == "string");
      if (stringKey && (bare == "map" || bare == "unordered_map"))
        return R"({"type": "object", "additionalProperties": )" + arg(1) + "}";
      return R"({"type": "array", "items": {"type": "array", "prefixItems": [)" + arg(0) +
             ", " + arg(1) + R"(], "minItems": 2, "maxItems": 2}})";
    }
    if (bare == "optional")
      return R"({"oneOf": [{"type": "null"}, )" + arg(0) + "]}";
    if (bare == "monostate")
      return R"({"type": "null"})";
    if (bare == "pair" || bare == "tuple") {
      std::string items;
      for (std::size_t i = 0; i < t.args.size(); ++i)
        items += (i ? ", " : "") + schema(t.args[i]);
      std::string n = std::to_string(t.args.size());
      return R"({"type": "array", "prefixItems": [)" + items + "], \"minItems\": " + n +
             ", \"maxItems\": " + n + "}";
    }
    if (bare == "variant") {
      std::string options;
      for (std::size_t i = 0; i < t.args.size(); ++i)
        options += std::string(i ? ", " : "") +
                   R"({"type": "object", "properties": {"index": {"const": )" +
                   std::to_string(i) + R"(}, "value": )" + schema(t.args[i]) +
                   R"(}, "required": ["index", "value"], "additionalProperties": false})";
      return R"({"oneOf": [)" + options + "]}";
    }
    if (name == "flowc::Ref" && !t.args.empty()) {
      std::string target = plain(t.args[0].name);
      auto key = keys_.find(target);
      std::string keySchema = key != keys_.end() ? schema(key->second)
                                                 : R"({"type": ["string", "integer"]})";
      return R"({"description": )" + quote("the key of a " + target) +
             R"(, "allOf": [)" + keySchema + "]}";
    }
    if (named_.count(name))
      return R"({"$ref": )" + quote("#/components/schemas/" + routeName(name)) + "}";
    return R"({"description": )" + quote("C++ type " + name) + "}";
  }

private:
  std::map<std::string, std::string> keys_;
  std::set<std::string> named_;
};

std::string objectSchema(SchemaWriter &types, const std::vector<Field> &fields,
                         const std::string &title) {
  std::string properties, required;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    properties += (i ? ", " : "") + quote(fields[i].name) + ": " + types.schema(fields[i].type);
    required += (i ? ", " : "") + quote(fields[i].name);
  }
  return R"({"title": )" + quote(title) + R"(, "type": "object", "properties": {)" +
         properties + R"(}, "required": [)" + required +
         R"(], "additionalProperties": false})";
}

// A parameter's schema; with `defaults`, its default argument's value as
// `default` (and the expression as written in the description).
std::string paramSchema(SchemaWriter &types, const Field &param, bool defaults) {
  std::string schema = types.schema(param.type);
  if (!defaults || !param.default_arg)
    return schema;
  std::string note = R"("description": )" +
                     quote("default argument: " + param.default_arg->text) + ", ";
  if (!param.default_arg->value.empty())
    note += R"("default": )" + param.default_arg->value + ", ";
  return "{" + note + schema.substr(1); // every schema is a non-empty object
}

// The arguments: an array in parameter order, or an object by name. With
// `defaults` (a constructor's), trailing parameters with default arguments
// may be left out.
std::string argumentsSchema(SchemaWriter &types, const std::vector<Field> &params,
                            bool defaults) {
  std::size_t required = params.size();
  while (defaults && required > 0 && params[required - 1].default_arg)
    --required;
  std::string items, properties, names;
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::string schema = paramSchema(types, params[i], defaults);
    items += (i ? ", " : "") + schema;
    properties += (i ? ", " : "") + quote(params[i].name) + ": " + schema;
    if (i < required)
      names += (i ? ", " : "") + quote(params[i].name);
  }
  return R"({"oneOf": [{"type": "array", "prefixItems": [)" + items + "], \"minItems\": " +
         std::to_string(required) + ", \"maxItems\": " + std::to_string(params.size()) +
         R"(}, {"title": "by name", "type": "object", "properties": {)" + properties +
         R"(}, "required": [)" + names + R"(], "additionalProperties": false}]})";
}

std::string errorResponses(std::initializer_list<const char *> codes) {
  static const std::map<std::string, std::string> why = {
      {"400", "malformed JSON or arguments"},
      {"404", "no such entity type, method or key"},
      {"409", "the key exists, or the Idempotency-Key is in use"},
      {"413", "the body is larger than max_body_bytes"},
      {"422", "the method threw"},
      {"503", "too many requests in flight (see Retry-After)"},
      {"504", "no answer within the timeout"}};
  std::string out;
  for (const char *code : codes)
    out += std::string(", ") + quote(code) + R"(: {"description": )" + quote(why.at(code)) +
           R"(, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/flowc.Error"}}}})";
  return out;
}

std::string body(const std::string &schema) {
  return R"("requestBody": {"required": true, "content": {"application/json": {"schema": )" +
         schema + "}}}";
}

std::string okResponse(const char *code, const std::string &what, const std::string &schema) {
  return quote(code) + R"(: {"description": )" + quote(what) +
         R"(, "content": {"application/json": {"schema": )" + schema + "}}}";
}

const char *keyParameter =
    R"("parameters": [{"name": "key", "in": "path", "required": true, "schema": {"type": "string"}}])";
const char *idempotencyParameter =
    R"({"name": "Idempotency-Key", "in": "header", "required": false, "schema": {"type": "string"}})";

} // namespace

std::string routeName(const std::string &qualifiedName) {
  std::string out;
  std::string name = plain(qualifiedName);
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.compare(i, 2, "::") == 0) {
      out += '.';
      ++i;
    } else if (std::isalnum(static_cast<unsigned char>(name[i])) || name[i] == '_') {
      out += name[i];
    } else if (name[i] != ' ') {
      out += '_';
    }
  }
  return out;
}

OpenAPIParts openAPIParts(const std::vector<Entity> &entities,
                          const std::vector<Struct> &structs,
                          const std::vector<Enum> &enums,
                          const std::vector<Alias> &aliases) {
  SchemaWriter types(entities, structs, enums, aliases);
  OpenAPIParts parts;
  parts.schemas.push_back(
      {"flowc.Error",
       R"({"type": "object", "properties": {"error": {"type": "string"}, "kind": {"type": "string"}}, "required": ["error", "kind"]})"});
  for (const Struct &record : structs)
    parts.schemas.push_back({routeName(record.qualified_name),
                             objectSchema(types, record.fields, record.qualified_name)});
  for (const Enum &decl : enums) {
    std::string names;
    for (std::size_t i = 0; i < decl.enumerators.size(); ++i)
      names += (i ? ", " : "") + quote(decl.enumerators[i]);
    parts.schemas.push_back({routeName(decl.qualified_name),
                             R"({"title": )" + quote(decl.qualified_name) +
                                 R"(, "type": "string", "enum": [)" + names + "]}"});
  }
  for (const Alias &alias : aliases)
    parts.schemas.push_back({routeName(alias.name),
                             R"({"title": )" + quote(alias.name) + R"(, "description": )" +
                                 quote("C++ type alias of " + alias.type) + R"(, "allOf": [)" +
                                 types.schema(alias.type) + "]}"});
  for (const Entity &entity : entities) {
    std::string route = routeName(entity.qualified_name);
    std::string keySchema = types.schema(entity.key.type);
    parts.schemas.push_back(
        {route, objectSchema(types, entity.state, entity.qualified_name)});

    std::string ctors;
    for (std::size_t i = 0; i < entity.constructors.size(); ++i)
      ctors += (i ? ", " : "") + argumentsSchema(types, entity.constructors[i].params, true);
    std::string create =
        R"({"post": {"operationId": )" + quote(route + ".create") +
        R"(, "summary": )" + quote("create a " + entity.qualified_name) +
        R"(, "parameters": [)" + idempotencyParameter + "], " +
        body(entity.constructors.size() == 1 ? argumentsSchema(types, entity.constructors[0].params, true)
                                             : R"({"oneOf": [)" + ctors + "]}") +
        R"(, "responses": {)" +
        okResponse("201", "created",
                   R"({"type": "object", "properties": {"key": )" + keySchema +
                       R"(}, "required": ["key"]})") +
        errorResponses({"400", "409", "413", "422", "503", "504"}) + "}}}";
    parts.paths.push_back({"/v1/" + route, create});

    std::string get = R"({"get": {"operationId": )" + quote(route + ".state") +
                      R"(, "summary": )" + quote("the committed state of a " + entity.qualified_name) +
                      ", " + keyParameter + R"(, "responses": {)" +
                      okResponse("200", "the state",
                                 R"({"$ref": )" + quote("#/components/schemas/" + route) + "}") +
                      errorResponses({"400", "404", "503", "504"}) + "}}}";
    parts.paths.push_back({"/v1/" + route + "/{key}", get});

    for (const Method &method : entity.methods) {
      std::string result = plain(method.returns) == "void"
                               ? R"({"type": "object", "additionalProperties": false})"
                               : R"({"type": "object", "properties": {"result": )" +
                                     types.schema(method.returns) +
                                     R"(}, "required": ["result"]})";
      std::string post =
          R"({"post": {"operationId": )" + quote(route + "." + method.name) +
          R"(, "summary": )" +
          quote(entity.qualified_name + "::" + method.name +
                (method.read_only ? " (const)" : "")) +
          R"(, "parameters": [{"name": "key", "in": "path", "required": true, "schema": {"type": "string"}}, )" +
          idempotencyParameter + "], " + body(argumentsSchema(types, method.params, false)) +
          R"(, "responses": {)" + okResponse("200", "the result", result) +
          errorResponses({"400", "404", "409", "413", "422", "503", "504"}) + "}}}";
      parts.paths.push_back({"/v1/" + route + "/{key}/" + method.name, post});
    }
  }
  return parts;
}

std::string toOpenAPI(const Module &module) {
  OpenAPIParts parts =
      openAPIParts(module.entities, module.structs, module.enums, module.aliases);
  std::vector<gateway::Part> paths, schemas;
  for (const OpenAPIPart &part : parts.paths)
    paths.push_back({part.name, part.json});
  for (const OpenAPIPart &part : parts.schemas)
    schemas.push_back({part.name, part.json});
  return gateway::openapi_document(paths, schemas);
}

} // namespace flowc::ir
