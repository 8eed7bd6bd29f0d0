// store.cpp - opening a durable store and checking it against the program,
// and reading and encoding entity states.
#include "store.h"

#include "layout.h"

#include "flowc/runtime/codec.h"
#include "flowc/runtime/entity_table.h"
#include "flowc/runtime/errors.h"

#include <rocksdb/db.h>
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace flowc::store {

namespace fs = std::filesystem;

namespace {
const std::string kMarkerKey = std::string("\0flowc", 6);
const std::string kMarker = "flowc store 1";
const std::string kTypePrefix = std::string("\0T", 2);
const std::string kLayoutPrefix = std::string("\0L", 2);
const std::string kRanksKey = std::string("\0R", 2);

// How a state stored under `stored` is read into the layout `now`.
Store::Type::Version version_of(const Layout &stored, const Layout &now) {
  Store::Type::Version version;
  version.index = translation(stored, now);
  for (std::size_t i = 0; i < now.size(); ++i)
    if (std::find(version.index.begin(), version.index.end(),
                  static_cast<int>(i)) == version.index.end())
      version.added.push_back(i);
  return version;
}

std::string number(std::uint64_t n) {
  Writer w;
  w.varint(n);
  return w.take();
}
} // namespace

Store::Store(std::string folder, Durability durability, std::size_t cache_bytes,
             unsigned ranks, unsigned rank)
    : folder_(std::move(folder)), durability_(durability),
      cache_bytes_(cache_bytes), ranks_(ranks), rank_(rank) {
  open();
  check_types();
}

void Store::fail(const std::string &reason) const {
  throw StoreError("flowc: store '" + folder_ + "' " + reason);
}

void Store::open() {
  std::error_code ec;
  bool exists = fs::exists(folder_, ec);
  if (exists && !fs::is_directory(folder_, ec))
    fail("is not a folder");
  bool fresh = !exists || fs::is_empty(folder_, ec);
  if (!fresh && !fs::exists(fs::path(folder_) / "CURRENT", ec))
    fail("is not a store: the folder holds other files and no database");

  rocksdb::Options options;
  options.create_if_missing = fresh;
  options.paranoid_checks = true;
  // A torn last write of a killed process is dropped; anything else
  // damaged fails the open (kPointInTimeRecovery stops at the first bad
  // record, which only a crash leaves at the log's end).
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  // The log a start after a kill replays is what the write buffers held
  // (RocksDB flushes them to table files as they fill): small buffers keep
  // that start short (with in-place updates, below, each replayed record is
  // a lookup too: 8 MiB buffers took 0.8 s after a kill over 1,000,000
  // entities, 4 MiB 0.13-0.36 s), and the replayed log is not flushed
  // during the start.
  options.write_buffer_size = 4 << 20;
  options.avoid_flush_during_recovery = true;
  // An entity's record replaces its last one in the write buffer instead of
  // adding a version (hot entities keep it small: 0.5x -> 0.75x of in-memory
  // throughput on bench/durable). Only the buffer being written changes in
  // place; buffers being flushed to table files do not, so table files and
  // checkpoints hold whole batches, and the log replayed after a crash is
  // unchanged.
  options.inplace_update_support = true;
  options.allow_concurrent_memtable_write = false; // needed by the above
  options.keep_log_file_num = 2; // RocksDB's own LOG files, not the data's log
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(std::min<std::size_t>(
      std::max<std::size_t>(cache_bytes_ / 8, 1 << 20), 64 << 20));
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  rocksdb::DB *db = nullptr;
  rocksdb::Status status = rocksdb::DB::Open(options, folder_, &db);
  if (!status.ok()) {
    std::string why = status.ToString();
    if (status.IsIOError() && why.find("lock") != std::string::npos)
      fail("is held by another running process (" + why + ")");
    if (status.IsCorruption())
      fail("is damaged: " + why);
    fail("cannot be opened: " + why);
  }
  db_.reset(db);

  std::string marker;
  status = db_->Get(rocksdb::ReadOptions(), kMarkerKey, &marker);
  if (status.IsNotFound() && fresh) {
    rocksdb::WriteBatch batch;
    batch.Put(kMarkerKey, kMarker);
    if (ranks_ > 0)
      batch.Put(kRanksKey, number(ranks_));
    rocksdb::WriteOptions sync;
    sync.sync = true;
    status = db_->Write(sync, &batch);
    if (!status.ok())
      fail("cannot be written: " + status.ToString());
    return;
  } else if (status.IsNotFound()) {
    fail("is not a flowc store: a database without flowc's marker");
  } else if (!status.ok()) {
    fail("is damaged: " + status.ToString());
  } else if (marker != kMarker) {
    fail("has an unknown format ('" + marker + "')");
  }
  check_ranks();
}

// A LocalRuntime store and an MPI rank's part are not interchangeable, and
// a part is read only by a job of as many ranks as wrote it: the placement
// of keys over ranks depends on their number.
void Store::check_ranks() {
  std::string recorded;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), kRanksKey, &recorded);
  if (!status.ok() && !status.IsNotFound())
    fail("is damaged: " + status.ToString());
  if (status.IsNotFound()) {
    if (ranks_ > 0)
      fail("is not a part of an MpiRuntime store (a LocalRuntime store?); "
           "nothing was written");
    return;
  }
  std::uint64_t written = 0;
  try {
    Reader r(recorded);
    written = r.varint<std::uint64_t>();
    r.expect_end();
  } catch (const DecodeError &e) {
    fail(std::string("is damaged: ") + e.what());
  }
  if (ranks_ == 0)
    fail("is one rank's part of an MpiRuntime store of " +
         std::to_string(written) + " ranks, not a LocalRuntime store");
  if (written != ranks_)
    fail("was written by " + std::to_string(written) +
         " ranks; this job has " + std::to_string(ranks_) +
         " (a store is reopened with as many ranks as wrote it); nothing was "
         "written");
}

