// key_table.h - the open-addressing hash table map threads aggregate pairs in.
//
// Entries live in one vector (cheap to iterate, sort and drain when spilling);
// the slot array holds 32 bits of each entry's hash next to its index, so a probe
// touches an entry only when the hash bits match. String keys are found by
// std::string_view: an emitted key that is already present costs no allocation.
#pragma once

#include "flowc/mapreduce/field_ops.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace flowc::mapreduce {

template <Field K, class Mapped> class KeyTable {
public:
  struct Entry {
    std::uint64_t hash;
    K key;
    Mapped mapped;
  };
  using Ops = FieldOps<K>;
  using key_view = typename Ops::view_type;

  static std::uint64_t hash(key_view key) { return Ops::hash(key); }

  // Returns the entry of key, first appending {key, make()} if there is none, and
  // whether it did. The pointer is valid until the next insertion.
  template <class Make>
  std::pair<Entry *, bool> find_or_insert(key_view key, std::uint64_t hash,
                                          Make &&make) {
    if (entries_.size() >= grow_at_)
      rehash(slots_.empty() ? 16 : slots_.size() * 2);
    std::size_t i = hash & mask_;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    while (slots_[i].index != 0) {
      if (slots_[i].tag == tag) {
        Entry &entry = entries_[slots_[i].index - 1];
        if (Ops::equal(entry.key, key))
          return {&entry, false};
      }
      i = (i + 1) & mask_;
    }
    entries_.push_back(Entry{hash, K(key), make()});
    slots_[i] = Slot{tag, static_cast<std::uint32_t>(entries_.size())};
    return {&entries_.back(), true};
  }

  // Like find_or_insert, but moves a whole entry (from another table) in when its
  // key is absent; returns nullptr then, else the entry already present.
  Entry *insert_or_find(Entry &&incoming) {
    if (entries_.size() >= grow_at_)
      rehash(slots_.empty() ? 16 : slots_.size() * 2);
    std::size_t i = incoming.hash & mask_;
    const auto tag = static_cast<std::uint32_t>(incoming.hash >> 32);
    while (slots_[i].index != 0) {
      if (slots_[i].tag == tag) {
        Entry &entry = entries_[slots_[i].index - 1];
        if (Ops::equal(entry.key, incoming.key))
          return &entry;
      }
      i = (i + 1) & mask_;
    }
    entries_.push_back(std::move(incoming));
    slots_[i] = Slot{tag, static_cast<std::uint32_t>(entries_.size())};
    return nullptr;
  }

  std::span<Entry> entries() { return entries_; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  // Bytes held by the table itself (not by what keys and values point to).
  std::size_t memory_bytes() const {
    return slots_.capacity() * sizeof(Slot) + entries_.capacity() * sizeof(Entry);
  }

  // Frees everything (used after the contents were spilled).
  void reset() {
    std::vector<Slot>().swap(slots_);
    std::vector<Entry>().swap(entries_);
    mask_ = 0;
    grow_at_ = 0;
  }

private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t index = 0; // entry index + 1; 0 marks an empty slot
  };

  void rehash(std::size_t slot_count) {
    // Indices are 32 bits; a table this large has long been spilled.
    std::vector<Slot>(slot_count).swap(slots_);
    mask_ = slot_count - 1;
    grow_at_ = slot_count / 2; // load factor 1/2 keeps linear probes short
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      std::size_t i = entries_[e].hash & mask_;
      while (slots_[i].index != 0)
        i = (i + 1) & mask_;
      slots_[i] = Slot{static_cast<std::uint32_t>(entries_[e].hash >> 32),
                       static_cast<std::uint32_t>(e + 1)};
    }
    entries_.reserve(grow_at_);
  }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
  std::size_t grow_at_ = 0;
};

} // namespace flowc::mapreduce
