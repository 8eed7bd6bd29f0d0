// TransactionTest.cpp - Isolation::serializable: every client call chain is
// an atomic, serializable transaction. A failed chain is rolled back on every
// entity it changed (on every worker), conflicting chains are rolled back and
// run again instead of failing with Deadlock, state() shows committed state
// only, rt.stats() counts what the clients saw, and the Executor rolls back
// as the runtime does.
#include "bank.flowc.h"
#include "programs.flowc.h"
#include "txn.flowc.h"
#include "worlds.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

namespace {

using bank::Account;
using flowc::Ref;
using local_test::await;
using local_test::check_each;
using local_test::DirectWorld;
using txn::Cell;

// prefix + n, built without `"literal" + std::string`, on which g++ 12 warns
// falsely (-Wrestrict, its bug 105651).
std::string key(const char *prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

flowc::LocalOptions serializable(unsigned workers) {
  return flowc::LocalOptions{.workers = workers, .isolation = flowc::Isolation::serializable};
}

// The runtime may count a chain just after its client got the reply: wait a
// little for the counts since `before` to reach `chains`, then return them.
flowc::Stats settled_stats(flowc::LocalRuntime &rt, const flowc::Stats &before,
                           std::uint64_t chains) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  flowc::Stats now = rt.stats();
  while (now.committed + now.failed < before.committed + before.failed + chains &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    now = rt.stats();
  }
  return flowc::Stats{now.committed - before.committed, now.failed - before.failed,
                      now.reruns - before.reruns, now.wounds - before.wounds};
}

void record_stats(const flowc::Stats &s) {
  ::testing::Test::RecordProperty("committed", static_cast<int>(s.committed));
  ::testing::Test::RecordProperty("failed", static_cast<int>(s.failed));
  ::testing::Test::RecordProperty("reruns", static_cast<int>(s.reruns));
  ::testing::Test::RecordProperty("wounds", static_cast<int>(s.wounds));
}

// Keys whose entities the runtime puts on `count` different workers.
template <class E>
std::vector<std::string> keys_on_different_workers(flowc::LocalRuntime &rt, const char *prefix,
                                                   unsigned count) {
  std::vector<std::string> keys;
  std::set<unsigned> used;
  for (int n = 0; keys.size() < count && n < 10000; ++n) {
    std::string k = key(prefix, n);
    if (used.insert(rt.worker_of(rt.ref<E>(k))).second)
      keys.push_back(k);
  }
  EXPECT_EQ(keys.size(), count) << "no keys on " << count << " different workers";
  return keys;
}

class Transactions : public ::testing::TestWithParam<unsigned> {};

// ---- the bank ---------------------------------------------------------------

// 8 clients, each with up to 48 transfers in flight, between random pairs of
// 64 accounts and back along the same pair; one in 8 throws on purpose after
// its debit and deposit. Every chain commits or fails as a whole, so money is
// conserved exactly; the only failures are the thrown ones (no Deadlock ever
// reaches a client); stats() counts what the clients saw.
TEST_P(Transactions, BankTransfersAreAtomicAndNeverDeadlock) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  constexpr int kAccounts = 64, kThreads = 8, kPerThread = 500, kInFlight = 48;
  constexpr long kStart = 1000;
  std::vector<Ref<Account>> accounts;
  for (int i = 0; i < kAccounts; ++i)
    accounts.push_back(await(rt.create<Account>(key("acct-", i), kStart)));
  const flowc::Stats before = rt.stats();

