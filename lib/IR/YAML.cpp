// YAML.cpp - writes the IR as YAML.
//
// Small records (fields, calls, suspensions) are written in flow style so the
// document reads like docs/ir.md; everything else is block style.
#include "IR/YAML.h"

#include <yaml-cpp/yaml.h>

namespace flowc::ir {
namespace {

std::string location(const std::string &file, unsigned line) {
  return file + ":" + std::to_string(line);
}

// `key: [...]`: a sequence written by `each`, in flow style when empty.
template <class T, class Each>
void writeSeq(YAML::Emitter &out, const char *key, const std::vector<T> &items,
              Each each) {
  out << YAML::Key << key << YAML::Value;
  if (items.empty())
    out << YAML::Flow;
  out << YAML::BeginSeq;
  for (const T &item : items)
    each(item);
  out << YAML::EndSeq;
}

YAML::Emitter &operator<<(YAML::Emitter &out, const Field &field) {
  return out << YAML::Flow << YAML::BeginMap << YAML::Key << "name"
             << YAML::Value << field.name << YAML::Key << "type" << YAML::Value
             << field.type << YAML::EndMap;
}

void writeFields(YAML::Emitter &out, const char *key,
                 const std::vector<Field> &fields) {
  writeSeq(out, key, fields, [&](const Field &field) { out << field; });
}

void writeMethod(YAML::Emitter &out, const Method &method) {
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << method.name;
  out << YAML::Key << "line" << YAML::Value << method.line;
  writeFields(out, "params", method.params);
  out << YAML::Key << "returns" << YAML::Value << method.returns;
  out << YAML::Key << "read_only" << YAML::Value << method.read_only;

  writeSeq(out, "remote_calls", method.remote_calls, [&](const RemoteCall &call) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "entity" << YAML::Value
        << call.entity << YAML::Key << "method" << YAML::Value << call.method
        << YAML::Key << "line" << YAML::Value << call.line << YAML::Key
        << "column" << YAML::Value << call.column << YAML::Key
        << "qualified_entity" << YAML::Value << call.qualified_entity
        << YAML::EndMap;
  });
  writeSeq(out, "suspensions", method.suspensions,
           [&](const Suspension &suspension) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "line" << YAML::Value
        << suspension.line << YAML::Key << "live" << YAML::Value << YAML::Flow
        << YAML::BeginSeq;
    for (const std::string &name : suspension.live)
      out << name;
    out << YAML::EndSeq << YAML::EndMap;
  });
  if (!method.frame.empty() || !method.machine.empty()) {
    writeFields(out, "frame", method.frame);
    out << YAML::Key << "machine" << YAML::Value << YAML::Literal
        << method.machine;
  }
  out << YAML::EndMap;
}

void writeEntity(YAML::Emitter &out, const Entity &entity) {
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << entity.name;
  out << YAML::Key << "qualified_name" << YAML::Value << entity.qualified_name;
  out << YAML::Key << "location" << YAML::Value
      << location(entity.file, entity.line);
  out << YAML::Key << "key" << YAML::Value << entity.key;
  writeFields(out, "state", entity.state);

  writeSeq(out, "constructors", entity.constructors,
           [&](const Constructor &ctor) {
             out << YAML::BeginMap << YAML::Key << "line" << YAML::Value
                 << ctor.line;
             writeFields(out, "params", ctor.params);
             out << YAML::EndMap;
           });
  writeSeq(out, "methods", entity.methods,
           [&](const Method &method) { writeMethod(out, method); });
  out << YAML::EndMap;
}

void writeJob(YAML::Emitter &out, const Job &job) {
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << job.name;
  out << YAML::Key << "location" << YAML::Value << location(job.file, job.line);
  out << YAML::Key << "map" << YAML::Value << job.map;
  out << YAML::Key << "reduce" << YAML::Value << job.reduce;
  if (job.combine)
    out << YAML::Key << "combine" << YAML::Value << *job.combine;
  out << YAML::Key << "key_type" << YAML::Value << job.key_type;
  out << YAML::Key << "value_type" << YAML::Value << job.value_type;
  out << YAML::Key << "output_type" << YAML::Value << job.output_type;
  out << YAML::EndMap;
}

} // namespace

std::string toYAML(const Module &module) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "flowc_ir" << YAML::Value << module.version;
  writeSeq(out, "entities", module.entities,
           [&](const Entity &entity) { writeEntity(out, entity); });
  writeSeq(out, "jobs", module.jobs,
           [&](const Job &job) { writeJob(out, job); });
  if (!module.structs.empty())
    writeSeq(out, "structs", module.structs, [&](const Struct &record) {
      out << YAML::BeginMap;
      out << YAML::Key << "name" << YAML::Value << record.name;
      out << YAML::Key << "qualified_name" << YAML::Value
          << record.qualified_name;
      out << YAML::Key << "location" << YAML::Value
          << location(record.file, record.line);
      writeFields(out, "fields", record.fields);
      out << YAML::EndMap;
    });
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

} // namespace flowc::ir
