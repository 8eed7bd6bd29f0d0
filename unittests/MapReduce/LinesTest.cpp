// LinesTest.cpp - byte-order sorting, k-way merging, spill runs and map tasks.
#include "flowc/mapreduce/job.h"
#include "spill.h"
#include "test_jobs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace flowc::mapreduce;

namespace {

std::vector<std::string> read_all(LineSource &source) {
  std::vector<std::string> lines;
  std::string_view line;
  while (source.next(line))
    lines.emplace_back(line);
  return lines;
}

LineSet make_set(const std::vector<std::string> &lines) {
  LineSet set;
  for (const std::string &line : lines)
    set.add(line);
  set.sort();
  return set;
}

} // namespace

TEST(LinesTest, SortIsUnsignedByteOrderLikeCSort) {
  std::vector<std::string> lines = {"b",    "a\tb", "a",       "\xff",  "",
                                    "a b",  "ab",   "a\x01",   "abcd",  "abc",
                                    "abcde", "abce", std::string("a\0", 2)};
  LineSet set = make_set(lines);
  std::vector<std::string> expected = {"",    "a", std::string("a\0", 2),
                                       "a\x01", "a\tb", "a b", "ab", "abc",
                                       "abcd", "abcde", "abce", "b", "\xff"};
  ASSERT_EQ(set.size(), expected.size());
  for (std::size_t i = 0; i < set.size(); ++i)
    EXPECT_EQ(set[i], expected[i]) << i;
}

TEST(LinesTest, MergeSourceMergesSortedSources) {
  LineSet a = make_set({"a", "c", "e", "e"}), b = make_set({"b", "c", "f"}),
          c = make_set({}), d = make_set({"0"});
  std::vector<std::unique_ptr<LineSource>> sources;
  for (LineSet *set : {&a, &b, &c, &d})
    sources.push_back(std::make_unique<LineSetSource>(*set));
  MergeSource merge(std::move(sources));
  EXPECT_EQ(read_all(merge), (std::vector<std::string>{"0", "a", "b", "c", "c",
                                                       "e", "e", "f"}));
}

TEST(LinesTest, SpillRunsRoundTripAndMerge) {
  std::vector<LineSet> first(2), second(2);
  first[0] = make_set({"k1\t1", "k3\t1"});
  first[1] = make_set({});
  second[0] = make_set({"k2\t5"});
  second[1] = make_set({std::string(100000, 'x') + "\t1", "y\t2"});
  SpillRun runs[] = {write_run(first), write_run(second)};
  EXPECT_EQ(runs[0].bounds.size(), 3u);
  auto part = runs[1].partition(1, 16 << 10); // a line longer than the block
  EXPECT_EQ(read_all(*part), (std::vector<std::string>{
                                 std::string(100000, 'x') + "\t1", "y\t2"}));
  SpillRun merged = merge_runs(runs, 2, 16 << 10);
  auto p0 = merged.partition(0, 16 << 10);
  EXPECT_EQ(read_all(*p0),
            (std::vector<std::string>{"k1\t1", "k2\t5", "k3\t1"}));
  auto p1 = merged.partition(1, 16 << 10);
  EXPECT_EQ(read_all(*p1).size(), 2u);
}

TEST(LinesTest, OutputRunMovesToDiskPastItsBudget) {
  OutputRun small(1 << 30), large(1);
  std::vector<std::string> lines;
  for (int i = 0; i < 100000; ++i)
    lines.push_back("line " + std::to_string(1000000 + i));
  for (const std::string &line : lines) {
    small.put(line);
    large.put(line);
  }
  EXPECT_FALSE(small.spilled());
  EXPECT_TRUE(large.spilled());
  EXPECT_EQ(read_all(*small.source(1 << 16)), lines);
  EXPECT_EQ(read_all(*large.source(1 << 16)), lines);
}

namespace {
// Counts the spills a task asks for, draining it like the engine does.
struct CountingSpiller final : Spiller {
  int spills = 0;
  std::vector<std::string> lines;
  void spill(MapTask &task) override {
    ++spills;
    std::vector<LineSet> parts(2);
    task.drain(parts);
    for (LineSet &set : parts)
      for (std::size_t i = 0; i < set.size(); ++i)
        lines.emplace_back(set[i]);
  }
};
} // namespace

TEST(LinesTest, MapTaskSpillsPastItsBudgetAndDrainsSortedLines) {
  Job job = make_job<std::string, std::int64_t, std::int64_t>(
      "wordcount", &testjobs::split_words, &testjobs::sum_counts,
      &testjobs::sum_counts);
  CountingSpiller spiller;
  auto task = job.impl().make_task(TaskConfig{2, 4096, &spiller});
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text.append("w").append(std::to_string(i % 500)).append(" w");
    text.append(std::to_string(i % 7)).append("\n");
  }
  task->map_chunk(text);
  EXPECT_GT(spiller.spills, 2);
  EXPECT_LE(task->memory_bytes(), 4096u + 2048u);
  // Drained lines are combined counts; their total is every word.
  spiller.spill(*task);
  std::int64_t total = 0;
  for (const std::string &line : spiller.lines)
    total += std::stoll(line.substr(line.find('\t') + 1));
  EXPECT_EQ(total, 4000);
  EXPECT_EQ(task->memory_bytes(), 0u);
}

TEST(LinesTest, InMemoryReduceMergesTasksAndSortsValuesByText) {
  Job job = make_job<std::string, std::string, std::string>(
      "fields", &testjobs::split_first_field, &testjobs::join_lines, nullptr);
  TaskConfig config{2, SIZE_MAX, nullptr};
  auto a = job.impl().make_task(config), b = job.impl().make_task(config);
  a->map_chunk("k b\nk 10\nz last");
  b->map_chunk("k 9\nk a\\b\n");
  MapTask *tasks[] = {a.get(), b.get()};
  std::vector<std::string> lines;
  for (unsigned p = 0; p < 2; ++p) {
    LineSet out;
    job.impl().reduce_tables(tasks, p, out);
    for (std::size_t i = 0; i < out.size(); ++i)
      lines.emplace_back(out[i]);
  }
  std::sort(lines.begin(), lines.end());
  // Values in the order sort gives their text: "10" < "9" < "a\\\\b" < "b".
  EXPECT_EQ(lines, (std::vector<std::string>{"k\t10\\n9\\na\\\\b\\nb",
                                             "z\tlast"}));
}