  std::atomic<long> ok{0}, moved{0}, thrown{0}, deadlocks{0}, unexpected{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      std::mt19937 random(4242 + t);
      struct Sent {
        bool fail;
        std::future<bool> reply;
      };
      std::deque<Sent> in_flight;
      auto settle = [&](Sent sent) {
        try {
          bool result = await(std::move(sent.reply));
          if (sent.fail) {
            ++unexpected;
            ADD_FAILURE() << "a transfer meant to throw returned " << result;
            return;
          }
          ++ok;
          moved += result;
        } catch (const flowc::Deadlock &e) {
          ++deadlocks;
          ADD_FAILURE() << "Deadlock reached a client: " << e.what();
        } catch (const flowc::RemoteError &e) {
          if (sent.fail && std::string(e.what()) == "transfer failed on purpose after the debit") {
            ++thrown;
          } else {
            ++unexpected;
            ADD_FAILURE() << "unexpected RemoteError: " << e.what();
          }
        } catch (const std::exception &e) {
          ++unexpected;
          ADD_FAILURE() << "unexpected failure: " << e.what();
        }
      };
      int from = 0, to = 1;
      for (int i = 0; i < kPerThread; ++i) {
        if (i % 2 == 0) { // a new random pair; the next transfer goes back along it
          from = static_cast<int>(random() % kAccounts);
          to = static_cast<int>(random() % (kAccounts - 1));
          to += to >= from;
        } else {
          std::swap(from, to);
        }
        long amount = 1 + static_cast<long>(random() % 300);
        bool fail = random() % 8 == 0;
        std::future<bool> reply =
            fail || i % 3 == 0
                ? rt.call<&Account::transfer_or_throw>(accounts[from], amount, accounts[to], fail)
                : rt.call<&Account::transfer>(accounts[from], amount, accounts[to]);
        in_flight.push_back({fail, std::move(reply)});
        if (in_flight.size() > kInFlight) {
          settle(std::move(in_flight.front()));
          in_flight.pop_front();
        }
      }
      while (!in_flight.empty()) {
        settle(std::move(in_flight.front()));
        in_flight.pop_front();
      }
    });
  }
  for (auto &client : clients)
    client.join();

  EXPECT_EQ(deadlocks, 0);
  EXPECT_EQ(unexpected, 0);
  EXPECT_EQ(ok + thrown, long{kThreads} * kPerThread);
  EXPECT_GT(thrown, 0);
  EXPECT_GT(moved, 0);
  flowc::Stats seen = settled_stats(rt, before, static_cast<std::uint64_t>(ok + thrown));
  record_stats(seen);
  EXPECT_EQ(seen.committed, static_cast<std::uint64_t>(ok.load()));
  EXPECT_EQ(seen.failed, static_cast<std::uint64_t>(thrown.load()));

  long balance = 0, transfers = 0, deposits = 0;
  for (const auto &account : accounts) {
    balance += await(rt.call<&Account::balance>(account));
    transfers += await(rt.call<&Account::transfers>(account));
    deposits += await(rt.call<&Account::deposits>(account));
  }
  EXPECT_EQ(balance, kAccounts * kStart);
  // Only the committed transfers that moved money left a trace.
  EXPECT_EQ(transfers, moved);
  EXPECT_EQ(deposits, moved);
}

// ---- re-entering, recursive and crossing chains -------------------------------

// Callbacks into the account a chain waits in (transfer_acked), both ways
// between the same pairs from several clients at once. Balances are large, so
// every transfer goes through whatever the order, and the end states equal
// those of the same calls made one after the other on plain objects.
TEST_P(Transactions, CallbacksReenterTheirOwnChain) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  DirectWorld direct;
  constexpr int kAccounts = 8, kThreads = 6, kPerThread = 200;
  constexpr long kStart = 1000000;
  std::vector<Ref<Account>> accounts, plain;
  for (int i = 0; i < kAccounts; ++i) {
    accounts.push_back(await(rt.create<Account>(key("acked-", i), kStart)));
    plain.push_back(direct.create<Account>(key("acked-", i), kStart));
  }
  struct Move {
    int from, to;
    long amount;
    bool acked;
  };
  std::vector<std::vector<Move>> moves(kThreads);
  std::mt19937 random(77);
  for (auto &list : moves)
    for (int i = 0; i < kPerThread; ++i) {
      int from = static_cast<int>(random() % kAccounts);
      int to = static_cast<int>(random() % (kAccounts - 1));
      to += to >= from;
      if (i % 2 == 1) { // back along the previous pair
        from = list.back().to;
        to = list.back().from;
      }
      list.push_back({from, to, 1 + static_cast<long>(random() % 100), i % 4 != 3});
    }
  const flowc::Stats before = rt.stats();
  std::atomic<long> failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t)
    clients.emplace_back([&, t] {
      std::vector<std::future<bool>> sent;
      for (const Move &m : moves[t])
        sent.push_back(m.acked ? rt.call<&Account::transfer_acked>(accounts[m.from], m.amount,
                                                                   accounts[m.to])
                               : rt.call<&Account::transfer>(accounts[m.from], m.amount,
                                                             accounts[m.to]));
      check_each(sent, failures, [](auto &reply) { EXPECT_TRUE(await(std::move(reply))); });
    });
  for (auto &client : clients)
    client.join();
  EXPECT_EQ(failures, 0);
  flowc::Stats seen = settled_stats(rt, before, kThreads * kPerThread);
  record_stats(seen);
  EXPECT_EQ(seen.committed, static_cast<std::uint64_t>(kThreads * kPerThread));
  EXPECT_EQ(seen.failed, 0u);

  for (const auto &list : moves)
    for (const Move &m : list)
      EXPECT_TRUE(m.acked ? direct.call<&Account::transfer_acked>(plain[m.from], m.amount,
                                                                  plain[m.to])
                          : direct.call<&Account::transfer>(plain[m.from], m.amount,
                                                            plain[m.to]));
  for (int i = 0; i < kAccounts; ++i)
    EXPECT_EQ(await(rt.state(accounts[i])), direct.state(plain[i])) << "account " << i;
}

