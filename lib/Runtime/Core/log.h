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
  // store holds no such entity; `bytes` is what it is counted for in the
  // cache. Throws StoreError (naming the entity) when the stored bytes
  // cannot be read.
  virtual void *load(const EntityType &type, std::string_view key,
                     std::size_t &bytes) = 0;

  // The entity's state as the store keeps it (its layout version, then each
  // member with its length, so an upgraded program can skip members).
  virtual std::string encode(const EntityType &type, const void *object) = 0;

  // Queues one chain's (or create's) new states for the next group write.
  // When they are in the log, or the write failed, the committer sends
  // `worker` a Message::Kind::durable naming `ticket`.
  virtual void submit(unsigned worker, std::uint64_t ticket,
                      std::vector<Record> &&records) = 0;

  // The memory the workers may use for entities they hold, in all.
  virtual std::size_t cache_bytes() const = 0;

  // Adds the log's counts (flushes, chains logged).
  virtual void add_stats(Stats &stats) const = 0;
};

} // namespace flowc::dataflow
