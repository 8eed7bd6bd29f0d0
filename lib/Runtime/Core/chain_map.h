// chain_map.h - the chains rooted on a worker, by chain number
// (Isolation::serializable): found on every chain's start and end, and on
// every wound and wait notice.
//
// Open addressing with linear probing over a power-of-two table of (number,
// slot) pairs, the values in a slab whose freed slots are reused, so a busy
// worker neither allocates nor divides (std::unordered_map did both: a node
// per chain and a modulo per lookup). Numbers are never 0; 0 marks an empty
// entry. Erasing shifts the entries after it back, so there are no
// tombstones.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace flowc::dataflow {

template <class V> class ChainMap {
public:
  ChainMap() : entries_(kFirst) {}

  std::size_t size() const { return size_; }

  // The value of `number`, or null.
  V *find(std::uint64_t number) {
    for (std::size_t i = home(number);; i = next(i)) {
      if (entries_[i].number == number)
        return &values_[entries_[i].slot];
      if (entries_[i].number == 0)
        return nullptr;
    }
  }

  // A value for `number`, which must not be in the map: a reused slot keeps
  // what its last chain left (the caller sets every field), so its strings
  // keep their memory.
  V &insert(std::uint64_t number) {
    if (2 * (size_ + 1) > entries_.size())
      grow();
    std::uint32_t slot;
    if (free_.empty()) {
      slot = static_cast<std::uint32_t>(values_.size());
      values_.emplace_back();
    } else {
      slot = free_.back();
      free_.pop_back();
    }
    place(Entry{number, slot});
    ++size_;
    return values_[slot];
  }

  // Removes `number`, which must be in the map.
  void erase(std::uint64_t number) {
    std::size_t i = home(number);
    while (entries_[i].number != number)
      i = next(i);
    free_.push_back(entries_[i].slot);
    --size_;
    // Backward shift: move up each later entry of the run that may sit at
    // the hole (its home is not between the hole and it, cyclically).
    for (std::size_t j = next(i);; j = next(j)) {
      if (entries_[j].number == 0)
        break;
      std::size_t h = home(entries_[j].number);
      bool stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (stays)
        continue;
      entries_[i] = entries_[j];
      i = j;
    }
    entries_[i] = Entry{};
  }

private:
  struct Entry {
    std::uint64_t number = 0;
    std::uint32_t slot = 0;
  };
  static constexpr std::size_t kFirst = 64;

  // Fibonacci hashing: chain numbers of one worker step by the number of
  // workers, so their low bits alone would crowd.
  std::size_t home(std::uint64_t number) const {
    int bits = std::countr_zero(entries_.size());
    return static_cast<std::size_t>((number * 0x9E3779B97F4A7C15ull) >>
                                    (64 - bits));
  }
  std::size_t next(std::size_t i) const {
    return (i + 1) & (entries_.size() - 1);
  }

  void place(Entry entry) {
    std::size_t i = home(entry.number);
    while (entries_[i].number != 0)
      i = next(i);
    entries_[i] = entry;
  }

  void grow() {
    std::vector<Entry> old(2 * entries_.size());
    old.swap(entries_);
    for (const Entry &entry : old)
      if (entry.number != 0)
        place(entry);
  }

  std::vector<Entry> entries_;
  std::vector<V> values_;
  std::vector<std::uint32_t> free_;
  std::size_t size_ = 0;
};

} // namespace flowc::dataflow
