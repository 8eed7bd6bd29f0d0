// mpi_chains.cpp - bench/chains' workload (User::buy_item chains over shop.h)
// on flowc::MpiRuntime: the same calls, check and output line as
// bench/chains/flowc_chains.cpp, over the ranks of `mpirun -np N`.
//
//   mpirun -np N mpi_chains --workers W --users U --items I --chains N
//
// W is worker threads per rank. Rank 0 sends all N chains without waiting,
// then waits for all N futures; only that is timed. Users and items are
// spread over the ranks by key, so most chains cross ranks: a chain is a
// client request, User::buy_item, Item::price and its reply, Item::
// update_stock and its reply, the commit messages and the client's answer.
// Prints: mpi ranks=R workers=W chains=N seconds=S chains_per_s=X
//         conserved=yes|no ok=K reruns=Y
#include "args.h"
#include "flowc_workload.h"

#include <flowc/runtime/mpi.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

int main(int argc, char **argv) {
  long workers = 1;
  for (int i = 1; i + 1 < argc; ++i) // before MPI starts: the runtime needs it
    if (std::string_view(argv[i]) == "--workers")
      workers = std::atol(argv[i + 1]);
  flowc::MpiRuntime rt(argc, argv,
                       flowc::MpiOptions{.workers = static_cast<unsigned>(workers)});

  chains::Workload w;
  bench::Args args(argc, argv, "--workers W --users U --items I --chains N");
  while (args.next()) {
    if (args.is("--workers"))
      args.number();
    else if (args.is("--users"))
      w.users = static_cast<int>(args.number());
    else if (args.is("--items"))
      w.items = static_cast<int>(args.number());
    else if (args.is("--chains"))
      w.chains = args.number();
    else
      args.usage();
  }

  chains::Measured m;
  try {
    m = chains::measure(rt, w, "mpi_chains");
  } catch (const std::exception &e) {
    std::fprintf(stderr, "mpi_chains: %s\n", e.what());
  }
  std::printf("mpi ranks=%d workers=%ld chains=%ld seconds=%.3f chains_per_s=%.0f "
              "conserved=%s ok=%ld reruns=%llu\n",
              rt.ranks(), workers, w.chains, m.seconds, static_cast<double>(w.chains) / m.seconds,
              m.conserved ? "yes" : "no", m.ok, static_cast<unsigned long long>(m.reruns));
  return m.conserved ? 0 : 1;
}
