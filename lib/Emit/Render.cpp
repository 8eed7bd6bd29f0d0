// Render.cpp - mstch with HTML escaping turned off.
#include "Emit/Render.h"

namespace flowc::emit {

std::string render(const TemplateSet &templates, const std::string &name,
                   const mstch::node &context) {
  // mstch HTML-escapes `{{x}}` by default, which would turn
  // `std::vector<int>` into `std::vector&lt;int&gt;`.
  static const bool identity = [] {
    mstch::config::escape = [](const std::string &text) { return text; };
    return true;
  }();
  (void)identity;
  return mstch::render(templates.text(name), context, templates.partials());
}

} // namespace flowc::emit
