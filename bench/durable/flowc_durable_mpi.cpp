// flowc_durable_mpi.cpp - the durable-store benchmark's throughput workload on
// flowc::MpiRuntime (README.md, "MPI"): run under mpirun; rank 0's clients
// make the transfers, every rank holds accounts and its part of the store.
//
//   mpirun -np R flowc_durable_mpi --store none|process|sync [--dir DIR]
//          [--clients C] [--accounts A] [--transfers N] [--workers W]
// Prints one line of name=value pairs: seconds, committed/s, log flushes
// and chains per flush (over all ranks).
#include "args.h"
#include "bank.flowc.h"

#include <flowc/runtime/mpi.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <future>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::uint64_t mix(std::uint64_t x) { // splitmix64, as flowc_durable.cpp
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

} // namespace

int main(int argc, char **argv) {
  std::string store = "none", dir = "/tmp/flowc-durable-mpi-bench";
  int clients = 16, accounts_n = 1024;
  long transfers = 20000;
  unsigned workers = 1;
  bench::Args args(argc, argv,
                   "--store none|process|sync [--dir DIR] [--clients C] [--accounts A] "
                   "[--transfers N] [--workers W]");
  while (args.next()) {
    if (args.is("--store", "none") || args.is("--store", "process") || args.is("--store", "sync"))
      store = args.value();
    else if (args.is("--dir"))
      dir = args.value();
    else if (args.is("--clients"))
      clients = static_cast<int>(args.number());
    else if (args.is("--accounts"))
      accounts_n = static_cast<int>(args.number());
    else if (args.is("--transfers"))
      transfers = args.number();
    else if (args.is("--workers"))
      workers = static_cast<unsigned>(args.number());
    else
      args.usage();
  }
  flowc::MpiOptions options{.workers = workers};
  if (store != "none") {
    options.store = dir;
    options.durability = store == "sync" ? flowc::Durability::sync : flowc::Durability::process;
  }
  flowc::MpiRuntime rt(argc, argv, options); // ranks other than 0 serve here

  std::vector<flowc::Ref<bank::Account>> accounts;
  {
    std::vector<std::future<flowc::Ref<bank::Account>>> made;
    for (int i = 0; i < accounts_n; ++i)
      made.push_back(rt.create<bank::Account>("acct-" + std::to_string(i), 1000L));
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
        std::uint64_t r = mix((static_cast<std::uint64_t>(c) << 32) | static_cast<std::uint64_t>(i));
        int from = static_cast<int>(r % accounts.size());
        int to = static_cast<int>((r >> 16) % (accounts.size() - 1));
        to += to >= from;
        rt.call<&bank::Account::transfer>(accounts[from], 1 + static_cast<long>((r >> 40) % 100),
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
    balance += rt.call<&bank::Account::balance>(a).get();
  std::uint64_t flushes = after.log_flushes - before.log_flushes;
  std::uint64_t logged = after.logged - before.logged;
  std::printf("mode=throughput-mpi ranks=%d store=%s clients=%d accounts=%d transfers=%ld "
              "workers=%u seconds=%.3f committed_per_s=%.0f log_flushes=%llu logged=%llu "
              "chains_per_flush=%.2f conserved=%s\n",
              rt.ranks(), store.c_str(), clients, accounts_n, transfers, workers, seconds,
              static_cast<double>(transfers) / seconds, static_cast<unsigned long long>(flushes),
              static_cast<unsigned long long>(logged),
              flushes ? static_cast<double>(logged) / static_cast<double>(flushes) : 0.0,
              balance == 1000L * accounts_n ? "yes" : "no");
  return balance == 1000L * accounts_n ? 0 : 1;
}
