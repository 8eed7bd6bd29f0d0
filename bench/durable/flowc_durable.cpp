// flowc_durable.cpp - the durable-store benchmark (README.md).
//
//   flowc_durable throughput --store none|process|sync [--dir DIR] [--clients C]
//                 [--accounts A] [--transfers N] [--workers W]
//       C client threads (16) make N transfers in all (100000), each waiting
//       for its reply before the next (one chain in flight per client), on
//       A accounts (1024) in memory or in a store in DIR with that durability.
//       Prints seconds, committed/s, log flushes and chains per flush.
//   flowc_durable fill --dir DIR [--entities E] [--crash 1]
//       A store with E accounts (1000000), made as fast as the runtime lets;
//       with --crash the process then kills itself (SIGKILL) instead of
//       closing the store, so the next start replays the log.
//   flowc_durable restart --dir DIR
//       Opens the store and calls one account: the time from main() to the
//       answer (the process's own start-up before main is not counted).
//   flowc_durable rss --dir DIR [--cache-mib M] [--entities E]
//       Reads every account once with cache_bytes M MiB (16), then prints the
//       process's resident memory (VmRSS) and its peak (VmHWM).
// Every mode prints one line of name=value pairs.
#include "args.h"
#include "bank.flowc.h"
#include "transfers.h"

#include <flowc/runtime/local.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <future>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point kStart = Clock::now(); // as main() begins

struct Options {
  std::string mode, store = "none", dir = "/tmp/flowc-durable-bench";
  int clients = 16, accounts = 1024;
  long transfers = 100000, entities = 1000000, cache_mib = 16;
  unsigned workers = 2;
  bool crash = false;
};

using bench::account;

flowc::LocalOptions options_for(const Options &o) {
  flowc::LocalOptions options{.workers = o.workers};
  if (o.store != "none") {
    options.store = o.dir;
    options.durability =
        o.store == "sync" ? flowc::Durability::sync : flowc::Durability::process;
  }
  return options;
}

int throughput(const Options &o) {
  flowc::LocalRuntime rt(options_for(o));
  std::string prefix = "mode=throughput store=" + o.store +
                       " clients=" + std::to_string(o.clients) +
                       " accounts=" + std::to_string(o.accounts) +
                       " transfers=" + std::to_string(o.transfers) +
                       " workers=" + std::to_string(o.workers);
  return bench::transfers(rt, prefix, o.clients, o.accounts, o.transfers) ? 0
                                                                          : 1;
}

int fill(const Options &o) {
  flowc::LocalOptions options = options_for(o);
  options.cache_bytes = std::size_t{64} << 20;
  flowc::LocalRuntime rt(options);
  auto start = Clock::now();
  constexpr long kWindow = 4096;
  std::vector<std::future<flowc::Ref<bank::Account>>> window;
  for (long i = 0; i < o.entities; ++i) {
    window.push_back(rt.create<bank::Account>(account(i), 1000L));
    if (static_cast<long>(window.size()) == kWindow) {
      for (auto &w : window)
        w.get();
      window.clear();
    }
  }
  for (auto &w : window)
    w.get();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("mode=fill entities=%ld seconds=%.1f creates_per_s=%.0f crash=%s\n",
              o.entities, seconds, static_cast<double>(o.entities) / seconds,
              o.crash ? "yes" : "no");
  std::fflush(stdout);
  if (o.crash)
    std::raise(SIGKILL);
  return 0;
}

int restart(const Options &o) {
  flowc::LocalRuntime rt(options_for(o));
  double opened = std::chrono::duration<double>(Clock::now() - kStart).count();
  long balance = rt.call<&bank::Account::balance>(rt.ref<bank::Account>(account(o.entities / 2)))
                     .get();
  double answered = std::chrono::duration<double>(Clock::now() - kStart).count();
  std::printf("mode=restart open_s=%.3f first_answer_s=%.3f balance=%ld\n", opened, answered,
              balance);
  return balance == 1000 ? 0 : 1;
}

long status_kib(const char *field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(field, 0) == 0)
      return std::atol(line.c_str() + std::strlen(field));
  return -1;
}

int rss(const Options &o) {
  flowc::LocalOptions options = options_for(o);
  options.cache_bytes = static_cast<std::size_t>(o.cache_mib) << 20;
  flowc::LocalRuntime rt(options);
  auto start = Clock::now();
  constexpr long kWindow = 1024;
  long total = 0;
  std::vector<std::future<long>> window;
  for (long i = 0; i < o.entities; ++i) {
    window.push_back(rt.call<&bank::Account::balance>(rt.ref<bank::Account>(account(i))));
    if (static_cast<long>(window.size()) == kWindow || i + 1 == o.entities) {
      for (auto &w : window)
        total += w.get();
      window.clear();
    }
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("mode=rss entities=%ld cache_mib=%ld seconds=%.1f loaded=%llu rss_mib=%.0f "
              "peak_rss_mib=%.0f total=%ld\n",
              o.entities, o.cache_mib, seconds,
              static_cast<unsigned long long>(rt.stats().loaded),
              static_cast<double>(status_kib("VmRSS:")) / 1024,
              static_cast<double>(status_kib("VmHWM:")) / 1024, total);
  return total == 1000L * o.entities ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  Options o;
  if (argc < 2)
    return std::fprintf(stderr, "usage: %s throughput|fill|restart|rss [--name value]...\n",
                        argv[0]),
           2;
  o.mode = argv[1];
  bench::Args args(argc - 1, argv + 1,
                   "[--store none|process|sync] [--dir DIR] [--clients C] [--accounts A] "
                   "[--transfers N] [--workers W] [--entities E] [--cache-mib M] [--crash 1]");
  while (args.next()) {
    if (args.is("--store", "none") || args.is("--store", "process") || args.is("--store", "sync"))
      o.store = args.value();
    else if (args.is("--dir"))
      o.dir = args.value();
    else if (args.is("--clients"))
      o.clients = static_cast<int>(args.number());
    else if (args.is("--accounts"))
      o.accounts = static_cast<int>(args.number());
    else if (args.is("--transfers"))
      o.transfers = args.number();
    else if (args.is("--workers"))
      o.workers = static_cast<unsigned>(args.number());
    else if (args.is("--entities"))
      o.entities = args.number();
    else if (args.is("--crash"))
      o.crash = args.number() != 0;
    else if (args.is("--cache-mib"))
      o.cache_mib = args.number();
    else
      args.usage();
  }
  try {
    if (o.mode == "throughput")
      return throughput(o);
    if (o.store == "none")
      o.store = "process"; // the other modes need a store
    if (o.mode == "fill")
      return fill(o);
    if (o.mode == "restart")
      return restart(o);
    if (o.mode == "rss")
      return rss(o);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "flowc_durable: %s\n", e.what());
    return 1;
  }
  args.usage();
}
