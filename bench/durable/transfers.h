// transfers.h - the throughput workload of the durable-store benchmark
// (README.md), on LocalRuntime (flowc_durable.cpp) and MpiRuntime
// (flowc_durable_mpi.cpp) alike: C client threads make N transfers in all
// between A accounts, each waiting for its reply before the next.
#pragma once

#include "bank.flowc.h"

#include <flowc/runtime/isolation.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <future>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace bench {

inline std::uint64_t mix(std::uint64_t x) { // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline std::string account(long i) { return "acct-" + std::to_string(i); }

// Creates the accounts, runs the transfers, and prints what was measured
// after `prefix` as one line of name=value pairs; true when no money was
// made or lost.
template <class Runtime>
bool transfers(Runtime &rt, const std::string &prefix, int clients,
               int accounts_n, long transfers) {
  using Clock = std::chrono::steady_clock;
  std::vector<flowc::Ref<bank::Account>> accounts;
  {
    std::vector<std::future<flowc::Ref<bank::Account>>> made;
    for (int i = 0; i < accounts_n; ++i)
      made.push_back(rt.template create<bank::Account>(account(i), 1000L));
    for (auto &m : made)
      accounts.push_back(m.get());
  }
  const flowc::Stats before = rt.stats();
  std::latch go(clients + 1);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    long count = transfers / clients + (c < transfers % clients ? 1 : 0);
    threads.emplace_back([&, c, count] {
      go.arrive_and_wait();
      for (long i = 0; i < count; ++i) {
        std::uint64_t r = mix((static_cast<std::uint64_t>(c) << 32) |
                              static_cast<std::uint64_t>(i));
        int from = static_cast<int>(r % accounts.size());
        int to = static_cast<int>((r >> 16) % (accounts.size() - 1));
        to += to >= from;
        rt.template call<&bank::Account::transfer>(
              accounts[from], 1 + static_cast<long>((r >> 40) % 100),
              accounts[to])
            .get();
      }
    });
  }
  go.arrive_and_wait();
  auto start = Clock::now();
  for (auto &t : threads)
    t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  flowc::Stats after = rt.stats();
  long balance = 0;
  for (const auto &a : accounts)
    balance += rt.template call<&bank::Account::balance>(a).get();
  std::uint64_t flushes = after.log_flushes - before.log_flushes;
  std::uint64_t logged = after.logged - before.logged;
  bool conserved = balance == 1000L * accounts_n;
  std::printf(
      "%s seconds=%.3f committed_per_s=%.0f log_flushes=%llu logged=%llu "
      "chains_per_flush=%.2f conserved=%s\n",
      prefix.c_str(), seconds, static_cast<double>(transfers) / seconds,
      static_cast<unsigned long long>(flushes),
      static_cast<unsigned long long>(logged),
      flushes ? static_cast<double>(logged) / static_cast<double>(flushes)
              : 0.0,
      conserved ? "yes" : "no");
  return conserved;
}

} // namespace bench
