// notes.cpp - records a store keeps for clients beside the entities (the
// gateway's Idempotency-Key answers), under "\2<key>". A chain's note goes
// into the chain's own WriteBatch (Store::write), so it is logged exactly
// when the chain's states are; put_note is for answers no chain logged.
#include "store.h"

#include "flowc/runtime/errors.h"

#include <rocksdb/db.h>

namespace flowc::store {

std::string Store::note_key(std::string_view key) {
  std::string full = "\2";
  full.append(key);
  return full;
}

std::optional<std::string> Store::note(std::string_view key) const {
  std::string value;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), note_key(key), &value);
  if (status.IsNotFound())
    return std::nullopt;
  if (!status.ok())
    fail("cannot read a note: " + status.ToString());
  return value;
}

void Store::put_note(std::string_view key, std::string_view value) {
  rocksdb::WriteOptions options;
  options.sync = durability_ == Durability::sync;
  rocksdb::Status status = db_->Put(options, note_key(key), value);
  if (!status.ok())
    fail("cannot write a note: " + status.ToString());
}

} // namespace flowc::store
