// ReduceInputTest.cpp - reduce/combine input: grouping, and errors naming the line.
#include "flowc/mapreduce/job.h"
#include "spill.h"
#include "test_jobs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>

using namespace flowc::mapreduce;

namespace {

// Runs text (lines of key<TAB>value) through a job's reduce_lines.
std::string reduce(const Job &job, std::string_view text,
                   ReducePhase phase = ReducePhase::Reduce) {
  TextLinesSource in(text);
  LineSet lines;
  LineSetSink out(lines);
  job.impl().reduce_lines(in, out, phase);
  std::string result;
  for (std::size_t i = 0; i < lines.size(); ++i)
    result.append(lines[i]).append("\n");
  return result;
}

// The message of the Error that reducing text throws, or "" if none.
std::string reduce_error(const Job &job, std::string_view text,
                         ReducePhase phase = ReducePhase::Reduce) {
  try {
    reduce(job, text, phase);
  } catch (const Error &e) {
    return e.what();
  }
  return "";
}

const Job wordcount = make_job<std::string, std::int64_t, std::int64_t>(
    "wordcount", &testjobs::split_words, &testjobs::sum_counts,
    &testjobs::sum_counts);
const Job mean = make_job<int, double, double>("mean", &testjobs::parse_reading,
                                               &testjobs::mean_of, nullptr);
const Job fields = make_job<std::string, std::string, std::string>(
    "fields", &testjobs::split_first_field, &testjobs::join_lines, nullptr);
const Job parity = make_job<bool, std::int64_t, std::int64_t>(
    "parity", &testjobs::classify_numbers, &testjobs::count_numbers,
    &testjobs::count_numbers);

} // namespace

TEST(ReduceInputTest, GroupsConsecutiveEqualKeys) {
  EXPECT_EQ(reduce(wordcount, "a\t1\na\t2\nb\t5\n"), "a\t3\nb\t5\n");
  // As sort orders lines: "a\x01" < "a" < "a b" < "a\\t..." (escaped TAB).
  EXPECT_EQ(reduce(wordcount, "a\x01\t1\na\t1\na\t1\na b\t1\na\\tx\t4\n"),
            "a\x01\t1\na\t2\na b\t1\na\\tx\t4\n");
  EXPECT_EQ(reduce(wordcount, ""), "");
}

TEST(ReduceInputTest, KeysWithDifferentTextButEqualValueGroup) {
  EXPECT_EQ(reduce(mean, "01\t1\n1\t3\n"), "1\t2\n");
}

TEST(ReduceInputTest, StringValuesAreUnescaped) {
  EXPECT_EQ(reduce(fields, "k\\\\\ta\\tb\nk\\\\\tc\\\\\n"), "k\\\\\ta\\tb\\nc\\\\\n");
}

TEST(ReduceInputTest, CombineUsesTheCombiner) {
  EXPECT_EQ(reduce(wordcount, "x\t1\nx\t1\n", ReducePhase::Combine), "x\t2\n");
  EXPECT_EQ(reduce(parity, "false\t2\ntrue\t1\ntrue\t1\n", ReducePhase::Combine),
            "false\t2\ntrue\t2\n");
}

// bool values reach reduce and combine as a std::span<const bool>, in order.
TEST(ReduceInputTest, BoolValues) {
  const Job flags = make_job<std::string, bool, std::string>(
      "flags",
      [](std::string_view line, flowc::Emitter<std::string, bool> &out) {
        out.emit(line, !line.empty());
      },
      [](const std::string &, std::span<const bool> values) {
        std::string letters;
        for (bool value : values)
          letters += value ? 't' : 'f';
        return letters;
      },
      [](const std::string &, std::span<const bool> values) {
        return std::find(values.begin(), values.end(), true) != values.end();
      });
  EXPECT_EQ(reduce(flags, "a\ttrue\na\tfalse\na\ttrue\nb\tfalse\n"),
            "a\ttft\nb\tf\n");
  EXPECT_EQ(reduce(flags, "a\tfalse\na\ttrue\nb\tfalse\nb\tfalse\n",
                   ReducePhase::Combine),
            "a\ttrue\nb\tfalse\n");
  EXPECT_EQ(reduce_error(flags, "a\t1\n"),
            "reduce: line 1: bad value \"1\" (bool): expected true or false");
}

TEST(ReduceInputTest, ErrorsNameTheLine) {
  EXPECT_EQ(reduce_error(wordcount, "a\t1\nb\t2\nno tab here\n"),
            "reduce: line 3: no TAB between key and value in \"no tab here\"");
  EXPECT_EQ(reduce_error(wordcount, "a\t1\na\tx\n"),
            "reduce: line 2: bad value \"x\" (int64): expected an integer");
  EXPECT_EQ(reduce_error(wordcount, "a\t99999999999999999999\n"),
            "reduce: line 1: bad value \"99999999999999999999\" (int64): "
            "integer out of range");
  EXPECT_EQ(reduce_error(wordcount, "a\t1\r\n"),
            "reduce: line 1: bad value \"1\\r\" (int64): expected an integer");
  EXPECT_EQ(reduce_error(wordcount, "a\t\n"),
            "reduce: line 1: bad value \"\" (int64): expected an integer");
  EXPECT_EQ(reduce_error(mean, "1\t2\nx\t1\n"),
            "reduce: line 2: bad key \"x\" (int32): expected an integer");
  EXPECT_EQ(reduce_error(parity, "yes\t1\n"),
            "reduce: line 1: bad key \"yes\" (bool): expected true or false");
  EXPECT_EQ(reduce_error(wordcount, "bad\\qescape\t1\n"),
            "reduce: line 1: bad key \"bad\\\\qescape\" (string): unknown "
            "escape (only \\\\, \\t and \\n are allowed)");
  EXPECT_EQ(reduce_error(fields, "k\tv\\\n"),
            "reduce: line 1: bad value \"v\\\\\" (string): a backslash ends "
            "the field (write \\\\ for a backslash)");
  EXPECT_EQ(reduce_error(wordcount, "a\t1\n\n", ReducePhase::Combine),
            "combine: line 2: no TAB between key and value in \"\"");
}

TEST(ReduceInputTest, LongLinesAreCutInMessages) {
  std::string line(1000, 'x');
  std::string message = reduce_error(wordcount, line + "\n");
  EXPECT_NE(message.find("... (1000 bytes)"), std::string::npos) << message;
  EXPECT_LT(message.size(), 200u);
}

TEST(ReduceInputTest, FailingReduceFunctionIsReported) {
  const Job throws = make_job<std::string, std::int64_t, std::int64_t>(
      "throws", &testjobs::split_words,
      [](const std::string &, std::span<const std::int64_t>) -> std::int64_t {
        throw std::runtime_error("no sums today");
      });
  EXPECT_EQ(reduce_error(throws, "k\t1\n"),
            "reduce: the reduce function failed for key \"k\": no sums today");
}