// Identical recursive chains over instances of one class (Node::fib around a
// ring, every node re-entered many times by its own chain; Node::sum around
// another ring, twice round), from several clients at once. Each chain adds
// the same trail to the same nodes, so in any serial order the end states
// are those of the chains run one after the other on plain objects.
TEST_P(Transactions, RecursionAcrossInstances) {
  using programs::Node;
  flowc::LocalRuntime rt(serializable(GetParam()));
  DirectWorld direct;
  constexpr int kRing = 5, kThreads = 4, kPerThread = 6;
  std::vector<Ref<Node>> fib_ring, sum_ring, plain_fib, plain_sum;
  for (int i = 0; i < kRing; ++i) {
    fib_ring.push_back(await(rt.create<Node>(i, 10 * i + 1)));
    sum_ring.push_back(await(rt.create<Node>(100 + i, 7 * i + 3)));
    plain_fib.push_back(direct.create<Node>(i, 10 * i + 1));
    plain_sum.push_back(direct.create<Node>(100 + i, 7 * i + 3));
  }
  for (int i = 0; i < kRing; ++i) {
    await(rt.call<&Node::link>(fib_ring[i], fib_ring[(i + 1) % kRing]));
    await(rt.call<&Node::link>(sum_ring[i], sum_ring[(i + 1) % kRing]));
    direct.call<&Node::link>(plain_fib[i], plain_fib[(i + 1) % kRing]);
    direct.call<&Node::link>(plain_sum[i], plain_sum[(i + 1) % kRing]);
  }
  const long fib_expected = direct.call<&Node::fib>(plain_fib[0], 9);
  const long sum_expected = direct.call<&Node::sum>(plain_sum[2], 2 * kRing + 1);
  EXPECT_EQ(fib_expected, 34);

  const flowc::Stats before = rt.stats();
  std::atomic<long> failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t)
    clients.emplace_back([&] {
      std::vector<std::future<long>> fibs, sums;
      for (int i = 0; i < kPerThread; ++i) {
        fibs.push_back(rt.call<&Node::fib>(fib_ring[0], 9));
        sums.push_back(rt.call<&Node::sum>(sum_ring[2], 2 * kRing + 1));
      }
      check_each(fibs, failures,
                 [&](auto &reply) { EXPECT_EQ(await(std::move(reply)), fib_expected); });
      check_each(sums, failures,
                 [&](auto &reply) { EXPECT_EQ(await(std::move(reply)), sum_expected); });
    });
  for (auto &client : clients)
    client.join();
  EXPECT_EQ(failures, 0);
  flowc::Stats seen = settled_stats(rt, before, 2 * kThreads * kPerThread);
  record_stats(seen);
  EXPECT_EQ(seen.committed, static_cast<std::uint64_t>(2 * kThreads * kPerThread));
  EXPECT_EQ(seen.failed, 0u);

  for (int c = 1; c < kThreads * kPerThread; ++c) { // the rest, one after the other
    direct.call<&Node::fib>(plain_fib[0], 9);
    direct.call<&Node::sum>(plain_sum[2], 2 * kRing + 1);
  }
  for (int i = 0; i < kRing; ++i) {
    EXPECT_EQ(await(rt.state(fib_ring[i])), direct.state(plain_fib[i])) << "fib node " << i;
    EXPECT_EQ(await(rt.state(sum_ring[i])), direct.state(plain_sum[i])) << "sum node " << i;
  }
}

