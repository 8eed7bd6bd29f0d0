// dataflow_mpi.cpp - the shop's scenario (scenario.h) on flowc::MpiRuntime:
// `mpirun -np 3 shop_mpi`. Rank 0 runs the scenario and prints; the other
// ranks hold their share of the entities and serve inside the constructor.
#include "scenario.h"

#include <flowc/runtime/mpi.h>

int main(int argc, char **argv) {
  flowc::MpiRuntime rt(argc, argv);
  return run_shop(rt);
}
