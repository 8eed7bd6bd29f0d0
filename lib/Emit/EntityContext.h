// EntityContext.h - the entities of the IR as mstch values for the templates.
#pragma once

#include "Emit/Schema.h"
#include "IR/IR.h"

#include <mstch/mstch.hpp>

#include <vector>

namespace flowc::emit {

// One object per entity, in IR order (see entitySchema() for the names), with
// its state, key and methods; split methods carry their frame and machine.
class Keys;
// Each entity's and struct's names, described once (Keys.h).
void describeEntity(Keys &keys, const ir::Entity &entity);
void describeStruct(Keys &keys, const ir::Struct &record);

mstch::array entitiesContext(const std::vector<ir::Entity> &entities);

// The names each element of entitiesContext() provides.
const Schema &entitySchema();

// One object per struct (name, qualified_name, id, location, fields with
// name, type and `comma` before all but the first).
mstch::array structsContext(const std::vector<ir::Struct> &structs);
const Schema &structSchema();

} // namespace flowc::emit
