// Dot.cpp - writes the entity call graph and the jobs as Graphviz DOT.
#include "IR/Dot.h"

#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace flowc::ir {
namespace {

// DOT string literal with quotes and backslashes escaped.
std::string quote(const std::string &text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

// A node per entity of the module, labelled with its key; returns their
// names.
std::set<std::string> writeEntities(std::ostream &out, const Module &module) {
  std::set<std::string> defined;
  for (const Entity &entity : module.entities) {
    defined.insert(entity.qualified_name);
    out << "  " << quote(entity.qualified_name) << " [label="
        << quote(entity.name + "\nkey: " + entity.key.name) << "];\n";
  }
  return defined;
}

// One edge per (caller, method -> callee, method), in source order; a dashed
// node for each callee the module does not define.
void writeCalls(std::ostream &out, const Module &module,
                const std::set<std::string> &defined) {
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  std::map<std::string, std::string> external; // qualified -> name
  for (const Entity &entity : module.entities)
    for (const Method &method : entity.methods)
      for (const RemoteCall &call : method.remote_calls) {
        std::string callee = call.qualified_entity.empty()
                                 ? call.entity
                                 : call.qualified_entity;
        if (!seen.insert({entity.qualified_name, method.name, callee,
                          call.method})
                 .second)
          continue;
        if (!defined.count(callee))
          external.emplace(callee, call.entity);
        out << "  " << quote(entity.qualified_name) << " -> " << quote(callee)
            << " [label=" << quote(method.name + " \u2192 " + call.method)
            << "];\n";
      }
  for (const auto &[qualified, name] : external)
    out << "  " << quote(qualified) << " [label=" << quote(name)
        << ", style=\"rounded,dashed\"];\n";
}

// Each job as map (-> combine) -> reduce, in one cluster.
void writeJobs(std::ostream &out, const std::vector<Job> &jobs) {
  out << "  subgraph cluster_jobs {\n"
      << "    label=\"MapReduce jobs\";\n"
      << "    style=dashed;\n";
  for (const Job &job : jobs) {
    std::string prefix = "job:" + job.name + ":";
    out << "    " << quote(prefix + "map") << " [shape=ellipse, label="
        << quote(job.name + " map\n" + job.map) << "];\n";
    std::string last = prefix + "map";
    if (job.combine) {
      out << "    " << quote(prefix + "combine") << " [shape=ellipse, label="
          << quote(job.name + " combine\n" + *job.combine) << "];\n";
      out << "    " << quote(last) << " -> " << quote(prefix + "combine")
          << " [label=" << quote(job.key_type + ", " + job.value_type)
          << "];\n";
      last = prefix + "combine";
    }
    out << "    " << quote(prefix + "reduce") << " [shape=ellipse, label="
        << quote(job.name + " reduce\n" + job.reduce) << "];\n";
    out << "    " << quote(last) << " -> " << quote(prefix + "reduce")
        << " [label=" << quote(job.key_type + ", " + job.value_type)
        << "];\n";
  }
  out << "  }\n";
}

} // namespace

std::string toDot(const Module &module) {
  std::ostringstream out;
  out << "digraph flowc {\n"
      << "  rankdir=LR;\n"
      << "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  std::set<std::string> defined = writeEntities(out, module);
  writeCalls(out, module, defined);
  if (!module.jobs.empty())
    writeJobs(out, module.jobs);
  out << "}\n";
  return out.str();
}

} // namespace flowc::ir
