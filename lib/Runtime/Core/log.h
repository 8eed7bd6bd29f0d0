// log.h - the durable store as workers see it (docs/durability.md): where a
// worker reads an entity it does not hold, and where a committing chain's new
// states go. The store itself (RocksDB) is lib/Runtime/Store; the core only
// knows this interface, so runtimes without a store do not link it.
#pragma once

#include "message.h"

#include "flowc/runtime/isolation.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowc::dataflow {

class Log {
public:
  virtual ~Log() = default;

  // The entity's stored state loaded into a new object, or null when the
  // store holds no such entity; `bytes` is the stored state's size. Throws
  // StoreError (naming the entity) when the stored bytes cannot be read.
  virtual void *load(const EntityType &type, std::string_view key,
                     std::size_t &bytes) = 0;

  // The entity's state as the store keeps it (its layout version, then each
  // member with its length, so an upgraded program can skip members).
  virtual std::string encode(const EntityType &type, const void *object) = 0;

  // Under Durability::process a write is quick (it goes to the OS, no
  // fsync): workers write their round's commits themselves (write). Under
  // sync they hand them to the committer thread (submit) and go on.
  virtual bool writes_inline() const = 0;

  // Writes every commit's records as one atomic batch; the error, or empty.
  virtual std::string write(const std::vector<Commit> &commits) = 0;

  // Queues a round's commits for the committer's next group write. When
  // they are in the log, or the write failed, it sends `worker` a
  // Message::Kind::durable naming each ticket. Leaves `commits` empty.
  virtual void submit(unsigned worker, std::vector<Commit> &commits) = 0;

  // The name of `chain` (whose root is in this process) in the stores of
  // a two-phase commit (worker_two_phase.cpp).
  virtual std::string txid(std::uint64_t chain) const = 0;

  // The memory the workers may use for entities they hold, in all.
  virtual std::size_t cache_bytes() const = 0;

  // Adds the log's counts (flushes, chains logged).
  virtual void add_stats(Stats &stats) const = 0;
};

} // namespace flowc::dataflow
