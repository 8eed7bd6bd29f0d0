// mpi.h - flowc::MpiRuntime: generated entities as an event-driven dataflow
// over the ranks of an MPI job (docs/mpi.md).
//
//   #include "shop.flowc.h"
//   #include <flowc/runtime/mpi.h>
//
//   int main(int argc, char **argv) {
//     flowc::MpiRuntime rt(argc, argv);   // ranks other than 0 serve here
//     auto book = rt.create<shop::Item>("book", 10).get();
//     ...
//   }                                     // rank 0's runtime ends the job
//
// Started with `mpirun -np N ./program`. Rank 0 is the client: it runs the
// program's calls. Every other rank serves entities inside the constructor
// and, when rank 0's runtime is destroyed, finalizes MPI and ends the process
// with status 0, so the code after the constructor runs on rank 0 only and a
// program written for LocalRuntime needs no other change.
//
// The same runtime core as LocalRuntime (the same chains, locks, commits and
// isolation modes: docs/semantics.md) runs in every rank, over `workers`
// threads per rank; entities are partitioned over ranks by a hash of their
// key, then over the rank's threads. Messages between ranks go in batches
// per destination rank, sent and received by one progress thread per rank
// (non-blocking MPI; it sleeps when there is nothing to do).
//
// With MpiOptions::store, entity state is durable as with LocalRuntime's
// store: each rank keeps its part in a folder of its own, and chains that
// changed entities on several ranks commit with two-phase commit.
//
// Differences from LocalRuntime, both because an entity is built in the
// rank that owns its key:
//  - create<E>(args...) needs every argument to be serializable (as method
//    parameters are; string literals travel as std::string). The client
//    constructs the object (its key says which rank owns it); another rank
//    builds its own with the same arguments and then loads the client's
//    object's state over it, so a constructor runs twice for such an entity.
//  - Isolation::chain finds a deadlock whose chains all wait at one rank
//    when its cycle closes; one that spans ranks fails by deadlock_timeout.
#pragma once

#include "flowc/runtime/access.h"
#include "flowc/runtime/client.h"
#include "flowc/runtime/codec.h"
#include "flowc/runtime/completion.h"
#include "flowc/runtime/durability.h"
#include "flowc/runtime/entity.h"
#include "flowc/runtime/isolation.h"
#include "flowc/runtime/mpi/registry.h"

#include <chrono>
#include <cstddef>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace flowc {

struct MpiOptions {
  // Worker threads in each rank (one rank per core is the usual layout).
  unsigned workers = 1;
  // The rest as in LocalOptions (local.h).
  Isolation isolation = Isolation::serializable;
  std::size_t max_depth = 100000;
  bool detect_deadlocks = true;
  std::chrono::milliseconds deadlock_timeout{60000};
  bool roundtrip_frames = false;
  // A folder for a durable store, as in LocalOptions: each rank keeps its
  // part in the folder `rank-N` inside it, and a chain that changed entities
  // on several ranks commits on all of them or none (two-phase commit,
  // docs/durability.md). Reopened with as many ranks as wrote it, or every
  // rank's constructor throws StoreError.
  std::string store = {};
  Durability durability = Durability::sync;
  std::size_t cache_bytes = std::size_t{1} << 30; // per rank
};

namespace mpi {
class Node;
}

class HttpGateway;

class MpiRuntime : public detail::ClientApi<MpiRuntime> {
public:
  // Initializes MPI (MPI_THREAD_SERIALIZED: one thread per rank makes every
  // MPI call) unless the program did. On ranks other than 0 it serves until
  // rank 0's runtime is destroyed and then ends the process: it never returns.
  MpiRuntime(int &argc, char **&argv, MpiOptions options = {});
  // Rank 0: waits for every request made so far, ends every rank, finalizes MPI.
  ~MpiRuntime();
  MpiRuntime(const MpiRuntime &) = delete;
  MpiRuntime &operator=(const MpiRuntime &) = delete;

  // As LocalRuntime's (local.h); see above for the arguments.
  template <class E, class... A> std::future<Ref<E>> create(A &&...args);

  // ref, call, state, run and worker_of(ref): client.h.

  // The counts of every rank's chains, summed (asks each rank).
  Stats stats() const;

  int rank() const;
  int ranks() const;
  // Workers over all ranks, and the one that owns an entity (rank
  // worker_of / workers-per-rank).
  unsigned workers() const;
  using ClientApi::worker_of;
  unsigned worker_of(std::string_view encoded_key) const;

private:
  friend class detail::ClientApi<MpiRuntime>;
  friend class HttpGateway; // serves this runtime's type-erased requests (http.h)
  void post_call(Outgoing &&call, std::unique_ptr<detail::Completion> done);
  void post_state(const EntityType &type, std::string key,
                  std::unique_ptr<detail::Completion> done);
  void post_create(const EntityType &type, std::string key, void *object,
                   const char *constructor, std::string args,
                   std::unique_ptr<detail::Completion> done);

  std::unique_ptr<mpi::Node> node_;
};

template <class E, class... A>
std::future<Ref<E>> MpiRuntime::create(A &&...args) {
  static_assert(std::is_constructible_v<E, A...>,
                "flowc: create<E>(args...): E has no constructor taking "
                "these arguments");
  static_assert((detail::mpi_encodable<detail::mpi_arg_t<A>> && ...),
                "flowc: MpiRuntime::create<E>(args...): every argument must "
                "be serializable: the rank that owns the key builds its "
                "entity from them (docs/mpi.md)");
  static_assert(std::is_constructible_v<E, detail::mpi_arg_t<A>...>,
                "flowc: MpiRuntime::create<E>(args...): E must be "
                "constructible from the arguments as they travel (string "
                "literals as std::string)");
  using Constructor = detail::MpiConstructor<E, detail::mpi_arg_t<A>...>;
  static_cast<void>(Constructor::registered); // registers it in every rank
  std::string encoded_args;
  return create_with<E>(
      [&] {
        Writer w(encoded_args);
        (detail::write_arg<detail::mpi_arg_t<A>>(w, args), ...);
        return std::make_unique<E>(std::forward<A>(args)...);
      },
      [&](const EntityType &type, std::string key, void *object,
          std::unique_ptr<detail::Completion> done) {
        post_create(type, std::move(key), object, Constructor::name(),
                    std::move(encoded_args), std::move(done));
      });
}

} // namespace flowc
