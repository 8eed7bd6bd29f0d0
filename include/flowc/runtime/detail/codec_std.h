// codec_std.h - Codec for the standard library types flowc serializes.
//
// See codec.h for the format as a whole. Decoding never trusts a count: it is
// checked against the bytes that remain (Reader::count) before any memory is
// reserved. Decoding is strict, so every value has exactly one encoding: map
// entries must be in the encoder's order, which also makes a repeated key
// malformed rather than silently keeping one of the values.
#pragma once

#include "flowc/runtime/detail/codec_scalars.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace flowc {

namespace detail {

template <class T>
inline constexpr bool is_byte_v =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && sizeof(T) == 1;

// Reads n map entries. Entries must come in the order the encoder writes them
// (std::map: increasing keys; std::unordered_map: increasing entry bytes), so
// each map has exactly one encoding and a repeated key is malformed.
template <class M> void read_entries(Reader &r, M &m, std::size_t n) {
  using K = typename M::key_type;
  using V = typename M::mapped_type;
  std::string_view previous;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t at = r.position();
    K key{};
    r.read(key);
    V value{};
    r.read(value);
    if constexpr (requires { m.key_comp(); }) {
      if (i > 0 && !m.key_comp()(std::prev(m.end())->first, key))
        r.fail_at(at, "map keys are not in increasing order");
      m.emplace_hint(m.end(), std::move(key), std::move(value));
    } else {
      std::string_view entry = r.consumed_since(at);
      if (i > 0 && !(previous < entry))
        r.fail_at(at, "map entries are not in increasing byte order");
      previous = entry;
      if (!m.try_emplace(std::move(key), std::move(value)).second)
        r.fail_at(at, "map repeats a key");
    }
  }
}

} // namespace detail

// Length, then the bytes.
template <class Traits, class Alloc>
struct Codec<std::basic_string<char, Traits, Alloc>> {
  using S = std::basic_string<char, Traits, Alloc>;
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const S &s) { w.string(std::string_view(s.data(), s.size())); }
  static void read(Reader &r, S &s) {
    std::string_view b = r.string();
    s.assign(b.data(), b.size());
  }
};

// Count, then each element. Vectors of one-byte integers are copied in bulk,
// which gives the same bytes as element by element.
template <class T, class Alloc> struct Codec<std::vector<T, Alloc>> {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const std::vector<T, Alloc> &v) {
    w.varint(static_cast<std::uint64_t>(v.size()));
    if constexpr (detail::is_byte_v<T>) {
      if (!v.empty())
        w.bytes(std::string_view(reinterpret_cast<const char *>(v.data()), v.size()));
    } else {
      for (const T &item : v)
        w.write(item);
    }
  }
  static void read(Reader &r, std::vector<T, Alloc> &v) {
    std::size_t n = r.count(codec_min_size<T>());
    v.clear();
    if constexpr (detail::is_byte_v<T>) {
      std::string_view b = r.bytes(n);
      v.resize(n);
      if (n != 0)
        std::memcpy(v.data(), b.data(), n);
    } else {
      // Items of unknown size may take no bytes each: reserve no more than
      // what the input could hold, and let a short input fail as it is read.
      v.reserve(codec_min_size<T>() != 0 ? n : std::min(n, r.remaining()));
      for (std::size_t i = 0; i < n; ++i)
        r.read(v.emplace_back());
    }
  }
};

