// ElleTest.cpp - the list-append checker (elle.h) on hand-written histories:
// each anomaly it knows, found where it is and nowhere else.
#include "elle.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

using elle::Anomaly;
using elle::Op;
using elle::Outcome;

elle::Call txn(std::uint64_t id, std::vector<Op> ops, Outcome outcome = Outcome::committed) {
  elle::Call call;
  call.id = id;
  call.outcome = outcome;
  call.ops = std::move(ops);
  if (outcome == Outcome::failed)
    call.error = "thrown on purpose";
  return call;
}
Op a(const char *key, long value) { return Op::append(key, value); }
Op r(const char *key, std::vector<long> seen) { return Op::read(key, std::move(seen)); }

// Only `kind` was found, `n` times.
void expect_only(const elle::Report &report, Anomaly kind, std::size_t n = 1) {
  EXPECT_EQ(report.count(kind), n) << report.to_string();
  EXPECT_EQ(report.total(), n) << report.to_string();
}

TEST(ElleChecker, SerialHistoryIsClean) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1)}), txn(2, {r("x", {1}), a("x", 2), a("y", 3)}),
             txn(3, {r("x", {1, 2}), r("y", {3}), r("z", {})}),
             txn(4, {a("z", 4), r("z", {4}), a("z", 5), r("z", {4, 5})})};
  h.final_values = {{"x", {1, 2}}, {"y", {3}}, {"z", {4, 5}}};
  elle::Report report = elle::check(h);
  EXPECT_TRUE(report.ok()) << report.to_string();
  EXPECT_EQ(report.summary(), "clean");
  EXPECT_EQ(report.committed, 4u);
  EXPECT_EQ(report.ww, 1u); // T1 -> T2 (x)
  EXPECT_EQ(report.wr, 2u); // T1 -> T2 (x), T2 -> T3 (x and y: one edge)
  EXPECT_EQ(report.rw, 1u); // T3 -> T4: T3 read z empty before T4 appended
}

TEST(ElleChecker, WriteCycleIsG0) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1), a("y", 2)}), txn(2, {a("x", 3), a("y", 4)})};
  h.final_values = {{"x", {1, 3}}, {"y", {4, 2}}};
  elle::Report report = elle::check(h);
  expect_only(report, Anomaly::G0);
  EXPECT_NE(report.examples[0].front().find("-ww(x)->"), std::string::npos) << report.to_string();
}

// Each call sees the other's append: T1 -wr(x)-> T2 -wr(y)-> T1.
TEST(ElleChecker, CircularInformationFlowIsG1c) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1), r("y", {2})}), txn(2, {a("y", 2), r("x", {1})})};
  h.final_values = {{"x", {1}}, {"y", {2}}};
  elle::Report report = elle::check(h);
  expect_only(report, Anomaly::G1c);
  const std::string &cycle = report.examples[static_cast<std::size_t>(Anomaly::G1c)].front();
  EXPECT_NE(cycle.find("T1 -wr(x)-> T2 -wr(y)-> T1"), std::string::npos) << cycle;
  EXPECT_NE(cycle.find("T2 committed: a(y,2) r(x)=[1]"), std::string::npos) << cycle;
}

// Read skew: T1 reads x before T2's append and y after it.
TEST(ElleChecker, OneAntiDependencyIsGSingle) {
  elle::History h;
  h.calls = {txn(1, {r("x", {}), r("y", {3})}), txn(2, {a("x", 2), a("y", 3)})};
  h.final_values = {{"x", {2}}, {"y", {3}}};
  elle::Report report = elle::check(h);
  expect_only(report, Anomaly::G_single);
  EXPECT_NE(report.to_string().find("-rw(x)->"), std::string::npos) << report.to_string();
}

// Write skew: each reads the list the other appends to, before it does.
TEST(ElleChecker, TwoAntiDependenciesAreG2) {
  elle::History h;
  h.calls = {txn(1, {r("x", {}), a("y", 1)}), txn(2, {r("y", {}), a("x", 2)})};
  h.final_values = {{"x", {2}}, {"y", {1}}};
  elle::Report report = elle::check(h);
  expect_only(report, Anomaly::G2);
  const std::string &cycle = report.examples[static_cast<std::size_t>(Anomaly::G2)].front();
  EXPECT_NE(cycle.find("T1 -rw(x)-> T2 -rw(y)-> T1"), std::string::npos) << cycle;
}

TEST(ElleChecker, ReadOfAFailedCallsAppendIsAnAbortedRead) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1), Op::read("y", std::nullopt)}, Outcome::failed),
             txn(2, {r("x", {1})})};
  h.final_values = {{"x", {1}}, {"y", {}}};
  elle::Report report = elle::check(h);
  EXPECT_EQ(report.count(Anomaly::aborted_read), 1u) << report.to_string();
  EXPECT_EQ(report.count(Anomaly::failed_append_stayed), 1u) << report.to_string();
  EXPECT_EQ(report.total(), 2u) << report.to_string();
  EXPECT_EQ(report.failed, 1u);
  EXPECT_NE(report.to_string().find("T1 failed (thrown on purpose): a(x,1) r(y)=?"),
            std::string::npos)
      << report.to_string();
}

// A failed call whose appends were rolled back is no anomaly.
TEST(ElleChecker, RolledBackFailedCallIsClean) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1), Op::read("y", std::nullopt)}, Outcome::failed),
             txn(2, {r("x", {}), a("x", 2)})};
  h.final_values = {{"x", {2}}, {"y", {}}};
  elle::Report report = elle::check(h);
  EXPECT_TRUE(report.ok()) << report.to_string();
}

