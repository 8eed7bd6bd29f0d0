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
// One rank's part of an MpiRuntime's store also has "\0R", the number of
// ranks that wrote it, and, for chains that changed entities on several
// ranks (two_phase.cpp): "\0P<txid>" a prepared part (its entities' keys
// and states), "\0D<txid>" the decision to commit, on the chain's root rank.
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
class WriteBatch;
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
  // and the reason; then nothing was written. `ranks` > 0: the folder is
  // rank `rank`'s part of an MpiRuntime's store of that many ranks.
  Store(std::string folder, Durability durability, std::size_t cache_bytes,
        unsigned ranks = 0, unsigned rank = 0);
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
  std::string record_key(const dataflow::Record &record) const;
  std::optional<std::string> note(std::string_view key) const;
  void put_note(std::string_view key, std::string_view value);

  // Test hook: the next `writes` group writes fail as an I/O error would.
  void fail_writes(unsigned writes) { failing_.store(writes); }

  // MpiRuntime (two_phase.cpp). The number of ranks recorded in an MPI
  // part's folder: -1 when the folder is missing or empty, -2 when it
  // cannot be read (opening it says why). Opens nothing for writing.
  static int recorded_ranks(const std::string &folder);
  static constexpr std::size_t kTxidBytes = 12; // the root's rank, the chain
  std::string txid(std::uint64_t chain) const override;
  // The txids of the prepared parts this rank holds, and whether this
  // rank (the root) decided to commit one.
  std::vector<std::string> prepared() const;
  bool decided(const std::string &txid) const;
  // Commits (writes its records) or drops a prepared part; drops every
  // decision (once no rank holds a prepared part). Synced writes.
  void resolve(const std::string &txid, bool commit);
  void forget_decisions();
  // The rank a txid names as its root.
  static unsigned root_of(const std::string &txid);
  // Test hook: this process kills itself (SIGKILL) when it is about to
  // write a commit of this phase (decide; resolve, not an abort).
  static void kill_before(dataflow::Commit::Phase phase);
  // Test hook: the next group write holding a commit of this phase fails as
  // an I/O error would (once).
  static void fail_next(dataflow::Commit::Phase phase);

private:
  struct Pending {
    unsigned worker;
    dataflow::Commit commit;
  };

  [[noreturn]] void fail(const std::string &reason) const;
  void open();
  void check_ranks();
  void check_types();
  const Type &type(const EntityType &type) const;
  std::string entity_key(const EntityType &type, std::string_view key) const;
  void commit_loop(unsigned workers);
  void add_to(rocksdb::WriteBatch &batch, const dataflow::Commit &commit);
  static bool injected_failure(const std::vector<dataflow::Commit> &commits);

  const std::string folder_;
  const Durability durability_;
  const std::size_t cache_bytes_;
  const unsigned ranks_, rank_; // an MPI part's (ranks_ 0: LocalRuntime's)
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
