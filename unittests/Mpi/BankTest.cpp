// BankTest.cpp - transfers between accounts on every rank, from several
// client threads with many chains in flight: money is conserved, every
// transfer commits or is refused, and none sees another's change to an
// account it is suspended in (Account's methods throw if one does).
#include "bank.flowc.h"
#include "mpi_world.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <thread>

namespace {

using bank::Account;
using flowc::Ref;
using local_test::await;

std::string key(const char *prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

TEST(MpiBank, ConcurrentTransfersConserveMoney) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  constexpr int kAccounts = 16;
  constexpr long kStart = 1000;
  std::vector<Ref<Account>> accounts;
  for (int i = 0; i < kAccounts; ++i)
    accounts.push_back(await(rt.create<Account>(key("bank-", i), kStart)));

  constexpr int threads = 3, per_thread = 400, in_flight = 40;
  std::atomic<long> succeeded{0}, acked{0}, failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      std::mt19937 random(99 + t);
      std::vector<std::pair<bool, std::future<bool>>> sent;
      auto settle = [&](std::pair<bool, std::future<bool>> &one) {
        try {
          if (await(std::move(one.second))) {
            ++succeeded;
            acked += one.first;
          }
        } catch (const std::exception &e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      };
      for (int i = 0; i < per_thread; ++i) {
        int from = static_cast<int>(random() % kAccounts);
        int to = static_cast<int>(random() % (kAccounts - 1));
        to += to >= from;
        long amount = static_cast<long>(random() % 300);
        bool ack = i % 3 == 0; // a callback into the waiting sender
        sent.emplace_back(ack, ack ? rt.call<&Account::transfer_acked>(
                                         accounts[from], amount, accounts[to])
                                   : rt.call<&Account::transfer>(
                                         accounts[from], amount, accounts[to]));
        if (sent.size() == in_flight) {
          for (auto &one : sent)
            settle(one);
          sent.clear();
        }
      }
      for (auto &one : sent)
        settle(one);
    });
  }
  for (auto &client : clients)
    client.join();

  EXPECT_EQ(failures, 0);
  long balance = 0, transfers = 0, deposits = 0, acks = 0;
  for (const auto &account : accounts) {
    balance += await(rt.call<&Account::balance>(account));
    transfers += await(rt.call<&Account::transfers>(account));
    deposits += await(rt.call<&Account::deposits>(account));
    acks += await(rt.call<&Account::acks>(account));
  }
  EXPECT_EQ(balance, kAccounts * kStart);
  EXPECT_EQ(transfers, succeeded);
  EXPECT_EQ(deposits, succeeded);
  EXPECT_EQ(acks, acked);
  EXPECT_GT(succeeded, threads * per_thread / 4);
  flowc::Stats stats = rt.stats();
  EXPECT_GE(stats.committed, static_cast<std::uint64_t>(threads * per_thread));
  EXPECT_EQ(stats.failed, 0u);
}

} // namespace
