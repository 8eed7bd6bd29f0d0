// JobContext.h - the MapReduce jobs of the IR as mstch values for the templates.
#pragma once

#include "Emit/Schema.h"
#include "IR/IR.h"

#include <mstch/mstch.hpp>

#include <vector>

namespace flowc::emit {

// One object per job, in IR order: name, map, reduce, combine, has_combine,
// key_type, value_type, output_type, file, line, location.
class Keys;
// Each job's names, described once (Keys.h).
void describeJob(Keys &keys, const ir::Job &job);

mstch::array jobsContext(const std::vector<ir::Job> &jobs);

// The names each element of jobsContext() provides.
const Schema &jobSchema();

} // namespace flowc::emit
