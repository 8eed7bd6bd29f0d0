// JobContext.cpp - IR jobs -> mstch: names, functions and types as the IR spells
// them, and the source location each job came from for the generated comments.
#include "Emit/JobContext.h"

#include "Emit/Keys.h"

namespace flowc::emit {

void describeJob(Keys &keys, const ir::Job &job) {
  keys.value("name", job.name);
  keys.value("map", job.map);
  keys.value("reduce", job.reduce);
  keys.value("combine", job.combine.value_or(""));
  keys.value("has_combine", job.combine.has_value());
  keys.value("key_type", job.key_type);
  keys.value("value_type", job.value_type);
  keys.value("output_type", job.output_type);
  keys.value("file", job.file);
  keys.value("line", std::to_string(job.line));
  keys.value("location", job.file + ":" + std::to_string(job.line));
}

mstch::array jobsContext(const std::vector<ir::Job> &jobs) {
  return Keys::listOf(jobs, describeJob);
}

const Schema &jobSchema() {
  static const Schema schema = Keys::schemaOf<ir::Job>(describeJob);
  return schema;
}

} // namespace flowc::emit
