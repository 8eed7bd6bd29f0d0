// Schema.h - the variables a template may name, as a tree of scopes.
//
// mstch renders a name it cannot find as nothing, so a misspelt variable in a
// template would silently drop code. Each context builder describes the names
// it provides here, and TemplateCheck rejects any tag naming something else.
#pragma once

#include <map>
#include <string>

namespace flowc::emit {

// A name's schema: the names visible inside `{{#name}}...{{/name}}` when the
// value is a list of objects or an object; empty for strings and booleans.
struct Schema {
  std::map<std::string, Schema> fields;
  // A name whose value holds what an enclosing one holds (code nested in
  // code): its names are that schema's (Keys::recursiveList).
  const Schema *same_as = nullptr;

  // The schema whose names this one has.
  const Schema &names() const { return same_as ? *same_as : *this; }
};

} // namespace flowc::emit
