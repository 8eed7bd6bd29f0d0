// YAML.cpp - writes and reads the IR as YAML.
//
// Small records (fields, calls, suspensions) are written in flow style so the
// document reads like SPEC section 5; everything else is block style.
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

// Reading: every required key must be present; yaml-cpp throws on a missing
// one, which fromYAML turns into an error message.
std::vector<Field> readFields(const YAML::Node &node) {
  std::vector<Field> fields;
  for (const YAML::Node &item : node)
    fields.push_back(
        {item["name"].as<std::string>(), item["type"].as<std::string>()});
  return fields;
}

void readLocation(const YAML::Node &node, std::string &file, unsigned &line) {
  std::string text = node.as<std::string>();
  size_t colon = text.rfind(':');
  if (colon == std::string::npos)
    throw YAML::ParserException(node.Mark(), "location is not file:line");
  file = text.substr(0, colon);
  line = static_cast<unsigned>(std::stoul(text.substr(colon + 1)));
}

Method readMethod(const YAML::Node &node) {
  Method method;
  method.name = node["name"].as<std::string>();
  if (node["line"])
    method.line = node["line"].as<unsigned>();
  method.params = readFields(node["params"]);
  method.returns = node["returns"].as<std::string>();
  method.read_only = node["read_only"].as<bool>();
  for (const YAML::Node &call : node["remote_calls"]) {
    RemoteCall remote{call["entity"].as<std::string>(), "",
                      call["method"].as<std::string>(),
                      call["line"].as<unsigned>(), 0};
    if (call["column"])
      remote.column = call["column"].as<unsigned>();
    if (call["qualified_entity"])
      remote.qualified_entity = call["qualified_entity"].as<std::string>();
    method.remote_calls.push_back(remote);
  }
  for (const YAML::Node &suspension : node["suspensions"])
    method.suspensions.push_back(
        {suspension["line"].as<unsigned>(),
         suspension["live"].as<std::vector<std::string>>()});
  if (node["frame"])
    method.frame = readFields(node["frame"]);
  if (node["machine"])
    method.machine = node["machine"].as<std::string>();
  return method;
}

Entity readEntity(const YAML::Node &node) {
  Entity entity;
  entity.name = node["name"].as<std::string>();
  entity.qualified_name = node["qualified_name"].as<std::string>();
  readLocation(node["location"], entity.file, entity.line);
  entity.key = {node["key"]["name"].as<std::string>(),
                node["key"]["type"].as<std::string>()};
  entity.state = readFields(node["state"]);
  for (const YAML::Node &ctor : node["constructors"])
    entity.constructors.push_back(
        {ctor["line"].as<unsigned>(), readFields(ctor["params"])});
  for (const YAML::Node &method : node["methods"])
    entity.methods.push_back(readMethod(method));
  return entity;
}

Job readJob(const YAML::Node &node) {
  Job job;
  job.name = node["name"].as<std::string>();
  if (node["location"])
    readLocation(node["location"], job.file, job.line);
  job.map = node["map"].as<std::string>();
  job.reduce = node["reduce"].as<std::string>();
  if (node["combine"])
    job.combine = node["combine"].as<std::string>();
  job.key_type = node["key_type"].as<std::string>();
  job.value_type = node["value_type"].as<std::string>();
  job.output_type = node["output_type"] ? node["output_type"].as<std::string>()
                                        : job.value_type;
  return job;
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

bool fromYAML(const std::string &text, Module &module, std::string &error) {
  try {
    const YAML::Node root = YAML::Load(text);
    if (!root.IsMap() || !root["entities"] || !root["jobs"])
      throw std::runtime_error("not a flowc IR document (needs flowc_ir, entities, jobs)");
    Module result;
    result.version = root["flowc_ir"].as<int>();
    for (const YAML::Node &entity : root["entities"])
      result.entities.push_back(readEntity(entity));
    for (const YAML::Node &job : root["jobs"])
      result.jobs.push_back(readJob(job));
    for (const YAML::Node &node : root["structs"]) {
      Struct record;
      record.name = node["name"].as<std::string>();
      record.qualified_name = node["qualified_name"].as<std::string>();
      readLocation(node["location"], record.file, record.line);
      record.fields = readFields(node["fields"]);
      result.structs.push_back(std::move(record));
    }
    module = std::move(result);
    return true;
  } catch (const YAML::Exception &e) {
    error = e.what();
    return false;
  } catch (const std::exception &e) {
    error = e.what();
    return false;
  }
}

} // namespace flowc::ir
