// Mapping.h - each IR type's YAML keys, described once.
//
// `map(io, value)` lists a type's keys in the order they are written, as
// llvm::yaml's MappingTraits do. Three IO classes walk the same description:
// the writer (`--emit=ir`), the reader (`--from-ir`) and the JSON Schema
// (share/flowc/flowc-ir.schema.json), so a key added here reaches all three.
//
// An IO provides:
//   io.flow(bool)                    the writer writes this map in flow style
//   io.key(name, value [, style])    a required key
//   io.keyIf(write, name, value)     a key written exactly when `write`; when
//                                    absent, read as a default value
//   io.optional(name, value [, dflt [, write [, style]]])
//                                    a key written unless it holds `dflt` (a
//                                    default value, or nullopt) or `write` is
//                                    false; when absent, read as `dflt`
//   io.location(name, file, line)    `file:line` in one key
// and `IO::reading` (whether map() fills the value), and handles every value
// type used below: strings, numbers, booleans,
// MachineLocal::Home, Text (always double-quoted), std::optional, sequences,
// Piece (a one-key map named by pieceKey()) and the structs that have a map().
#pragma once

#include "IR/IR.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace flowc::ir {

// How a sequence is written: block style unless empty (`[]`), or flow always.
enum class Style { block, flow };

// Each piece kind's key. A kind without one fails to compile wherever
// pieces are read, written or described.
constexpr const char *pieceKey(const Text *) { return "text"; }
constexpr const char *pieceKey(const FieldUse *) { return "field"; }
constexpr const char *pieceKey(const Suspend *) { return "suspend"; }
constexpr const char *pieceKey(const Finish *) { return "finish"; }
constexpr const char *pieceKey(const IndexLoop *) { return "loop"; }
constexpr const char *pieceKey(const TryEntry *) { return "try"; }
constexpr const char *pieceKey(const TestedLoop *) { return "tested_loop"; }
constexpr const char *pieceKey(const Continue *) { return "continue"; }
constexpr const char *pieceKey(const ShortCircuit *) { return "short_circuit"; }
constexpr const char *pieceKey(const Conditional *) { return "conditional"; }
constexpr const char *pieceKey(const VoidValue *) { return "void"; }
constexpr const char *pieceKey(const LocalUse *) { return "local"; }
constexpr const char *pieceKey(const BindingUse *) { return "binding"; }

// Every kind's key, for messages: `'text', 'field', ... or 'binding'`.
template <size_t... I> std::string pieceKinds(std::index_sequence<I...>) {
  const char *keys[] = {
      pieceKey(static_cast<std::variant_alternative_t<I, Piece::variant> *>(
          nullptr))...};
  std::string out;
  for (size_t i = 0; i < sizeof...(I); ++i)
    out += std::string(i == 0                  ? ""
                       : i + 1 == sizeof...(I) ? " or "
                                               : ", ") +
           "'" + keys[i] + "'";
  return out;
}
inline std::string pieceKinds() {
  return pieceKinds(
      std::make_index_sequence<std::variant_size_v<Piece::variant>>());
}

inline constexpr std::array<std::pair<MachineLocal::Home, const char *>, 4>
    homeNames{{{MachineLocal::Home::frame, "frame"},
               {MachineLocal::Home::local, "local"},
               {MachineLocal::Home::pointer, "pointer"},
               {MachineLocal::Home::constant, "constant"}}};

// A default argument: its text as written and, when it is a constant JSON
// can hold, that value as JSON text; both double-quoted.
template <class IO> void map(IO &io, DefaultArg &arg) {
  io.flow(true);
  Text text{arg.text}, value{arg.value};
  io.key("text", text);
  io.optional("value", value);
  if constexpr (IO::reading) {
    arg.text = std::move(text.text);
    arg.value = std::move(value.text);
  }
}

template <class IO> void map(IO &io, Field &field) {
  io.flow(true);
  io.key("name", field.name);
  io.key("type", field.type);
  io.optional("initialized", field.initialized);
  io.optional("default", field.default_arg);
}

template <class IO> void map(IO &io, RemoteCall &call) {
  io.flow(true);
  io.key("entity", call.entity);
  io.key("method", call.method);
  io.key("line", call.line);
  io.key("column", call.column);
  io.key("qualified_entity", call.qualified_entity);
}

