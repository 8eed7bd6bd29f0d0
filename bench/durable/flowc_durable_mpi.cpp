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
#include "transfers.h"

#include <flowc/runtime/mpi.h>

#include <string>

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

  std::string prefix =
      "mode=throughput-mpi ranks=" + std::to_string(rt.ranks()) +
      " store=" + store + " clients=" + std::to_string(clients) +
      " accounts=" + std::to_string(accounts_n) +
      " transfers=" + std::to_string(transfers) +
      " workers=" + std::to_string(workers);
  return bench::transfers(rt, prefix, clients, accounts_n, transfers) ? 0 : 1;
}
