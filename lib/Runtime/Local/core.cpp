// core.cpp - starting the workers, placing keys, and the drain at the end.
#include "core.h"

#include "worker.h"

#include <functional>
#include <thread>

namespace flowc::detail {

namespace {
unsigned worker_count(const LocalOptions &options) {
  if (options.workers > 0)
    return options.workers;
  return std::max(1u, std::thread::hardware_concurrency());
}
} // namespace

LocalCore::LocalCore(const LocalOptions &options) : options(options) {
  unsigned n = worker_count(options);
  workers_.reserve(n);
  for (unsigned i = 0; i < n; ++i) // all exist before any runs: they send to each other
    workers_.push_back(std::make_unique<local::Worker>(*this, i, n));
  for (auto &worker : workers_)
    worker->start();
}

LocalCore::~LocalCore() {
  // Every request posted so far gets its answer: a chain still running may
  // need any worker, so none stops before all are answered.
  draining.store(true);
  {
    std::unique_lock lock(drain_mutex_);
    drained_.wait(lock, [&] { return completed() == issued.load(); });
  }
  for (auto &worker : workers_)
    worker->inbox().stop();
  for (auto &worker : workers_)
    worker->join();
}

std::uint64_t LocalCore::completed() const {
  std::uint64_t n = 0;
  for (const auto &worker : workers_)
    n += worker->completed();
  return n;
}

Stats LocalCore::stats() const {
  Stats stats;
  for (const auto &worker : workers_)
    worker->add_stats(stats);
  return stats;
}

void LocalCore::completed_while_draining() {
  std::lock_guard lock(drain_mutex_);
  drained_.notify_all();
}

unsigned LocalCore::owner(std::string_view key) const {
  if (workers_.size() == 1)
    return 0;
  return static_cast<unsigned>(std::hash<std::string_view>{}(key) %
                               workers_.size());
}

} // namespace flowc::detail
