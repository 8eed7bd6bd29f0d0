// CrashTest.cpp - kill -9 loses nothing acknowledged and applies nothing in
// part: crash_child runs list appends (some failing on purpose) or bank
// transfers on a store, is killed with SIGKILL at a random moment, and the
// store is read back (crash_child dump) after every kill and checked against
// what the child acknowledged, over many kills on the same folder.
#include "bank_ledger.h"
#include "list_history.h"
#include "process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using durable_test::Child;
using durable_test::ledger_holds;
using durable_test::sum_accounts;
using durable_test::words;
using Clock = std::chrono::steady_clock;

std::string fresh_folder(const std::string &name) {
  std::string folder = ::testing::TempDir() + "flowc-durable-" + name;
  std::filesystem::remove_all(folder);
  return folder;
}

// Runs the child until it is ready, lets it work for a random while, kills
// it: the lines it wrote.
std::vector<std::string> run_and_kill(const std::vector<std::string> &argv,
                                      std::mt19937 &rng) {
  Child child(argv);
  std::string first;
  EXPECT_TRUE(child.line(first, Clock::now() + std::chrono::seconds(30)));
  EXPECT_EQ(first, "ready");
  auto until = Clock::now() + std::chrono::milliseconds(40 + rng() % 260);
  std::vector<std::string> lines = child.lines_until(until);
  for (std::string &line : child.kill())
    lines.push_back(std::move(line));
  return lines;
}

std::vector<std::string> dump(const std::string &folder) {
  durable_test::Result result = durable_test::run({CRASH_CHILD, "dump", folder});
  EXPECT_EQ(result.status, 0) << result.err;
  std::vector<std::string> lines;
  std::istringstream in(result.out);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

const char *durability(int run) { return run % 2 == 0 ? "process" : "sync"; }

TEST(Crash, ListAppendsSurviveKills) {
  const std::string folder = fresh_folder("lists");
  std::mt19937 rng(20261207);
  durable_test::ListHistory history;
  long total_acked = 0;
  for (int run = 1; run <= 12; ++run) {
    for (const std::string &line :
         run_and_kill({CRASH_CHILD, "lists", folder, std::to_string(run),
                       durability(run)},
                      rng)) {
      std::vector<std::string> w = words(line);
      ASSERT_GE(w.size(), 2u) << line;
      history.record(w);
      total_acked += w[0] == "ok";
    }
    std::map<std::string, std::vector<long>> lists;
    for (const std::string &line : dump(folder)) {
      std::vector<std::string> w = words(line);
      ASSERT_EQ(w[0], "list");
      for (std::size_t i = 2; i < w.size(); ++i)
        lists[w[1]].push_back(std::stol(w[i]));
    }
    ASSERT_EQ(lists.size(), 5u) << "run " << run;
    ASSERT_NO_FATAL_FAILURE(history.check(std::move(lists), run));
  }
  EXPECT_GT(total_acked, 20) << "the children did too little to test";
  EXPECT_FALSE(history.failed.empty());
}

TEST(Crash, BankMoneyConservedOverKills) {
  const std::string folder = fresh_folder("bank");
  std::mt19937 rng(7);
  long acked = 0, attempts_in_flight = 0;
  for (int run = 1; run <= 10; ++run) {
    long answered = 0;
    for (const std::string &line :
         run_and_kill({CRASH_CHILD, "bank", folder, std::to_string(run),
                       durability(run)},
                      rng)) {
      ++answered;
      acked += line == "ok";
    }
    attempts_in_flight += 4; // at most one unanswered transfer per thread
    ASSERT_TRUE(ledger_holds(sum_accounts(dump(folder)), 8, 8 * 1000, acked,
                             attempts_in_flight))
        << "after run " << run;
    EXPECT_GT(answered, 0);
  }
  EXPECT_GT(acked, 20) << "the children did too little to test";
}

} // namespace
