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
struct Record {
  std::uint32_t worker = 0; // the entity's gate, to replace an earlier record
  std::uint32_t gate = 0;
  const EntityType *type = nullptr;
  std::string key;   // encoded
  std::string state; // as Log::encode writes it
};

// One chain's (or create's) records, under the ticket that names it to its
// worker when the log answers.
struct Commit {
  std::uint64_t ticket = 0;
  std::vector<Record> records;
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
  };

  Kind kind = Kind::call;
  bool failed = false;                       // reply: `bytes` is an error message
  detail::Failure failure = detail::Failure::other;
  detail::Thrown thrown = detail::Thrown::runtime; // reply, remote: the
                                             // class of what a method threw
  bool tracked = false;                      // a waiter in the wait-for graph
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
