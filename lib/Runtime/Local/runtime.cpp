// runtime.cpp - LocalRuntime's client side: requests become messages in the
// inbox of the worker that owns the key.
#include "core.h"
#include "worker.h"

#include "flowc/runtime/local.h"

namespace flowc {

using local::Message;

LocalRuntime::LocalRuntime(LocalOptions options)
    : core_(std::make_unique<detail::LocalCore>(options)) {}

LocalRuntime::~LocalRuntime() = default;

unsigned LocalRuntime::workers() const { return core_->size(); }

Stats LocalRuntime::stats() const { return core_->stats(); }

unsigned LocalRuntime::worker_of(std::string_view encoded_key) const {
  return core_->owner(encoded_key);
}

namespace {
void post(detail::LocalCore &core, Message &&message) {
  unsigned owner = core.owner(message.key);
  message.txn.age = core.issued.fetch_add(1, std::memory_order_relaxed) + 1;
  core.worker(owner).inbox().push(std::move(message));
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
  post(*core_, std::move(message));
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
  post(*core_, std::move(message));
}

std::future<std::string> LocalRuntime::run(Outgoing call) {
  auto done = detail::make_deliver<std::string>(
      [](std::string_view bytes) { return std::string(bytes); });
  auto future = done->future();
  post_call(std::move(call), std::move(done));
  return future;
}

std::future<std::string> LocalRuntime::state(const EntityType &type,
                                             std::string key) {
  auto done = detail::make_deliver<std::string>(
      [](std::string_view bytes) { return std::string(bytes); });
  auto future = done->future();
  Message message;
  message.kind = Message::Kind::state;
  message.type = &type;
  message.key = std::move(key);
  message.to.client = done.release();
  post(*core_, std::move(message));
  return future;
}

} // namespace flowc
