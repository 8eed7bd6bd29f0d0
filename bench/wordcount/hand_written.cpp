// hand_written.cpp - the baseline: a careful single-threaded word count in plain C++.
//
// Big read() calls, the same tokenization as the job, an unordered_map with
// heterogeneous lookup (no allocation for a word already counted), and the same
// output as `wordcount run`: `word<TAB>count` lines in byte order, with
// backslashes escaped. usage: hand_written FILE
#include "whitespace.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

using Counts = std::unordered_map<std::string, std::int64_t, Hash, std::equal_to<>>;

void count(Counts &counts, std::string_view word) {
  auto it = counts.find(word);
  if (it != counts.end())
    ++it->second;
  else
    counts.emplace(word, 1);
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: hand_written FILE\n");
    return 2;
  }
  int fd = open(argv[1], O_RDONLY);
  if (fd < 0) {
    std::perror(argv[1]);
    return 1;
  }
  constexpr std::size_t block = 4 << 20;
  std::unique_ptr<char[]> buffer(new char[block]);
  std::string partial; // a word cut by the end of a block
  Counts counts;
  for (;;) {
    ssize_t n = read(fd, buffer.get(), block);
    if (n < 0) {
      std::perror(argv[1]);
      return 1;
    }
    const char *p = buffer.get();
    const char *end = p + n;
    if (n == 0) {
      if (!partial.empty())
        count(counts, partial);
      break;
    }
    if (!partial.empty()) {
      while (p != end && !is_ascii_space(*p))
        partial.push_back(*p++);
      if (p == end)
        continue;
      count(counts, partial);
      partial.clear();
    }
    while (p != end) {
      while (p != end && is_ascii_space(*p))
        ++p;
      const char *start = p;
      while (p != end && !is_ascii_space(*p))
        ++p;
      if (p == start)
        break;
      if (p == end)
        partial.assign(start, p);
      else
        count(counts, std::string_view(start, static_cast<std::size_t>(p - start)));
    }
  }
  close(fd);

  std::vector<std::string> lines;
  lines.reserve(counts.size());
  for (const auto &[word, n] : counts) {
    std::string line;
    for (char c : word) {
      if (c == '\\')
        line += '\\';
      line += c;
    }
    line += '\t';
    line += std::to_string(n);
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string &line : lines)
    out.append(line).push_back('\n');
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
