// worker_chains.cpp - Isolation::serializable: a chain's record on the worker
// of its root entity, and how the chain ends there. The root's worker is
// where a client's call arrives and where its result goes back, so it is the
// one place that decides a chain's fate: commit, roll back and report, or
// roll back and run again.
#include "worker.h"

#include "core.h"

namespace flowc::local {

using detail::Failure;

void Worker::begin_chain(const Message &call) {
  Root &root = roots_[call.chain];
  root.client = call.to.client;
  root.age = call.txn.age;
  root.type = call.type;
  root.method = call.method;
  root.key = call.key;
  root.args = call.bytes;
}

// The chain's last reply came back to its root (its participants are in
// `txn.workers`): each of those workers commits or rolls back its part. This
// worker's part is done here and now, the others' messages go out with this
// round's batches, before the client hears of the result, so a chain the
// client starts next always finds this one's locks released or on their way.
void Worker::end_chain(std::uint64_t chain, const Txn &txn, bool ok,
                       Failure kind, std::string bytes) {
  auto found = roots_.find(chain);
  if (found == roots_.end())
    return; // cannot happen: every chain answers its root once
  Root root = std::move(found->second);
  roots_.erase(found);

  const unsigned workers = static_cast<unsigned>(out_.size());
  for (unsigned w = 0; w < workers; ++w) {
    if ((txn.workers >> (w % 64) & 1) == 0)
      continue;
    if (w == index_) {
      release(chain, ok);
      continue;
    }
    Message end;
    end.kind = ok ? Message::Kind::commit : Message::Kind::rollback;
    end.chain = chain;
    send(w, std::move(end));
  }

  if (!ok && kind == Failure::retry)
    return rerun(std::move(root));
  (ok ? committed_ : failed_).fetch_add(1, std::memory_order_relaxed);
  answers_.push_back(Answer{root.client, ok, kind, std::move(bytes)});
}

// Runs a rolled-back chain again from its client's call, as a new chain (its
// old locks may still be on their way out) of the same age, so it keeps its
// place: it waits for older chains and younger ones yield to it.
void Worker::rerun(Root &&root) {
  reruns_.fetch_add(1, std::memory_order_relaxed);
  Message call;
  call.kind = Message::Kind::call;
  call.chain = new_chain();
  call.depth = 1;
  call.type = root.type;
  call.method = root.method;
  call.key = root.key;
  call.bytes = root.args;
  call.to.client = root.client;
  call.txn.age = root.age;
  root.wounded = false;
  root.waits = 0;
  root.wait_gate = nullptr;
  roots_.emplace(call.chain, std::move(root));
  send(index_, std::move(call));
}

} // namespace flowc::local
