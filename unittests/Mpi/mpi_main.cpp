// mpi_main.cpp - runs the MPI tests under `mpirun -np N`: every rank makes
// the runtime; ranks other than 0 serve in its constructor and end there,
// rank 0 runs the tests and then ends the job by destroying the runtime.
// `--isolation=chain` (before the gtest flags) runs them in Isolation::chain.
#include "mpi_world.h"

#include <gtest/gtest.h>

#include <memory>
#include <string_view>

namespace {
flowc::MpiRuntime *job_runtime = nullptr;
} // namespace

flowc::MpiRuntime &mpi_test::runtime() { return *job_runtime; }

int main(int argc, char **argv) {
  flowc::Isolation isolation = flowc::Isolation::serializable;
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--isolation=chain")
      isolation = flowc::Isolation::chain;
  // Two workers a rank, so keys spread over threads as well as ranks.
  auto runtime = std::make_unique<flowc::MpiRuntime>(
      argc, argv, flowc::MpiOptions{.workers = 2, .isolation = isolation});
  job_runtime = runtime.get();
  ::testing::InitGoogleTest(&argc, argv);
  int status = RUN_ALL_TESTS();
  job_runtime = nullptr;
  runtime.reset();
  return status;
}
