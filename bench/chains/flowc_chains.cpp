// flowc_chains.cpp - the flowc side of the "chains" benchmark (README.md):
// shop.h's entities, as flowc generates them, on flowc::LocalRuntime.
//
//   flowc_chains --workers W --users U --items I --chains N
//                [--isolation serializable|chain]
//
// The same workload, check and output line as caf_chains.cpp: the main
// thread sends all N User::buy_item calls without waiting (chain c goes to
// user c % U, with an item and an amount of 1-3 drawn from splitmix64(c)),
// then waits for all N futures; only that is timed. Then it reads back every
// balance and stock and prints conserved=yes only if the money users spent
// equals the value of the units sold and the successful chains and every
// balance equal a sequential run of the same calls on plain objects.
// --isolation picks LocalOptions::isolation (default serializable, every chain
// a transaction; chain: the older, weaker mode); reruns= is how many times
// the runtime rolled a chain back to run it again (rt.stats()).
// Prints: flowc workers=W chains=N seconds=S chains_per_s=R cpu_us_per_chain=C
//   conserved=yes|no ok=K
//         isolation=serializable|chain reruns=X waits=Y
#include "args.h"
#include "flowc_workload.h"

#include <flowc/runtime/local.h>

#include <cstdio>
#include <string>

int main(int argc, char **argv) {
  chains::Workload w;
  long workers = 1;
  flowc::Isolation isolation = flowc::Isolation::serializable;
  bench::Args args(argc, argv,
                   "--workers W --users U --items I --chains N "
                   "[--isolation serializable|chain]");
  while (args.next()) {
    if (args.is("--workers"))
      workers = args.number();
    else if (args.is("--users"))
      w.users = static_cast<int>(args.number());
    else if (args.is("--items"))
      w.items = static_cast<int>(args.number());
    else if (args.is("--chains"))
      w.chains = args.number();
    else if (args.is("--isolation", "serializable"))
      isolation = flowc::Isolation::serializable;
    else if (args.is("--isolation", "chain"))
      isolation = flowc::Isolation::chain;
    else
      args.usage();
  }

  chains::Measured m;
  try {
    flowc::LocalRuntime rt(
        flowc::LocalOptions{.workers = static_cast<unsigned>(workers), .isolation = isolation});
    m = chains::measure(rt, w, "flowc_chains");
  } catch (const std::exception &e) {
    std::fprintf(stderr, "flowc_chains: %s\n", e.what());
  }
  std::printf("flowc workers=%ld chains=%ld seconds=%.3f chains_per_s=%.0f "
              "cpu_us_per_chain=%.2f conserved=%s ok=%ld "
              "isolation=%s reruns=%llu waits=%llu\n",
              workers, w.chains, m.seconds,
              static_cast<double>(w.chains) / m.seconds,
              1e6 * m.cpu_seconds / static_cast<double>(w.chains),
              m.conserved ? "yes" : "no", m.ok,
              isolation == flowc::Isolation::chain ? "chain" : "serializable",
              static_cast<unsigned long long>(m.reruns),
              static_cast<unsigned long long>(m.waits));
  return m.conserved ? 0 : 1;
}
