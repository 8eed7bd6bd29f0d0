// wait_graph.cpp - see wait_graph.h.
#include "wait_graph.h"

namespace flowc::dataflow {

bool WaitGraph::wait(std::uint64_t chain, std::uint64_t holder, Place place,
                     std::vector<Victim> &victims) {
  std::lock_guard lock(mutex_);
  // Follow the edges from the holder; the graph is acyclic, so this ends at a
  // chain that does not wait, or comes back to `chain`. The step bound only
  // guards against a broken invariant.
  std::uint64_t at = holder;
  for (std::size_t steps = 0; at != chain; ++steps) {
    auto next = waits_.find(at);
    if (next == waits_.end() || steps > waits_.size()) {
      waits_[chain] = Edge{holder, place};
      return true;
    }
    at = next->second.holder;
  }
  for (at = holder; at != chain;) {
    auto edge = waits_.find(at);
    victims.push_back(Victim{at, edge->second.place});
    doomed_.insert(at);
    at = edge->second.holder;
    waits_.erase(edge);
  }
  return false;
}

bool WaitGraph::stop_waiting(std::uint64_t chain) {
  std::lock_guard lock(mutex_);
  if (doomed_.erase(chain) != 0)
    return true;
  waits_.erase(chain);
  return false;
}

void WaitGraph::retarget(std::span<const std::uint64_t> chains,
                         std::uint64_t holder) {
  std::lock_guard lock(mutex_);
  for (std::uint64_t chain : chains)
    if (auto edge = waits_.find(chain); edge != waits_.end())
      edge->second.holder = holder;
}

} // namespace flowc::dataflow
