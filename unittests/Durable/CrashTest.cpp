// CrashTest.cpp - kill -9 loses nothing acknowledged and applies nothing in
// part: crash_child runs list appends (some failing on purpose) or bank
// transfers on a store, is killed with SIGKILL at a random moment, and the
// store is read back (crash_child dump) after every kill and checked against
// what the child acknowledged, over many kills on the same folder.
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
using Clock = std::chrono::steady_clock;

std::string fresh_folder(const std::string &name) {
  std::string folder = ::testing::TempDir() + "flowc-durable-" + name;
  std::filesystem::remove_all(folder);
  return folder;
}

std::vector<std::string> words(const std::string &line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;)
    out.push_back(w);
  return out;
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
  std::map<long, std::vector<std::string>> tried; // value -> its lists
  std::set<long> acked, failed;
  std::map<std::string, std::vector<long>> before; // the last dump
  long total_acked = 0;
  for (int run = 1; run <= 12; ++run) {
    for (const std::string &line :
         run_and_kill({CRASH_CHILD, "lists", folder, std::to_string(run),
                       durability(run)},
                      rng)) {
      std::vector<std::string> w = words(line);
      ASSERT_GE(w.size(), 2u) << line;
      long value = std::stol(w[1]);
      if (w[0] == "try")
        tried[value].assign(w.begin() + 2, w.end());
      else if (w[0] == "ok") {
        acked.insert(value);
        ++total_acked;
      }
      else if (w[0] == "fail")
        failed.insert(value);
    }
    std::map<std::string, std::vector<long>> lists;
    for (const std::string &line : dump(folder)) {
      std::vector<std::string> w = words(line);
      ASSERT_EQ(w[0], "list");
      for (std::size_t i = 2; i < w.size(); ++i)
        lists[w[1]].push_back(std::stol(w[i]));
    }
    ASSERT_EQ(lists.size(), 5u) << "run " << run;
    // Where each value is, at which position.
    std::map<long, std::map<std::string, std::size_t>> where;
    for (const auto &[name, items] : lists) {
      // Nothing committed before is lost: the last dump is a prefix.
      const std::vector<long> &old = before[name];
      ASSERT_LE(old.size(), items.size()) << name << " shrank after run " << run;
      ASSERT_TRUE(std::equal(old.begin(), old.end(), items.begin()))
          << name << " lost or changed committed values after run " << run;
      for (std::size_t i = 0; i < items.size(); ++i) {
        ASSERT_TRUE(tried.count(items[i])) << items[i] << " was never appended";
        ASSERT_FALSE(failed.count(items[i]))
            << items[i] << " is from a chain that failed on purpose";
        ASSERT_TRUE(where[items[i]].emplace(name, i).second)
            << items[i] << " appended twice to " << name;
      }
    }
    for (const auto &[value, lists_of] : tried) {
      auto found = where.find(value);
      if (acked.count(value)) { // acknowledged: in every list it went to
        ASSERT_TRUE(found != where.end() && found->second.size() == lists_of.size())
            << "acknowledged " << value << " lost after run " << run;
      }
      if (found == where.end())
        continue;
      // All of the chain or nothing.
      ASSERT_EQ(found->second.size(), lists_of.size())
          << value << " applied in part after run " << run;
      for (const std::string &list : lists_of)
        ASSERT_TRUE(found->second.count(list)) << value << " in the wrong list";
    }
    // The same relative order in every list two values share: the values
    // two lists have in common come in the same sequence in both.
    for (const auto &[a, items_a] : lists)
      for (const auto &[b, items_b] : lists) {
        if (a >= b)
          continue;
        std::set<long> in_b(items_b.begin(), items_b.end());
        std::set<long> in_a(items_a.begin(), items_a.end());
        std::vector<long> common_a, common_b;
        for (long v : items_a)
          if (in_b.count(v))
            common_a.push_back(v);
        for (long v : items_b)
          if (in_a.count(v))
            common_b.push_back(v);
        ASSERT_EQ(common_a, common_b)
            << a << " and " << b << " order their values differently after run " << run;
      }
    before = std::move(lists);
  }
  EXPECT_GT(total_acked, 20) << "the children did too little to test";
  EXPECT_FALSE(failed.empty());
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
    long balance = 0, transfers = 0, deposits = 0;
    int accounts = 0;
    for (const std::string &line : dump(folder)) {
      std::vector<std::string> w = words(line);
      if (w[0] != "account")
        continue;
      ++accounts;
      balance += std::stol(w[2]);
      transfers += std::stol(w[3]);
      deposits += std::stol(w[4]);
    }
    ASSERT_EQ(accounts, 8);
    ASSERT_EQ(balance, 8 * 1000) << "money not conserved after run " << run;
    ASSERT_EQ(transfers, deposits) << "a transfer applied in part after run " << run;
    ASSERT_GE(transfers, acked) << "acknowledged transfers lost after run " << run;
    ASSERT_LE(transfers, acked + attempts_in_flight)
        << "transfers applied twice after run " << run;
    EXPECT_GT(answered, 0);
  }
  EXPECT_GT(acked, 20) << "the children did too little to test";
}

} // namespace
