// runtime.cpp - LocalRuntime's client side: one process of the runtime core
// (lib/Runtime/Core) holding every worker, so it needs no transport; requests
// become messages in the inbox of the worker that owns the key.
#include "core.h"
#include "requests.h"
#include "store.h"

#include "flowc/runtime/local.h"

#include <algorithm>
#include <thread>

namespace flowc {

using dataflow::Message;

namespace {
dataflow::Placement placement(const LocalOptions &options) {
  unsigned workers = options.workers > 0
                         ? options.workers
                         : std::max(1u, std::thread::hardware_concurrency());
  return dataflow::Placement{1, 0, workers};
}

// The store is opened (and checked) before any worker starts.
std::unique_ptr<store::Store> open_store(const LocalOptions &options) {
  if (options.store.empty())
    return nullptr;
  if (options.isolation != Isolation::serializable)
    throw StoreError("flowc: store '" + options.store +
                     "' needs Isolation::serializable (under "
                     "Isolation::chain a chain is not atomic)");
  return std::make_unique<store::Store>(options.store, options.durability,
                                        options.cache_bytes);
}
} // namespace

LocalRuntime::LocalRuntime(LocalOptions options)
    : clients_(std::make_unique<dataflow::Clients>()),
      store_(open_store(options)),
      core_(std::make_unique<dataflow::Core>(dataflow::Options::of(options),
                                             placement(options), clients_.get(),
                                             nullptr, store_.get())) {
  if (store_)
    store_->start(*core_);
}

void LocalRuntime::checkpoint(const std::string &folder) {
  if (!store_)
    throw StoreError("flowc: checkpoint('" + folder +
                     "'): this runtime has no store");
  store_->checkpoint(folder);
}

void detail::LocalTesting::fail_log_writes(LocalRuntime &rt, unsigned writes) {
  if (rt.store_)
    rt.store_->fail_writes(writes);
}

// Every request made so far gets its answer before the workers stop: a chain
// still running may need any worker.
LocalRuntime::~LocalRuntime() {
  clients_->drain();
  if (store_)
    store_->stop();
  core_.reset();
  store_.reset();
}

unsigned LocalRuntime::workers() const { return core_->placement.total(); }

Stats LocalRuntime::stats() const { return core_->stats(); }

unsigned LocalRuntime::worker_of(std::string_view encoded_key) const {
  return core_->owner(encoded_key);
}

namespace {
void post(dataflow::Core &core, dataflow::Clients &clients, Message &&message) {
  message.txn.age = clients.issue();
  core.post(std::move(message));
}
} // namespace

void LocalRuntime::post_call(Outgoing &&call,
                             std::unique_ptr<detail::Completion> done) {
  post(*core_, *clients_, dataflow::call_request(std::move(call), std::move(done)));
}

void LocalRuntime::post_create(const EntityType &type, std::string key,
                               void *object,
                               std::unique_ptr<detail::Completion> done) {
  Message message = dataflow::create_request(type, std::move(key), std::move(done));
  message.object = object;
  post(*core_, *clients_, std::move(message));
}

void LocalRuntime::post_state(const EntityType &type, std::string key,
                              std::unique_ptr<detail::Completion> done) {
  post(*core_, *clients_, dataflow::state_request(type, std::move(key), std::move(done)));
}

} // namespace flowc
