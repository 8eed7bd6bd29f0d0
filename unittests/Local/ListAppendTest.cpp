// ListAppendTest.cpp - Elle's list-append workload on LocalRuntime: client
// threads run random transactions (Client::run: reads and appends of unique
// values over a few lists, some failing on purpose after their appends), the
// history they observed goes through the checker (elle.h). Under
// Isolation::serializable the history must be clean and only the calls that
// threw may fail; under Isolation::chain the checker must find what that mode
// allows (a failed call's appends stay, and chains interleave).
#include "list_append_workload.h"
#include "pause.h"

#include <gtest/gtest.h>

#include <chrono>
#include <deque>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace {

using namespace list_append;

Observed run_workload(const flowc::LocalOptions &options, unsigned seed,
                      const Workload &w = {}) {
  flowc::LocalRuntime rt(options);
  return run_workload_on(rt, seed, w);
}

std::string first(const std::vector<std::string> &lines, std::size_t n = 5) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < n; ++i)
    out += lines[i] + "\n";
  return out;
}

class ListAppendSerializable : public ::testing::TestWithParam<std::tuple<unsigned, unsigned>> {};

TEST_P(ListAppendSerializable, HistoryHasNoAnomalies) {
  auto [workers, seed] = GetParam();
  Observed run = run_workload(
      flowc::LocalOptions{.workers = workers, .isolation = flowc::Isolation::serializable}, seed);
  elle::Report report = elle::check(run.history);
  EXPECT_TRUE(report.ok()) << report.to_string();
  EXPECT_TRUE(run.unexpected.empty()) << run.unexpected.size() << " unexpected outcomes:\n"
                                      << first(run.unexpected);
  EXPECT_EQ(run.deadlocks, 0);
  EXPECT_GT(run.meant_to_fail, 0);
  EXPECT_EQ(static_cast<long>(report.failed), run.meant_to_fail);
  EXPECT_EQ(run.stats.failed, static_cast<std::uint64_t>(run.meant_to_fail));
  EXPECT_GE(run.stats.committed, report.committed);
  // Something to check: reads saw other calls' appends, and before them.
  EXPECT_GT(report.wr, 0u);
  EXPECT_GT(report.rw, 0u);
  RecordProperty("anomalies", report.summary());
  RecordProperty("reruns", std::to_string(run.stats.reruns));
  RecordProperty("wounds", std::to_string(run.stats.wounds));
}

INSTANTIATE_TEST_SUITE_P(WorkersSeeds, ListAppendSerializable,
                         ::testing::Combine(::testing::Values(1u, 2u, 4u),
                                            ::testing::Values(1u, 2u, 3u)));

class ListAppendChain : public ::testing::TestWithParam<std::tuple<unsigned, unsigned>> {};

// Chain mode keeps a failed call's appends and lets chains interleave
// between their calls: the checker must say so.
TEST_P(ListAppendChain, CheckerFindsTheAnomalies) {
  auto [workers, seed] = GetParam();
  Observed run = run_workload(
      flowc::LocalOptions{.workers = workers, .isolation = flowc::Isolation::chain}, seed);
  elle::Report report = elle::check(run.history);
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(run.unexpected.empty()) << run.unexpected.size() << " unexpected outcomes:\n"
                                      << first(run.unexpected);
  // Every append of a call that threw after its appends stayed (and those of
  // a call failed by Deadlock that ran before it).
  EXPECT_GT(run.appends_meant_to_fail, 0);
  EXPECT_GE(report.count(elle::Anomaly::failed_append_stayed),
            static_cast<std::size_t>(run.appends_meant_to_fail))
      << report.to_string();
  EXPECT_EQ(static_cast<long>(report.failed), run.meant_to_fail + run.deadlocks);
  std::cout << "chain mode, workers " << workers << ", seed " << seed << ", deadlocks "
            << run.deadlocks << ": " << report.to_string();
  RecordProperty("anomalies", report.summary());
}

INSTANTIATE_TEST_SUITE_P(WorkersSeeds, ListAppendChain,
                         ::testing::Combine(::testing::Values(2u, 4u), ::testing::Values(1u, 2u)));

// Write skew, interleaved the same way every run: the workers are parked
// while T1 (read a, append b) and T2 (read b, append a) are sent, so in chain
// mode both read before either appends (a G2 cycle); serializable runs them
// one after the other.
class ListAppendWriteSkew : public ::testing::TestWithParam<flowc::Isolation> {};

TEST_P(ListAppendWriteSkew, TwoCrossingCalls) {
  flowc::Isolation isolation = GetParam();
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 1, .isolation = isolation});
  Ref<List> a = await(rt.create<List>("a"));
  Ref<List> b = await(rt.create<List>("b"));
  Ref<Client> c1 = await(rt.create<Client>("c1"));
  Ref<Client> c2 = await(rt.create<Client>("c2"));
  std::future<Seen> f1, f2;
  {
    local_test::ParkedWorkers parked(rt);
    f1 = rt.call<&Client::run>(c1, std::vector<Ref<List>>{a, b},
                               std::vector<int>{lists::read, lists::append},
                               std::vector<long>{0, 1}, false);
    f2 = rt.call<&Client::run>(c2, std::vector<Ref<List>>{b, a},
                               std::vector<int>{lists::read, lists::append},
                               std::vector<long>{0, 2}, false);
  }
  Seen s1 = await(std::move(f1)), s2 = await(std::move(f2));
  elle::History h;
  h.calls.push_back({1,
                     elle::Outcome::committed,
                     {elle::Op::read("a", s1.at(0)), elle::Op::append("b", 1)},
                     "",
                     -1,
                     -1});
  h.calls.push_back({2,
                     elle::Outcome::committed,
                     {elle::Op::read("b", s2.at(0)), elle::Op::append("a", 2)},
                     "",
                     -1,
                     -1});
  h.final_values["a"] = await(rt.call<&List::read>(a));
  h.final_values["b"] = await(rt.call<&List::read>(b));
  elle::Report report = elle::check(h);
  if (isolation == flowc::Isolation::chain) {
    EXPECT_EQ(report.count(elle::Anomaly::G2), 1u) << report.to_string();
    EXPECT_EQ(report.total(), 1u) << report.to_string();
  } else {
    EXPECT_TRUE(report.ok()) << report.to_string();
  }
}

INSTANTIATE_TEST_SUITE_P(Isolation, ListAppendWriteSkew,
                         ::testing::Values(flowc::Isolation::serializable, flowc::Isolation::chain),
                         [](const auto &info) {
                           return info.param == flowc::Isolation::chain ? "chain" : "serializable";
                         });

} // namespace
