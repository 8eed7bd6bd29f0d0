// mr_testjobs.cpp - the test jobs' program, registered exactly as flowc generates it.
#include <flowc/mapreduce/main.h>

#include "test_jobs.h"

int main(int argc, char **argv) {
  using namespace testjobs;
  return flowc::mapreduce::main(argc, argv, {
      flowc::mapreduce::make_job<std::string, std::int64_t, std::int64_t>(
          "wordcount", &split_words, &sum_counts, &sum_counts),
      flowc::mapreduce::make_job<std::string, std::int64_t, std::int64_t>(
          "wordcount_nc", &split_words, &sum_counts_view, nullptr),
      flowc::mapreduce::make_job<int, double, double>(
          "mean", &parse_reading, &mean_of, nullptr),
      flowc::mapreduce::make_job<bool, std::int64_t, std::int64_t>(
          "parity", &classify_numbers, &count_numbers, &count_numbers),
      flowc::mapreduce::make_job<std::string, std::string, std::string>(
          "fields", &split_first_field, &join_lines, nullptr),
      flowc::mapreduce::make_job<std::uint32_t, std::string, std::int64_t>(
          "lengths", &word_lengths, &count_distinct, nullptr),
      flowc::mapreduce::make_job<double, std::int32_t, std::int64_t>(
          "numbers", &number_tokens, &add_int64, &add_int32),
      flowc::mapreduce::make_job<std::uint8_t, std::int16_t, float>(
          "bytes", &byte_positions, &mean_position, nullptr),
      flowc::mapreduce::make_job<std::string, std::int64_t, std::int64_t>(
          "failing", &split_or_throw, &sum_or_throw, nullptr),
  });
}
