// process.h - child processes for the durable-store tests: started with
// posix_spawn (no fork of a process that may hold RocksDB's threads), their
// stdout read line by line, killed with SIGKILL.
#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace durable_test {

class Child {
public:
  explicit Child(const std::vector<std::string> &argv);
  ~Child(); // kills and reaps it if it still runs
  Child(const Child &) = delete;
  Child &operator=(const Child &) = delete;

  // The next whole line of its stdout (without the newline); false at the
  // end of its output or when `until` passes first.
  bool line(std::string &out, std::chrono::steady_clock::time_point until);
  // Every whole line it writes until `until` (or its end).
  std::vector<std::string> lines_until(std::chrono::steady_clock::time_point until);

  // SIGKILL, then the lines it wrote before it died.
  std::vector<std::string> kill();
  // Waits for it to end: its exit status (-signal when killed).
  int wait();

private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffer_;
  bool eof_ = false;
};

struct Result {
  int status = 0;
  std::string out, err;
};
// Runs a program to its end.
Result run(const std::vector<std::string> &argv);

} // namespace durable_test
