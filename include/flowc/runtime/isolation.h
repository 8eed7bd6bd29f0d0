// isolation.h - how concurrent call chains see each other (docs/semantics.md),
// and the counts a runtime reports about its chains.
#pragma once

#include <cstdint>

namespace flowc {

enum class Isolation : std::uint8_t {
  // Every chain is a transaction: serializable in real time, atomic, and
  // conflicts are settled by rolling a chain back and running it again.
  serializable,
  // An entity runs one chain at a time only while that chain is in it;
  // changes made before a failure stay; chains that wait on each other fail
  // with Deadlock.
  chain,
};

// Counts since the runtime started (rt.stats()).
struct Stats {
  std::uint64_t committed = 0; // chains that finished and whose changes stay
  std::uint64_t failed = 0;    // chains whose client got an exception
  std::uint64_t reruns = 0;    // times a chain was rolled back to run again
  std::uint64_t wounds = 0;    // times an older chain asked a younger to yield
  std::uint64_t waits = 0;     // times a call queued behind another chain
  // With a durable store (docs/durability.md): writes to its log, each one
  // flush (an fsync under Durability::sync) carrying the changes of
  // `logged` chains and creates together (group commit).
  std::uint64_t log_flushes = 0;
  std::uint64_t logged = 0;
  std::uint64_t loaded = 0; // entities read from the store when reached
};

// Counts of several workers or processes, summed.
inline Stats &operator+=(Stats &sum, const Stats &more) {
  sum.committed += more.committed;
  sum.failed += more.failed;
  sum.reruns += more.reruns;
  sum.wounds += more.wounds;
  sum.waits += more.waits;
  sum.log_flushes += more.log_flushes;
  sum.logged += more.logged;
  sum.loaded += more.loaded;
  return sum;
}

} // namespace flowc
