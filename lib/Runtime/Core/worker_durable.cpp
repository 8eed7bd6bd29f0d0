// worker_durable.cpp - a worker with a durable store (docs/durability.md):
// the records a chain takes of the entities it changes, the wait for the log
// before a chain (or a create) commits, and entities leaving memory past the
// cache's size.
#include "worker.h"

#include "core.h"
#include "log.h"

namespace flowc::dataflow {

using detail::Failure;

// Called when an activation on an entity the chain changed finishes, so the
// last record per entity is its state when the chain ends. The state is
// encoded here, on the entity's worker, so no other thread reads the object.
void Worker::record(Gate &gate, Txn &txn) {
  std::string state = log_->encode(*gate.type, gate.object);
  cached_ -= gate.bytes;
  gate.bytes = cost(gate.key, state.size());
  cached_ += gate.bytes;
  for (Record &record : txn.writes)
    if (record.worker == index_ && record.gate == gate.id) {
      record.state = std::move(state);
      return;
    }
  txn.writes.push_back(Record{index_, gate.id, gate.type, gate.key, std::move(state)});
}

void Worker::submit(std::uint64_t chain, detail::Completion *client, Txn &txn,
                    std::string result) {
  Pending &pending = pending_[chain];
  pending.client = client;
  pending.locks = std::move(txn.locks);
  pending.result = std::move(result);
  // Records of another process's entities: two-phase commit (MpiRuntime).
  const unsigned here = core_.placement.process;
  for (const Record &record : txn.writes)
    if (core_.placement.process_of(record.worker) != here)
      return start_two_phase(chain, std::move(txn.writes));
  round_.push_back(
      Commit{chain, std::move(txn.writes), Commit::Phase::apply, false, {}});
}

// The client's note of a chain or create that ends well, logged with its
// states (Completion::durable_note).
void Worker::take_note(detail::Completion *client, std::string_view result,
                       std::vector<Record> &records) {
  if (client == nullptr || !core_.clients_here())
    return;
  Record note;
  note.worker = index_; // logged with the chain's part in this process
  note.gate = ~std::uint32_t{0}; // no entity's: record() never replaces it
  if (client->durable_note(result, note.key, note.state))
    records.push_back(std::move(note));
}

// A create is logged like a chain: the new entity is locked (exclusively,
// under a ticket of its own) until its record is in the log, so no chain
// sees it before it is durable. A key the store holds exists.
void Worker::create_logged(Message &message) {
  const EntityType &type = *message.type;
  Gate *existing = nullptr;
  try {
    existing = gate_of(type, message.key);
  } catch (const StoreError &e) {
    type.destroy(message.object);
    count(failed_);
    return fail(message.to, Failure::store, e.what());
  }
  if (existing != nullptr) {
    type.destroy(message.object);
    count(failed_);
    return fail(message.to, Failure::exists, exists_message(type, message.key));
  }
  std::string state = log_->encode(type, message.object);
  Gate &gate = add_gate(type, message.key, message.object,
                        cost(message.key, state.size()));
  std::uint64_t ticket = new_chain();
  gate.writer = Lock{ticket, message.txn.age, false};
  Pending &pending = pending_[ticket];
  pending.client = message.to.client;
  pending.created = &gate;
  std::vector<Record> records;
  records.push_back(Record{index_, gate.id, &type, message.key, std::move(state)});
  take_note(message.to.client, {}, records);
  round_.push_back(
      Commit{ticket, std::move(records), Commit::Phase::apply, false, {}});
}

// At the end of a round, its commits go to the log together: written here
// and finished at once (Durability::process), or handed to the committer.
// Finishing them lets waiters in, whose chains may commit in turn.
void Worker::log_round() {
  while (!round_.empty()) {
    if (!log_->writes_inline())
      return log_->submit(index_, round_);
    std::vector<Commit> commits;
    commits.swap(round_);
    std::string error = log_->write(commits);
    for (const Commit &commit : commits)
      durable(commit.ticket, error.empty(), error);
    admit_released();
  }
}

// The committer's word on a ticket: commit (release the locks, answer) or,
// when the log write failed, roll back and fail the client with StoreError.
void Worker::on_durable(Message &message) {
  durable(message.chain, !message.failed, std::move(message.bytes));
}

void Worker::durable(std::uint64_t ticket, bool ok, std::string error) {
  auto found = pending_.find(ticket);
  if (found == pending_.end())
    return;
  if (found->second.spread)
    return decided(ticket, ok, std::move(error));
  if (found->second.part)
    return part_durable(ticket, ok, std::move(error));
  Pending pending = std::move(found->second);
  pending_.erase(found);
  count(ok ? committed_ : failed_);
  if (!ok)
    answers_.push_back(Answer{pending.client, false, Failure::store, std::move(error)});
  else
    answers_.push_back(Answer{pending.client, true, Failure::other,
                              std::move(pending.result)});
  if (pending.created == nullptr)
    return end_locks(ticket, pending.locks, ok);

  Gate &gate = *pending.created;
  if (ok)
    return release(gate, ticket, true);
  // The entity was never created: it leaves, and whatever queued for it
  // meanwhile runs again and finds no such entity (or creates it anew).
  std::vector<Message> waiting;
  while (!gate.queue.empty())
    waiting.push_back(gate.queue.pop_front());
  gate.writer = Lock{};
  used_.erase(gate.used);
  drop_gate(gate);
  for (Message &next : waiting)
    dispatch(next);
}

// Drops idle entities, least recently used first, until the worker is within
// its share of cache_bytes. An entity that is held or waited for is not idle;
// it goes to the front and the scan goes on (at most once round the list).
void Worker::evict() {
  for (std::size_t scanned = used_.size(); cached_ > budget_ && scanned > 0;
       --scanned) {
    Gate *gate = used_.back();
    if (!gate->idle()) {
      touch(*gate);
      continue;
    }
    used_.pop_back();
    drop_gate(*gate);
  }
}

} // namespace flowc::dataflow
