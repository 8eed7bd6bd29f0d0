// system.h - what the machine offers (cores, memory) and sizes as people write them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowc::mapreduce {

// Cores this process may run on (its CPU affinity), at least 1.
unsigned available_cpus();

// Physical memory, or the cgroup's memory limit when that is lower.
std::uint64_t usable_memory();

// The default `--memory-limit`: a quarter of usable_memory(), at least 64 MiB.
std::uint64_t default_memory_limit();

// "4096", "64K", "512M", "2G", "1T" (powers of 1024; case-insensitive; an
// optional trailing "B" or "iB"). Empty when malformed, zero or too large.
std::optional<std::uint64_t> parse_size(std::string_view text);

// "1.5 MiB" and the like, for messages.
std::string format_bytes(std::uint64_t bytes);

} // namespace flowc::mapreduce