// Chains that walk twice round a ring of cells (re-entering each cell in
// their own chain), from every start, several clients at once: they conflict
// on every cell. A walk adds 2 to every cell, so in a serial order the walk
// at position p first sees 2p + 1. Those positions must be a permutation, and
// replaying the walks in that order on plain objects must give every walk's
// result and every cell's end state (its trail records the order).
TEST_P(Transactions, RecursiveWalksFromDifferentStartsSerialize) {
  using txn::Ring;
  flowc::LocalRuntime rt(serializable(GetParam()));
  constexpr int kRing = 5, kSteps = 2 * kRing, kThreads = 4, kPerThread = 10;
  constexpr int kWalks = kThreads * kPerThread;
  std::vector<Ref<Ring>> ring;
  for (int i = 0; i < kRing; ++i)
    ring.push_back(await(rt.create<Ring>(i)));
  for (int i = 0; i < kRing; ++i)
    await(rt.call<&Ring::link>(ring[i], ring[(i + 1) % kRing]));

  struct Walk {
    int start;
    std::vector<long> seen;
  };
  const flowc::Stats before = rt.stats();
  std::mutex walks_mutex;
  std::vector<Walk> walks;
  std::atomic<long> failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t)
    clients.emplace_back([&, t] {
      std::vector<std::pair<int, std::future<std::vector<long>>>> sent;
      for (int i = 0; i < kPerThread; ++i) {
        int start = (t + i) % kRing;
        sent.emplace_back(start, rt.call<&Ring::walk>(ring[start], kSteps));
      }
      check_each(sent, failures, [&](auto &one) {
        auto &[start, reply] = one;
        std::vector<long> seen = await(std::move(reply));
        std::lock_guard lock(walks_mutex);
        walks.push_back({start, std::move(seen)});
      });
    });
  for (auto &client : clients)
    client.join();
  ASSERT_EQ(failures, 0);
  flowc::Stats seen = settled_stats(rt, before, kWalks);
  record_stats(seen);
  EXPECT_EQ(seen.committed, static_cast<std::uint64_t>(kWalks));
  EXPECT_EQ(seen.failed, 0u);

  std::vector<int> order(kWalks, -1); // position in the serial order -> walk
  for (int w = 0; w < kWalks; ++w) {
    ASSERT_EQ(walks[w].seen.size(), static_cast<std::size_t>(kSteps));
    long first = walks[w].seen[0];
    ASSERT_TRUE(first >= 1 && first % 2 == 1 && first < 2 * kWalks) << first;
    int position = static_cast<int>((first - 1) / 2);
    ASSERT_EQ(order[position], -1) << "two walks first saw " << first;
    order[position] = w;
  }
  DirectWorld direct;
  std::vector<Ref<Ring>> plain;
  for (int i = 0; i < kRing; ++i)
    plain.push_back(direct.create<Ring>(i));
  for (int i = 0; i < kRing; ++i)
    direct.call<&Ring::link>(plain[i], plain[(i + 1) % kRing]);
  for (int position = 0; position < kWalks; ++position) {
    const Walk &walk = walks[order[position]];
    EXPECT_EQ(direct.call<&Ring::walk>(plain[walk.start], kSteps), walk.seen)
        << "the walk from " << walk.start << " at position " << position;
  }
  for (int i = 0; i < kRing; ++i)
    EXPECT_EQ(await(rt.state(ring[i])), direct.state(plain[i])) << "cell " << i;
}

// a->cross(b) while b->cross(a), many at once from several clients, on pairs
// of accounts that nothing else touches: in chain mode these deadlock; here
// they all finish. Each chain adds one touch to both accounts of its pair and
// returns the two counts it saw, so in a serial order the n chains of a pair
// return 2, 4, ..., 2n, as the same calls on plain objects do.
TEST_P(Transactions, CrossingChainsThatUsedToDeadlockAllFinish) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  DirectWorld direct;
  constexpr int kPairs = 4, kThreads = 6, kPerThread = 40; // per pair
  std::vector<std::pair<Ref<Account>, Ref<Account>>> pairs, plain;
  for (int p = 0; p < kPairs; ++p) {
    pairs.emplace_back(await(rt.create<Account>(key("cross-a", p), 0)),
                       await(rt.create<Account>(key("cross-b", p), 0)));
    plain.emplace_back(direct.create<Account>(key("cross-a", p), 0),
                       direct.create<Account>(key("cross-b", p), 0));
  }
  const flowc::Stats before = rt.stats();
  std::mutex results_mutex;
  std::vector<std::vector<int>> results(kPairs);
  std::atomic<long> failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t)
    clients.emplace_back([&, t] {
      std::vector<std::pair<int, std::future<int>>> sent;
      for (int i = 0; i < kPerThread; ++i)
        for (int p = 0; p < kPairs; ++p) {
          bool forward = (i + t) % 2 == 0;
          const auto &[a, b] = pairs[p];
          sent.emplace_back(p, forward ? rt.call<&Account::cross>(a, b)
                                       : rt.call<&Account::cross>(b, a));
        }
      check_each(sent, failures, [&](auto &one) {
        auto &[p, reply] = one;
        int result = await(std::move(reply));
        std::lock_guard lock(results_mutex);
        results[p].push_back(result);
      });
    });
  for (auto &client : clients)
    client.join();
  EXPECT_EQ(failures, 0);
  constexpr int kChains = kPairs * kThreads * kPerThread;
  flowc::Stats seen = settled_stats(rt, before, kChains);
  record_stats(seen);
  EXPECT_EQ(seen.committed, static_cast<std::uint64_t>(kChains));
  EXPECT_EQ(seen.failed, 0u);

  for (int p = 0; p < kPairs; ++p) {
    std::vector<int> expected;
    for (int c = 0; c < kThreads * kPerThread; ++c)
      expected.push_back(c % 2 == 0 ? direct.call<&Account::cross>(plain[p].first, plain[p].second)
                                    : direct.call<&Account::cross>(plain[p].second, plain[p].first));
    std::sort(results[p].begin(), results[p].end());
    EXPECT_EQ(results[p], expected) << "pair " << p;
    EXPECT_EQ(await(rt.state(pairs[p].first)), direct.state(plain[p].first)) << "pair " << p;
    EXPECT_EQ(await(rt.state(pairs[p].second)), direct.state(plain[p].second)) << "pair " << p;
  }
}

