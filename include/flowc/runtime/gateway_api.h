// gateway_api.h - what generated code (X.flowc.cpp) tells the HTTP gateway
// about its entities: how to turn JSON into arguments and objects, and results,
// keys and state into JSON, by route name. Header-only, so a program that never
// starts a gateway links nothing more; flowc::HttpGateway (http.h) reads the
// registry.
#pragma once

#include "flowc/runtime/entity.h"
#include "flowc/runtime/json.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowc::gateway {

struct Method {
  std::string_view name;
  std::uint32_t id = 0; // index in EntityType::methods
  bool read_only = false;
  bool returns_void = false;
  // The arguments (a JSON array in parameter order, or an object by
  // parameter name) in the binary encoding; json::Mismatch names what is wrong.
  std::string (*encode_args)(const json::Value &args) = nullptr;
  void (*write_result)(json::Writer &w, std::string_view bytes) = nullptr;
};

struct Constructor {
  std::size_t params = 0;
  // The arguments in the binary encoding: how many were given (trailing
  // ones with default arguments may be left out), then each given one;
  // json::Mismatch when they do not fit.
  std::string (*encode_args)(const json::Value &args) = nullptr;
  // A new object from encode_args' bytes (DecodeError when malformed, or
  // what the constructor threw); the caller owns it (EntityType::destroy).
  // Every rank of an MpiRuntime registers it (constructor_name) to build
  // the entities it owns.
  void *(*construct)(std::string_view encoded) = nullptr;
};

// The name a gateway constructor has among MpiRuntime's constructors: the
// same in every rank, apart from those create<E>(args...) registers.
inline std::string constructor_name(std::string_view route, std::size_t index) {
  return "flowc.gateway " + std::string(route) + " #" + std::to_string(index);
}

struct Entity {
  std::string_view route; // the qualified name with `.` for `::`
  const EntityType &(*type)() = nullptr;
  // A URL path segment (percent-decoded) as an encoded key; json::Mismatch
  // when it is not a key of this type.
  std::string (*key_from_text)(std::string_view text) = nullptr;
  void (*write_key)(json::Writer &w, std::string_view encoded_key) = nullptr;
  void (*write_state)(json::Writer &w, std::string_view state_bytes) = nullptr;
  std::span<const Constructor> constructors;
  std::span<const Method> methods;
};

// One named member of the OpenAPI document: a path or a schema, its JSON.
struct Part {
  std::string_view name;
  std::string_view json;
};

// What one generated file contributes.
struct Module {
  std::span<const Entity> entities;
  std::span<const Part> paths;   // OpenAPI "paths" members
  std::span<const Part> schemas; // OpenAPI "components.schemas" members
  std::string_view page;         // the web page's HTML for these entities
};

inline std::vector<const Module *> &registry() {
  static std::vector<const Module *> modules;
  return modules;
}

// A static object in each generated file adds its module at start-up.
struct Registration {
  explicit Registration(const Module &module) { registry().push_back(&module); }
};

// The argument `name` (parameter `index` of `count`): args[index] of an
// array, args[name] of an object; a JSON error in it names the parameter
// and its C++ type.
template <class T>
T argument(const json::Value &args, std::size_t index, std::string_view name,
           std::string_view type) {
  const json::Value *value =
      args.kind == json::Value::Kind::array ? &args.items[index] : args.find(name);
  T result{};
  try {
    json::read(*value, result, json::Where::root(name));
  } catch (const json::Mismatch &e) {
    throw json::Mismatch("argument '" + std::string(name) + "' (" +
                         std::string(type) + ") at " + e.what());
  }
  return result;
}

// A key as a URL path segment gives it (percent-decoded): a string as is,
// an integer in decimal within the key type's range.
template <class K> std::string key_from_text(std::string_view text) {
  if constexpr (std::is_integral_v<K>) {
    K key{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), key);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
      throw json::Mismatch("the key '" + std::string(text) + "': expected " +
                           json::detail::integer_range<K>());
    return flowc::encode(key);
  } else {
    return flowc::encode(K(text));
  }
}

// Checks the shape of an argument list before any argument is read: an
// array of `required` to `names.size()` elements or an object with those
// names (the first `required` at least; the parameters past `required` have
// default arguments, and only trailing ones may be left out). Returns how
// many arguments were given.
inline std::size_t check_arguments(const json::Value &args,
                                   std::initializer_list<std::string_view> names,
                                   std::string_view signature, std::size_t required) {
  using Kind = json::Value::Kind;
  std::string expected = "the arguments of " + std::string(signature) +
                         " as an array in parameter order or an object by "
                         "parameter name";
  auto count = [&](std::size_t n) {
    return n == required ? std::to_string(n)
                         : std::to_string(required) + " to " + std::to_string(n);
  };
  if (args.kind == Kind::array) {
    if (args.items.size() < required || args.items.size() > names.size())
      throw json::Mismatch(expected + ": got " + std::to_string(args.items.size()) +
                           " argument" + (args.items.size() == 1 ? "" : "s") +
                           ", expected " + count(names.size()));
    return args.items.size();
  }
  if (args.kind != Kind::object)
    throw json::Mismatch(expected + ": got " + json::kind_name(args.kind));
  for (std::size_t i = 0; i < args.names.size(); ++i)
    if (std::find(names.begin(), names.end(), args.names[i]) == names.end())
      throw json::Mismatch(expected + ": no parameter '" + args.names[i] + "' (byte " +
                           std::to_string(args.items[i].offset) + ")");
  std::size_t given = 0, i = 0;
  for (std::string_view name : names) {
    ++i;
    if (args.find(name))
      given = i;
  }
  given = std::max(given, required);
  i = 0;
  for (std::string_view name : names) {
    if (i++ == given)
      break;
    if (!args.find(name))
      throw json::Mismatch(expected + ": missing argument '" + std::string(name) + "'" +
                           (i > required ? " (only trailing arguments with defaults may "
                                           "be left out)"
                                         : ""));
  }
  return given;
}

// The OpenAPI document from every module's parts: paths and schemas sorted
// by name, a schema two modules share once. `flowc --emit=openapi` builds
// the same text from the same parts.
inline std::string openapi_document(const std::vector<Part> &paths_in,
                                    const std::vector<Part> &schemas_in) {
  auto sorted = [](std::vector<Part> parts) {
    std::sort(parts.begin(), parts.end(),
                     [](const Part &a, const Part &b) { return a.name < b.name; });
    parts.erase(std::unique(parts.begin(), parts.end(),
                            [](const Part &a, const Part &b) { return a.name == b.name; }),
                parts.end());
    return parts;
  };
  auto members = [](const std::vector<Part> &parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      json::Writer key;
      key.string(parts[i].name);
      out += i == 0 ? "\n    " : ",\n    ";
      out += key.text();
      out += ": ";
      out += parts[i].json;
    }
    return out + "\n  ";
  };
  std::string doc = "{\n  \"openapi\": \"3.1.0\",\n"
                    "  \"info\": {\"title\": \"flowc HTTP/JSON gateway\", \"version\": \"1\"},\n"
                    "  \"paths\": {";
  doc += members(sorted(paths_in));
  doc += "},\n  \"components\": {\"schemas\": {";
  doc += members(sorted(schemas_in));
  doc += "}}\n}\n";
  return doc;
}

} // namespace flowc::gateway
