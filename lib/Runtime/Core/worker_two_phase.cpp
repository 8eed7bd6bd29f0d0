// worker_two_phase.cpp - a chain that changed entities in several processes
// (MpiRuntime with a store) commits in all of them or in none: two-phase
// commit (docs/durability.md, "MPI").
//
// The root's worker sends each other process whose entities the chain
// changed its records (prepare); that process logs them as the chain's
// prepared part, not yet as the entities' states, and votes. When every vote
// is in, the root's process logs its own records and the decision in one
// write: from then on the chain is committed, so its client is answered and
// its locks in the root's process (and in processes it only read) are
// released. Each participant then logs its part as the entities' states and
// only then releases its locks, so no later chain's state of those entities
// can be logged before this one's; its acknowledgement lets the root drop the
// decision. A failed vote or decision write rolls the chain back everywhere.
// A process killed in between finds its prepared parts when it starts again
// and asks the root's process for the decision (lib/Runtime/Mpi/stores.cpp):
// none means abort.
//
// A chain that changed entities of one process only, not the root's (a
// const root method that changes entities elsewhere), needs no decision: that
// process logs the records as the entities' states in one write and votes,
// and the vote commits the chain (one phase).
//
// Every phase is a Commit in the worker's round, so it shares the round's
// write (and, under Durability::sync, the committer's fsync) with the others.
#include "worker.h"

#include "core.h"
#include "log.h"

#include <algorithm>

