// wordcount.cpp - the job's functions, as a user would write them.
#include "wordcount.h"

#include "whitespace.h"

void split_words(std::string_view line,
                 flowc::Emitter<std::string, std::int64_t> &out) {
  const char *p = line.data();
  const char *end = p + line.size();
  while (p != end) {
    while (p != end && is_ascii_space(*p))
      ++p;
    const char *start = p;
    while (p != end && !is_ascii_space(*p))
      ++p;
    if (p != start)
      out.emit(std::string_view(start, static_cast<std::size_t>(p - start)), 1);
  }
}

std::int64_t sum_counts(const std::string &, std::span<const std::int64_t> counts) {
  std::int64_t sum = 0;
  for (std::int64_t count : counts)
    sum += count;
  return sum;
}
