// ListAppendTest.cpp - Elle's list-append workload on LocalRuntime: client
// threads run random transactions (Client::run: reads and appends of unique
// values over a few lists, some failing on purpose after their appends), the
// history they observed goes through the checker (elle.h). Under
// Isolation::serializable the history must be clean and only the calls that
// threw may fail; under Isolation::chain the checker must find what that mode
// allows (a failed call's appends stay, and chains interleave).
#include "elle.h"
#include "lists.flowc.h"
#include "pause.h"
#include "worlds.h"

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

using flowc::Ref;
using lists::Client;
using lists::List;
using local_test::await;

using Seen = std::vector<std::vector<long>>;

std::string key(const char *prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

// "T<id>", for messages (appended, see key()).
std::string tname(std::uint64_t id) {
  std::string out("T");
  out += std::to_string(id);
  return out;
}

std::string fail_message(const std::string &client) {
  std::string out("client ");
  out += client;
  out += " fails on purpose";
  return out;
}

struct Workload {
  int threads = 4;
  int calls_per_thread = 300;
  int lists = 6;
  int max_ops = 4;
  int in_flight = 4;    // per thread, each on its own Client
  int fail_one_in = 10; // of the calls that append
};

struct Observed {
  elle::History history;
  long meant_to_fail = 0; // calls that threw on purpose
  long appends_meant_to_fail = 0;
  long deadlocks = 0;
  std::vector<std::string> unexpected; // other failures, or a thrower that committed
  flowc::Stats stats;
};

// Runs the workload and records the history. Call ids are thread * 100000 +
// its number, append values thread * 1000000 + a counter (unique).
Observed run_workload(const flowc::LocalOptions &options, unsigned seed, const Workload &w = {}) {
  flowc::LocalRuntime rt(options);
  std::vector<Ref<List>> all;
  for (int l = 0; l < w.lists; ++l)
    all.push_back(await(rt.create<List>(key("l", l))));
  std::vector<std::vector<Ref<Client>>> clients(static_cast<std::size_t>(w.threads));
  for (int t = 0; t < w.threads; ++t)
    for (int s = 0; s < w.in_flight; ++s)
      clients[t].push_back(await(rt.create<Client>(key("c", t * 100 + s))));

  Observed out;
  std::mutex mutex; // guards out
  const auto start = std::chrono::steady_clock::now();
  auto now = [start] {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                                start)
        .count();
  };

  struct Pending {
    elle::Call call;
    std::string client;
    bool fail_after = false;
    std::future<Seen> reply;
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < w.threads; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 random(seed * 7919u + static_cast<unsigned>(t));
      std::vector<elle::Call> done;
      long meant = 0, meant_appends = 0, deadlocks = 0;
      std::vector<std::string> unexpected;
      auto settle = [&](Pending &p) {
        elle::Call &call = p.call;
        try {
          Seen seen = await(std::move(p.reply));
          call.complete = now();
          call.outcome = elle::Outcome::committed;
          if (seen.size() != call.ops.size())
            throw std::logic_error("run returned " + std::to_string(seen.size()) + " results");
          for (std::size_t i = 0; i < call.ops.size(); ++i)
            if (call.ops[i].kind == elle::Op::Kind::read)
              call.ops[i].seen = std::move(seen[i]);
          if (p.fail_after)
            unexpected.push_back(tname(call.id) + " should have failed");
        } catch (const flowc::Deadlock &e) {
          call.outcome = elle::Outcome::failed;
          call.error = std::string("Deadlock: ") + e.what();
          ++deadlocks;
        } catch (const flowc::RemoteError &e) {
          call.outcome = elle::Outcome::failed;
          call.error = std::string("RemoteError: ") + e.what();
          if (!p.fail_after || e.what() != fail_message(p.client))
            unexpected.push_back(tname(call.id) + ": " + call.error);
        } catch (const std::exception &e) {
          call.outcome = elle::Outcome::failed;
          call.error = std::string("other exception: ") + e.what();
          unexpected.push_back(tname(call.id) + ": " + call.error);
        }
        if (p.fail_after) {
          ++meant;
          for (const elle::Op &op : call.ops)
            meant_appends += op.kind == elle::Op::Kind::append;
        }
        done.push_back(std::move(call));
      };

      std::deque<Pending> pending;
      long counter = 0;
      for (int i = 0; i < w.calls_per_thread; ++i) {
        if (static_cast<int>(pending.size()) == w.in_flight) {
          settle(pending.front());
          pending.pop_front();
        }
        Pending p;
        p.call.id = static_cast<std::uint64_t>(t) * 100000 + static_cast<std::uint64_t>(i);
        std::vector<Ref<List>> targets;
        std::vector<int> ops;
        std::vector<long> values;
        bool appends = false;
        int n = 1 + static_cast<int>(random() % static_cast<unsigned>(w.max_ops));
        for (int k = 0; k < n; ++k) {
          int l = static_cast<int>(random() % static_cast<unsigned>(w.lists));
          targets.push_back(all[l]);
          if (random() % 2 == 0) {
            ops.push_back(lists::read);
            values.push_back(0);
            p.call.ops.push_back(elle::Op::read(key("l", l), std::nullopt));
          } else {
            long value = t * 1000000L + ++counter;
            ops.push_back(lists::append);
            values.push_back(value);
            p.call.ops.push_back(elle::Op::append(key("l", l), value));
            appends = true;
          }
        }
        p.fail_after = appends && random() % static_cast<unsigned>(w.fail_one_in) == 0;
        // Slot i % in_flight: the call it replaces in the window used it.
        const Ref<Client> &client = clients[t][i % w.in_flight];
        p.client = key("c", t * 100 + i % w.in_flight);
        p.call.invoke = now();
        p.reply = rt.call<&Client::run>(client, targets, ops, values, p.fail_after);
        pending.push_back(std::move(p));
      }
      for (Pending &p : pending)
        settle(p);

      std::lock_guard lock(mutex);
      for (elle::Call &call : done)
        out.history.calls.push_back(std::move(call));
      out.meant_to_fail += meant;
      out.appends_meant_to_fail += meant_appends;
      out.deadlocks += deadlocks;
      out.unexpected.insert(out.unexpected.end(), unexpected.begin(), unexpected.end());
    });
  }
  for (std::thread &thread : threads)
    thread.join();
  for (int l = 0; l < w.lists; ++l)
    out.history.final_values[key("l", l)] = await(rt.call<&List::read>(all[l]));
  out.stats = rt.stats();
  return out;
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
