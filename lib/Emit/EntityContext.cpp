// EntityContext.cpp - IR entities -> mstch: names as the IR spells them, the
// C identifiers of the generated frame and machine types, and the source
// location of each part for the generated comments.
#include "Emit/EntityContext.h"

#include "Emit/FileContext.h"
#include "Emit/MachineContext.h"

namespace flowc::emit {

namespace {

mstch::array fieldsContext(const std::vector<ir::Field> &fields) {
  mstch::array array;
  for (const ir::Field &field : fields)
    array.push_back(mstch::map{{"name", field.name}, {"type", field.type}});
  return array;
}

mstch::map methodContext(const ir::Entity &entity, const ir::Method &method,
                         unsigned index) {
  std::string id = cIdentifier(entity.qualified_name) + "_" + method.name;
  bool split = !method.remote_calls.empty();
  return mstch::map{
      {"name", method.name},
      {"index", std::to_string(index)},
      {"pointer", "&" + entity.qualified_name + "::" + method.name},
      {"line", std::to_string(method.line)},
      {"location", entity.file + ":" + std::to_string(method.line)},
      {"returns", method.returns},
      {"read_only", method.read_only},
      {"split", split},
      {"frame_type", id + "_frame"},
      {"machine_type", id + "_machine"},
      {"frame", fieldsContext(method.frame)},
      {"machine", method.machine ? mstch::array{machineContext(*method.machine)}
                                 : mstch::array{}},
  };
}

// The state's members with their index (the generated per-member switch).
mstch::array stateContext(const std::vector<ir::Field> &fields) {
  mstch::array array;
  for (const ir::Field &field : fields)
    array.push_back(mstch::map{{"name", field.name},
                               {"type", field.type},
                               {"index", std::to_string(array.size())},
                               {"initialized", field.initialized}});
  return array;
}

// The parameter types of the constructor a stored state is loaded into when
// the class has no default constructor: the first one flowc saw.
mstch::array restoreArgsContext(const ir::Entity &entity) {
  mstch::array array;
  if (entity.constructors.empty())
    return array;
  for (const ir::Field &param : entity.constructors.front().params)
    array.push_back(mstch::map{{"type", param.type}, {"comma", !array.empty()}});
  return array;
}

} // namespace

mstch::array entitiesContext(const std::vector<ir::Entity> &entities) {
  mstch::array array;
  for (const ir::Entity &entity : entities) {
    mstch::array methods;
    bool hasSplit = false;
    for (unsigned i = 0; i < entity.methods.size(); ++i) {
      methods.push_back(methodContext(entity, entity.methods[i], i));
      hasSplit |= !entity.methods[i].remote_calls.empty();
    }
    array.push_back(mstch::map{
        {"name", entity.name},
        {"qualified_name", entity.qualified_name},
        {"id", cIdentifier(entity.qualified_name)},
        {"file", entity.file},
        {"line", std::to_string(entity.line)},
        {"location", entity.file + ":" + std::to_string(entity.line)},
        {"key_name", entity.key.name},
        {"key_type", entity.key.type},
        {"state", stateContext(entity.state)},
        {"state_count", std::to_string(entity.state.size())},
        {"restore_args", restoreArgsContext(entity)},
        {"method_count", std::to_string(entity.methods.size())},
        {"methods", std::move(methods)},
        {"has_split_methods", hasSplit},
    });
  }
  return array;
}

const Schema &entitySchema() {
  static const Schema field{{{"name", {}}, {"type", {}}}};
  static const Schema method{{
      {"name", {}},
      {"index", {}},
      {"pointer", {}},
      {"line", {}},
      {"location", {}},
      {"returns", {}},
      {"read_only", {}},
      {"split", {}},
      {"frame_type", {}},
      {"machine_type", {}},
      {"frame", field},
      {"machine", machineSchema()},
  }};
  static const Schema schema{{
      {"name", {}},
      {"qualified_name", {}},
      {"id", {}},
      {"file", {}},
      {"line", {}},
      {"location", {}},
      {"key_name", {}},
      {"key_type", {}},
      {"state", Schema{{{"name", {}}, {"type", {}}, {"index", {}},
                        {"initialized", {}}}}},
      {"state_count", {}},
      {"restore_args", Schema{{{"type", {}}, {"comma", {}}}}},
      {"method_count", {}},
      {"methods", method},
      {"has_split_methods", {}},
  }};
  return schema;
}

mstch::array structsContext(const std::vector<ir::Struct> &structs) {
  mstch::array array;
  for (const ir::Struct &record : structs) {
    mstch::array fields;
    for (const ir::Field &field : record.fields)
      fields.push_back(mstch::map{{"name", field.name},
                                  {"type", field.type},
                                  {"comma", !fields.empty()}});
    array.push_back(mstch::map{
        {"name", record.name},
        {"qualified_name", record.qualified_name},
        {"id", cIdentifier(record.qualified_name)},
        {"location", record.file + ":" + std::to_string(record.line)},
        {"fields", std::move(fields)},
    });
  }
  return array;
}

const Schema &structSchema() {
  static const Schema schema{{
      {"name", {}},
      {"qualified_name", {}},
      {"id", {}},
      {"location", {}},
      {"fields", Schema{{{"name", {}}, {"type", {}}, {"comma", {}}}}},
  }};
  return schema;
}

} // namespace flowc::emit
