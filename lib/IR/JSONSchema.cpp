// JSONSchema.cpp - walks Mapping.h's descriptions with an IO that records
// each key's schema instead of reading or writing it.
#include "IR/JSONSchema.h"

#include "IR/Mapping.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace flowc::ir {
namespace {

// Each struct's name under `$defs`; a struct without one fails to compile.
constexpr const char *defName(const DefaultArg *) { return "DefaultArg"; }
constexpr const char *defName(const Field *) { return "Field"; }
constexpr const char *defName(const RemoteCall *) { return "RemoteCall"; }
constexpr const char *defName(const Suspension *) { return "Suspension"; }
constexpr const char *defName(const Suspend *) { return "Suspend"; }
constexpr const char *defName(const Finish *) { return "Finish"; }
constexpr const char *defName(const IndexLoop *) { return "IndexLoop"; }
constexpr const char *defName(const TryEntry *) { return "TryEntry"; }
constexpr const char *defName(const TryResume *) { return "TryResume"; }
constexpr const char *defName(const TestedLoop *) { return "TestedLoop"; }
constexpr const char *defName(const Continue *) { return "Continue"; }
constexpr const char *defName(const Arm *) { return "Arm"; }
constexpr const char *defName(const ShortCircuit *) { return "ShortCircuit"; }
constexpr const char *defName(const Conditional *) { return "Conditional"; }
constexpr const char *defName(const VoidValue *) { return "VoidValue"; }
constexpr const char *defName(const LocalUse *) { return "LocalUse"; }
constexpr const char *defName(const BindingUse *) { return "BindingUse"; }
constexpr const char *defName(const MachineParam *) { return "MachineParam"; }
constexpr const char *defName(const MachineLocal *) { return "MachineLocal"; }
constexpr const char *defName(const Rebind *) { return "Rebind"; }
constexpr const char *defName(const Resume *) { return "Resume"; }
constexpr const char *defName(const Machine *) { return "Machine"; }
constexpr const char *defName(const Method *) { return "Method"; }
constexpr const char *defName(const Constructor *) { return "Constructor"; }
constexpr const char *defName(const Entity *) { return "Entity"; }
constexpr const char *defName(const Job *) { return "Job"; }
constexpr const char *defName(const Struct *) { return "Struct"; }
constexpr const char *defName(const Use *) { return "Use"; }
constexpr const char *defName(const Enum *) { return "Enum"; }
constexpr const char *defName(const Alias *) { return "Alias"; }
constexpr const char *defName(const Input *) { return "Input"; }
constexpr const char *defName(const Module *) { return "Module"; }

llvm::json::Value ref(llvm::StringRef name) {
  return llvm::json::Object{{"$ref", ("#/$defs/" + name).str()}};
}

class SchemaIO {
public:
  static constexpr bool reading = false;

  explicit SchemaIO(llvm::json::Object &defs) : defs_(defs) {}

  void flow(bool) {}
  template <class T> void key(const char *name, T &value, Style = {}) {
    properties_[name] = schema(value);
    required_.push_back(name);
  }
  template <class T> void keyIf(bool, const char *name, T &value) {
    properties_[name] = schema(value);
  }
  template <class T>
  void optional(const char *name, T &value, const T & = T(), bool = true,
                Style = {}) {
    properties_[name] = schema(value);
  }
  void location(const char *name, std::string &, unsigned &) {
    properties_[name] = llvm::json::Object{{"type", "string"},
                                           {"pattern", "^.+:[0-9]+$"},
                                           {"description", "file:line"}};
    required_.push_back(name);
  }

  llvm::json::Object object() {
    return llvm::json::Object{{"type", "object"},
                              {"properties", std::move(properties_)},
                              {"required", std::move(required_)},
                              {"additionalProperties", false}};
  }

  // A struct: a `$defs` entry, made once (Code holds pieces that hold code).
  template <class T> llvm::json::Value schema(T &) {
    const char *name = defName(static_cast<T *>(nullptr));
    if (!defs_.get(name)) {
      defs_[name] = nullptr;
      T value{};
      SchemaIO io(defs_);
      map(io, value);
      defs_[name] = io.object();
    }
    return ref(name);
  }
  template <class T> llvm::json::Value schema(std::vector<T> &) {
    T item{};
    return llvm::json::Object{{"type", "array"}, {"items", schema(item)}};
  }
  template <class T> llvm::json::Value schema(std::optional<T> &) {
    T value{};
    return schema(value);
  }
  llvm::json::Value schema(Piece &) {
    if (!defs_.get("Piece"))
      defs_["Piece"] = pieceSchema(
          std::make_index_sequence<std::variant_size_v<Piece::variant>>());
    return ref("Piece");
  }
  llvm::json::Value schema(Text &) { return string(); }
  llvm::json::Value schema(FieldUse &) { return string(); }
  llvm::json::Value schema(std::string &) { return string(); }
  llvm::json::Value schema(unsigned &) {
    return llvm::json::Object{{"type", "integer"}, {"minimum", 0}};
  }
  llvm::json::Value schema(int &) {
    return llvm::json::Object{{"type", "integer"}};
  }
  llvm::json::Value schema(bool &) {
    return llvm::json::Object{{"type", "boolean"}};
  }
  llvm::json::Value schema(MachineLocal::Home &) {
    llvm::json::Array names;
    for (const auto &entry : homeNames)
      names.push_back(entry.second);
    return llvm::json::Object{{"enum", std::move(names)}};
  }

private:
  static llvm::json::Value string() {
    return llvm::json::Object{{"type", "string"}};
  }

  // One of the kinds, each a map with its one key.
  template <size_t... I>
  llvm::json::Value pieceSchema(std::index_sequence<I...>) {
    llvm::json::Array kinds;
    (pieceKind<std::variant_alternative_t<I, Piece::variant>>(kinds), ...);
    return llvm::json::Object{{"oneOf", std::move(kinds)}};
  }
  template <class Kind> void pieceKind(llvm::json::Array &kinds) {
    Kind value{};
    const char *key = pieceKey(&value);
    kinds.push_back(llvm::json::Object{
        {"type", "object"},
        {"properties", llvm::json::Object{{key, schema(value)}}},
        {"required", llvm::json::Array{key}},
        {"additionalProperties", false}});
  }

  llvm::json::Object &defs_;
  llvm::json::Object properties_;
  llvm::json::Array required_;
};

} // namespace

std::string irJSONSchema() {
  llvm::json::Object defs;
  Module module;
  SchemaIO(defs).schema(module);
  // The version is not any integer: a reader of version 1 reads only 1.
  auto *properties = defs.getObject("Module")->getObject("properties");
  (*properties)["flowc_ir"] = llvm::json::Object{{"const", module.version}};
  llvm::json::Value schema = llvm::json::Object{
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title",
       "flowc IR (flowc --emit=ir), version " + std::to_string(module.version)},
      {"$ref", "#/$defs/Module"},
      {"$defs", std::move(defs)},
  };
  std::string text;
  llvm::raw_string_ostream out(text);
  out << llvm::formatv("{0:2}", schema) << "\n";
  return text;
}

} // namespace flowc::ir
