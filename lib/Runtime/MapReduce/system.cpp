// system.cpp - core and memory discovery, and parsing of sizes like "512M".
#include "system.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sched.h>
#include <thread>
#include <unistd.h>

namespace flowc::mapreduce {

unsigned available_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0)
      return static_cast<unsigned>(count);
  }
  unsigned count = std::thread::hardware_concurrency();
  return count > 0 ? count : 1;
}

namespace {
// A cgroup limit file holds a byte count, or "max" when there is no limit.
std::optional<std::uint64_t> read_limit(const char *path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text) || text.empty() || !std::isdigit((unsigned char)text[0]))
    return std::nullopt;
  try {
    return std::stoull(text);
  } catch (...) {
    return std::nullopt;
  }
}
} // namespace

std::uint64_t usable_memory() {
  long pages = sysconf(_SC_PHYS_PAGES);
  long page_size = sysconf(_SC_PAGESIZE);
  std::uint64_t memory = pages > 0 && page_size > 0
                             ? std::uint64_t(pages) * std::uint64_t(page_size)
                             : std::uint64_t{1} << 32;
  for (const char *path : {"/sys/fs/cgroup/memory.max",
                           "/sys/fs/cgroup/memory/memory.limit_in_bytes"})
    if (auto limit = read_limit(path); limit && *limit < memory)
      memory = *limit;
  return memory;
}

std::uint64_t default_memory_limit() {
  constexpr std::uint64_t floor = std::uint64_t{64} << 20;
  std::uint64_t limit = usable_memory() / 4;
  return limit < floor ? floor : limit;
}

std::optional<std::uint64_t> parse_size(std::string_view text) {
  std::uint64_t value = 0;
  std::size_t i = 0;
  for (; i < text.size() && std::isdigit((unsigned char)text[i]); ++i) {
    if (value > (UINT64_MAX - 9) / 10)
      return std::nullopt;
    value = value * 10 + std::uint64_t(text[i] - '0');
  }
  if (i == 0)
    return std::nullopt;
  std::string_view suffix = text.substr(i);
  unsigned shift = 0;
  if (!suffix.empty()) {
    switch (std::toupper((unsigned char)suffix[0])) {
    case 'K':
      shift = 10;
      break;
    case 'M':
      shift = 20;
      break;
    case 'G':
      shift = 30;
      break;
    case 'T':
      shift = 40;
      break;
    case 'B':
      break;
    default:
      return std::nullopt;
    }
    if (shift != 0)
      suffix.remove_prefix(1);
    if (suffix == "iB" || suffix == "ib")
      suffix = {};
    else if (suffix == "B" || suffix == "b")
      suffix = {};
    if (!suffix.empty())
      return std::nullopt;
  }
  if (value == 0 || value > (UINT64_MAX >> shift))
    return std::nullopt;
  return value << shift;
}

std::string format_bytes(std::uint64_t bytes) {
  static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 4) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  if (unit == 0)
    std::snprintf(text, sizeof text, "%llu B", (unsigned long long)bytes);
  else
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
  return text;
}

} // namespace flowc::mapreduce
