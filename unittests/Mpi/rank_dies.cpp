// rank_dies.cpp - a rank dies in the middle of a chain: the job must end
// with a non-zero status and a message naming the rank, never hang waiting
// for a reply that cannot come (run by rank_dies.sh).
#include "crash.flowc.h"

#include <flowc/runtime/mpi.h>

#include <cstdio>

int main(int argc, char **argv) {
  flowc::MpiRuntime rt(argc, argv);
  int per_rank = static_cast<int>(rt.workers()) / rt.ranks();
  int id = 0;
  while (static_cast<int>(rt.worker_of(rt.ref<crash::Bomb>(id))) / per_rank != rt.ranks() - 1)
    ++id;
  auto bomb = rt.create<crash::Bomb>(id).get();
  std::fprintf(stderr, "rank_dies: calling a Bomb on rank %d\n", rt.ranks() - 1);
  rt.call<&crash::Bomb::explode>(bomb).get(); // never answered
  std::fprintf(stderr, "rank_dies: the call came back\n");
  return 0;
}
