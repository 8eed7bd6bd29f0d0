// worker.h - one partition of a runtime: a thread that owns the entities
// whose keys hash to it and the activations suspended in them.
//
// Nothing here is shared with other workers except the inbox and the wait-for
// graph: a worker reads its inbox in batches, runs what each message asks,
// collects what it sends per destination, and hands each destination its
// whole batch at the end of the round (messages to itself go to the next
// round without a lock; Core::deliver takes the others, to a worker of this
// process or through the transport to another's). Each message is handled to
// the end before the next: a method runs until it finishes or suspends on a
// remote call. Workers are numbered across all processes; this one's number
// is `index_`.
#pragma once

#include "chain_map.h"
#include "clients.h"
#include "frames.h"
#include "gate.h"
#include "inbox.h"
#include "open_table.h"
#include "message.h"
#include "wait_graph.h"

#include "flowc/runtime/entity_table.h"
#include "flowc/runtime/isolation.h"

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace flowc::dataflow {

class Core;
class Log;

// A chain as its root's worker keeps it (Isolation::serializable): enough to
// run it again, and whether an older chain wounded it and where it waits.
struct Root {
  detail::Completion *client = nullptr;
  std::uint64_t age = 0;
  const EntityType *type = nullptr;
  std::uint32_t method = 0;
  std::string key, args;
  bool wounded = false;
  std::uint32_t waits = 0; // the latest wait heard of (0: none), and where
  std::uint32_t wait_worker = 0;
  std::uint32_t wait_gate = 0;
};

class Worker {
public:
  // `workers` is how many there are in all processes (the core is still
  // adding this process's).
  Worker(Core &core, unsigned index, unsigned workers);
  ~Worker();
  Worker(const Worker &) = delete;
  Worker &operator=(const Worker &) = delete;

  void start();
  void join();

  Inbox &inbox() { return inbox_; }
  // Adds this worker's counts of the chains rooted here.
  void add_stats(Stats &stats) const;

private:
  using Clock = Inbox::Clock;
  static constexpr int kLocalPasses = 8;
  // How many calls and replies to this worker one message may lead to being
  // handled at once (see send): bounds the stack and how long one chain runs.
  static constexpr int kDirectHops = 32;
  // A batch for another worker this long goes out before the round ends.
  static constexpr std::size_t kEarlyFlush = 64;

  void loop();
  void handle(Message &message);
  void dispatch(Message &message);
  void send(unsigned worker, Message &&message);
  void flush();

  // Requests (worker.cpp).
  void on_create(Message &message);
  void on_state(Message &message);
  void serve_state(Gate &gate, Message &message);
  // Answers a caller: a reply to its frame, or the client's result (for a
  // chain's root under Isolation::serializable, once the chain ended).
  void answer(const ReplyTo &to, std::uint64_t chain, Txn &&txn, bool ok,
              detail::Failure kind, std::string bytes,
              detail::Thrown thrown = detail::Thrown::runtime);
  void succeed(const ReplyTo &to, std::string bytes);
  void fail(const ReplyTo &to, detail::Failure kind, std::string message);
  void answer_clients();

  // The gate of entity (type, key), which holds the object: held here, or
  // read from the durable store (then held from now on); null when it
  // exists in neither. Throws StoreError.
  Gate *gate_of(const EntityType &type, const std::string &key);
  // A durable store's entity leaves memory: its object, gate and id.
  void drop_gate(Gate &gate);
  Gate &add_gate(const EntityType &type, const std::string &key, void *object,
                 std::size_t bytes);

  // With a durable store (worker_durable.cpp): records of what chains
  // change, the wait for the log, and entities leaving memory.
  void record(Gate &gate, Txn &txn);
  void submit(std::uint64_t chain, detail::Completion *client, Txn &txn,
              std::string result);
  void create_logged(Message &message);
  void take_note(detail::Completion *client, std::string_view result,
                 std::vector<Record> &records);
  void on_durable(Message &message);
  void durable(std::uint64_t ticket, bool ok, std::string error);
  void log_round();
  void end_locks(std::uint64_t chain, std::span<const Held> locks, bool commit);
  void touch(Gate &gate) {
    used_.splice(used_.begin(), used_, gate.used);
  }
  void evict();

  // A chain that changed entities in several processes: two-phase commit
  // (worker_two_phase.cpp). At its root: the parts sent out, the votes, the
  // decision, the acknowledgements; at a participant: the part.
  void start_two_phase(std::uint64_t chain, std::vector<Record> &&writes);
  void on_vote(Message &message);
  void decided(std::uint64_t chain, bool ok, std::string error);
  void abort_two_phase(std::uint64_t chain, std::string error);
  void on_resolved(Message &message);
  void on_prepare(Message &message);
  void on_resolve(Message &message);
  void part_durable(std::uint64_t ticket, bool ok, std::string error);
  // What an entity counts for in the cache: its key and encoded state, and
  // an estimate of the object, its gate and the table's and list's nodes
  // (the cache is a budget, not an exact count).
  static std::size_t cost(const std::string &key, std::size_t state) {
    return key.size() + state + 256;
  }

  // Calls and replies (worker_calls.cpp).
  void on_call(Message &message);
  void on_reply(Message &message);
  void start_call(Gate &gate, Message &message);
  void advance(Frame &&frame);
  void finish(Frame &frame, std::string result);
  void fail(Frame &frame, detail::Failure kind, std::string message,
            detail::Thrown thrown = detail::Thrown::runtime);
  void keep_state(Frame &frame);
  void fail(Message &call, detail::Failure kind, std::string message);

  // Isolation::serializable: locks and wound-wait (worker_locks.cpp).
  void call_locked(Gate &gate, Message &message);
  void wait_locked(Gate &gate, Message &&message);
  void take_lock(Gate &gate, Message &message, const Access &access, Lock *own);
  void save_undo(Gate &gate, std::uint64_t members);
  void admit_locked(Gate &gate);
  void admit_released();
  void release(Gate &gate, std::uint64_t chain, bool commit);
  void notify_root(Message::Kind kind, std::uint64_t chain, Gate *gate = nullptr,
                   std::uint32_t waits = 0);
  // The gate a message names by number; null (reported) if there is none,
  // which only a corrupt message from another process can do.
  Gate *gate_at(const Message &message);
  void on_wound(Message &message);
  void on_waiting(Message &message);
  void wounded(std::uint64_t chain);
  void waits_at(std::uint64_t chain, unsigned worker, std::uint32_t gate,
                std::uint32_t waits);
  void kick(std::uint64_t chain, unsigned worker, std::uint32_t gate);
  void on_kick(Message &message);

  // Isolation::serializable: each chain's record on its root's worker, and
  // its end: commit, roll back and answer, or roll back and run again
  // (worker_chains.cpp).
  void begin_chain(const Message &call);
  void end_chain(std::uint64_t chain, detail::Completion *client,
                 Txn &&txn, bool ok, detail::Failure kind,
                 std::string bytes);
  void rerun(Root &&root);
  void commit_early(Frame &frame);
  std::uint64_t new_chain() { return ++chains_ * out_.size() + index_; }

  // Isolation::chain: one chain at a time per entity, deadlocks
  // (worker_gates.cpp).
  void wait(Gate &gate, Message &&message);
  void admit(Gate &gate);
  void leave(Gate &gate);
  void on_abort(Message &message);
  void expire_waits(Clock::time_point now);

  Core &core_;
  Log *const log_; // the durable store; null: none
  const unsigned index_;
  const bool serializable_; // options.isolation
  const bool detect_;      // options.detect_deadlocks (chain mode)
  const bool track_waits_; // deadlock detection or the timeout is on
  const Clock::duration timeout_;

  Inbox inbox_;
  // Every entity here: its gate by object (node-stable; the worker owns the
  // objects), found by class and key through by_key_.
  std::unordered_map<void *, Gate> gates_;
  OpenTable<Gate *> by_key_;
  std::vector<Gate *> gate_ids_;           // by Gate::id; null: evicted
  std::vector<std::uint32_t> free_ids_;    // evicted gates' ids, reused
  Frames frames_;
  std::vector<std::vector<Message>> out_; // by destination worker
  std::uint64_t chains_ = 0;              // chains this worker started
  int direct_hops_ = 0;                   // left for the message being handled

  // Isolation::serializable
  ChainMap<Root> roots_; // chains rooted here that hold locks
  std::vector<std::vector<Held>> spare_locks_; // ended chains' lock lists, reused
  std::vector<Gate *> released_;                  // gates to admit waiters at

  std::vector<Gate *> contended_; // gates with tracked waiters (timeout scan)
  Clock::time_point next_expiry_ = Clock::time_point::max();
  std::vector<WaitGraph::Victim> victims_; // scratch
  std::vector<std::uint64_t> retargeted_;  // scratch

  // With a durable store: chains (and creates) whose records are on their
  // way to the log, holding their locks until they are there.
  struct Spread; // a chain whose records span processes, at its root
  struct Pending {
    detail::Completion *client = nullptr;
    std::vector<Held> locks;
    std::string result;
    Gate *created = nullptr; // a create's: the new entity
    std::unique_ptr<Spread> spread;
    // A participant's part of a two-phase commit being prepared or resolved
    // (for `root_chain`, whose root is worker `root`).
    bool part = false;
    bool resolving = false; // its commit, not its prepare
    std::uint32_t root = 0;
    std::uint64_t root_chain = 0;
    std::string txid;
  };
  struct Spread {
    std::string txid;
    std::vector<Record> mine; // the records of this process's entities
    struct Part {
      unsigned process, worker; // where its part went
    };
    std::vector<Part> parts;
    unsigned waiting = 0; // votes, then acknowledgements, still to come
    std::string error;    // a failed vote's
    bool decided = false;
    bool one_phase = false; // the one participant logs the chain alone
  };
  // A participant's prepared parts by txid, until they are committed.
  std::unordered_map<std::string, std::vector<Record>> prepared_;
  std::unordered_map<std::uint64_t, Pending> pending_;
  std::vector<Commit> round_; // this round's commits, logged at its end
  std::list<Gate *> used_;    // the entities held, least recently used last
  std::size_t cached_ = 0;    // their bytes
  const std::size_t budget_;  // this worker's share of cache_bytes

  std::vector<Answer> answers_;
  // Counts for stats(): written by this worker only, read by any thread.
  std::atomic<std::uint64_t> committed_{0}, failed_{0}, reruns_{0}, wounds_{0},
      waits_{0}, loaded_{0};
  static void count(std::atomic<std::uint64_t> &counter) {
    counter.store(counter.load(std::memory_order_relaxed) + 1,
                  std::memory_order_relaxed); // one writer: no locked add
  }
  std::thread thread_;
};

} // namespace flowc::dataflow
