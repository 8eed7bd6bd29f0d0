// chain_map.h - the chains rooted on a worker, by chain number
// (Isolation::serializable): found on every chain's start and end, and on
// every wound and wait notice.
//
// The numbers index an OpenTable (open_table.h) of slots in a slab of
// values whose freed slots are reused, so a busy worker neither allocates
// nor divides. Chain numbers are never 0.
#pragma once

#include "open_table.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace flowc::dataflow {

template <class V> class ChainMap {
public:
  std::size_t size() const { return slots_.size(); }

  // The value of `number`, or null.
  V *find(std::uint64_t number) {
    std::uint32_t *slot = slots_.find(number, any);
    return slot != nullptr ? &values_[*slot] : nullptr;
  }

  // A value for `number`, which must not be in the map: a reused slot keeps
  // what its last chain left (the caller sets every field), so its strings
  // keep their memory.
  V &insert(std::uint64_t number) {
    std::uint32_t slot;
    if (free_.empty()) {
      slot = static_cast<std::uint32_t>(values_.size());
      values_.emplace_back();
    } else {
      slot = free_.back();
      free_.pop_back();
    }
    slots_.insert(number, slot);
    return values_[slot];
  }

  // Removes `number`, which must be in the map.
  void erase(std::uint64_t number) {
    free_.push_back(*slots_.find(number, any));
    slots_.erase(number, any);
  }

private:
  static bool any(std::uint32_t) { return true; } // numbers are unique

  OpenTable<std::uint32_t> slots_;
  std::vector<V> values_;
  std::vector<std::uint32_t> free_;
};

} // namespace flowc::dataflow
