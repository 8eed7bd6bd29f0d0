// text_jobs.cpp - the word jobs' bodies.
#include "text_jobs.h"

#include <set>

namespace {
template <class Fn> void for_each_word(std::string_view line, Fn fn) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t')
      ++i;
    if (i > start)
      fn(line.substr(start, i - start));
  }
}
} // namespace

namespace text {
void split_words(std::string_view line, flowc::Emitter<std::string, std::int64_t> &out) {
  for_each_word(line, [&](std::string_view word) { out.emit(word, 1); });
}
std::int64_t sum_counts(const std::string &, std::span<const std::int64_t> counts) {
  std::int64_t sum = 0;
  for (std::int64_t count : counts)
    sum += count;
  return sum;
}
void length_parity(std::string_view line, flowc::Emitter<bool, std::int64_t> &out) {
  for_each_word(line, [&](std::string_view word) { out.emit(word.size() % 2 == 0, 1); });
}
std::int64_t count_parity(const bool &, std::span<const std::int64_t> counts) {
  return sum_counts(std::string(), counts);
}
} // namespace text

void word_lengths(const std::string &line, flowc::Emitter<std::uint32_t, std::string> &out) {
  for_each_word(line, [&](std::string_view word) {
    out.emit(static_cast<std::uint32_t>(word.size()), std::string(word));
  });
}
std::int64_t count_distinct(std::uint32_t, std::span<const std::string> words) {
  return static_cast<std::int64_t>(std::set<std::string>(words.begin(), words.end()).size());
}
