// runtime.cpp - MpiRuntime's client side (rank 0), and the serving ranks'
// life inside the constructor.
#include "node.h"
#include "requests.h"

#include "flowc/runtime/mpi.h"

#include <cstdlib>

namespace flowc {

using dataflow::Message;

MpiRuntime::MpiRuntime(int &argc, char **&argv, MpiOptions options)
    : node_(std::make_unique<mpi::Node>(argc, argv, options)) {
  if (node_->rank() == 0)
    return;
  node_->serve();
  node_.reset(); // stops the workers, finalizes MPI
  std::exit(0);
}

MpiRuntime::~MpiRuntime() = default;

int MpiRuntime::rank() const { return node_->rank(); }
int MpiRuntime::ranks() const { return node_->ranks(); }
unsigned MpiRuntime::workers() const { return node_->core().placement.total(); }
unsigned MpiRuntime::worker_of(std::string_view encoded_key) const {
  return node_->core().owner(encoded_key);
}

Stats MpiRuntime::stats() const {
  Stats stats = node_->core().stats();
  stats += node_->progress().remote_stats();
  return stats;
}

namespace {
// A request gets its age, and goes to the rank that owns its key; an answer
// from another rank is only taken for a request tracked here.
void post(mpi::Node &node, Message &&message) {
  message.txn.age = node.clients().issue();
  if (!node.core().here(node.core().owner(message.key)))
    node.progress().track(message.to.client);
  node.core().post(std::move(message));
}
} // namespace

void MpiRuntime::post_call(Outgoing &&call,
                           std::unique_ptr<detail::Completion> done) {
  post(*node_, dataflow::call_request(std::move(call), std::move(done)));
}

// An entity another rank owns is built there (wire.h): the constructor's
// name and arguments and this object's state travel instead of the object.
void MpiRuntime::post_create(const EntityType &type, std::string key,
                             void *object, const char *constructor,
                             std::string args,
                             std::unique_ptr<detail::Completion> done) {
  Message message = dataflow::create_request(type, std::move(key), std::move(done));
  if (node_->core().here(node_->core().owner(message.key))) {
    message.object = object;
  } else {
    Writer w(message.bytes);
    w.write(std::string(constructor));
    w.write(args);
    w.write(type.save_state(object));
    type.destroy(object);
  }
  post(*node_, std::move(message));
}

void MpiRuntime::post_state(const EntityType &type, std::string key,
                            std::unique_ptr<detail::Completion> done) {
  post(*node_, dataflow::state_request(type, std::move(key), std::move(done)));
}

} // namespace flowc
