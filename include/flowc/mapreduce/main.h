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
// `PROGRAM --help` describes the commands. Decisions users can rely on:
//
// - Lines are split at '\n' only. A trailing '\r' is part of the line (as in
//   Hadoop Streaming), so CRLF input reaches the map function with its '\r',
//   and a reducer value "1\r" is an error. The last line may lack its newline;
//   in `run`, each input file is a sequence of lines of its own.
// - `reduce`/`combine` group *consecutive* lines whose keys are equal (parsed, so
//   "01" and "1" are one int key) and do not check that the input is sorted:
//   Hadoop's key order and `sort`'s line order differ for keys with bytes below
//   TAB, and both are fine. A line without a TAB, an unparsable key or value, or
//   a bad escape stops the program: "reduce: line N: ...", exit 1.
// - A reduce function sees a key's values in the order `sort` gives their lines,
//   that is by their text, in every mode; so `run` prints the same bytes as
//   `map | LC_ALL=C sort | reduce` even for order-sensitive reductions. With a
//   combiner, `run` combines while mapping (pairwise, as values arrive), which
//   gives the same bytes whenever the combiner is exact (integer sums, counts,
//   min, max), as Hadoop requires; a floating-point sum may differ in its last
//   digits, as it would on Hadoop.
// - `run --memory-limit` bounds the hash tables (an estimate of their bytes):
//   past half the limit, split over the threads, a thread writes its tables as
//   sorted runs to an unlinked temporary file in $TMPDIR, and the runs are
//   k-way merged before reducing. Reduce still holds one key's values at once.
#pragma once

#include "flowc/mapreduce/job.h"

#include <vector>

namespace flowc::mapreduce {

// Parses the command line, runs the chosen command of the chosen job and returns
// the exit status: 0 success, 1 bad input or a failed job function, 2 bad usage.
int main(int argc, char **argv, std::vector<Job> jobs);

} // namespace flowc::mapreduce
