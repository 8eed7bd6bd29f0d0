// core.h - one process's share of a runtime: its workers, where keys live
// (over all processes' workers), and what the workers share: the options,
// the wait-for graph, the clients' answers and the transport to others.
#pragma once

#include "clients.h"
#include "message.h"
#include "transport.h"
#include "wait_graph.h"

#include "flowc/runtime/isolation.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace flowc::dataflow {

class Log;
class Worker;

// The options every runtime has (LocalOptions, MpiOptions).
struct Options {
  Isolation isolation = Isolation::serializable;
  std::size_t max_depth = 100000;
  bool detect_deadlocks = true;
  std::chrono::milliseconds deadlock_timeout{60000};
  bool roundtrip_frames = false;

  // From a runtime's public options, which repeat these fields so that users
  // can name them in designated initializers.
  template <class Public> static Options of(const Public &o) {
    return Options{o.isolation, o.max_depth, o.detect_deadlocks,
                   o.deadlock_timeout, o.roundtrip_frames};
  }
};

// The hash keys are placed by: the same in every process, whatever its
// standard library.
std::uint64_t key_hash(std::string_view key);

// Which workers exist and which are this process's: `processes` processes
// of `workers` workers each; process p has workers p*workers .. p*workers +
// workers - 1. A key belongs to a process by its hash, then to one of the
// process's workers.
struct Placement {
  unsigned processes = 1;
  unsigned process = 0;
  unsigned workers = 1; // per process

  unsigned total() const { return processes * workers; }
  unsigned first() const { return process * workers; }
  unsigned owner(std::string_view key) const;
  unsigned process_of(unsigned worker) const { return worker / workers; }
};

class Core {
public:
  // `clients` is null in a process without clients (answers then go through
  // the transport); `transport` is null when there is one process.
  // `log` is the durable store, or null for none (Isolation::serializable
  // only: commits are what it logs).
  Core(const Options &options, Placement placement, Clients *clients,
       Transport *transport, Log *log = nullptr);
  ~Core(); // stops and joins the workers; the runtime drains first

  const Options options;
  const Placement placement;
  WaitGraph graph; // chain mode: the waits at this process's gates
  Log *const log;  // the durable store; null: none

  unsigned owner(std::string_view key) const { return placement.owner(key); }
  bool here(unsigned worker) const {
    return worker - placement.first() < placement.workers;
  }
  // One of this process's workers, by its number over all processes.
  Worker &worker(unsigned index) {
    return *workers_[index - placement.first()];
  }

  // Hands `batch` to `worker`, here or to the transport; leaves it empty.
  // What goes to the transport leaves at flush_remote().
  void deliver(unsigned worker, std::vector<Message> &batch);
  // A worker ends its round: what it handed the transport goes out now.
  void flush_remote() {
    if (transport_ != nullptr)
      transport_->flush(true);
  }
  // A client's request, to the worker that owns its key.
  void post(Message &&message);
  // Client answers: fulfilled here, or sent to the clients' process.
  void answer(std::vector<Answer> &answers);
  // Whether the clients are in this process: only then may a Completion
  // pointer a message carries be followed (elsewhere it is the clients'
  // process's, carried as a number).
  bool clients_here() const { return clients_ != nullptr; }
  // A malformed message or another fault that fails no chain: to stderr.
  void report(const std::string &what) const;

  // The counts of the chains rooted at this process's workers.
  Stats stats() const;

private:
  Clients *clients_;
  Transport *transport_;
  std::vector<std::unique_ptr<Worker>> workers_;
};

} // namespace flowc::dataflow