// ---- committed state only ---------------------------------------------------

// hold_point (txn.h): a worker that calls it blocks until the test lets its
// id go; the test can wait until it is there.
struct Holds {
  std::mutex mutex;
  std::condition_variable changed;
  std::map<int, int> entered;
  std::set<int> released;
};
Holds &holds() {
  static Holds h;
  return h;
}

void wait_until_held(int id) {
  Holds &h = holds();
  std::unique_lock lock(h.mutex);
  if (!h.changed.wait_for(lock, std::chrono::minutes(1), [&] { return h.entered[id] > 0; }))
    throw std::runtime_error("the chain never reached its hold");
}

// Lets hold `id` go when it goes out of scope (also when the test fails
// early, so that the runtime's destructor does not wait forever).
class Release {
public:
  explicit Release(int id) : id_(id) {}
  ~Release() { now(); }
  void now() {
    Holds &h = holds();
    std::lock_guard lock(h.mutex);
    h.released.insert(id_);
    h.changed.notify_all();
  }

private:
  int id_;
};

int next_hold_id() {
  static std::atomic<int> next{1};
  return next++;
}

// A chain sets x to 1, waits on a cell whose worker is held, then (let go)
// sets x to 2 and fails. A state read of x made while it waits must not see
// the 1, neither then nor after the chain was rolled back.
TEST_P(Transactions, StateReadsSeeOnlyCommittedState) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  auto keys = keys_on_different_workers<Cell>(rt, "cell-", std::min(2u, rt.workers()));
  ASSERT_FALSE(keys.empty());
  auto x = await(rt.create<Cell>(keys[0], 0));
  // With two workers or more, the held worker is not x's: reads of x can be
  // answered while the chain waits.
  auto held = await(rt.create<Cell>(keys.size() > 1 ? keys[1] : std::string("held"), 0));
  const std::string before = await(rt.state(x));

  for (bool fails : {true, false}) {
    SCOPED_TRACE(fails ? "the chain fails" : "the chain commits");
    const std::string start = await(rt.state(x));
    int id = next_hold_id();
    Release release(id);
    auto chain = rt.call<&Cell::set_around>(x, held, id, 1, 2,
                                            std::string(fails ? "rolled back" : ""));
    wait_until_held(id);
    auto read = rt.state(x);
    bool answered_early = read.wait_for(std::chrono::milliseconds(200)) == std::future_status::ready;
    std::string early;
    if (answered_early) {
      early = read.get();
      EXPECT_EQ(early, start) << "read while the chain was suspended in x";
    }
    release.now();
    if (fails) {
      try {
        await(std::move(chain));
        ADD_FAILURE() << "set_around did not fail";
      } catch (const flowc::RemoteError &e) {
        EXPECT_STREQ(e.what(), "rolled back");
      }
    } else {
      EXPECT_EQ(await(std::move(chain)), 2);
    }
    std::string after = await(rt.state(x));
    std::string late = answered_early ? early : await(std::move(read));
    if (fails) {
      EXPECT_EQ(after, start);
      EXPECT_EQ(late, start);
    } else {
      EXPECT_NE(after, start);
      EXPECT_TRUE(late == start || late == after) << "a read saw x between its two changes";
      EXPECT_EQ(await(rt.call<&Cell::value>(x)), 2);
    }
  }
  EXPECT_EQ(await(rt.call<&Cell::history>(x)), (std::vector<std::string>{"first", "second"}));
  EXPECT_NE(await(rt.state(x)), before);
}

