// run.h - the `run` command: a whole job in this process, on several threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace flowc::mapreduce {

class JobBase;

struct RunOptions {
  unsigned threads = 1;
  std::string output;                      // empty: standard output
  std::uint64_t memory_limit = UINT64_MAX; // bytes for tables before spilling
  bool verbose = false;                    // phases and spills on stderr
  std::vector<std::string> inputs;         // empty: standard input
};

// Maps the inputs into per-thread tables (combining as it goes when the job has
// a combiner), spills sorted runs past the memory limit, reduces the partitions
// in parallel and writes the output lines in byte order. Throws Error.
void run_job(JobBase &job, const RunOptions &options);

} // namespace flowc::mapreduce
