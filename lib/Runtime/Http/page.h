// page.h - the web page's frame, style and script, served by the gateway
// itself (nothing from another site). The generated part, a section per
// entity with its forms, comes from each X.flowc.cpp (gateway_page.html).
#pragma once

#include <string>
#include <string_view>

namespace flowc::gateway {

inline constexpr std::string_view page_script_path = "/flowc-gateway.js";
inline constexpr std::string_view page_style_path = "/flowc-gateway.css";
extern const std::string_view page_script;
extern const std::string_view page_style;

// The whole page around the generated sections.
std::string page_html(const std::string &sections);

} // namespace flowc::gateway