// Locks are per member (flowc lists what each method may touch): while a
// chain that changed x's value waits elsewhere, a chain reading x's note runs
// at once; one reading the value, or writing the note (one writer at a
// time), waits for it to end.
TEST_P(Transactions, ChainsOnOtherMembersDoNotWait) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  if (rt.workers() < 2)
    GTEST_SKIP() << "the held worker must not be x's";
  auto keys = keys_on_different_workers<Cell>(rt, "member-", 2);
  ASSERT_EQ(keys.size(), 2u);
  auto x = await(rt.create<Cell>(keys[0], 0));
  auto held = await(rt.create<Cell>(keys[1], 0));
  await(rt.call<&Cell::set_note>(x, std::string("before")));
  int id = next_hold_id();
  Release release(id);
  auto chain = rt.call<&Cell::set_around>(x, held, id, 1, 2, std::string());
  wait_until_held(id);
  auto note = rt.call<&Cell::note>(x);
  ASSERT_EQ(note.wait_for(std::chrono::seconds(30)), std::future_status::ready)
      << "a read of another member waited for the chain";
  EXPECT_EQ(note.get(), "before");
  auto set = rt.call<&Cell::set_note>(x, std::string("after"));
  EXPECT_EQ(set.wait_for(std::chrono::milliseconds(200)),
            std::future_status::timeout)
      << "a second writer ran beside the first";
  auto value = rt.call<&Cell::value>(x);
  EXPECT_EQ(value.wait_for(std::chrono::milliseconds(200)),
            std::future_status::timeout)
      << "a read of the member the chain changed did not wait";
  release.now();
  EXPECT_EQ(await(std::move(chain)), 2);
  await(std::move(set));
  EXPECT_EQ(await(std::move(value)), 2);
  EXPECT_EQ(await(rt.call<&Cell::note>(x)), "after");
}

// The root's last call commits the chain's locks away from the root as soon
// as it finishes: while the root still runs (held after the call), the cell
// it changed is free for others. When what follows the call may throw, the
// cell stays locked until the chain ends.
TEST_P(Transactions, LastCallCommitsBeforeTheRootEnds) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  if (rt.workers() < 2)
    GTEST_SKIP() << "the root and the cell it changes must not share a worker";
  auto keys = keys_on_different_workers<Cell>(rt, "last-", 2);
  ASSERT_EQ(keys.size(), 2u);
  auto root = await(rt.create<Cell>(keys[0], 0));
  auto other = await(rt.create<Cell>(keys[1], 10));

  int id = next_hold_id();
  Release release(id);
  auto chain = rt.call<&Cell::add_then_hold>(root, other, id);
  wait_until_held(id);
  auto read = rt.call<&Cell::value>(other);
  ASSERT_EQ(read.wait_for(std::chrono::seconds(30)), std::future_status::ready)
      << "the cell stayed locked after the root's last call";
  EXPECT_EQ(read.get(), 11);
  EXPECT_EQ(chain.wait_for(std::chrono::seconds(0)),
            std::future_status::timeout);
  release.now();
  EXPECT_EQ(await(std::move(chain)), 11);

  int id2 = next_hold_id();
  Release release2(id2);
  auto chain2 = rt.call<&Cell::add_then_hold_may_throw>(root, other, id2);
  wait_until_held(id2);
  auto read2 = rt.call<&Cell::value>(other);
  EXPECT_EQ(read2.wait_for(std::chrono::milliseconds(200)),
            std::future_status::timeout)
      << "a cell was let go before a chain that may still fail ended";
  release2.now();
  EXPECT_EQ(await(std::move(chain2)), 12);
  EXPECT_EQ(await(std::move(read2)), 12);
}

// The undo copy holds only the members the chain's methods may write, saved
// as each method first reaches them: a chain that changes the note, then
// (called back) the value, and fails, leaves both as they were.
TEST_P(Transactions, UndoGrowsMemberByMember) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  auto x = await(rt.create<Cell>("undo-x", 5));
  await(rt.call<&Cell::set_note>(x, std::string("kept")));
  const std::string before = await(rt.state(x));
  EXPECT_THROW(await(rt.call<&Cell::note_then_add>(x, x, std::string("lost"), 7,
                                                   std::string("fail"))),
               flowc::RemoteError);
  EXPECT_EQ(await(rt.state(x)), before);
  EXPECT_EQ(await(rt.call<&Cell::note>(x)), "kept");
  EXPECT_EQ(await(rt.call<&Cell::value>(x)), 5);
  await(rt.call<&Cell::note_then_add>(x, x, std::string("new"), 7,
                                      std::string()));
  EXPECT_EQ(await(rt.call<&Cell::note>(x)), "new");
  EXPECT_EQ(await(rt.call<&Cell::value>(x)), 12);
}

// A create is a chain too: stats() counts it, and one whose key is taken
// fails.
TEST_P(Transactions, CreatesCountAsChains) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  const flowc::Stats before = rt.stats();
  for (int i = 0; i < 3; ++i)
    await(rt.create<Cell>(key("made-", i), 0));
  EXPECT_THROW(await(rt.create<Cell>("made-1", 0)), flowc::EntityExists);
  flowc::Stats s = settled_stats(rt, before, 4);
  EXPECT_EQ(s.committed, 3u);
  EXPECT_EQ(s.failed, 1u);
}

