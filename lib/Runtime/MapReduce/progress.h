// progress.h - the progress line `run` keeps on a terminal's standard error.
#pragma once

#include <chrono>
#include <cstdint>

namespace flowc::mapreduce {

class Progress {
public:
  // Draws only when standard error is a terminal.
  Progress();
  ~Progress();
  // Redraws "map: 120.5 MiB of 300.0 MiB (40%), 95.1 MiB/s" (total 0: unknown).
  void show(std::uint64_t done, std::uint64_t total);
  void clear();

private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

} // namespace flowc::mapreduce
