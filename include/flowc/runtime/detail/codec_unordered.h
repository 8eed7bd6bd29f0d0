// codec_unordered.h - Codec for std::unordered_map, unordered_set and their
// multi forms, and the order in which they are encoded and walked.
//
// An unordered container's iteration order is how it was built (buckets,
// rehashes), so it is not what the encoding keeps. Entries are written in the
// order of their keys' encodings instead, which makes equal containers give
// equal bytes (an unordered_multimap's, when each key's values come in the
// same order) and lets a suspending range-for name an entry by its index in
// that order (range_position.h). Equal keys of a multi container keep the
// container's own order among them: for an unordered_multiset they are the
// same bytes, and for an unordered_multimap their values are written, and
// decoded back, in the order the container holds them, as std::multimap's
// are. That order does not depend on the values, so a loop that changes the
// value it stands at still finds its place.
#pragma once

#include "flowc/runtime/detail/codec_std.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace flowc {

namespace detail {

template <class C>
inline constexpr bool is_map_v = requires { typename std::remove_cvref_t<C>::mapped_type; };

// The encoding of an entry's key (a set's element).
template <class C, class E> std::string key_bytes(const E &entry) {
  Writer w;
  if constexpr (is_map_v<C>)
    w.write(entry.first);
  else
    w.write(entry);
  return w.take();
}

// An unordered container's entries in encoding order: by their keys' bytes,
// equal bytes in the container's order (`seq`, the iteration position).
template <class C> struct OrderedEntry {
  std::string key;
  std::size_t seq;
  decltype(std::begin(std::declval<C &>())) it;
  bool operator<(const OrderedEntry &o) const {
    return std::tie(key, seq) < std::tie(o.key, o.seq);
  }
};
template <class C> std::vector<OrderedEntry<C>> unordered_entries(C &c) {
  std::vector<OrderedEntry<C>> entries;
  entries.reserve(std::size(c));
  std::size_t seq = 0;
  for (auto it = std::begin(c); it != std::end(c); ++it)
    entries.push_back({key_bytes<C>(*it), seq++, it});
  return entries;
}
template <class C> std::vector<OrderedEntry<C>> encoding_order(C &c) {
  std::vector<OrderedEntry<C>> entries = unordered_entries(c);
  std::sort(entries.begin(), entries.end());
  return entries;
}

// Count, then each entry (key, and the value for a map) in encoding order.
template <class C> void write_unordered(Writer &w, const C &c) {
  w.varint(static_cast<std::uint64_t>(c.size()));
  for (const auto &entry : encoding_order(c)) {
    w.bytes(entry.key);
    if constexpr (is_map_v<C>)
      w.write(entry.it->second);
  }
}

// Entries of an unordered multi container: keys' bytes non-decreasing. Equal
// bytes decode to equal keys, which the container keeps together; a map's
// run of entries with the same key bytes gets its values back in the order
// they were written, whatever order the container inserted the run in.
template <class C> void read_unordered_multi(Reader &r, C &c, std::size_t n) {
  using Key = typename C::key_type;
  std::string previous;
  if constexpr (is_map_v<C>) {
    using Value = typename C::mapped_type;
    Key run_key{};
    std::deque<Value> run; // the values of the current run, as written (not
                           // vector<bool>: its elements are not bools)
    auto flush = [&] {
      if (run.size() == 1 || !c.key_eq()(run_key, run_key)) {
        // One entry, or keys equal to nothing (NaN), which no lookup finds.
        for (Value &value : run)
          c.emplace(run_key, std::move(value));
      } else if (!run.empty()) {
        for (std::size_t j = 0; j < run.size(); ++j)
          c.emplace(run_key, Value{});
        auto [first, last] = c.equal_range(run_key);
        std::size_t j = 0;
        for (auto it = first; it != last; ++it)
          if (key_bytes<C>(*it) == previous) // not an equal key of other bytes
            it->second = std::move(run[j++]);
      }
      run.clear();
    };
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t at = r.position();
      Key key{};
      r.read(key);
      std::string bytes(r.consumed_since(at));
      if (i > 0 && bytes < previous)
        r.fail_at(at, "map keys are not in non-decreasing byte order");
      if (i > 0 && bytes != previous)
        flush();
      if (run.empty())
        run_key = std::move(key);
      r.read(run.emplace_back());
      previous = std::move(bytes);
    }
    flush();
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t at = r.position();
      Key element{};
      r.read(element);
      std::string bytes(r.consumed_since(at));
      if (i > 0 && bytes < previous)
        r.fail_at(at, "set elements are not in non-decreasing byte order");
      c.emplace(std::move(element));
      previous = std::move(bytes);
    }
  }
}

// Reserves no more than the input could hold when entries may take no bytes.
template <class C> void reserve_for(Reader &r, C &c, std::size_t n, std::size_t entry_min) {
  c.reserve(entry_min != 0 ? n : std::min(n, r.remaining()));
}

template <class C> constexpr std::size_t entry_min_size() {
  if constexpr (is_map_v<C>)
    return codec_min_size<typename C::key_type>() + codec_min_size<typename C::mapped_type>();
  else
    return codec_min_size<typename C::key_type>();
}

template <class C, bool Multi> struct UnorderedCodec {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const C &c) { write_unordered(w, c); }
  static void read(Reader &r, C &c) {
    std::size_t n = r.count(entry_min_size<C>());
    c.clear();
    reserve_for(r, c, n, entry_min_size<C>());
    if constexpr (Multi)
      read_unordered_multi(r, c, n);
    else
      read_entries(r, c, n);
  }
};

} // namespace detail

// Keys strictly increasing in their bytes: no key repeats.
template <class K, class V, class Hash, class Eq, class Alloc>
struct Codec<std::unordered_map<K, V, Hash, Eq, Alloc>>
    : detail::UnorderedCodec<std::unordered_map<K, V, Hash, Eq, Alloc>, false> {};
template <class K, class Hash, class Eq, class Alloc>
struct Codec<std::unordered_set<K, Hash, Eq, Alloc>>
    : detail::UnorderedCodec<std::unordered_set<K, Hash, Eq, Alloc>, false> {};

// Keys non-decreasing in their bytes; equal keys in the container's order.
template <class K, class V, class Hash, class Eq, class Alloc>
struct Codec<std::unordered_multimap<K, V, Hash, Eq, Alloc>>
    : detail::UnorderedCodec<std::unordered_multimap<K, V, Hash, Eq, Alloc>, true> {};
template <class K, class Hash, class Eq, class Alloc>
struct Codec<std::unordered_multiset<K, Hash, Eq, Alloc>>
    : detail::UnorderedCodec<std::unordered_multiset<K, Hash, Eq, Alloc>, true> {};

} // namespace flowc
