// Render.h - one template rendered with mstch over a context.
#pragma once

#include "Emit/TemplateSet.h"

#include <mstch/mstch.hpp>

#include <string>

namespace flowc::emit {

// Renders the template `name` with every template available as a partial.
// Values are inserted verbatim: this is C++, not HTML.
std::string render(const TemplateSet &templates, const std::string &name,
                   const mstch::node &context);

} // namespace flowc::emit
