// json_parse.h - JSON text -> flowc::json::Value (RapidJSON's SAX reader).
#pragma once

#include "flowc/runtime/json.h"

#include <string_view>

namespace flowc::json {

// The whole text as one value. Throws ParseError naming the byte offset and
// the problem: not JSON, invalid UTF-8, a member name given twice in one
// object, or nesting deeper than max_depth. Numbers keep their text.
Value parse(std::string_view text, std::size_t max_depth = 256);

} // namespace flowc::json