// Every registered type: its number and stored layouts; a changed member
// type is an error before anything is written; new types and new layouts
// are written together, in one synced batch.
void Store::check_types() {
  std::map<std::string, std::uint64_t> numbers;
  std::map<std::string, std::map<std::uint64_t, Layout>> layouts;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  try {
    for (it->Seek(kTypePrefix); it->Valid() && it->key().starts_with(kTypePrefix);
         it->Next()) {
      std::string name = it->key().ToString().substr(kTypePrefix.size());
      Reader r(std::string_view(it->value().data(), it->value().size()));
      numbers[name] = r.varint<std::uint64_t>();
      r.expect_end();
    }
    for (it->Seek(kLayoutPrefix);
         it->Valid() && it->key().starts_with(kLayoutPrefix); it->Next()) {
      std::string rest = it->key().ToString().substr(kLayoutPrefix.size());
      std::size_t zero = rest.find('\0');
      if (zero == std::string::npos)
        fail("is damaged: a malformed layout key");
      Reader r(std::string_view(rest).substr(zero + 1));
      std::uint64_t version = r.varint<std::uint64_t>();
      r.expect_end();
      layouts[rest.substr(0, zero)][version] = decode_layout(
          std::string_view(it->value().data(), it->value().size()));
    }
  } catch (const DecodeError &e) {
    fail(std::string("is damaged: ") + e.what());
  }
  if (!it->status().ok())
    fail("is damaged: " + it->status().ToString());

  std::uint64_t next = 0;
  for (const auto &[name, n] : numbers)
    next = std::max(next, n + 1);
  rocksdb::WriteBatch batch;
  std::map<std::string, Type> by_name;
  for (const EntityType *entity : detail::registered_entity_types()) {
    std::string name(entity->name);
    auto known = by_name.find(name);
    if (known != by_name.end()) { // the same class registered twice
      types_[entity] = known->second;
      continue;
    }
    Layout now = layout_of(*entity);
    Type type;
    type.members = now.size();
    auto stored = numbers.find(name);
    std::uint64_t id = stored != numbers.end() ? stored->second : next++;
    if (stored == numbers.end())
      batch.Put(kTypePrefix + name, number(id));
    type.prefix = "\1" + number(id);
    const auto &versions = layouts[name];
    for (const auto &[version, layout] : versions) {
      if (auto change = type_change(layout, now))
        fail("cannot be read by this program: entity type " + name + ": " +
             *change + "; nothing was written");
      type.versions[version] = version_of(layout, now);
    }
    if (!versions.empty() && versions.rbegin()->second == now) {
      type.version = versions.rbegin()->first;
    } else {
      type.version = versions.empty() ? 1 : versions.rbegin()->first + 1;
      type.versions[type.version] = version_of(now, now);
      batch.Put(kLayoutPrefix + name + '\0' + number(type.version),
                encode_layout(now));
    }
    by_name[name] = type;
    types_[entity] = std::move(type);
  }
  if (batch.Count() > 0) {
    rocksdb::WriteOptions sync;
    sync.sync = true;
    rocksdb::Status status = db_->Write(sync, &batch);
    if (!status.ok())
      fail("cannot be written: " + status.ToString());
  }
}

