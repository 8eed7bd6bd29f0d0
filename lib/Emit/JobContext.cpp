// JobContext.cpp - IR jobs -> mstch: names, functions and types as the IR spells
// them, and the source location each job came from for the generated comments.
#include "Emit/JobContext.h"

namespace flowc::emit {

mstch::array jobsContext(const std::vector<ir::Job> &jobs) {
  mstch::array array;
  for (const ir::Job &job : jobs) {
    array.push_back(mstch::map{
        {"name", job.name},
        {"map", job.map},
        {"reduce", job.reduce},
        {"combine", job.combine.value_or("")},
        {"has_combine", job.combine.has_value()},
        {"key_type", job.key_type},
        {"value_type", job.value_type},
        {"output_type", job.output_type},
        {"file", job.file},
        {"line", std::to_string(job.line)},
        {"location", job.file + ":" + std::to_string(job.line)},
    });
  }
  return array;
}

const Schema &jobSchema() {
  static const Schema schema{{
      {"name", {}},
      {"map", {}},
      {"reduce", {}},
      {"combine", {}},
      {"has_combine", {}},
      {"key_type", {}},
      {"value_type", {}},
      {"output_type", {}},
      {"file", {}},
      {"line", {}},
      {"location", {}},
  }};
  return schema;
}

} // namespace flowc::emit
