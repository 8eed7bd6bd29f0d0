// worker.cpp - a worker's loop, its outgoing batches, and the requests that
// are not calls: creating an entity and reading its state.
#include "worker.h"

#include "core.h"
#include "log.h"

#include <algorithm>
#include <cstring>

namespace flowc::dataflow {

using detail::Failure;

namespace {
std::size_t share(Log *log, unsigned workers) {
  return log == nullptr ? 0 : log->cache_bytes() / std::max(1u, workers);
}
} // namespace

Worker::Worker(Core &core, unsigned index, unsigned workers)
    : core_(core), log_(core.log), index_(index),
      serializable_(core.options.isolation == Isolation::serializable),
      detect_(!serializable_ && core.options.detect_deadlocks),
      track_waits_(!serializable_ && (core.options.detect_deadlocks ||
                                      core.options.deadlock_timeout.count() > 0)),
      timeout_(core.options.deadlock_timeout), out_(workers),
      budget_(share(core.log, core.placement.workers)) {}

// The entities go with their worker (a durable store keeps their state).
Worker::~Worker() {
  for (auto &[object, gate] : gates_)
    gate.type->destroy(object);
}

void Worker::start() {
  thread_ = std::thread([this] { loop(); });
}

void Worker::join() {
  if (thread_.joinable())
    thread_.join();
}

void Worker::loop() {
  std::vector<Message> local, incoming;
  for (;;) {
    // What this worker sent itself last round, then what others sent. The
    // two sources are independent senders, so each keeps its own order.
    local.swap(out_[index_]);
    Clock::time_point until =
        contended_.empty() ? Clock::time_point::max() : next_expiry_;
    if (!inbox_.take(incoming, local.empty(), until) && local.empty())
      return;
    for (Message &message : local)
      handle(message);
    local.clear();
    for (Message &message : incoming)
      handle(message);
    incoming.clear();
    // What that sent this worker itself, a few times over: a chain whose
    // entities share this worker goes on in this round instead of one step a
    // round, so the locks it holds are held for fewer rounds. Bounded, so the
    // inbox is read again soon whatever runs here.
    for (int pass = 0; pass < kLocalPasses && !out_[index_].empty(); ++pass) {
      local.swap(out_[index_]);
      for (Message &message : local)
        handle(message);
      local.clear();
    }
    if (!contended_.empty()) {
      Clock::time_point now = Clock::now();
      if (now >= next_expiry_)
        expire_waits(now);
    }
    if (!round_.empty())
      log_round();
    flush();
    if (!answers_.empty())
      answer_clients();
    core_.flush_remote();
    if (cached_ > budget_ && log_ != nullptr)
      evict();
  }
}

void Worker::handle(Message &message) {
  direct_hops_ = kDirectHops;
  dispatch(message);
  if (!released_.empty())
    admit_released();
}

void Worker::dispatch(Message &message) {
  switch (message.kind) {
  case Message::Kind::call:
    return on_call(message);
  case Message::Kind::reply:
    return on_reply(message);
  case Message::Kind::create:
    return on_create(message);
  case Message::Kind::state:
    return on_state(message);
  case Message::Kind::abort:
    return on_abort(message);
  case Message::Kind::commit:
  case Message::Kind::rollback:
    if (Gate *gate = gate_at(message))
      release(*gate, message.chain, message.kind == Message::Kind::commit);
    return;
  case Message::Kind::wound:
    return on_wound(message);
  case Message::Kind::waiting:
    return on_waiting(message);
  case Message::Kind::kick:
    return on_kick(message);
  case Message::Kind::durable:
    return on_durable(message);
  case Message::Kind::prepare:
  case Message::Kind::commit_part:
    return on_prepare(message);
  case Message::Kind::vote:
    return on_vote(message);
  case Message::Kind::resolve:
    return on_resolve(message);
  case Message::Kind::resolved:
    return on_resolved(message);
  }
}

// Under Isolation::serializable a call or reply to an entity of this worker
// is handled at once, a few hops deep, instead of in the next pass: a chain
// whose entities share a worker runs through them as the Executor would, and
// holds their locks for no longer than it runs. (Arrival order is not the
// order calls run in that mode anyway: waiting calls go oldest first.) Other
// kinds stay messages: a kick, for one, must not fail a call from inside the
// gate code that sent it. Calls and replies are sent from a local of their
// sender (advance, answer), which nothing else names, so they are dispatched
// where they are, without a move.
void Worker::send(unsigned worker, Message &&message) {
  if (worker == index_ && serializable_ && direct_hops_ > 0 &&
      (message.kind == Message::Kind::call ||
       message.kind == Message::Kind::reply)) {
    --direct_hops_;
    return dispatch(message);
  }
  std::vector<Message> &batch = out_[worker];
  batch.push_back(std::move(message));
  // A long round hands others what it has for them early, so they do not
  // sit idle until it ends.
  if (batch.size() >= kEarlyFlush && worker != index_) {
    core_.deliver(worker, batch);
    core_.flush_remote();
  }
}

void Worker::flush() {
  for (unsigned worker = 0; worker < out_.size(); ++worker)
    if (worker != index_ && !out_[worker].empty())
      core_.deliver(worker, out_[worker]);
}

// A gate evicted meanwhile (null) can only be named by a kick that came too
// late (the chain it kicks left that queue before the entity went idle).
Gate *Worker::gate_at(const Message &message) {
  if (message.gate < gate_ids_.size())
    return gate_ids_[message.gate];
  core_.report("worker " + std::to_string(index_) + " has no gate #" +
               std::to_string(message.gate) + " (a malformed message)");
  return nullptr;
}

void Worker::answer(const ReplyTo &to, std::uint64_t chain, Txn &&txn,
                    bool ok, Failure kind, std::string bytes,
                    detail::Thrown thrown) {
  if (to.from_entity()) {
    Message reply;
    reply.kind = Message::Kind::reply;
    reply.failed = !ok;
    reply.failure = kind;
    reply.thrown = thrown;
    reply.bytes = std::move(bytes);
    reply.to = to;
    reply.txn = std::move(txn);
    return send(to.worker, std::move(reply));
  }
  if (chain != 0) {
    if (serializable_)
      return end_chain(chain, to.client, std::move(txn), ok, kind,
                       std::move(bytes));
    count(ok ? committed_ : failed_);
  }
  answers_.push_back(Answer{to.client, ok, kind, std::move(bytes)});
}

void Worker::succeed(const ReplyTo &to, std::string bytes) {
  answer(to, 0, Txn{}, true, Failure::other, std::move(bytes));
}

void Worker::fail(const ReplyTo &to, Failure kind, std::string message) {
  answer(to, 0, Txn{}, false, kind, std::move(message));
}

void Worker::add_stats(Stats &stats) const {
  stats.committed += committed_.load(std::memory_order_relaxed);
  stats.failed += failed_.load(std::memory_order_relaxed);
  stats.reruns += reruns_.load(std::memory_order_relaxed);
  stats.wounds += wounds_.load(std::memory_order_relaxed);
  stats.waits += waits_.load(std::memory_order_relaxed);
  stats.loaded += loaded_.load(std::memory_order_relaxed);
}

// Fulfils the round's client futures together, after the round's messages
// went out: a client waiting on several of them wakes once, not once each.
void Worker::answer_clients() { core_.answer(answers_); }

namespace {
// The tag of entity (type, key) in Worker::by_key_: never 0. It only has
// to spread keys within this process, so it takes the key eight bytes at a
// time (key_hash, which places keys in every process, goes byte by byte);
// a key of eight bytes or more ends with its last eight, overlapping.
std::uint64_t tag_of(const EntityType &type, std::string_view key) {
  std::uint64_t h = reinterpret_cast<std::uintptr_t>(&type) ^ key.size();
  auto mix = [&](std::uint64_t word) {
    h = (h ^ word) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
  };
  auto word_at = [&](std::size_t at) {
    std::uint64_t word;
    std::memcpy(&word, key.data() + at, 8);
    return word;
  };
  const std::size_t n = key.size();
  if (n >= 8) {
    for (std::size_t at = 0; at + 8 < n; at += 8)
      mix(word_at(at));
    mix(word_at(n - 8));
  } else {
    std::uint64_t word = 0;
    for (std::size_t i = 0; i < n; ++i)
      word |= std::uint64_t{static_cast<unsigned char>(key[i])} << (8 * i);
    mix(word);
  }
  return h != 0 ? h : 1;
}
} // namespace

Gate *Worker::gate_of(const EntityType &type, const std::string &key) {
  Gate **found = by_key_.find(tag_of(type, key), [&](const Gate *gate) {
    return gate->type == &type && gate->key == key;
  });
  if (found != nullptr || log_ == nullptr)
    return found != nullptr ? *found : nullptr;
  std::size_t bytes = 0;
  void *object = log_->load(type, key, bytes);
  if (object == nullptr)
    return nullptr;
  count(loaded_);
  return &add_gate(type, key, object, cost(key, bytes));
}

Gate &Worker::add_gate(const EntityType &type, const std::string &key,
                       void *object, std::size_t bytes) {
  Gate &gate = gates_[object];
  if (free_ids_.empty()) {
    gate.id = static_cast<std::uint32_t>(gate_ids_.size());
    gate_ids_.push_back(&gate);
  } else {
    gate.id = free_ids_.back();
    free_ids_.pop_back();
    gate_ids_[gate.id] = &gate;
  }
  gate.object = object;
  gate.type = &type;
  gate.key = key;
  by_key_.insert(tag_of(type, key), &gate);
  if (log_ != nullptr) {
    gate.bytes = bytes;
    cached_ += bytes;
    used_.push_front(&gate);
    gate.used = used_.begin();
  }
  return gate;
}

void Worker::drop_gate(Gate &gate) {
  cached_ -= gate.bytes;
  gate_ids_[gate.id] = nullptr;
  free_ids_.push_back(gate.id);
  by_key_.erase(tag_of(*gate.type, gate.key),
                [&](const Gate *indexed) { return indexed == &gate; });
  void *object = gate.object;
  gate.type->destroy(object);
  gates_.erase(object);
}

void Worker::on_create(Message &message) {
  if (log_ != nullptr)
    return create_logged(message);
  const EntityType &type = *message.type;
  // A create is a chain of its own (one entity, nothing to undo): stats()
  // counts it as calls are counted.
  if (gate_of(type, message.key) != nullptr) {
    type.destroy(message.object);
    count(failed_);
    return fail(message.to, Failure::exists,
                exists_message(type, message.key));
  }
  count(committed_);
  add_gate(type, message.key, message.object, 0);
  succeed(message.to, {});
}

void Worker::on_state(Message &message) {
  const EntityType &type = *message.type;
  Gate *found = nullptr;
  try {
    found = gate_of(type, message.key);
  } catch (const StoreError &e) {
    return fail(message.to, Failure::store, e.what());
  }
  if (found == nullptr)
    return fail(message.to, Failure::not_found,
                not_found_message(type, message.key));
  Gate &gate = *found;
  if (log_ != nullptr)
    touch(gate);
  if (serializable_) {
    // The committed state: not while a chain holds the entity to change it.
    if (gate.writer.chain == 0)
      return serve_state(gate, message);
    return gate.queue.insert(message.txn.age, std::move(message));
  }
  if (!gate.free()) // read it between chains, as a call would run
    return wait(gate, std::move(message));
  serve_state(gate, message);
}

void Worker::serve_state(Gate &gate, Message &message) {
  succeed(message.to, message.type->save_state(gate.object));
}

} // namespace flowc::dataflow
