// wait_graph.h - which call chains wait for which, to find deadlocks.
//
// A chain is sequential, so it waits for at most one entity at a time, and
// the entity's holder is the one chain it waits for: the wait-for graph has at
// most one edge out of each chain, and a deadlock is a cycle of such edges.
// Only chains that hold entities can be waited for, so only waits of calls
// made by entities are recorded (a client's fresh chain waiting in a queue
// is not); in workloads where entities do not call held entities this lock
// is never taken.
//
// Every change of a recorded edge goes through the graph's mutex, so a check
// sees the edges as they are: a cycle is reported exactly when the edge that
// closes it is added (edges that merely change target, when an entity passes
// to its next waiter, point at a running chain and close nothing). The chain
// that closes the cycle is failed at once by its worker; the others are
// "doomed": each is failed with Deadlock by whichever comes first of the
// abort message sent to its worker and the moment its entity would admit it.
#pragma once

#include <cstdint>
#include <mutex>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace flowc::dataflow {

class WaitGraph {
public:
  // Where a waiting chain waits: the worker that owns the entity, its gate.
  struct Place {
    std::uint32_t worker = 0;
    std::uint32_t gate = 0; // Gate::id
  };
  struct Victim {
    std::uint64_t chain = 0;
    Place place;
  };

  // `chain` starts waiting at `place` for `holder`. Returns false when that
  // closes a cycle: then `chain` is not recorded, and the other chains of
  // the cycle are doomed and listed in `victims`.
  bool wait(std::uint64_t chain, std::uint64_t holder, Place place,
            std::vector<Victim> &victims);

  // `chain` stops waiting (its entity admits it, or it fails). Returns true
  // if it was doomed: then it must fail with Deadlock.
  bool stop_waiting(std::uint64_t chain);

  // The entity these chains wait at passed to `holder`.
  void retarget(std::span<const std::uint64_t> chains, std::uint64_t holder);

private:
  struct Edge {
    std::uint64_t holder;
    Place place;
  };
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, Edge> waits_;
  std::unordered_set<std::uint64_t> doomed_;
};

} // namespace flowc::dataflow
