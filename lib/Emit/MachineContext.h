// MachineContext.h - a split method's machine as mstch values for
// templates/machine.mustache (docs/ir.md, "The machine").
#pragma once

#include "Emit/Schema.h"
#include "IR/IR.h"

#include <mstch/mstch.hpp>

namespace flowc::emit {

// The machine: params, locals, resumes, body and finishes_at_end (see
// machineSchema() for the names).
class Keys;
// The machine's names, described once: machineContext() and machineSchema()
// run it (Keys.h).
void describeMachine(Keys &keys, const ir::Machine &machine);

mstch::map machineContext(const ir::Machine &machine);
const Schema &machineSchema();

} // namespace flowc::emit