template <class IO> void map(IO &io, Suspension &suspension) {
  io.flow(true);
  io.key("line", suspension.line);
  io.key("live", suspension.live, Style::flow);
}

// An expression that is one name or one text reads best on one line.
inline Style codeStyle(const Code &code) {
  if (code.empty())
    return Style::flow;
  const Piece &only = code.front();
  bool simple = std::holds_alternative<Text>(only) ||
                std::holds_alternative<FieldUse>(only) ||
                std::holds_alternative<LocalUse>(only) ||
                std::holds_alternative<BindingUse>(only) ||
                std::holds_alternative<VoidValue>(only);
  return code.size() == 1 && simple ? Style::flow : Style::block;
}

template <class IO> void map(IO &io, Suspend &suspend) {
  io.key("label", suspend.label);
  io.key("line", suspend.line);
  io.key("callee", suspend.callee);
  io.key("args", suspend.args);
  io.optional("result", suspend.result);
  io.optional("result_type", suspend.result_type);
  io.optional("in_try", suspend.in_try);
  io.optional("last", suspend.last);
}

template <class IO> void map(IO &io, Finish &finish) {
  io.optional("value", finish.value);
  io.optional("type", finish.type);
  io.optional("discarded", finish.discarded);
}

template <class IO> void map(IO &io, IndexLoop &loop) {
  io.key("index", loop.index);
  io.key("range", loop.range);
  io.key("variable", loop.variable);
  io.key("pointer", loop.pointer);
  io.key("body", loop.body);
}

template <class IO> void map(IO &io, TestedLoop &loop) {
  io.optional("init", loop.init);
  io.optional("test", loop.test);
  io.optional("condition", loop.condition);
  io.optional("test_after", loop.test_after);
  io.key("body", loop.body);
  io.optional("label", loop.label);
  io.optional("step", loop.step);
  io.optional("increment", loop.increment);
}

template <class IO> void map(IO &io, Continue &jump) {
  io.flow(true);
  io.key("label", jump.label);
}

template <class IO> void map(IO &io, Arm &arm) {
  io.optional("before", arm.before);
  io.optional("value", arm.value);
}

template <class IO> void map(IO &io, ShortCircuit &op) {
  io.key("op", op.op);
  io.key("result", op.result);
  io.key("left", op.left);
  io.key("right", op.right);
}

template <class IO> void map(IO &io, Conditional &cond) {
  io.key("condition", cond.condition);
  io.key("then", cond.then);
  io.key("else", cond.otherwise);
  io.optional("result", cond.result);
}

template <class IO> void map(IO &io, VoidValue &) { io.flow(true); }

template <class IO> void map(IO &io, LocalUse &use) {
  io.flow(true);
  io.key("name", use.name);
  io.optional("pointer", use.pointer);
}

template <class IO> void map(IO &io, BindingUse &use) {
  io.flow(true);
  io.key("object", use.object);
  io.key("index", use.index);
  io.optional("member", use.member);
  io.optional("tuple", use.tuple);
  io.optional("pointer", use.pointer);
}

// One resume of a try block: TryEntry's `labels` and `via` side by side.
struct TryResume {
  unsigned label = 0;
  unsigned via = 0;
  bool operator==(const TryResume &) const = default;
};

template <class IO> void map(IO &io, TryResume &resume) {
  io.flow(true);
  io.key("label", resume.label);
  io.optional("via", resume.via);
}

template <class IO> void map(IO &io, TryEntry &entry) {
  io.key("id", entry.id);
  std::vector<TryResume> resumes;
  for (size_t i = 0; i < entry.labels.size(); ++i)
    resumes.push_back(
        {entry.labels[i], i < entry.via.size() ? entry.via[i] : 0});
  io.key("resumes", resumes);
  io.key("block", entry.block);
  if constexpr (IO::reading) {
    entry.labels.clear();
    entry.via.clear();
    for (const TryResume &resume : resumes) {
      entry.labels.push_back(resume.label);
      entry.via.push_back(resume.via);
    }
  }
}

template <class IO> void map(IO &io, MachineParam &param) {
  io.flow(true);
  io.key("name", param.name);
  io.key("type", param.type);
  io.optional("field", param.field);
  io.key("index", param.index);
}