// ---- hot spots that need upgrades -------------------------------------------
// Every chain reads two hot cells under shared locks, then writes both: many
// readers want to upgrade at once, so chains keep wounding each other. All
// must finish, without failing, and serialize: in a serial order the k-th
// chain reads k-1 in each cell, so the results are exactly 0, 2, ..., 2(n-1).
TEST_P(Transactions, HotSpotUpgradesFinishAndSerialize) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  auto a = await(rt.create<Cell>("hot-a", 0));
  auto b = await(rt.create<Cell>("hot-b", 0));
  constexpr int kAuditors = 8, kThreads = 4, kPerThread = 150;
  std::vector<Ref<txn::Auditor>> auditors;
  for (int i = 0; i < kAuditors; ++i)
    auditors.push_back(await(rt.create<txn::Auditor>(i)));
  const flowc::Stats before = rt.stats();
  std::mutex results_mutex;
  std::vector<long> results;
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t)
    clients.emplace_back([&, t] {
      std::vector<std::future<long>> sent;
      for (int i = 0; i < kPerThread; ++i) {
        const auto &auditor = auditors[(t * kPerThread + i) % kAuditors];
        sent.push_back(i % 2 == 0 ? rt.call<&txn::Auditor::bump>(auditor, a, b)
                                  : rt.call<&txn::Auditor::bump>(auditor, b, a));
      }
      for (auto &reply : sent) {
        long result = await(std::move(reply));
        std::lock_guard lock(results_mutex);
        results.push_back(result);
      }
    });
  for (auto &client : clients)
    client.join();
  constexpr int kChains = kThreads * kPerThread;
  std::sort(results.begin(), results.end());
  ASSERT_EQ(results.size(), static_cast<std::size_t>(kChains));
  for (int k = 0; k < kChains; ++k)
    ASSERT_EQ(results[k], 2L * k) << "chain " << k << " of the serial order";
  flowc::Stats s = settled_stats(rt, before, kChains);
  record_stats(s);
  EXPECT_EQ(s.committed, static_cast<std::uint64_t>(kChains));
  EXPECT_EQ(s.failed, 0u);
  if (GetParam() > 1) { // on one worker a chain this short runs without a break
    EXPECT_GT(s.reruns, 0u); // the upgrades did conflict
  }
  EXPECT_EQ(await(rt.call<&Cell::value>(a)), kChains);
  EXPECT_EQ(await(rt.call<&Cell::value>(b)), kChains);
}

INSTANTIATE_TEST_SUITE_P(Workers, Transactions, ::testing::Values(1u, 2u, 4u));

// ---- rollback on every worker -------------------------------------------------

class TransactionsAcrossWorkers : public ::testing::TestWithParam<unsigned> {};

// Chains that change cells on three different workers and then fail: at the
// end of the chain, deep inside it, or on an entity that does not exist.
// Every cell is back to its state before, byte for byte; the same chain
// without the failure changes all three as plain C++ does.
TEST_P(TransactionsAcrossWorkers, FailedChainLeavesEveryWorkerAsBefore) {
  flowc::LocalRuntime rt(serializable(GetParam()));
  auto keys = keys_on_different_workers<Cell>(rt, "spread-", 3);
  ASSERT_EQ(keys.size(), 3u);
  std::vector<Ref<Cell>> cells;
  DirectWorld direct;
  std::vector<Ref<Cell>> plain;
  for (int i = 0; i < 3; ++i) {
    cells.push_back(await(rt.create<Cell>(keys[i], 10 * (i + 1))));
    plain.push_back(direct.create<Cell>(keys[i], 10 * (i + 1)));
  }
  std::set<unsigned> workers;
  for (const auto &cell : cells)
    workers.insert(rt.worker_of(cell));
  EXPECT_EQ(workers.size(), 3u);
  // Give the cells some history first, so that "as before" is not "empty".
  await(rt.call<&Cell::spread>(cells[2], cells[0], cells[1], 5, std::string()));
  direct.call<&Cell::spread>(plain[2], plain[0], plain[1], 5, std::string());

  auto states = [&] {
    std::vector<std::string> out;
    for (const auto &cell : cells)
      out.push_back(await(rt.state(cell)));
    return out;
  };
  const std::vector<std::string> before = states();
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(before[i], direct.state(plain[i]));
  const flowc::Stats stats_before = rt.stats();

  auto expect_failure = [&](auto future, const std::string &message) {
    try {
      await(std::move(future));
      ADD_FAILURE() << "no failure, expected " << message;
    } catch (const std::exception &e) {
      EXPECT_EQ(std::string(e.what()), message);
    }
    EXPECT_EQ(states(), before) << "after a chain that failed with " << message;
  };
  // Changes 0, 1 and 2, then 0 throws.
  expect_failure(rt.call<&Cell::spread>(cells[0], cells[1], cells[2], 7, std::string("at the end")),
                 "at the end");
  // 0 changes, then 1, then 2 changes and throws.
  expect_failure(rt.call<&Cell::relay>(cells[0], cells[1], cells[2], 7, std::string("deep")),
                 "deep");
  // 1 changes, then 2, then 0, which throws last.
  expect_failure(rt.call<&Cell::relay>(cells[1], cells[2], cells[0], 7, std::string("last")),
                 "last");
  // 2 changes, then 0, then a cell nobody created: EntityNotFound.
  try {
    await(rt.call<&Cell::spread>(cells[2], cells[0], rt.ref<Cell>("nobody"), 7, std::string()));
    ADD_FAILURE() << "no EntityNotFound";
  } catch (const flowc::EntityNotFound &) {
  }
  EXPECT_EQ(states(), before) << "after a chain that called a missing cell";
  flowc::Stats seen = settled_stats(rt, stats_before, 4);
  EXPECT_EQ(seen.failed, 4u);
  EXPECT_EQ(seen.committed, 0u);

  // Without a failure, all three change, as plain objects do.
  EXPECT_EQ(await(rt.call<&Cell::spread>(cells[0], cells[1], cells[2], 7, std::string())),
            direct.call<&Cell::spread>(plain[0], plain[1], plain[2], 7, std::string()));
  std::vector<std::string> after = states();
  for (int i = 0; i < 3; ++i) {
    EXPECT_NE(after[i], before[i]);
    EXPECT_EQ(after[i], direct.state(plain[i]));
  }
}

