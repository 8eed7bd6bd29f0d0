// two_phase.cpp - the store's side of MpiRuntime's two-phase commit
// (docs/durability.md, "MPI"): what each phase of a chain that changed
// entities on several ranks writes, and resolving at start the prepared parts
// a killed job left.
//
// A txid is the root's rank (4 bytes) and the chain's number there (8 bytes),
// big-endian. Chain numbers start again in each run, so a txid names one
// chain only among those of one run: that is enough, because a start
// resolves every prepared part and drops every decision before any chain
// runs, and during a run a decision is dropped only once every part of its
// chain is committed.
#include "store.h"

#include "flowc/runtime/codec.h"
#include "flowc/runtime/errors.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <csignal>
#include <filesystem>

namespace flowc::store {

namespace fs = std::filesystem;
using dataflow::Commit;

namespace {
const std::string kPrepared = std::string("\0P", 2);
const std::string kDecided = std::string("\0D", 2);
std::atomic<int> kill_phase{-1}; // kill_before(), for tests
std::atomic<int> fail_phase{-1}; // fail_next(), for tests

void big_endian(std::string &out, std::uint64_t n, int bytes) {
  for (int i = bytes - 1; i >= 0; --i)
    out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
}
} // namespace

std::string Store::txid(std::uint64_t chain) const {
  std::string id;
  big_endian(id, rank_, 4);
  big_endian(id, chain, 8);
  return id;
}

unsigned Store::root_of(const std::string &txid) {
  unsigned rank = 0;
  for (int i = 0; i < 4 && i < static_cast<int>(txid.size()); ++i)
    rank = (rank << 8) | static_cast<unsigned char>(txid[i]);
  return rank;
}

void Store::kill_before(Commit::Phase phase) {
  kill_phase.store(static_cast<int>(phase));
}

void Store::fail_next(Commit::Phase phase) {
  fail_phase.store(static_cast<int>(phase));
}

bool Store::injected_failure(const std::vector<Commit> &commits) {
  for (const Commit &commit : commits) {
    int phase = static_cast<int>(commit.phase);
    if (fail_phase.load() == phase && fail_phase.compare_exchange_strong(phase, -1))
      return true;
  }
  return false;
}

// One commit's share of a group write. A prepared part keeps its records
// under its txid, as (entity key, state) pairs, without touching the
// entities: until the root decides, the stored states are the old ones.
void Store::add_to(rocksdb::WriteBatch &batch, const Commit &commit) {
  if (kill_phase.load() == static_cast<int>(commit.phase) && !commit.abort)
    std::raise(SIGKILL);
  switch (commit.phase) {
  case Commit::Phase::prepare: {
    std::string part;
    Writer w(part);
    w.varint(static_cast<std::uint64_t>(commit.records.size()));
    for (const dataflow::Record &record : commit.records) {
      w.string(record_key(record));
      w.string(record.state);
    }
    batch.Put(kPrepared + commit.txid, part);
    return;
  }
  case Commit::Phase::forget:
    batch.Delete(kDecided + commit.txid);
    return;
  case Commit::Phase::resolve:
    batch.Delete(kPrepared + commit.txid);
    if (commit.abort)
      return;
    break;
  case Commit::Phase::decide:
    batch.Put(kDecided + commit.txid, "");
    break;
  case Commit::Phase::apply:
    break;
  }
  for (const dataflow::Record &record : commit.records)
    batch.Put(record_key(record), record.state);
}

// An entity's key, or a client's note's (notes.cpp).
std::string Store::record_key(const dataflow::Record &record) const {
  return record.type ? entity_key(*record.type, record.key)
                     : note_key(record.key);
}

int Store::recorded_ranks(const std::string &folder) {
  std::error_code ec;
  if (!fs::exists(folder, ec) ||
      (fs::is_directory(folder, ec) && fs::is_empty(folder, ec)))
    return -1;
  if (!fs::exists(fs::path(folder) / "CURRENT", ec))
    return -2;
  rocksdb::DB *db = nullptr;
  if (!rocksdb::DB::OpenForReadOnly(rocksdb::Options(), folder, &db).ok())
    return -2;
  std::unique_ptr<rocksdb::DB> open(db);
  std::string value;
  if (!db->Get(rocksdb::ReadOptions(), std::string("\0R", 2), &value).ok())
    return -2;
  try {
    Reader r(value);
    auto ranks = r.varint<std::uint32_t>();
    r.expect_end();
    return static_cast<int>(ranks);
  } catch (const DecodeError &) {
    return -2;
  }
}

std::vector<std::string> Store::prepared() const {
  std::vector<std::string> ids;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(kPrepared); it->Valid() && it->key().starts_with(kPrepared);
       it->Next())
    ids.push_back(it->key().ToString().substr(kPrepared.size()));
  if (!it->status().ok())
    fail("is damaged: " + it->status().ToString());
  return ids;
}

bool Store::decided(const std::string &txid) const {
  std::string value;
  rocksdb::Status status =
      db_->Get(rocksdb::ReadOptions(), kDecided + txid, &value);
  if (!status.ok() && !status.IsNotFound())
    fail("is damaged: " + status.ToString());
  return status.ok();
}

void Store::resolve(const std::string &txid, bool commit) {
  rocksdb::WriteBatch batch;
  batch.Delete(kPrepared + txid);
  if (commit) {
    std::string part;
    rocksdb::Status status =
        db_->Get(rocksdb::ReadOptions(), kPrepared + txid, &part);
    if (!status.ok())
      fail("is damaged: a prepared part cannot be read: " + status.ToString());
    try {
      Reader r(part);
      for (auto n = r.varint<std::uint64_t>(); n > 0; --n) {
        std::string_view key = r.string();
        batch.Put(key, r.string());
      }
      r.expect_end();
    } catch (const DecodeError &e) {
      fail(std::string("is damaged: a prepared part: ") + e.what());
    }
  }
  rocksdb::WriteOptions sync;
  sync.sync = true;
  rocksdb::Status status = db_->Write(sync, &batch);
  if (!status.ok())
    fail("cannot be written: " + status.ToString());
}

void Store::forget_decisions() {
  rocksdb::WriteBatch batch;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(kDecided); it->Valid() && it->key().starts_with(kDecided);
       it->Next())
    batch.Delete(it->key());
  if (!it->status().ok())
    fail("is damaged: " + it->status().ToString());
  if (batch.Count() == 0)
    return;
  rocksdb::WriteOptions sync;
  sync.sync = true;
  rocksdb::Status status = db_->Write(sync, &batch);
  if (!status.ok())
    fail("cannot be written: " + status.ToString());
}

} // namespace flowc::store
