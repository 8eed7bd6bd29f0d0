// store.h - the durable store of one runtime process: an embedded RocksDB
// database in a folder (docs/durability.md). It opens and checks the folder,
// records each entity type's layout, reads entities when a worker first
// needs them, and writes committing chains' states in groups (committer.cpp).
//
// Keys: "\0flowc" the format marker; "\0T<type name>" a type's number;
// "\0L<type name>\0<version>" a layout; "\1<type number><encoded key>" an
// entity, whose value is its layout version, then each member's encoding
// with its length (so members a newer program dropped can be skipped);
// "\2<key>" a client's note (notes.cpp), written with a chain's states.
#pragma once

#include "log.h"

#include "flowc/runtime/durability.h"
#include "flowc/runtime/entity.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace rocksdb {
class DB;
}

namespace flowc::dataflow {
class Core;
}

namespace flowc::store {

class Store final : public dataflow::Log {
public:
  // An entity type as this store knows it.
  struct Type {
    std::string prefix; // "\1<number>"
    std::uint64_t version = 0;
    std::size_t members = 0;
    struct Version {
      std::vector<int> index; // each stored member's index now, or -1 (dropped)
      std::vector<std::size_t> added; // members now that it lacks
    };
    std::unordered_map<std::uint64_t, Version> versions;
  };

  // Opens (or creates) the store in `folder` and checks every registered
  // entity type's layout against it. Throws StoreError naming the folder
  // and the reason; then nothing was written.
  Store(std::string folder, Durability durability, std::size_t cache_bytes);
  ~Store() override; // stops the committer, closes the database

  // Starts the committer (Durability::sync: under process the workers
  // write), which answers workers through `core`; stop() ends it, before
  // the core goes (the runtime drained first, so it has nothing left).
  void start(dataflow::Core &core);
  void stop();

  void *load(const EntityType &type, std::string_view key,
             std::size_t &bytes) override;
  std::string encode(const EntityType &type, const void *object) override;
  bool writes_inline() const override {
    return durability_ == Durability::process;
  }
  std::string write(const std::vector<dataflow::Commit> &commits) override;
  void submit(unsigned worker, std::vector<dataflow::Commit> &commits) override;
  std::size_t cache_bytes() const override { return cache_bytes_; }
  void add_stats(Stats &stats) const override;

  // A consistent copy of the store in `folder` (which must not exist).
  void checkpoint(const std::string &folder);

  // Notes (notes.cpp): records clients keep beside entities, such as the
  // gateway's Idempotency-Key answers. A chain's note is written with its
  // states (Completion::durable_note); put_note writes one alone, as
  // durably as a commit. note() is empty when there is none; both throw
  // StoreError when RocksDB fails.
  static std::string note_key(std::string_view key);
  std::optional<std::string> note(std::string_view key) const;
  void put_note(std::string_view key, std::string_view value);

  // Test hook: the next `writes` group writes fail as an I/O error would.
  void fail_writes(unsigned writes) { failing_.store(writes); }

private:
  struct Pending {
    unsigned worker;
    dataflow::Commit commit;
  };

  [[noreturn]] void fail(const std::string &reason) const;
  void open();
  void check_types();
  const Type &type(const EntityType &type) const;
  std::string entity_key(const EntityType &type, std::string_view key) const;
  void commit_loop(unsigned workers);

  const std::string folder_;
  const Durability durability_;
  const std::size_t cache_bytes_;
  std::unique_ptr<rocksdb::DB> db_;
  // Filled before the workers start, read-only afterwards.
  std::unordered_map<const EntityType *, Type> types_;

  dataflow::Core *core_ = nullptr;
  std::mutex mutex_;
  std::condition_variable work_;
  std::vector<Pending> queue_;
  bool stopping_ = false;
  std::thread committer_;
  std::atomic<unsigned> failing_{0};
  std::atomic<bool> resume_{false}; // a write failed: RocksDB must resume
  std::atomic<std::uint64_t> flushes_{0}, logged_{0};
};

} // namespace flowc::store
