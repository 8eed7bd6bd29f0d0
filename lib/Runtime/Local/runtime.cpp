// runtime.cpp - LocalRuntime's client side: one process of the runtime core
// (lib/Runtime/Core) holding every worker, so it needs no transport; requests
// become messages in the inbox of the worker that owns the key.
#include "core.h"

#include "flowc/runtime/local.h"

#include <algorithm>
#include <thread>

namespace flowc {

using dataflow::Message;

namespace {
dataflow::Options core_options(const LocalOptions &options) {
  return dataflow::Options{options.isolation, options.max_depth,
                           options.detect_deadlocks, options.deadlock_timeout,
                           options.roundtrip_frames};
}
dataflow::Placement placement(const LocalOptions &options) {
  unsigned workers = options.workers > 0
                         ? options.workers
                         : std::max(1u, std::thread::hardware_concurrency());
  return dataflow::Placement{1, 0, workers};
}
} // namespace

LocalRuntime::LocalRuntime(LocalOptions options)
    : clients_(std::make_unique<dataflow::Clients>()),
      core_(std::make_unique<dataflow::Core>(core_options(options),
                                             placement(options), clients_.get(),
                                             nullptr)) {}

// Every request made so far gets its answer before the workers stop: a chain
// still running may need any worker.
LocalRuntime::~LocalRuntime() {
  clients_->drain();
  core_.reset();
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

void LocalRuntime::post_call(Outgoing call,
                             std::unique_ptr<detail::Completion> done) {
  if (call.type == nullptr)
    throw Error("flowc: LocalRuntime: a call names no entity class");
  Message message;
  message.kind = Message::Kind::call;
  message.depth = 1;
  message.type = call.type;
  message.method = call.method;
  message.key = std::move(call.key);
  message.bytes = std::move(call.args);
  message.to.client = done.release();
  post(*core_, *clients_, std::move(message));
}

void LocalRuntime::post_create(const EntityType &type, std::string key,
                               void *object,
                               std::unique_ptr<detail::Completion> done) {
  Message message;
  message.kind = Message::Kind::create;
  message.type = &type;
  message.object = object;
  message.key = std::move(key);
  message.to.client = done.release();
  post(*core_, *clients_, std::move(message));
}

void LocalRuntime::post_state(const EntityType &type, std::string key,
                          std::unique_ptr<detail::Completion> done) {
  Message message;
  message.kind = Message::Kind::state;
  message.type = &type;
  message.key = std::move(key);
  message.to.client = done.release();
  post(*core_, *clients_, std::move(message));
}

} // namespace flowc
