// inbox.h - a worker's incoming message queue: many senders, one receiver.
//
// Senders append under a mutex (a client one message at a time, a worker its
// whole batch for this receiver at once); the receiver swaps the vector out,
// so it holds the lock for a pointer swap per batch, never while it works.
// The receiver sleeps on a condition variable when there is nothing to do and
// a sender wakes it only then (no system call while it is busy).
#pragma once

#include "message.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace flowc::dataflow {

class Inbox {
public:
  using Clock = std::chrono::steady_clock;

  void push(Message &&message);
  // Appends every message of `batch` in order and leaves it empty.
  void push_all(std::vector<Message> &batch);

  // Moves what arrived into `into` (which must be empty). With `wait`, first
  // sleeps until something arrives, stop() is called or `until` passes.
  // Returns false once stopped with nothing left.
  bool take(std::vector<Message> &into, bool wait, Clock::time_point until);

  void stop();

private:
  void wake(std::unique_lock<std::mutex> &lock);

  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<Message> items_;
  bool sleeping_ = false;
  bool stopped_ = false;
};

} // namespace flowc::dataflow
