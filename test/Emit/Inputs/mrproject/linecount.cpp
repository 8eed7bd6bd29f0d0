// linecount.cpp - a job defined in a source file: how often each line occurs.
#include <flowc/flowc.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

FLOWC_MAP(linecount)
void whole_line(std::string_view line, flowc::Emitter<std::string, std::int64_t> &out) {
  out.emit(line, 1);
}
FLOWC_REDUCE(linecount)
std::int64_t count_lines(const std::string &, std::span<const std::int64_t> counts) {
  return static_cast<std::int64_t>(counts.size());
}
