// progress.cpp - a one-line progress display, redrawn in place with \r.
#include "progress.h"

#include "system.h"

#include <string>
#include <unistd.h>

namespace flowc::mapreduce {

Progress::Progress()
    : enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { clear(); }

void Progress::show(std::uint64_t done, std::uint64_t total) {
  if (!enabled_)
    return;
  double seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start_)
                       .count();
  std::string line = "\rmap: " + format_bytes(done);
  if (total > 0 && done <= total)
    line += " of " + format_bytes(total) + " (" +
            std::to_string(done * 100 / total) + "%)";
  if (seconds > 0)
    line += ", " +
            format_bytes(static_cast<std::uint64_t>(double(done) / seconds)) +
            "/s";
  line += "\033[K";
  // Best effort: a progress line that cannot be written is not an error.
  [[maybe_unused]] ssize_t ignored =
      ::write(STDERR_FILENO, line.data(), line.size());
  drawn_ = true;
}

void Progress::clear() {
  if (!drawn_)
    return;
  [[maybe_unused]] ssize_t ignored = ::write(STDERR_FILENO, "\r\033[K", 4);
  drawn_ = false;
}

} // namespace flowc::mapreduce