// Count of bits, then the bits packed eight to a byte, first element in the
// lowest bit. The unused high bits of the last byte must be zero.
template <class Alloc> struct Codec<std::vector<bool, Alloc>> {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const std::vector<bool, Alloc> &v) {
    w.varint(static_cast<std::uint64_t>(v.size()));
    std::uint8_t acc = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i])
        acc = static_cast<std::uint8_t>(acc | (1u << (i % 8)));
      if (i % 8 == 7 || i + 1 == v.size()) {
        w.byte(acc);
        acc = 0;
      }
    }
  }
  static void read(Reader &r, std::vector<bool, Alloc> &v) {
    std::size_t start = r.position();
    std::uint64_t n = r.varint<std::uint64_t>();
    std::uint64_t n_bytes = n / 8 + (n % 8 != 0 ? 1 : 0);
    if (n_bytes > r.remaining())
      r.fail_at(start, std::to_string(n) + " bits need " + std::to_string(n_bytes) +
                           " byte(s), " + std::to_string(r.remaining()) + " remain");
    std::string_view b = r.bytes(static_cast<std::size_t>(n_bytes));
    v.assign(static_cast<std::size_t>(n), false);
    for (std::size_t i = 0; i < v.size(); ++i)
      v[i] = ((static_cast<std::uint8_t>(b[i / 8]) >> (i % 8)) & 1) != 0;
    if (n % 8 != 0 && (static_cast<std::uint8_t>(b.back()) >> (n % 8)) != 0)
      r.fail_at(r.position() - 1, "vector<bool> has stray bits after its last element");
  }
};

// Count, then key and value of each entry, in the map's order.
template <class K, class V, class Compare, class Alloc>
struct Codec<std::map<K, V, Compare, Alloc>> {
  using M = std::map<K, V, Compare, Alloc>;
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const M &m) {
    w.varint(static_cast<std::uint64_t>(m.size()));
    for (const auto &[key, value] : m) {
      w.write(key);
      w.write(value);
    }
  }
  static void read(Reader &r, M &m) {
    std::size_t n = r.count(codec_min_size<K>() + codec_min_size<V>());
    m.clear();
    detail::read_entries(r, m, n);
  }
};

// As std::map, with the entries sorted by their encoded bytes: equal maps give
// equal bytes, whatever their insertion history or bucket count.
template <class K, class V, class Hash, class Eq, class Alloc>
struct Codec<std::unordered_map<K, V, Hash, Eq, Alloc>> {
  using M = std::unordered_map<K, V, Hash, Eq, Alloc>;
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const M &m) {
    w.varint(static_cast<std::uint64_t>(m.size()));
    std::vector<std::string> entries;
    entries.reserve(m.size());
    for (const auto &[key, value] : m) {
      Writer entry;
      entry.write(key);
      entry.write(value);
      entries.push_back(entry.take());
    }
    std::sort(entries.begin(), entries.end());
    for (const std::string &entry : entries)
      w.bytes(entry);
  }
  static void read(Reader &r, M &m) {
    std::size_t n = r.count(codec_min_size<K>() + codec_min_size<V>());
    m.clear();
    m.reserve(codec_min_size<K>() + codec_min_size<V>() != 0 ? n
                                                            : std::min(n, r.remaining()));
    detail::read_entries(r, m, n);
  }
};

// A byte 0 (empty) or 1 followed by the value.
template <class T> struct Codec<std::optional<T>> {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const std::optional<T> &v) {
    w.byte(v ? 1 : 0);
    if (v)
      w.write(*v);
  }
  static void read(Reader &r, std::optional<T> &v) {
    std::uint8_t tag = r.byte();
    if (tag > 1)
      r.fail_at(r.position() - 1, "optional tag is " + std::to_string(tag));
    if (tag == 0)
      v.reset();
    else
      r.read(v.emplace());
  }
};

// The members in order, nothing around them.
template <class A, class B> struct Codec<std::pair<A, B>> {
  static constexpr std::size_t min_size = codec_min_size<A>() + codec_min_size<B>();
  static void write(Writer &w, const std::pair<A, B> &p) {
    w.write(p.first);
    w.write(p.second);
  }
  static void read(Reader &r, std::pair<A, B> &p) {
    r.read(p.first);
    r.read(p.second);
  }
};

template <class... Ts> struct Codec<std::tuple<Ts...>> {
  static constexpr std::size_t min_size = (std::size_t{0} + ... + codec_min_size<Ts>());
  static void write(Writer &w, const std::tuple<Ts...> &t) {
    std::apply([&](const Ts &...items) { (w.write(items), ...); }, t);
  }
  static void read(Reader &r, std::tuple<Ts...> &t) {
    std::apply([&](Ts &...items) { (r.read(items), ...); }, t);
  }
};

} // namespace flowc