TEST(ElleChecker, ReadThatIsNotAPrefixIsIncompatibleOrder) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1)}), txn(2, {a("x", 2)}), txn(3, {r("x", {2})})};
  h.final_values = {{"x", {1, 2}}};
  elle::Report report = elle::check(h);
  expect_only(report, Anomaly::incompatible_order);
  EXPECT_NE(report.to_string().find("at index 0 it has 2 where the order has 1"), std::string::npos)
      << report.to_string();
}

// Without a final value the longest read orders the list.
TEST(ElleChecker, ReadsDisagreeingWithoutAFinalValue) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1)}), txn(2, {a("x", 2)}), txn(3, {r("x", {1, 2})}),
             txn(4, {r("x", {2})})};
  elle::Report report = elle::check(h);
  EXPECT_EQ(report.count(Anomaly::incompatible_order), 1u) << report.to_string();
}

TEST(ElleChecker, DuplicatesGarbageAndLostAppends) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1)}), txn(2, {a("x", 2)}), txn(3, {r("x", {1, 1})})};
  h.final_values = {{"x", {1, 1, 9}}};
  elle::Report report = elle::check(h);
  EXPECT_EQ(report.count(Anomaly::duplicate), 2u) << report.to_string();   // final and read
  EXPECT_EQ(report.count(Anomaly::garbage), 1u) << report.to_string();     // 9
  EXPECT_EQ(report.count(Anomaly::lost_append), 1u) << report.to_string(); // 2
}

TEST(ElleChecker, ReadOfANonFinalAppendIsAnIntermediateRead) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1), a("x", 2)}), txn(2, {r("x", {1})})};
  h.final_values = {{"x", {1, 2}}};
  elle::Report report = elle::check(h);
  EXPECT_EQ(report.count(Anomaly::intermediate_read), 1u) << report.to_string();
  // T1 -wr-> T2 -rw-> T1 as well.
  EXPECT_EQ(report.count(Anomaly::G_single), 1u) << report.to_string();
}

TEST(ElleChecker, ReadMissingItsOwnAppendIsInternal) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1), r("x", {})}), txn(2, {r("y", {}), a("y", 3), r("y", {4})})};
  h.final_values = {{"x", {1}}, {"y", {3}}};
  elle::Report report = elle::check(h);
  EXPECT_EQ(report.count(Anomaly::internal), 2u) << report.to_string();
}

TEST(ElleChecker, OneValueAppendedTwiceIsAnInvalidHistory) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1)}), txn(2, {a("x", 1)})};
  h.final_values = {{"x", {1}}};
  elle::Report report = elle::check(h);
  EXPECT_EQ(report.count(Anomaly::invalid_history), 1u) << report.to_string();
}

// T1 completed before T2 was invoked, yet T2 did not see T1's append.
TEST(ElleChecker, StaleReadAfterCompletionIsRealtime) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1)}), txn(2, {r("x", {})})};
  h.calls[0].invoke = 0;
  h.calls[0].complete = 10;
  h.calls[1].invoke = 20;
  h.calls[1].complete = 30;
  h.final_values = {{"x", {1}}};
  expect_only(elle::check(h), Anomaly::realtime);
  EXPECT_TRUE(elle::check(h, elle::Options{.realtime = false}).ok());
  // Overlapping in time, the same history is serializable in real time.
  h.calls[1].invoke = 5;
  EXPECT_TRUE(elle::check(h).ok()) << elle::check(h).to_string();
}

// Real-time edges are the transitive reduction: a sequence of n calls gets
// n - 1 edges, not n(n-1)/2; two overlapping calls get none between them.
TEST(ElleChecker, RealtimeEdgesAreReduced) {
  elle::History h;
  constexpr int n = 50;
  for (int i = 0; i < n; ++i) {
    h.calls.push_back(txn(static_cast<std::uint64_t>(i), {a("x", i)}));
    h.calls.back().invoke = 10 * i;
    h.calls.back().complete = 10 * i + 5;
    h.final_values["x"].push_back(i);
  }
  elle::Report report = elle::check(h);
  EXPECT_TRUE(report.ok()) << report.to_string();
  EXPECT_EQ(report.rt, static_cast<std::size_t>(n - 1));
  EXPECT_EQ(report.ww, static_cast<std::size_t>(n - 1));

  elle::History two;
  two.calls = {txn(1, {a("x", 1)}), txn(2, {a("x", 2)})};
  two.calls[0].invoke = 0;
  two.calls[0].complete = 10;
  two.calls[1].invoke = 5;
  two.calls[1].complete = 15;
  two.final_values = {{"x", {2, 1}}};
  report = elle::check(two);
  EXPECT_TRUE(report.ok()) << report.to_string();
  EXPECT_EQ(report.rt, 0u);
}

// Several cycles: one report per strongly connected component, each as the
// weakest cycle it holds.
TEST(ElleChecker, CyclesAreCountedPerComponent) {
  elle::History h;
  h.calls = {txn(1, {a("x", 1), a("y", 2)}), txn(2, {a("x", 3), a("y", 4)}),   // G0
             txn(3, {r("p", {}), a("q", 5)}), txn(4, {r("q", {}), a("p", 6)}), // G2
             txn(5, {r("p", {6})})};
  h.final_values = {{"x", {1, 3}}, {"y", {4, 2}}, {"p", {6}}, {"q", {5}}};
  elle::Report report = elle::check(h);
  EXPECT_EQ(report.count(Anomaly::G0), 1u) << report.to_string();
  EXPECT_EQ(report.count(Anomaly::G2), 1u) << report.to_string();
  EXPECT_EQ(report.total(), 2u) << report.to_string();
  EXPECT_NE(report.summary().find("G0=1 G2=1"), std::string::npos) << report.summary();
}

} // namespace
