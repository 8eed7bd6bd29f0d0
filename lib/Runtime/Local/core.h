// core.h - what LocalRuntime's workers share: the options, each other's
// inboxes, the wait-for graph, and the counts the destructor drains on.
#pragma once

#include "wait_graph.h"

#include "flowc/runtime/local.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace flowc::local {
class Worker;
}

namespace flowc::detail {

class LocalCore {
public:
  explicit LocalCore(const LocalOptions &options);
  ~LocalCore(); // drains, stops and joins the workers

  unsigned owner(std::string_view key) const;
  local::Worker &worker(unsigned index) { return *workers_[index]; }
  unsigned size() const { return static_cast<unsigned>(workers_.size()); }
  Stats stats() const;

  const LocalOptions options;
  local::WaitGraph graph;

  // Client requests posted so far; each worker counts those it completed.
  // A request's number is its chain's age (isolation.h): older is smaller.
  std::atomic<std::uint64_t> issued{0};
  std::atomic<bool> draining{false};
  // A worker that completes requests while draining says so here.
  void completed_while_draining();

private:
  std::uint64_t completed() const;

  std::vector<std::unique_ptr<local::Worker>> workers_;
  std::mutex drain_mutex_;
  std::condition_variable drained_;
};

} // namespace flowc::detail
