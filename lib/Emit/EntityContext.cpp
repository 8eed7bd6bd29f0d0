// EntityContext.cpp - IR entities -> mstch: names as the IR spells them, the
// C identifiers of the generated frame and machine types, and the source
// location of each part for the generated comments.
#include "Emit/EntityContext.h"

#include "Emit/FileContext.h"
#include "Emit/Keys.h"
#include "Emit/MachineContext.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace flowc::emit {

namespace {

// Members as a lock mask (flowc::MethodInfo::reads): bit i for member i,
// members 63 and later sharing bit 63; every bit when the IR has no list.
std::uint64_t memberMask(const ir::Entity &entity,
                         const std::optional<std::vector<std::string>> &names) {
  if (!names)
    return ~std::uint64_t{0};
  std::uint64_t mask = 0;
  for (const std::string &name : *names)
    for (std::size_t i = 0; i < entity.state.size(); ++i)
      if (entity.state[i].name == name)
        mask |= std::uint64_t{1} << std::min<std::size_t>(i, 63);
  return mask;
}

std::string hexMask(std::uint64_t mask) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[mask & 15]);
    mask >>= 4;
  } while (mask != 0);
  return "0x" + out + "ull";
}

void describeField(Keys &keys, const ir::Field &field) {
  keys.value("name", field.name);
  keys.value("type", field.type);
}

void describeMethod(Keys &keys, const ir::Entity &entity,
                    const ir::Method &method, std::size_t index) {
  std::string id = cIdentifier(entity.qualified_name) + "_" + method.name;
  keys.value("name", method.name);
  keys.value("index", std::to_string(index));
  keys.value("pointer", "&" + entity.qualified_name + "::" + method.name);
  keys.value("line", std::to_string(method.line));
  keys.value("location", entity.file + ":" + std::to_string(method.line));
  keys.value("returns", method.returns);
  keys.value("read_only", method.read_only);
  keys.value("reads", hexMask(memberMask(entity, method.reads)));
  keys.value("writes", hexMask(memberMask(entity, method.writes)));
  keys.value("split", !method.remote_calls.empty());
  keys.value("frame_type", id + "_frame");
  keys.value("machine_type", id + "_machine");
  keys.list("frame", method.frame, describeField);
  keys.maybe("machine", method.machine, describeMachine);
}

// The parameters of the constructor a stored state is loaded into when the
// class has no default constructor: the first one flowc saw.
const std::vector<ir::Field> &restoreParams(const ir::Entity &entity) {
  static const std::vector<ir::Field> none;
  return entity.constructors.empty() ? none
                                     : entity.constructors.front().params;
}

} // namespace

void describeEntity(Keys &keys, const ir::Entity &entity) {
  keys.value("name", entity.name);
  keys.value("qualified_name", entity.qualified_name);
  keys.value("id", cIdentifier(entity.qualified_name));
  keys.value("file", entity.file);
  keys.value("line", std::to_string(entity.line));
  keys.value("location", entity.file + ":" + std::to_string(entity.line));
  keys.value("key_name", entity.key.name);
  keys.value("key_type", entity.key.type);
  // The state's members with their index (the generated per-member switch).
  keys.list("state", entity.state,
            [](Keys &keys, const ir::Field &field, std::size_t index) {
              describeField(keys, field);
              keys.value("index", std::to_string(index));
              keys.value("initialized", field.initialized);
            });
  keys.value("state_count", std::to_string(entity.state.size()));
  keys.list("restore_args", restoreParams(entity),
            [](Keys &keys, const ir::Field &param, std::size_t index) {
              keys.value("type", param.type);
              keys.value("comma", index != 0);
            });
  keys.value("method_count", std::to_string(entity.methods.size()));
  // What the calls that may change the entity may write.
  std::uint64_t written = 0;
  for (const ir::Method &method : entity.methods)
    if (!method.read_only)
      written |= memberMask(entity, method.writes);
  keys.value("written", hexMask(written));
  keys.list("methods", entity.methods,
            [&](Keys &keys, const ir::Method &method, std::size_t index) {
              describeMethod(keys, entity, method, index);
            });
  keys.value("has_split_methods",
             std::any_of(entity.methods.begin(), entity.methods.end(),
                         [](const ir::Method &method) {
                           return !method.remote_calls.empty();
                         }));
}

void describeStruct(Keys &keys, const ir::Struct &record) {
  keys.value("name", record.name);
  keys.value("qualified_name", record.qualified_name);
  keys.value("id", cIdentifier(record.qualified_name));
  keys.value("location", record.file + ":" + std::to_string(record.line));
  keys.list("fields", record.fields,
            [](Keys &keys, const ir::Field &field, std::size_t index) {
              describeField(keys, field);
              keys.value("comma", index != 0);
            });
}

mstch::array entitiesContext(const std::vector<ir::Entity> &entities) {
  return Keys::listOf(entities, describeEntity);
}

const Schema &entitySchema() {
  static const Schema schema = Keys::schemaOf<ir::Entity>(describeEntity);
  return schema;
}

mstch::array structsContext(const std::vector<ir::Struct> &structs) {
  return Keys::listOf(structs, describeStruct);
}

const Schema &structSchema() {
  static const Schema schema = Keys::schemaOf<ir::Struct>(describeStruct);
  return schema;
}

} // namespace flowc::emit