const Store::Type &Store::type(const EntityType &entity) const {
  auto found = types_.find(&entity);
  if (found == types_.end())
    fail("does not know entity type " + std::string(entity.name) +
         " (its generated code did not register it before the runtime started)");
  return found->second;
}

std::string Store::entity_key(const EntityType &entity,
                              std::string_view key) const {
  std::string full = type(entity).prefix;
  full.append(key);
  return full;
}

std::string Store::encode(const EntityType &entity, const void *object) {
  const Type &info = type(entity);
  std::string out;
  Writer w(out);
  w.varint(info.version);
  std::string member;
  for (std::size_t i = 0; i < info.members; ++i) {
    member.clear();
    Writer m(member);
    entity.save_member(object, m, i);
    w.string(member);
  }
  return out;
}

void *Store::load(const EntityType &entity, std::string_view key,
                  std::size_t &bytes) {
  const Type &info = type(entity);
  std::string value;
  rocksdb::Status status =
      db_->Get(rocksdb::ReadOptions(), entity_key(entity, key), &value);
  if (status.IsNotFound())
    return nullptr;
  std::string what = describe_entity(entity, key);
  if (!status.ok())
    fail("cannot read " + what + ": " + status.ToString());
  void *object = nullptr;
  try {
    Reader r(value);
    std::uint64_t version = r.varint<std::uint64_t>();
    auto layout = info.versions.find(version);
    if (layout == info.versions.end())
      fail("holds " + what + " in a layout it does not record (#" +
           std::to_string(version) + ")");
    object = entity.restore();
    for (std::size_t added : layout->second.added)
      entity.reset_member(object, added);
    for (int index : layout->second.index) {
      std::string_view member = r.string();
      if (index < 0)
        continue; // a member this program no longer has
      Reader m(member);
      entity.load_member(object, m, static_cast<std::size_t>(index));
      m.expect_end();
    }
    r.expect_end();
  } catch (const StoreError &) {
    if (object != nullptr)
      entity.destroy(object);
    throw;
  } catch (const std::exception &e) {
    if (object != nullptr)
      entity.destroy(object);
    fail("cannot load " + what + ": " + e.what());
  }
  bytes = value.size();
  return object;
}

void Store::checkpoint(const std::string &folder) {
  rocksdb::Checkpoint *made = nullptr;
  rocksdb::Status status = rocksdb::Checkpoint::Create(db_.get(), &made);
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(made);
  if (status.ok())
    status = checkpoint->CreateCheckpoint(folder);
  if (!status.ok())
    throw StoreError("flowc: checkpoint of store '" + folder_ + "' into '" +
                     folder + "' failed: " + status.ToString());
}

void Store::add_stats(Stats &stats) const {
  stats.log_flushes += flushes_.load(std::memory_order_relaxed);
  stats.logged += logged_.load(std::memory_order_relaxed);
}

} // namespace flowc::store
