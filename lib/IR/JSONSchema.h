// JSONSchema.h - the IR's JSON Schema (2020-12), derived from Mapping.h: the
// keys, which are required, and the type of each value. It checks what one
// key can say; Verify.h checks what keys say together.
#pragma once

#include <string>

namespace flowc::ir {

// The schema as JSON text, for share/flowc/flowc-ir.schema.json.
std::string irJSONSchema();

} // namespace flowc::ir
