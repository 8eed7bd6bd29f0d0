// YAML.cpp - writes the IR as YAML.
//
// Small records (fields, calls, suspensions) are written in flow style so the
// document reads like docs/ir.md; everything else is block style.
#include "IR/YAML.h"

#include "IR/Code.h"

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

// Code as a sequence of one-key maps: `text`, `field`, `suspend`, `finish`,
// `loop` or `try`, in order.
void writeCode(YAML::Emitter &out, const Code &code);

void writeCodes(YAML::Emitter &out, const char *key,
                const std::vector<Code> &codes) {
  writeSeq(out, key, codes, [&](const Code &code) { writeCode(out, code); });
}

void writePiece(YAML::Emitter &out, const Piece &piece) {
  out << YAML::BeginMap;
  if (piece.suspend) {
    const Suspend &s = *piece.suspend;
    out << YAML::Key << "suspend" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "label" << YAML::Value << s.label;
    out << YAML::Key << "line" << YAML::Value << s.line;
    out << YAML::Key << "callee" << YAML::Value << s.callee;
    writeCodes(out, "args", s.args);
    if (!s.result.empty()) {
      out << YAML::Key << "result" << YAML::Value << s.result;
      out << YAML::Key << "result_type" << YAML::Value << s.result_type;
    }
    if (s.in_try)
      out << YAML::Key << "in_try" << YAML::Value << true;
    out << YAML::EndMap;
  } else if (piece.finish) {
    const Finish &f = *piece.finish;
    out << YAML::Key << "finish" << YAML::Value << YAML::BeginMap;
    if (f.value) {
      out << YAML::Key << "value" << YAML::Value;
      writeCode(out, *f.value);
    }
    if (!f.type.empty())
      out << YAML::Key << "type" << YAML::Value << f.type;
    if (f.discarded)
      out << YAML::Key << "discarded" << YAML::Value << true;
    out << YAML::EndMap;
  } else if (piece.loop) {
    const IndexLoop &l = *piece.loop;
    out << YAML::Key << "loop" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "index" << YAML::Value << l.index;
    out << YAML::Key << "range" << YAML::Value;
    writeCode(out, l.range);
    out << YAML::Key << "variable" << YAML::Value;
    writeCode(out, l.variable);
    out << YAML::Key << "pointer" << YAML::Value << l.pointer;
    out << YAML::EndMap;
  } else if (piece.entry) {
    const TryEntry &t = *piece.entry;
    out << YAML::Key << "try" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << t.id;
    out << YAML::Key << "resumes" << YAML::Value << YAML::BeginSeq;
    for (size_t i = 0; i < t.labels.size(); ++i) {
      out << YAML::Flow << YAML::BeginMap;
      out << YAML::Key << "label" << YAML::Value << t.labels[i];
      if (t.via[i] != 0)
        out << YAML::Key << "via" << YAML::Value << t.via[i];
      out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
  } else if (!piece.field.empty()) {
    out << YAML::Key << "field" << YAML::Value << piece.field;
  } else {
    // Quoted always: source text may read as a YAML number or boolean.
    out << YAML::Key << "text" << YAML::Value << YAML::DoubleQuoted
        << piece.text;
  }
  out << YAML::EndMap;
}

void writeCode(YAML::Emitter &out, const Code &code) {
  // An expression that is one piece reads best on one line.
  bool flow = code.size() <= 1 &&
              (code.empty() || isText(code.front()) ||
               !code.front().field.empty());
  if (flow)
    out << YAML::Flow;
  out << YAML::BeginSeq;
  for (const Piece &piece : code)
    writePiece(out, piece);
  out << YAML::EndSeq;
}

const char *homeName(MachineLocal::Home home) {
  switch (home) {
  case MachineLocal::Home::frame:
    return "frame";
  case MachineLocal::Home::local:
    return "local";
  case MachineLocal::Home::pointer:
    return "pointer";
  case MachineLocal::Home::constant:
    return "constant";
  }
  return "";
}

void writeMachine(YAML::Emitter &out, const Machine &machine) {
  out << YAML::BeginMap;
  writeSeq(out, "params", machine.params, [&](const MachineParam &param) {
    out << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << param.name;
    out << YAML::Key << "type" << YAML::Value << param.type;
    if (!param.field.empty())
      out << YAML::Key << "field" << YAML::Value << param.field;
    out << YAML::Key << "index" << YAML::Value << param.index;
    out << YAML::EndMap;
  });
  writeSeq(out, "locals", machine.locals, [&](const MachineLocal &local) {
    bool constant = local.home == MachineLocal::Home::constant;
    if (!constant)
      out << YAML::Flow;
    out << YAML::BeginMap;
    out << YAML::Key << "home" << YAML::Value << homeName(local.home);
    out << YAML::Key << "name" << YAML::Value << local.name;
    if (constant) {
      out << YAML::Key << "declaration" << YAML::Value;
      writeCode(out, local.declaration);
    } else {
      out << YAML::Key << "type" << YAML::Value << local.type;
      if (!local.store.empty() && local.store != local.name)
        out << YAML::Key << "store" << YAML::Value << local.store;
      if (local.is_const)
        out << YAML::Key << "const" << YAML::Value << true;
    }
    out << YAML::EndMap;
  });
  writeSeq(out, "resumes", machine.resumes, [&](const Resume &resume) {
    out << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "label" << YAML::Value << resume.label;
    if (resume.via != 0)
      out << YAML::Key << "via" << YAML::Value << resume.via;
    if (!resume.rebinds.empty())
      writeSeq(out, "rebinds", resume.rebinds, [&](const Rebind &rebind) {
        out << YAML::BeginMap;
        out << YAML::Key << "variable" << YAML::Value << rebind.variable;
        out << YAML::Key << "range" << YAML::Value;
        writeCode(out, rebind.range);
        out << YAML::Key << "index" << YAML::Value << rebind.index;
        out << YAML::EndMap;
      });
    out << YAML::EndMap;
  });
  out << YAML::Key << "body" << YAML::Value;
  writeCode(out, machine.body);
  out << YAML::Key << "finishes_at_end" << YAML::Value
      << machine.finishes_at_end;
  out << YAML::EndMap;
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
  if (method.machine) {
    writeFields(out, "frame", method.frame);
    out << YAML::Key << "machine" << YAML::Value;
    writeMachine(out, *method.machine);
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
  if (!module.uses.empty())
    writeSeq(out, "uses", module.uses, [&](const Use &use) {
      out << YAML::Flow << YAML::BeginMap;
      out << YAML::Key << "entity" << YAML::Value << use.entity;
      out << YAML::Key << "header" << YAML::Value << use.header;
      out << YAML::EndMap;
    });
  if (!module.enums.empty())
    writeSeq(out, "enums", module.enums, [&](const Enum &decl) {
      out << YAML::BeginMap;
      out << YAML::Key << "name" << YAML::Value << decl.name;
      out << YAML::Key << "qualified_name" << YAML::Value << decl.qualified_name;
      out << YAML::Key << "location" << YAML::Value
          << location(decl.file, decl.line);
      out << YAML::Key << "enumerators" << YAML::Value << YAML::Flow
          << decl.enumerators;
      out << YAML::EndMap;
    });
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

} // namespace flowc::ir
