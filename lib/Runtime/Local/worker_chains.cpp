// worker_chains.cpp - Isolation::serializable: a chain's record on the worker
// of its root entity, and how the chain ends there. The root's worker is
// where a client's call arrives and where its result goes back, so it is the
// one place that decides a chain's fate: commit, roll back and report, or
// roll back and run again.
#include "worker.h"

#include "core.h"

namespace flowc::local {

using detail::Failure;

// A chain gets its record when its root call takes its first lock: until
// then it holds nothing, so nothing can wound it or roll it back, and a
// failure goes straight to the client (end_chain finds no record).
void Worker::begin_chain(const Message &call) {
  Root &root = roots_[call.chain];
  root.client = call.to.client;
  root.age = call.txn.age;
  root.type = call.type;
  root.method = call.method;
  root.key = call.key;
  root.args = call.bytes;
}

// The chain's last reply came back to its root, carrying every lock the
// chain holds: each is committed or undone, here at once, on other workers by
// a message sent with this round's batches, before the client hears of the
// result. So a chain the client starts next always finds this one's locks
// released or on their way out (and waits for them).
void Worker::end_chain(std::uint64_t chain, detail::Completion *client,
                       Txn &&txn, bool ok, Failure kind, std::string bytes) {
  auto found = roots_.find(chain);
  if (found == roots_.end()) { // it failed before it locked anything
    (ok ? committed_ : failed_).fetch_add(1, std::memory_order_relaxed);
    return answers_.push_back(Answer{client, ok, kind, std::move(bytes)});
  }
  Root root = std::move(found->second);
  roots_.erase(found);

  for (const Held &held : txn.locks) {
    if (held.worker == index_) {
      release(*held.gate, chain, ok);
      continue;
    }
    Message end;
    end.kind = ok ? Message::Kind::commit : Message::Kind::rollback;
    end.chain = chain;
    end.object = held.gate;
    send(held.worker, std::move(end));
  }

  if (!ok && kind == Failure::retry)
    return rerun(std::move(root));
  (ok ? committed_ : failed_).fetch_add(1, std::memory_order_relaxed);
  answers_.push_back(Answer{root.client, ok, kind, std::move(bytes)});
}

// Runs a rolled-back chain again from its client's call, as a new chain (its
// old locks may still be on their way out) of the same age, so it keeps its
// place: it waits for older chains and younger ones yield to it. The call goes
// straight into its root entity's queue, before the gates this chain just
// released let anyone in, so it also keeps its place among its client's
// later calls to that entity.
void Worker::rerun(Root &&root) {
  reruns_.fetch_add(1, std::memory_order_relaxed);
  Message call;
  call.kind = Message::Kind::call;
  call.chain = new_chain();
  call.depth = 1;
  call.type = root.type;
  call.method = root.method;
  call.key = std::move(root.key);
  call.bytes = std::move(root.args);
  call.to.client = root.client;
  call.txn.age = root.age;
  void *object = entities_.find(*call.type, call.key); // it held it: it exists
  Gate &gate = gates_.find(object)->second;
  gate.waiting.insert_ordered(std::move(call), older);
  released_.push_back(&gate);
}

} // namespace flowc::local
