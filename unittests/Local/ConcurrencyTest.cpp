// ConcurrencyTest.cpp - many client threads with many chains in flight:
// money is conserved, no chain sees another chain's change to an entity it
// is suspended in (Account's methods throw if one does), every request gets
// exactly one reply, one sender's messages arrive in order.
#include "bank.flowc.h"
#include "faults.flowc.h"
#include "worlds.h"

#include <gtest/gtest.h>

#include <barrier>
#include <random>
#include <thread>

namespace {

using bank::Account;
using flowc::Ref;
using local_test::await;
using local_test::check_each;

class LocalConcurrency : public ::testing::TestWithParam<unsigned> {
protected:
  flowc::LocalOptions options() const {
    return flowc::LocalOptions{.workers = GetParam()};
  }
};

// prefix + n, built without `"literal" + std::string`, on which g++ 12 warns
// falsely (-Wrestrict, its bug 105651).
std::string key(const char *prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

constexpr int kAccounts = 24;
constexpr long kStart = 1000;

std::vector<Ref<Account>> open_accounts(flowc::LocalRuntime &rt) {
  std::vector<Ref<Account>> accounts;
  for (int i = 0; i < kAccounts; ++i)
    accounts.push_back(await(rt.create<Account>(key("acct-", i), kStart)));
  return accounts;
}

struct Totals {
  long balance = 0, transfers = 0, deposits = 0, acks = 0;
};
Totals totals(flowc::LocalRuntime &rt, const std::vector<Ref<Account>> &accounts) {
  Totals t;
  for (const auto &account : accounts) {
    t.balance += await(rt.call<&Account::balance>(account));
    t.transfers += await(rt.call<&Account::transfers>(account));
    t.deposits += await(rt.call<&Account::deposits>(account));
    t.acks += await(rt.call<&Account::acks>(account));
  }
  return t;
}

// In each round every transfer goes the same way (lower to higher account,
// or back), so chains wait for each other but never in a cycle: every
// transfer must succeed or be refused, never fail.
TEST_P(LocalConcurrency, TransfersFromManyClientsConserveMoney) {
  flowc::LocalRuntime rt(options());
  auto accounts = open_accounts(rt);
  constexpr int threads = 6, rounds = 4, per_round = 250;
  std::barrier round_end(threads);
  std::atomic<long> succeeded{0}, acked{0}, failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      std::mt19937 random(1234 + t);
      for (int round = 0; round < rounds; ++round) {
        std::vector<std::pair<bool, std::future<bool>>> sent;
        for (int i = 0; i < per_round; ++i) {
          int from = static_cast<int>(random() % kAccounts);
          int to = static_cast<int>(random() % (kAccounts - 1));
          to += to >= from; // another account
          if ((from < to) != (round % 2 == 0))
            std::swap(from, to);
          long amount = static_cast<long>(random() % 200);
          bool ack = i % 3 == 0;
          sent.emplace_back(ack, ack ? rt.call<&Account::transfer_acked>(accounts[from], amount,
                                                                       accounts[to])
                                     : rt.call<&Account::transfer>(accounts[from], amount,
                                                                   accounts[to]));
        }
        check_each(sent, failures, [&](auto &one) {
          auto &[ack, result] = one;
          if (await(std::move(result))) {
            ++succeeded;
            acked += ack;
          }
        });
        round_end.arrive_and_wait();
      }
    });
  }
  for (auto &client : clients)
    client.join();
  EXPECT_EQ(failures, 0);
  Totals t = totals(rt, accounts);
  EXPECT_EQ(t.balance, kAccounts * kStart);
  EXPECT_EQ(t.transfers, succeeded);
  EXPECT_EQ(t.deposits, succeeded);
  EXPECT_EQ(t.acks, acked);
  EXPECT_GT(succeeded, 0);
}

// Transfers in any direction do deadlock now and then; transfer_safe
// deposits before it debits, so a chain failed by a deadlock moved nothing.
TEST_P(LocalConcurrency, RandomTransfersSurviveDeadlocks) {
  flowc::LocalOptions opts = options();
  opts.isolation = flowc::Isolation::chain; // the deadlocks it survives happen in chain mode only
  flowc::LocalRuntime rt(opts);
  auto accounts = open_accounts(rt);
  constexpr int threads = 4, per_thread = 1500;
  std::atomic<long> succeeded{0}, deadlocks{0}, failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      std::mt19937 random(99 + t);
      std::vector<std::future<bool>> sent;
      for (int i = 0; i < per_thread; ++i) {
        int from = static_cast<int>(random() % kAccounts);
        int to = static_cast<int>(random() % (kAccounts - 1));
        to += to >= from;
        sent.push_back(rt.call<&Account::transfer_safe>(
            accounts[from], static_cast<long>(random() % 300), accounts[to]));
      }
      check_each(sent, failures, [&](auto &result) {
        try {
          succeeded += await(std::move(result));
        } catch (const flowc::Deadlock &) {
          ++deadlocks;
        }
      });
    });
  }
  for (auto &client : clients)
    client.join();
  EXPECT_EQ(failures, 0);
  Totals t = totals(rt, accounts);
  EXPECT_EQ(t.balance, kAccounts * kStart);
  EXPECT_EQ(t.transfers, succeeded);
  EXPECT_EQ(t.deposits, succeeded);
  RecordProperty("deadlocks", static_cast<int>(deadlocks.load()));
}

// The same keys created from many threads at once: one creation each wins.
TEST_P(LocalConcurrency, ConcurrentCreatesOfTheSameKeys) {
  flowc::LocalRuntime rt(options());
  constexpr int threads = 6, keys = 100;
  std::atomic<int> created{0}, refused{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      std::vector<std::future<Ref<Account>>> sent;
      for (int k = 0; k < keys; ++k)
        sent.push_back(rt.create<Account>(key("k", k), long{t}));
      for (auto &result : sent) {
        try {
          await(std::move(result));
          ++created;
        } catch (const flowc::EntityExists &) {
          ++refused;
        }
      }
    });
  }
  for (auto &client : clients)
    client.join();
  EXPECT_EQ(created, keys);
  EXPECT_EQ(refused, (threads - 1) * keys);
  for (int k = 0; k < keys; ++k) {
    long balance = await(rt.call<&Account::balance>(rt.ref<Account>(key("k", k))));
    EXPECT_TRUE(balance >= 0 && balance < threads);
  }
}

// Each client's appends reach the entity in the order that client sent them.
TEST_P(LocalConcurrency, OneSendersMessagesArriveInOrder) {
  flowc::LocalRuntime rt(options());
  auto shared = await(rt.create<faults::Faulty>(0));
  constexpr int threads = 4;
  constexpr long per_thread = 3000;
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t)
    clients.emplace_back([&, t] {
      std::future<void> last;
      for (long i = 0; i < per_thread; ++i)
        last = rt.call<&faults::Faulty::append>(shared, t * per_thread + i);
      await(std::move(last)); // and, in order, all before it
    });
  for (auto &client : clients)
    client.join();
  std::vector<long> log = await(rt.call<&faults::Faulty::log>(shared));
  ASSERT_EQ(log.size(), static_cast<std::size_t>(threads * per_thread));
  std::vector<long> next(threads);
  for (long value : log) {
    long t = value / per_thread;
    EXPECT_EQ(value % per_thread, next[t]) << "client " << t;
    next[t] = value % per_thread + 1;
  }
}

INSTANTIATE_TEST_SUITE_P(Workers, LocalConcurrency, ::testing::Values(1u, 2u, 4u));

} // namespace
