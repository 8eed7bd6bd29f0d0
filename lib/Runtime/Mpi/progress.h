// progress.h - a rank's MPI traffic: the transport between this rank's
// workers and other ranks, run by one thread that makes every MPI call.
//
// Workers hand it batches (Transport::send) from any thread: each message is
// encoded at once (wire.h) into the buffer for its destination rank. At the
// end of its round a worker sends every non-empty buffer with one MPI_Isend
// each, itself, when no other thread is in MPI (MPI_THREAD_SERIALIZED: one
// mutex, `calls_`, is held around every MPI call); otherwise, and for the
// clients' requests, it wakes the thread. Each turn of the thread's loop
// sends what is buffered, receives whatever arrived (MPI_Iprobe), hands
// decoded messages to this rank's workers' inboxes and client answers to the
// clients, and retires completed sends, whose buffers are used again. With
// nothing to do it yields a few turns (when a core is free for it: `spin`),
// then sleeps, longer each idle turn up to a millisecond: a sender here
// wakes it at once, a message from another rank waits at most that.
#pragma once

#include "core.h"
#include "registry.h"
#include "wire.h"

#include <mpi.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

namespace flowc::mpi {

class Progress final : public dataflow::Transport {
public:
  Progress(MPI_Comm comm, int rank, int ranks, dataflow::Placement placement,
           const Registry &registry, bool spin);
  ~Progress() override; // finish() must have been called

  // Starts the thread, delivering to `core` (and, on rank 0, to `clients`).
  void start(dataflow::Core *core, dataflow::Clients *clients);

  void send(unsigned worker, std::vector<dataflow::Message> &batch) override;
  void answer(std::vector<dataflow::Answer> &answers) override;
  void flush(bool here) override;

  // Rank 0: a request whose answer comes from another rank; only answers to
  // tracked requests are delivered (a malformed one names none).
  void track(detail::Completion *client);
  // Rank 0: the other ranks' counts, summed.
  Stats remote_stats();
  // Rank 0: tells every other rank that the job ends.
  void end_job();
  // Ranks other than 0: returns when rank 0 ended the job.
  void wait_for_end();
  // Stops delivering to the core (which is about to be destroyed).
  void detach();
  // Sends what is left, waits until every rank got there, ends the thread.
  void finish();

  // testing.h: the running rank's Progress, a raw batch, a corrupted call.
  static Progress *running();
  void send_raw(int to, std::string bytes);
  void corrupt_next_call(int to) { corrupt_call_to_ = to; }

private:
  struct Outbox {
    std::mutex mutex;
    std::string bytes;
  };
  struct Pending {
    std::string bytes;
    MPI_Request request = MPI_REQUEST_NULL;
  };

  void run();
  bool post_batches(); // with calls_ held
  bool post_sends();
  bool receive();
  bool retire_sends();
  void deliver(int from, std::string_view bytes);
  void isend(int to, int tag, std::string bytes);
  void wake();
  void idle(unsigned turns);
  void check(int code, const char *call) const;

  const MPI_Comm comm_;
  const int rank_, ranks_;
  const dataflow::Placement placement_;
  const Registry &registry_;
  const unsigned yield_turns_; // idle turns that yield before sleeping

  std::vector<std::unique_ptr<Outbox>> out_; // by rank
  std::atomic<bool> buffered_{false};        // some Outbox may hold bytes

  // Held around every MPI call, and for what only MPI's caller touches.
  std::mutex calls_;
  std::list<Pending> pending_;      // sends in flight (stable buffers)
  std::vector<std::string> spare_;  // sent batches' buffers, to fill again
  std::string received_;            // the batch being delivered
  Decoded decoded_;                 // what it holds
  std::vector<std::vector<dataflow::Message>> batches_; // by worker
  std::vector<std::pair<int, std::string>> raw_; // testing.h, under mutex_
  std::atomic<int> corrupt_call_to_{-1};         // testing.h

  std::mutex core_mutex_; // held while delivering; detach() waits for it
  dataflow::Core *core_ = nullptr;
  dataflow::Clients *clients_ = nullptr;

  std::mutex tracked_mutex_;
  std::unordered_set<detail::Completion *> tracked_;

  // Requests from other threads, and the thread's sleep.
  std::mutex mutex_;
  std::condition_variable wake_, ended_;
  bool sleeping_ = false, work_ = false;
  bool end_job_ = false;     // rank 0: send the end to every rank
  bool job_ended_ = false;   // other ranks: rank 0 sent it
  bool finishing_ = false;
  std::mutex stats_mutex_; // one remote_stats() at a time
  bool stats_wanted_ = false;
  bool stats_pending_ = false; // replies are awaited (the thread's own)
  int stats_replies_ = 0;
  Stats stats_sum_;
  std::promise<Stats> stats_;

  std::thread thread_;
};

} // namespace flowc::mpi
