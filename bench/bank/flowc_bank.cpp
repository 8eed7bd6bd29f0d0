// flowc_bank.cpp - the bank benchmark (README.md): client threads making random
// transfers between accounts on flowc::LocalRuntime, in either isolation mode.
//
//   flowc_bank --workers W [--isolation serializable|chain] [--clients C]
//              [--accounts A] [--transfers N] [--in-flight K]
//
// A accounts (default 64) start with 1000 each. C client threads (default 8)
// make N transfers in all (default 400000, N / C each), each
// rt.call<&Account::transfer>(from, amount, to) between two different random
// accounts, with an amount of 1-100; a client keeps at most K (default 16) of
// its calls in flight, waiting for its oldest reply before it sends more. Only
// the clients' work is timed. Then the balances are summed: conserved=yes when
// no money appeared or vanished.
//
// In serializable mode no chain may fail and money must be conserved; in chain
// mode, chains that wait on each other fail with flowc::Deadlock, after their
// debit, so money vanishes. The program reports both and leaves the judging to
// run.sh; it exits 1 only on a usage error or when the run itself broke.
// Prints one line:
//   flowc workers=W isolation=MODE clients=C accounts=A transfers=N in_flight=K
//     seconds=S committed=X committed_per_s=R reruns=Y reruns_per_s=Q moved=M
//     refused=F deadlocks=D failed=E conserved=yes|no
// (committed: chains that ended with a reply, moved or refused; reruns: times
// the runtime rolled a chain back to run it again, from rt.stats(); failed:
// failures other than Deadlock.)
#include "args.h"
#include "bank.flowc.h"

#include <flowc/runtime/local.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <future>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
  unsigned workers = 1;
  flowc::Isolation isolation = flowc::Isolation::serializable;
  int clients = 8;
  int accounts = 64;
  long transfers = 400000;
  int in_flight = 16;
};

constexpr long kStart = 1000;

std::uint64_t mix(std::uint64_t x) { // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

struct Counts {
  std::atomic<long> moved{0}, refused{0}, deadlocks{0}, failed{0};
};

// One client: its share of the transfers, at most `in_flight` unanswered.
void client(flowc::LocalRuntime &rt, const std::vector<flowc::Ref<bank::Account>> &accounts,
            const Options &o, int id, long count, Counts &counts) {
  std::deque<std::future<bool>> sent;
  auto settle = [&] {
    try {
      (sent.front().get() ? counts.moved : counts.refused)++;
    } catch (const flowc::Deadlock &) {
      ++counts.deadlocks;
    } catch (const std::exception &e) {
      if (counts.failed++ == 0)
        std::fprintf(stderr, "flowc_bank: a transfer failed: %s\n", e.what());
    }
    sent.pop_front();
  };
  const int n = static_cast<int>(accounts.size());
  for (long i = 0; i < count; ++i) {
    std::uint64_t r = mix((static_cast<std::uint64_t>(id) << 32) | static_cast<std::uint64_t>(i));
    int from = static_cast<int>(r % n);
    int to = static_cast<int>((r >> 16) % (n - 1));
    to += to >= from;
    long amount = 1 + static_cast<long>((r >> 40) % 100);
    if (static_cast<int>(sent.size()) >= o.in_flight)
      settle();
    sent.push_back(rt.call<&bank::Account::transfer>(accounts[from], amount, accounts[to]));
  }
  while (!sent.empty())
    settle();
}

} // namespace

int main(int argc, char **argv) {
  Options o;
  bench::Args args(argc, argv,
                   "--workers W [--isolation serializable|chain] [--clients C] "
                   "[--accounts A] [--transfers N] [--in-flight K]");
  while (args.next()) {
    if (args.is("--workers"))
      o.workers = static_cast<unsigned>(args.number());
    else if (args.is("--isolation", "serializable"))
      o.isolation = flowc::Isolation::serializable;
    else if (args.is("--isolation", "chain"))
      o.isolation = flowc::Isolation::chain;
    else if (args.is("--clients"))
      o.clients = static_cast<int>(args.number());
    else if (args.is("--accounts"))
      o.accounts = static_cast<int>(args.number());
    else if (args.is("--transfers"))
      o.transfers = args.number();
    else if (args.is("--in-flight"))
      o.in_flight = static_cast<int>(args.number());
    else
      args.usage();
  }
  if (o.accounts < 2)
    args.usage();

  Counts counts;
  double seconds = 0;
  flowc::Stats stats;
  long balance = 0;
  try {
    flowc::LocalRuntime rt(flowc::LocalOptions{.workers = o.workers, .isolation = o.isolation});
    std::vector<std::future<flowc::Ref<bank::Account>>> made;
    for (int i = 0; i < o.accounts; ++i)
      made.push_back(rt.create<bank::Account>("acct-" + std::to_string(i), kStart));
    std::vector<flowc::Ref<bank::Account>> accounts;
    for (auto &m : made)
      accounts.push_back(m.get());
    const flowc::Stats before = rt.stats();

    std::latch go(o.clients + 1);
    std::vector<std::thread> clients;
    for (int c = 0; c < o.clients; ++c) {
      long count = o.transfers / o.clients + (c < o.transfers % o.clients ? 1 : 0);
      clients.emplace_back([&, c, count] {
        go.arrive_and_wait();
        client(rt, accounts, o, c, count, counts);
      });
    }
    go.arrive_and_wait();
    auto start = std::chrono::steady_clock::now();
    for (auto &t : clients)
      t.join();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    flowc::Stats after = rt.stats();
    stats = flowc::Stats{after.committed - before.committed, after.failed - before.failed,
                         after.reruns - before.reruns, after.wounds - before.wounds};

    for (const auto &account : accounts)
      balance += rt.call<&bank::Account::balance>(account).get();
  } catch (const std::exception &e) {
    std::fprintf(stderr, "flowc_bank: %s\n", e.what());
    return 1;
  }
  const long committed = counts.moved + counts.refused;
  const bool conserved = balance == o.accounts * kStart;
  std::printf("flowc workers=%u isolation=%s clients=%d accounts=%d transfers=%ld in_flight=%d "
              "seconds=%.3f committed=%ld committed_per_s=%.0f reruns=%llu reruns_per_s=%.0f "
              "moved=%ld refused=%ld deadlocks=%ld failed=%ld conserved=%s\n",
              o.workers, o.isolation == flowc::Isolation::chain ? "chain" : "serializable",
              o.clients, o.accounts, o.transfers, o.in_flight, seconds, committed,
              committed / seconds, static_cast<unsigned long long>(stats.reruns),
              static_cast<double>(stats.reruns) / seconds, counts.moved.load(),
              counts.refused.load(), counts.deadlocks.load(), counts.failed.load(),
              conserved ? "yes" : "no");
  return 0;
}