namespace flowc::dataflow {

using detail::Failure;

namespace {
Message two_phase(Message::Kind kind, std::uint64_t chain, std::string txid,
                  unsigned root) {
  Message m;
  m.kind = kind;
  m.chain = chain;
  m.key = std::move(txid);
  m.to.worker = root;
  return m;
}
} // namespace

void Worker::start_two_phase(std::uint64_t chain, std::vector<Record> &&writes) {
  Pending &pending = pending_[chain];
  auto spread = std::make_unique<Spread>();
  spread->txid = log_->txid(chain);
  const Placement &placement = core_.placement;
  std::vector<Message> prepares; // one per participant, as spread->parts
  for (Record &record : writes) {
    unsigned process = placement.process_of(record.worker);
    if (process == placement.process) {
      spread->mine.push_back(std::move(record));
      continue;
    }
    auto part = std::find_if(spread->parts.begin(), spread->parts.end(),
                             [&](const Spread::Part &p) { return p.process == process; });
    if (part == spread->parts.end()) {
      spread->parts.push_back(Spread::Part{process, record.worker});
      prepares.push_back(
          two_phase(Message::Kind::prepare, chain, spread->txid, index_));
      part = spread->parts.end() - 1;
    }
    prepares[part - spread->parts.begin()].txn.writes.push_back(std::move(record));
  }
  spread->one_phase = spread->mine.empty() && prepares.size() == 1;
  if (spread->one_phase)
    prepares[0].kind = Message::Kind::commit_part;
  for (std::size_t i = 0; i < prepares.size(); ++i)
    send(spread->parts[i].worker, std::move(prepares[i]));
  spread->waiting = static_cast<unsigned>(prepares.size());
  pending.spread = std::move(spread);
}

void Worker::on_vote(Message &message) {
  auto found = pending_.find(message.chain);
  if (found == pending_.end() || !found->second.spread ||
      found->second.spread->decided || found->second.spread->waiting == 0)
    return;
  Spread &spread = *found->second.spread;
  if (message.failed && spread.error.empty())
    spread.error = std::move(message.bytes);
  if (--spread.waiting > 0)
    return;
  if (!spread.error.empty())
    return abort_two_phase(message.chain, std::move(spread.error));
  if (spread.one_phase) { // logged: committed
    Pending pending = std::move(found->second);
    pending_.erase(found);
    count(committed_);
    answers_.push_back(
        Answer{pending.client, true, Failure::other, std::move(pending.result)});
    return end_locks(message.chain, pending.locks, true);
  }
  round_.push_back(Commit{message.chain, std::move(spread.mine),
                          Commit::Phase::decide, false, spread.txid});
}

// The decision's write came back: committed (answer, release what the root's
// process and the processes the chain only read hold, tell each participant
// to commit its part and release its locks) or failed (roll back).
void Worker::decided(std::uint64_t chain, bool ok, std::string error) {
  if (!ok)
    return abort_two_phase(chain, std::move(error));
  Pending &pending = pending_[chain];
  Spread &spread = *pending.spread;
  spread.decided = true;
  count(committed_);
  answers_.push_back(
      Answer{pending.client, true, Failure::other, std::move(pending.result)});
  std::vector<std::vector<Held>> theirs(spread.parts.size());
  std::vector<Held> rest;
  for (const Held &held : pending.locks) {
    unsigned process = core_.placement.process_of(held.worker);
    auto part = std::find_if(spread.parts.begin(), spread.parts.end(),
                             [&](const Spread::Part &p) { return p.process == process; });
    if (part == spread.parts.end())
      rest.push_back(held);
    else
      theirs[part - spread.parts.begin()].push_back(held);
  }
  end_locks(chain, rest, true);
  pending.locks.clear();
  for (std::size_t i = 0; i < spread.parts.size(); ++i) {
    Message resolve = two_phase(Message::Kind::resolve, chain, spread.txid, index_);
    resolve.txn.locks = std::move(theirs[i]);
    send(spread.parts[i].worker, std::move(resolve));
  }
  spread.waiting = static_cast<unsigned>(spread.parts.size());
}

// A failed vote or decision write: the chain fails with StoreError and is
// rolled back in every process; the participants drop their parts.
void Worker::abort_two_phase(std::uint64_t chain, std::string error) {
  auto found = pending_.find(chain);
  Pending pending = std::move(found->second);
  pending_.erase(found);
  count(failed_);
  answers_.push_back(Answer{pending.client, false, Failure::store, std::move(error)});
  end_locks(chain, pending.locks, false);
  if (pending.spread->one_phase)
    return; // nothing was logged
  for (const Spread::Part &part : pending.spread->parts) {
    Message resolve =
        two_phase(Message::Kind::resolve, chain, pending.spread->txid, index_);
    resolve.failed = true;
    send(part.worker, std::move(resolve));
  }
}

// Every participant committed its part: the decision is no longer needed.
// Nobody waits for its removal (ticket 0); a start drops any that is left.
void Worker::on_resolved(Message &message) {
  auto found = pending_.find(message.chain);
  if (found == pending_.end() || !found->second.spread ||
      !found->second.spread->decided || found->second.spread->waiting == 0)
    return;
  Spread &spread = *found->second.spread;
  if (--spread.waiting > 0)
    return;
  round_.push_back(Commit{0, {}, Commit::Phase::forget, false, std::move(spread.txid)});
  pending_.erase(found);
}

// A participant: the part is logged as prepared; a copy stays in memory
// until it is committed. The entities stay locked by the chain meanwhile.
// (One phase: logged as the entities' states, then the vote.)
void Worker::on_prepare(Message &message) {
  std::uint64_t ticket = new_chain();
  Pending &pending = pending_[ticket];
  pending.part = true;
  pending.root = message.to.worker;
  pending.root_chain = message.chain;
  pending.txid = message.key;
  if (message.kind == Message::Kind::commit_part)
    return round_.push_back(Commit{ticket, std::move(message.txn.writes),
                                   Commit::Phase::apply, false, {}});
  prepared_[message.key] = message.txn.writes;
  round_.push_back(Commit{ticket, std::move(message.txn.writes),
                          Commit::Phase::prepare, false, std::move(message.key)});
}

void Worker::on_resolve(Message &message) {
  if (message.failed) {
    prepared_.erase(message.key);
    return round_.push_back(
        Commit{0, {}, Commit::Phase::resolve, true, std::move(message.key)});
  }
  auto found = prepared_.find(message.key);
  if (found == prepared_.end())
    return; // no such part here: not from a correct root
  std::uint64_t ticket = new_chain();
  Pending &pending = pending_[ticket];
  pending.part = true;
  pending.resolving = true;
  pending.root = message.to.worker;
  pending.root_chain = message.chain;
  pending.txid = message.key;
  pending.locks = std::move(message.txn.locks);
  round_.push_back(Commit{ticket, found->second, Commit::Phase::resolve, false,
                          std::move(message.key)});
}

// A participant's write came back. A prepare's: the vote. A commit's: the
// locks go, the root hears of it. A commit's write that failed is tried
// again (the chain is decided: its part must be logged) with the next round.
void Worker::part_durable(std::uint64_t ticket, bool ok, std::string error) {
  auto found = pending_.find(ticket);
  Pending pending = std::move(found->second);
  pending_.erase(found);
  if (!pending.resolving) {
    Message vote = two_phase(Message::Kind::vote, pending.root_chain, {}, 0);
    vote.failed = !ok;
    vote.bytes = std::move(error);
    return send(pending.root, std::move(vote));
  }
  if (!ok) {
    Message again = two_phase(Message::Kind::resolve, pending.root_chain,
                              std::move(pending.txid), pending.root);
    again.txn.locks = std::move(pending.locks);
    return send(index_, std::move(again));
  }
  prepared_.erase(pending.txid);
  end_locks(pending.root_chain, pending.locks, true);
  send(pending.root, two_phase(Message::Kind::resolved, pending.root_chain, {}, 0));
}

} // namespace flowc::dataflow
