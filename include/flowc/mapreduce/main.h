// main.h - the main() of a MapReduce program: the map, combine, reduce and run commands.
//
// Generated code (or a hand-written program) registers its jobs and hands over:
//
//   int main(int argc, char **argv) {
//     return flowc::mapreduce::main(argc, argv, {
//         flowc::mapreduce::make_job<std::string, std::int64_t, std::int64_t>(
//             "wordcount", &split_words, &sum_counts, &sum_counts),
//     });
//   }
//
// `PROGRAM --help` describes the commands.
#pragma once

#include "flowc/mapreduce/job.h"

#include <vector>

namespace flowc::mapreduce {

// Parses the command line, runs the chosen command of the chosen job and returns
// the exit status: 0 success, 1 bad input or a failed job function, 2 bad usage.
int main(int argc, char **argv, std::vector<Job> jobs);

} // namespace flowc::mapreduce
