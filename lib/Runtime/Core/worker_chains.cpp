// worker_chains.cpp - Isolation::serializable: a chain's record on the worker
// of its root entity, and how the chain ends there. The root's worker is
// where a client's call arrives and where its result goes back, so it is the
// one place that decides a chain's fate: commit, roll back and report, or
// roll back and run again.
#include "worker.h"

#include "core.h"

#include <algorithm>

namespace flowc::dataflow {

using detail::Failure;

// A chain gets its record when its root call takes its first lock: until
// then it holds nothing, so nothing can wound it or roll it back, and a
// failure goes straight to the client (end_chain finds no record).
void Worker::begin_chain(const Message &call) {
  Root &root = roots_.insert(call.chain);
  root.client = call.to.client;
  root.age = call.txn.age;
  root.type = call.type;
  root.method = call.method;
  root.key = call.key;
  root.args = call.bytes;
  root.wounded = false;
  root.waits = 0;
}

// The chain's last reply came back to its root, carrying every lock the
// chain holds: each is committed or undone, here at once, on other workers by
// a message sent with this round's batches, before the client hears of the
// result. So a chain the client starts next always finds this one's locks
// released or on their way out (and waits for them).
void Worker::end_chain(std::uint64_t chain, detail::Completion *client,
                       Txn &&txn, bool ok, Failure kind, std::string bytes) {
  Root *found = roots_.find(chain);
  if (found == nullptr) { // it failed before it locked anything
    count(ok ? committed_ : failed_);
    return answers_.push_back(Answer{client, ok, kind, std::move(bytes)});
  }
  Root &root = *found; // erased below; nothing here adds a chain

  // With a durable store, a chain that changed something (or whose client
  // keeps a note of its answer) commits once its records are in the log
  // (on_durable), holding its locks until then.
  if (ok && log_ != nullptr)
    take_note(root.client, bytes, txn.writes);
  if (ok && !txn.writes.empty()) {
    submit(chain, root.client, txn, std::move(bytes));
    roots_.erase(chain);
    return;
  }
  end_locks(chain, txn.locks, ok);

  txn.locks.clear();
  spare_locks_.push_back(std::move(txn.locks));
  detail::Completion *to = root.client;
  if (!ok && kind == Failure::retry)
    rerun(std::move(root));
  else
    count(ok ? committed_ : failed_);
  roots_.erase(chain);
  if (ok || kind != Failure::retry)
    answers_.push_back(Answer{to, ok, kind, std::move(bytes)});
}

// The root's last call finished: the chain will commit (its root ends
// without another call and without failing), so its locks away from the
// root's worker are committed now, here at once and elsewhere by a message,
// instead of after the reply's trip to the root and the commit's trip back.
// It takes no lock from now on, so it stays two-phase. Not with a durable
// store, whose commit waits for the chain's records to be logged, nor when
// the root is on this worker (nothing to save: its end follows at once).
void Worker::commit_early(Frame &frame) {
  const unsigned root = frame.to.worker;
  if (log_ != nullptr || root == index_)
    return;
  std::vector<Held> &locks = frame.txn.locks;
  auto kept = locks.begin(); // the root worker's, in order (no allocation,
                             // as std::stable_partition would make)
  for (const Held &held : locks) {
    if (held.worker == root)
      *kept++ = held;
    else
      end_locks(frame.chain, {&held, 1}, true);
  }
  locks.erase(kept, locks.end());
}

// Commits or undoes each lock: here at once, on other workers by a message.
void Worker::end_locks(std::uint64_t chain, std::span<const Held> locks,
                       bool commit) {
  for (const Held &held : locks) {
    if (held.worker == index_) {
      release(*gate_ids_[held.gate], chain, commit);
      continue;
    }
    Message end;
    end.kind = commit ? Message::Kind::commit : Message::Kind::rollback;
    end.chain = chain;
    end.gate = held.gate;
    send(held.worker, std::move(end));
  }
}

// Runs a rolled-back chain again from its client's call, as a new chain (its
// old locks may still be on their way out) of the same age, so it keeps its
// place: it waits for older chains and younger ones yield to it. It locks
// exclusively from the start: it lost a conflict, most often two readers of
// one entity that both wanted to write it, and as a writer it queues behind
// such a reader instead of sharing the entity and losing the same way again. The call goes
// straight into its root entity's queue, before the gates this chain just
// released let anyone in, so it also keeps its place among its client's
// later calls to that entity.
void Worker::rerun(Root &&root) {
  count(reruns_);
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
  call.txn.writer = true;
  Gate &gate = *gate_of(*call.type, call.key); // it held it: it is here
  std::uint64_t age = call.txn.age;
  gate.queue.insert(age, std::move(call));
  released_.push_back(&gate);
}

} // namespace flowc::dataflow