INSTANTIATE_TEST_SUITE_P(Workers, TransactionsAcrossWorkers, ::testing::Values(3u, 4u));

// ---- the Executor -------------------------------------------------------------

std::string state_on(flowc::Executor &ex, const Ref<Cell> &cell) {
  return flowc::EntityTraits<Cell>::type().save_state(&ex.get(cell));
}

// A chain that changes two cells and then throws leaves both as they were.
TEST(ExecutorTransactions, FailedChainIsRolledBack) {
  flowc::Executor ex; // Isolation::serializable by default
  auto a = ex.create<Cell>("a", 1);
  auto b = ex.create<Cell>("b", 2);
  ex.call<&Cell::relay>(a, b, a, 3, std::string()); // some history
  const std::string a0 = state_on(ex, a), b0 = state_on(ex, b);
  EXPECT_THROW(ex.call<&Cell::relay>(a, b, b, 4, std::string("kaput")), flowc::RemoteError);
  EXPECT_EQ(state_on(ex, a), a0);
  EXPECT_EQ(state_on(ex, b), b0);
  EXPECT_THROW(ex.call<&Cell::spread>(b, a, ex.ref<Cell>("nobody"), 4, std::string()),
               flowc::EntityNotFound);
  EXPECT_EQ(state_on(ex, a), a0);
  EXPECT_EQ(state_on(ex, b), b0);
  // A chain that succeeds still changes both.
  EXPECT_EQ(ex.call<&Cell::relay>(a, b, b, 4, std::string()), 1 + 3 + 3 + 4);
  EXPECT_NE(state_on(ex, a), a0);
  EXPECT_NE(state_on(ex, b), b0);
}

// With Isolation::chain the changes made before the failure stay, as they do
// for plain C++ objects.
TEST(ExecutorTransactions, ChainIsolationKeepsChanges) {
  flowc::Executor ex(flowc::Executor::Options{.isolation = flowc::Isolation::chain});
  DirectWorld direct;
  auto a = ex.create<Cell>("a", 1);
  auto b = ex.create<Cell>("b", 2);
  auto pa = direct.create<Cell>("a", 1);
  auto pb = direct.create<Cell>("b", 2);
  const std::string a0 = state_on(ex, a), b0 = state_on(ex, b);
  EXPECT_THROW(ex.call<&Cell::relay>(a, b, b, 4, std::string("kaput")), flowc::RemoteError);
  EXPECT_THROW(direct.call<&Cell::relay>(pa, pb, pb, 4, std::string("kaput")),
               std::runtime_error);
  EXPECT_NE(state_on(ex, a), a0);
  EXPECT_NE(state_on(ex, b), b0);
  EXPECT_EQ(state_on(ex, a), direct.state(pa));
  EXPECT_EQ(state_on(ex, b), direct.state(pb));
}

} // namespace

void txn::hold_point(int id) {
  Holds &h = holds();
  std::unique_lock lock(h.mutex);
  ++h.entered[id];
  h.changed.notify_all();
  h.changed.wait(lock, [&] { return h.released.count(id) > 0; });
}
