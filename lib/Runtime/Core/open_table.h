// open_table.h - a hash table of (tag, value) entries for a worker's hot
// lookups: the chains it roots (chain_map.h) and its entities by class and
// key (Worker::gate_of).
//
// Open addressing with linear probing over a power-of-two array: a lookup
// reads one or two adjacent entries, never allocates, and never divides
// (std::unordered_map allocates a node per entry and takes a modulo per
// lookup). The caller hashes: a tag is a nonzero 64-bit number (0 marks an
// empty entry), spread over the array by Fibonacci hashing; entries with the
// same tag are told apart by the caller's `match`. Erasing shifts the
// entries after it back, so there are no tombstones. At most half full.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace flowc::dataflow {

template <class V> class OpenTable {
public:
  OpenTable() : entries_(kFirst) {}

  std::size_t size() const { return size_; }

  // The value of the entry with `tag` that `match` accepts, or null.
  template <class Match> V *find(std::uint64_t tag, Match match) {
    for (std::size_t i = home(tag);; i = next(i)) {
      Entry &entry = entries_[i];
      if (entry.tag == tag && match(entry.value))
        return &entry.value;
      if (entry.tag == 0)
        return nullptr;
    }
  }

  void insert(std::uint64_t tag, V value) {
    if (2 * (size_ + 1) > entries_.size())
      grow();
    place(Entry{tag, std::move(value)});
    ++size_;
  }

  // Removes the entry with `tag` that `match` accepts, which must exist.
  template <class Match> void erase(std::uint64_t tag, Match match) {
    std::size_t i = home(tag);
    while (entries_[i].tag != tag || !match(entries_[i].value))
      i = next(i);
    --size_;
    // Backward shift: move into the hole each later entry of the run whose
    // home is not cyclically in (hole, entry].
    for (std::size_t j = next(i); entries_[j].tag != 0; j = next(j)) {
      std::size_t h = home(entries_[j].tag);
      bool stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (stays)
        continue;
      entries_[i] = std::move(entries_[j]);
      i = j;
    }
    entries_[i] = Entry{};
  }

private:
  struct Entry {
    std::uint64_t tag = 0;
    V value{};
  };
  static constexpr std::size_t kFirst = 64;

  std::size_t home(std::uint64_t tag) const {
    int bits = std::countr_zero(entries_.size());
    return static_cast<std::size_t>((tag * 0x9E3779B97F4A7C15ull) >>
                                    (64 - bits));
  }
  std::size_t next(std::size_t i) const {
    return (i + 1) & (entries_.size() - 1);
  }

  void place(Entry entry) {
    std::size_t i = home(entry.tag);
    while (entries_[i].tag != 0)
      i = next(i);
    entries_[i] = std::move(entry);
  }

  void grow() {
    std::vector<Entry> old(2 * entries_.size());
    old.swap(entries_);
    for (Entry &entry : old)
      if (entry.tag != 0)
        place(std::move(entry));
  }

  std::vector<Entry> entries_;
  std::size_t size_ = 0;
};

} // namespace flowc::dataflow
