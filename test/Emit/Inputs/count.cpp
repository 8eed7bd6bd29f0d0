// count.cpp - a job defined in a source file, with no header.
#include <flowc/flowc.h>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

FLOWC_MAP(lines)
void whole_line(std::string_view line, flowc::Emitter<std::string, std::int64_t> &out) {
  out.emit(line, 1);
}
FLOWC_REDUCE(lines)
std::int64_t count(const std::string &, std::span<const std::int64_t> values) {
  return static_cast<std::int64_t>(values.size());
}
