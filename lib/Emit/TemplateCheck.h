// TemplateCheck.h - every tag of a template checked against the variables its
// context provides, before anything is rendered.
//
// mstch renders unknown variables and partials as empty text, which would turn a
// typo in a `--templates` override into silently missing code. The check walks
// the templates as mstch will render them (sections open scopes, partials are
// checked where they are included) and reports each unknown name with the
// template file, line and column.
#pragma once

#include "Emit/Schema.h"
#include "Emit/TemplateSet.h"

#include <string>
#include <vector>

namespace flowc::emit {

// Checks `root` and the partials it includes. Returns one Clang-style message
// (`file:line:col: error: ...`) per problem; empty when the template is sound.
std::vector<std::string> checkTemplate(const TemplateSet &templates,
                                       const std::string &root,
                                       const Schema &schema);

} // namespace flowc::emit
