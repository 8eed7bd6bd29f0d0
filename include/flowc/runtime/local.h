// local.h - flowc::LocalRuntime: generated entities as an event-driven dataflow
// on worker threads in this process (docs/semantics.md).
//
//   #include "shop.flowc.h"
//   #include <flowc/runtime/local.h>
//
//   flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 4});
//   flowc::Ref<shop::Item> book = rt.create<shop::Item>("book", 10).get();
//   bool ok = rt.call<&shop::User::buy_item>(alice, 2, book).get();
//
// Entities are partitioned by a hash of their encoded key over `workers`
// threads that share nothing: a worker owns its entities and the activations
// suspended in them, and workers talk only through batched message queues.
// Each client call is a call chain; a call of the chain an entity is already
// in runs at once (a callback, as a nested call would in plain C++).
//
// Isolation::serializable (the default): every chain is a transaction.
// A chain locks each entity it calls (shared for a const method until the
// chain first changes something, exclusive otherwise) until it ends, saves an
// entity's state through the generated codec when it first changes it, and
// commits or restores every entity it changed when it ends. Conflicts are
// settled by age (wound-wait): an older chain makes a younger one that holds
// what it needs and waits yield (roll back, run again with its age kept); a
// younger one waits. No chain fails for a conflict; the oldest always runs.
// docs/semantics.md says what this guarantees and what a re-run may repeat.
//
// Isolation::chain: an entity runs one chain at a time only while that chain
// is in it, a failure keeps the changes made before it, and chains that wait
// on each other fail with Deadlock (the wait-for cycle is found when it
// closes; a timeout is only the fallback).
//
// An exception in any method fails the whole chain: the client's future
// throws RemoteError with its what(). Messages from one sender to one entity
// arrive in the order sent.
//
// With LocalOptions::store, entity state lives in an embedded RocksDB
// database in that folder and memory is its cache: a chain's future is ready
// only once the new states of what it created or changed are in the store's
// log (docs/durability.md).
//
// create/call/ref/state/stats may be called from any number of client threads
// at once. The destructor waits for every request made so far to finish, then
// stops the workers; objects are destroyed with the runtime.
#pragma once

#include "flowc/runtime/access.h"
#include "flowc/runtime/client.h"
#include "flowc/runtime/codec.h"
#include "flowc/runtime/completion.h"
#include "flowc/runtime/durability.h"
#include "flowc/runtime/entity.h"
#include "flowc/runtime/isolation.h"

#include <chrono>
#include <cstddef>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace flowc {

struct LocalOptions {
  // Worker threads; 0 means one per hardware thread.
  unsigned workers = 0;
  // What concurrent chains see of each other (isolation.h).
  Isolation isolation = Isolation::serializable;
  // A chain that would nest deeper than this many calls fails with
  // RemoteError (as on the Executor), instead of recursing forever.
  std::size_t max_depth = 100000;
  // Isolation::chain only: fail chains that wait on each other as soon as
  // their wait-for cycle closes.
  bool detect_deadlocks = true;
  // Isolation::chain only, the fallback: a chain holding entities that waits
  // for another entity longer than this fails with Deadlock. Zero disables it.
  std::chrono::milliseconds deadlock_timeout{60000};
  // Encode and decode every suspended frame before it resumes, as a frame
  // sent to another process would be (see Executor::Options).
  bool roundtrip_frames = false;
  // A folder for a durable store (created when missing); empty: entities
  // live in memory only, and nothing is written to disk. Needs
  // Isolation::serializable. A folder that is not a store, a damaged one or
  // one another process holds is StoreError here.
  std::string store = {};
  // How far a commit goes before its future is ready (durability.h).
  Durability durability = Durability::sync;
  // With a store: the memory entities not in use may take before the least
  // recently used leave it (they are read again when reached).
  std::size_t cache_bytes = std::size_t{1} << 30;
};

class HttpGateway;

namespace dataflow {
class Clients;
class Core;
} // namespace dataflow
namespace store {
class Store;
}
namespace detail {
struct LocalTesting;
}

class LocalRuntime : public detail::ClientApi<LocalRuntime> {
public:
  explicit LocalRuntime(LocalOptions options = {});
  ~LocalRuntime();
  LocalRuntime(const LocalRuntime &) = delete;
  LocalRuntime &operator=(const LocalRuntime &) = delete;

  // Constructs the entity here and hands it to the worker that owns its key.
  // The future holds its Ref, or EntityExists when the key is taken (the new
  // object is then destroyed), or what the constructor threw.
  template <class E, class... A> std::future<Ref<E>> create(A &&...args);

  // ref, call, state, run and worker_of(ref): client.h.

  // Chains committed, failed and re-run so far (a consistent sum only when
  // no request is in flight).
  Stats stats() const;

  // A consistent copy of the store, taken while chains run, in `folder`
  // (which must not exist): every chain committed before the call, and of
  // the others all of one or nothing. It opens as a store. StoreError
  // without a store or when the copy fails.
  void checkpoint(const std::string &folder);

  unsigned workers() const;
  // The worker that owns an entity.
  using ClientApi::worker_of;
  unsigned worker_of(std::string_view encoded_key) const;

private:
  friend class detail::ClientApi<LocalRuntime>;
  friend struct detail::LocalTesting;
  friend class HttpGateway; // serves this runtime's type-erased requests (http.h)
  void post_call(Outgoing &&call, std::unique_ptr<detail::Completion> done);
  void post_state(const EntityType &type, std::string key,
                  std::unique_ptr<detail::Completion> done);
  void post_create(const EntityType &type, std::string key, void *object,
                   std::unique_ptr<detail::Completion> done);

  std::unique_ptr<dataflow::Clients> clients_;
  std::unique_ptr<store::Store> store_; // null: no store
  std::unique_ptr<dataflow::Core> core_;
};

namespace detail {
// A test hook: the store's next `writes` log writes fail as a disk error
// would (the chains they carry fail with StoreError and roll back).
struct LocalTesting {
  static void fail_log_writes(LocalRuntime &rt, unsigned writes);
};
} // namespace detail

template <class E, class... A>
std::future<Ref<E>> LocalRuntime::create(A &&...args) {
  static_assert(std::is_constructible_v<E, A...>,
                "flowc: create<E>(args...): E has no constructor taking "
                "these arguments");
  return create_with<E>(
      [&] { return std::make_unique<E>(std::forward<A>(args)...); },
      [this](const EntityType &type, std::string key, void *object,
             std::unique_ptr<detail::Completion> done) {
        post_create(type, std::move(key), object, std::move(done));
      });
}

} // namespace flowc
