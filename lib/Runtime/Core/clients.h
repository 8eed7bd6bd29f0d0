// clients.h - the client side of a runtime's requests: numbering them (a
// request's number is its chain's age), fulfilling their futures, and the
// drain a runtime's destructor waits for.
#pragma once

#include "flowc/runtime/completion.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace flowc::dataflow {

// A client's result, as the worker that ends its request sends it back.
struct Answer {
  detail::Completion *client = nullptr;
  bool ok = true;
  detail::Failure kind = detail::Failure::other;
  std::string bytes; // the encoded result, or the error message
};

class Clients {
public:
  // The next request's number, from 1: older is smaller.
  std::uint64_t issue() {
    return issued_.fetch_add(1, std::memory_order_relaxed) + 1;
  }

  // Fulfils each answer's future, deletes its Completion, and leaves
  // `answers` empty. Any thread; one batch wakes a waiting client once.
  void deliver(std::vector<Answer> &answers);

  // Waits until every request issued so far has been answered.
  void drain();

private:
  std::atomic<std::uint64_t> issued_{0};
  alignas(64) std::atomic<std::uint64_t> completed_{0};
  std::atomic<bool> draining_{false};
  std::mutex mutex_;
  std::condition_variable drained_;
};

} // namespace flowc::dataflow