// A constant keeps its declaration; the other homes a type, and a local the
// variable it is stored in when that is not its name.
template <class IO> void map(IO &io, MachineLocal &local) {
  using Home = MachineLocal::Home;
  io.flow(local.home != Home::constant);
  io.key("home", local.home);
  io.key("name", local.name);
  bool constant = local.home == Home::constant;
  io.keyIf(constant, "declaration", local.declaration);
  io.keyIf(!constant, "type", local.type);
  io.optional("store", local.store,
              local.home == Home::local ? local.name : std::string(),
              !constant);
  io.optional("const", local.is_const, false, !constant);
}

template <class IO> void map(IO &io, Rebind &rebind) {
  io.key("variable", rebind.variable);
  io.key("range", rebind.range);
  io.key("index", rebind.index);
}

template <class IO> void map(IO &io, Resume &resume) {
  io.flow(true);
  io.key("label", resume.label);
  io.optional("via", resume.via);
  io.optional("rebinds", resume.rebinds);
}

template <class IO> void map(IO &io, Machine &machine) {
  io.key("params", machine.params);
  io.key("locals", machine.locals);
  io.key("resumes", machine.resumes);
  io.key("body", machine.body);
  io.key("finishes_at_end", machine.finishes_at_end);
}

template <class IO> void map(IO &io, Method &method) {
  io.key("name", method.name);
  io.key("line", method.line);
  io.key("params", method.params);
  io.key("returns", method.returns);
  io.key("read_only", method.read_only);
  io.key("remote_calls", method.remote_calls);
  io.key("suspensions", method.suspensions);
  io.optional("reads", method.reads, {}, true, Style::flow);
  io.optional("writes", method.writes, {}, true, Style::flow);
  // The frame belongs to the machine: both or neither.
  io.keyIf(method.machine.has_value(), "frame", method.frame);
  io.optional("machine", method.machine);
}

template <class IO> void map(IO &io, Constructor &ctor) {
  io.key("line", ctor.line);
  io.key("params", ctor.params);
}

template <class IO> void map(IO &io, Entity &entity) {
  io.key("name", entity.name);
  io.key("qualified_name", entity.qualified_name);
  io.location("location", entity.file, entity.line);
  io.key("key", entity.key);
  io.key("state", entity.state);
  io.key("constructors", entity.constructors);
  io.key("methods", entity.methods);
}

template <class IO> void map(IO &io, Job &job) {
  io.key("name", job.name);
  io.location("location", job.file, job.line);
  io.key("map", job.map);
  io.key("reduce", job.reduce);
  io.optional("combine", job.combine);
  io.key("key_type", job.key_type);
  io.key("value_type", job.value_type);
  io.key("output_type", job.output_type);
}

template <class IO> void map(IO &io, Struct &record) {
  io.key("name", record.name);
  io.key("qualified_name", record.qualified_name);
  io.location("location", record.file, record.line);
  io.key("fields", record.fields);
}

template <class IO> void map(IO &io, Use &use) {
  io.flow(true);
  io.key("entity", use.entity);
  io.key("header", use.header);
}

template <class IO> void map(IO &io, Enum &decl) {
  io.key("name", decl.name);
  io.key("qualified_name", decl.qualified_name);
  io.location("location", decl.file, decl.line);
  io.key("enumerators", decl.enumerators, Style::flow);
}

template <class IO> void map(IO &io, Alias &alias) {
  io.flow(true);
  io.key("name", alias.name);
  io.key("type", alias.type);
  io.location("location", alias.file, alias.line);
}

template <class IO> void map(IO &io, Input &input) {
  io.key("file", input.file);
  io.optional("structs", input.structs, {}, true, Style::flow);
  io.optional("enums", input.enums, {}, true, Style::flow);
  io.optional("uses", input.uses);
  io.optional("aliases", input.aliases, {}, true, Style::flow);
}

template <class IO> void map(IO &io, Module &module) {
  io.key("flowc_ir", module.version);
  io.key("entities", module.entities);
  io.key("jobs", module.jobs);
  io.optional("structs", module.structs);
  io.optional("uses", module.uses);
  io.optional("enums", module.enums);
  io.optional("aliases", module.aliases);
  io.optional("inputs", module.inputs);
}

} // namespace flowc::ir
