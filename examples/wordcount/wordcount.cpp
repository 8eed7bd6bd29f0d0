// wordcount.cpp - the word count's map and reduce: plain functions, no runtime.
#include "wordcount.h"

namespace wordcount {

namespace {
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
} // namespace

void split_words(std::string_view line,
                 flowc::Emitter<std::string, std::int64_t> &out) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i]))
      ++i;
    std::size_t start = i;
    while (i < line.size() && !is_space(line[i]))
      ++i;
    if (i > start)
      out.emit(line.substr(start, i - start), 1);
  }
}

std::int64_t sum_counts(const std::string &, std::span<const std::int64_t> counts) {
  std::int64_t sum = 0;
  for (std::int64_t count : counts)
    sum += count;
  return sum;
}

} // namespace wordcount
