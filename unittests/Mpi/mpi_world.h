// mpi_world.h - the MpiRuntime the tests share, and a world over it for the
// programs of unittests/Local (worlds.h, differential_programs.h).
//
// MPI starts once per process, and the serving ranks end with rank 0's
// runtime, so every test of one mpirun uses the one runtime main() made:
// tests that run in the same job use keys no other test uses.
#pragma once

#include "worlds.h"

#include <flowc/runtime/mpi.h>

#include <string>
#include <utility>

namespace mpi_test {

// The job's runtime (rank 0's; main() in mpi_main.cpp).
flowc::MpiRuntime &runtime();

// The rank that owns an entity.
template <class E> int rank_of(const flowc::Ref<E> &ref) {
  flowc::MpiRuntime &rt = runtime();
  return static_cast<int>(rt.worker_of(ref) / (rt.workers() / rt.ranks()));
}

class MpiWorld {
public:
  template <class E, class... A> flowc::Ref<E> create(A &&...args) {
    return local_test::await(runtime().create<E>(std::forward<A>(args)...));
  }
  template <auto Method, class E, class... A>
  auto call(const flowc::Ref<E> &ref, A &&...args) {
    return local_test::await(runtime().call<Method>(ref, std::forward<A>(args)...));
  }
  template <class E> std::string state(const flowc::Ref<E> &ref) {
    return local_test::await(runtime().state(ref));
  }
};

} // namespace mpi_test
