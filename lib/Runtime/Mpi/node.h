// node.h - one rank of an MpiRuntime: MPI set up and torn down, the runtime
// core with this rank's workers, and the progress thread that is its
// transport. Rank 0 also holds the clients. With a store, its part of it.
#pragma once

#include "core.h"
#include "progress.h"
#include "store.h"

#include "flowc/runtime/mpi.h"

#include <mpi.h>

#include <memory>

namespace flowc::mpi {

class Node {
public:
  Node(int &argc, char **&argv, const MpiOptions &options);
  // Rank 0 first waits for every request and ends the job; then every rank
  // stops its workers, meets the others in a barrier and finalizes MPI.
  ~Node();

  int rank() const { return rank_; }
  int ranks() const { return ranks_; }
  dataflow::Core &core() { return *core_; }
  dataflow::Clients &clients() { return *clients_; }
  Progress &progress() { return *progress_; }

  // Ranks other than 0: serves until rank 0's runtime ends the job.
  void serve();

private:
  bool initialized_mpi_ = false;
  MPI_Comm comm_ = MPI_COMM_NULL;
  int rank_ = 0, ranks_ = 1;
  std::unique_ptr<dataflow::Clients> clients_; // rank 0
  std::unique_ptr<store::Store> store_;         // this rank's part, or none
  std::unique_ptr<Progress> progress_;
  std::unique_ptr<dataflow::Core> core_;
};

} // namespace flowc::mpi
