// message.h - what a runtime's workers send each other (and clients send
// workers). One plain struct for every kind, so queues are vectors of values
// that move without allocating: keys and small arguments fit in std::string's
// inline buffer. Everything in it is plain data except `type`, `to.client`
// and a create's `object`, which a transport between processes translates
// (lib/Runtime/Mpi/wire.cpp); a gate is named by its number on its worker.
#pragma once

#include "flowc/runtime/entity.h"
#include "flowc/runtime/completion.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace flowc::dataflow {

// Where the result of a call goes: back to a client, or to the activation
// suspended on it (a frame slot on a worker).
struct ReplyTo {
  detail::Completion *client = nullptr;
  std::uint32_t worker = 0;
  std::uint32_t slot = 0;

  // A call made by an entity: its chain holds at least that entity, so it can
  // be part of a wait-for cycle. A client's call cannot.
  bool from_entity() const { return client == nullptr; }
};

// A lock a chain holds: the entity's gate on a worker, by its number there
// (Worker::gate_at), so it means the same in every process.
struct Held {
  std::uint32_t worker = 0;
  std::uint32_t gate = 0;
};

// An entity's new state, as a chain with a durable store leaves it: taken when
// an activation on an entity the chain changed finishes (the last one is the
// entity's final state in the chain), logged when the chain commits.
// A record with no type is a client's note (Completion::durable_note): `key`
// and `state` go to the store's notes as they are.
struct Record {
  std::uint32_t worker = 0; // the entity's gate, to replace an earlier record
  std::uint32_t gate = 0;
  const EntityType *type = nullptr; // null: a note
  std::string key;   // encoded
  std::string state; // as Log::encode writes it
};

// One chain's (or create's) records, under the ticket that names it to its
// worker when the log answers. A chain that changed entities in several
// processes (MpiRuntime) commits its parts in two phases
// (docs/durability.md, "MPI"), each a commit of its own `phase`, named by
// `txid` in the stores: the chain's root process, its store's epoch and
// the chain's number.
struct Commit {
  enum class Phase : std::uint8_t {
    apply,   // write the records (a chain that changed one process only)
    prepare, // a participant: keep the records as this chain's prepared part
    decide,  // the root's process: write its records and the decision
    resolve, // a participant: commit its prepared part (write the records,
             // drop the part), or drop it when `abort`
    forget,  // the root's process: every part committed, drop the decision
  };
  std::uint64_t ticket = 0;
  std::vector<Record> records;
  Phase phase = Phase::apply;
  bool abort = false; // resolve: drop the part, write nothing
  std::string txid;
};

// What a chain carries from call to reply under Isolation::serializable
// (docs/architecture.md, "Transactions"). A chain is sequential, so its one
// place of control always holds all of it: it moves with the call, back with
// the reply, and ends with the root's answer, which commits or undoes `locks`.
struct Txn {
  std::uint64_t age = 0;   // start order, kept across re-runs: smaller is older
  std::uint32_t waits = 0; // times it queued for a lock: orders its wait notices
  bool writer = false;     // holds an exclusive lock: locks exclusively from now on
  std::vector<Held> locks; // every lock it holds, in the order taken
  std::vector<Record> writes; // with a durable store: what commit logs
};

struct Message {
  enum class Kind : std::uint8_t {
    call,   // run `method` of (type, key) with args `bytes` for `chain`
    reply,  // the result (or failure) of the call a frame is suspended on
    create, // take ownership of `object` under (type, key)
    state,  // a client wants (type, key)'s encoded state
    abort,  // chain mode: `chain`, waiting at `gate`, is in a deadlock
    // Isolation::serializable:
    commit,   // `chain` ended: release its lock on `gate`
    rollback, // `chain` failed: restore what it changed at `gate`, release
    wound,    // to `chain`'s root worker: an older chain waits for it
    waiting,  // to `chain`'s root worker: it waits at `gate` of worker
              // `to.worker` (its wait number txn.waits)
    kick,     // `chain`, wounded, waits at `gate`: fail it with retry
    // A durable store's committer, to the worker that submitted `chain`
    // (a ticket): its records are in the log, or (`failed`) the write
    // failed with the message `bytes`.
    durable,
    // Two-phase commit between processes (worker_two_phase.cpp); `key` is
    // the txid, `chain` the root's chain, `to.worker` the root's worker:
    prepare,  // to a participant: log `txn.writes` as the prepared part
    vote,     // to the root: prepared (or `failed`, the error `bytes`)
    resolve,  // to a participant: commit (release `txn.locks` after) or
              // (`failed`) abort its part
    resolved, // to the root: the participant's part is committed
    // To the one process a chain changed when that is not the root's: log
    // `txn.writes` as the entities' states (one write, no prepared part),
    // then vote.
    commit_part,
  };

  Kind kind = Kind::call;
  bool failed = false;                       // reply: `bytes` is an error message
  detail::Failure failure = detail::Failure::other;
  detail::Thrown thrown = detail::Thrown::runtime; // reply, remote: the
                                             // class of what a method threw
  bool tracked = false;                      // a waiter in the wait-for graph
  bool last = false; // call: from the chain's root, which cannot fail once
                     // it returns (Outgoing::last): commit at its end
  std::uint32_t method = 0;
  std::uint32_t gate = 0;                    // abort .. kick: a gate's number
  std::uint32_t depth = 0;                   // call: nesting in its chain, from 1
  std::uint64_t chain = 0;                   // 0: not yet assigned (a client call)
  const EntityType *type = nullptr;
  void *object = nullptr;                    // create: the new entity
  std::string key;                           // encoded
  std::string bytes;                         // args, result or error message
  ReplyTo to;                                // call/create/state: whom to answer;
                                             // reply: the frame it resumes
  Txn txn;                                   // call/reply: the chain's, as it goes
  std::chrono::steady_clock::time_point since; // a tracked waiter: since when
};

} // namespace flowc::dataflow
