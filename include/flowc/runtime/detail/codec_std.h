// codec_std.h - Codec for the standard library types flowc serializes.
//
// See codec.h for the format as a whole. Decoding never trusts a count: it is
// checked against the bytes that remain (Reader::count) before any memory is
// reserved. Decoding is strict, so every value has exactly one encoding: map
// and set entries must be in the encoder's order, which also makes a repeated
// key or element malformed rather than silently keeping one of them.
#pragma once

#include "flowc/runtime/detail/codec_scalars.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <forward_list>
#include <iterator>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace flowc {

namespace detail {

template <class T>
inline constexpr bool is_byte_v =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && sizeof(T) == 1;

// One entry as read: a map's key and value, or a set's element.
template <class C> auto read_entry(Reader &r) {
  if constexpr (requires { typename C::mapped_type; }) {
    std::pair<typename C::key_type, typename C::mapped_type> entry{};
    r.read(entry.first);
    r.read(entry.second);
    return entry;
  } else {
    typename C::key_type element{};
    r.read(element);
    return element;
  }
}
template <class C, class E> const typename C::key_type &entry_key(const E &entry) {
  if constexpr (requires { typename C::mapped_type; })
    return entry.first;
  else
    return entry;
}

// Reads n entries of a map (key, value) or a set (element) into an empty
// container. Entries must come in the order the encoder writes them, so each
// container has exactly one encoding and a repeated key is malformed:
//   std::map, std::set             keys strictly increasing
//   std::multimap, std::multiset   keys non-decreasing (Multi); equal keys
//                                  stay in the order they were written
//   std::unordered_map, _set       entry bytes strictly increasing, and no
//                                  two keys equal
template <bool Multi = false, class C> void read_entries(Reader &r, C &c, std::size_t n) {
  constexpr bool is_map = requires { typename C::mapped_type; };
  const char *what = is_map ? "map" : "set";
  const char *keys = is_map ? "map keys" : "set elements";
  std::string_view previous;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t at = r.position();
    auto entry = read_entry<C>(r);
    if constexpr (requires { c.key_comp(); }) {
      if (i > 0) {
        const auto &last = entry_key<C>(*std::prev(c.end()));
        const auto &key = entry_key<C>(entry);
        if (Multi ? c.key_comp()(key, last) : !c.key_comp()(last, key))
          r.fail_at(at, std::string(keys) + (Multi ? " decrease" : " are not in increasing order"));
      }
      c.emplace_hint(c.end(), std::move(entry));
    } else {
      std::string_view bytes = r.consumed_since(at);
      if (i > 0 && !(previous < bytes))
        r.fail_at(at, std::string(what) + " entries are not in increasing byte order");
      previous = bytes;
      if (!c.emplace(std::move(entry)).second)
        r.fail_at(at, std::string(what) + (is_map ? " repeats a key" : " repeats an element"));
    }
  }
}

// Count, then each element in the container's order.
template <class S> void write_sequence(Writer &w, const S &s) {
  w.varint(static_cast<std::uint64_t>(s.size()));
  for (const auto &item : s)
    w.write(item);
}
template <class S> void read_sequence(Reader &r, S &s) {
  std::size_t n = r.count(codec_min_size<typename S::value_type>());
  s.clear();
  for (std::size_t i = 0; i < n; ++i)
    r.read(s.emplace_back());
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

namespace detail {
// std::map, multimap, set and multiset: count, then each entry (key, and the
// value for a map) in the container's order. Multi: equal keys may repeat,
// in the order they were inserted in, so decoding gives the same sequence;
// otherwise keys must increase.
template <class C, bool Multi> struct OrderedCodec {
  static constexpr bool is_map = requires { typename C::mapped_type; };
  static constexpr std::size_t entry_min_size() {
    if constexpr (is_map)
      return codec_min_size<typename C::key_type>() +
             codec_min_size<typename C::mapped_type>();
    else
      return codec_min_size<typename C::key_type>();
  }
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const C &c) {
    if constexpr (is_map) {
      w.varint(static_cast<std::uint64_t>(c.size()));
      for (const auto &[key, value] : c) {
        w.write(key);
        w.write(value);
      }
    } else {
      write_sequence(w, c);
    }
  }
  static void read(Reader &r, C &c) {
    std::size_t n = r.count(entry_min_size());
    c.clear();
    read_entries<Multi>(r, c, n);
  }
};
} // namespace detail

template <class K, class V, class Compare, class Alloc>
struct Codec<std::map<K, V, Compare, Alloc>>
    : detail::OrderedCodec<std::map<K, V, Compare, Alloc>, false> {};
template <class K, class V, class Compare, class Alloc>
struct Codec<std::multimap<K, V, Compare, Alloc>>
    : detail::OrderedCodec<std::multimap<K, V, Compare, Alloc>, true> {};
template <class K, class Compare, class Alloc>
struct Codec<std::set<K, Compare, Alloc>>
    : detail::OrderedCodec<std::set<K, Compare, Alloc>, false> {};
template <class K, class Compare, class Alloc>
struct Codec<std::multiset<K, Compare, Alloc>>
    : detail::OrderedCodec<std::multiset<K, Compare, Alloc>, true> {};

// As std::vector: count, then each element.
template <class T, class Alloc> struct Codec<std::deque<T, Alloc>> {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const std::deque<T, Alloc> &d) { detail::write_sequence(w, d); }
  static void read(Reader &r, std::deque<T, Alloc> &d) { detail::read_sequence(r, d); }
};

template <class T, class Alloc> struct Codec<std::list<T, Alloc>> {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const std::list<T, Alloc> &l) { detail::write_sequence(w, l); }
  static void read(Reader &r, std::list<T, Alloc> &l) { detail::read_sequence(r, l); }
};

// As std::list; the count is the list's length, which forward_list does not
// keep, so writing walks it twice.
template <class T, class Alloc> struct Codec<std::forward_list<T, Alloc>> {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const std::forward_list<T, Alloc> &l) {
    w.varint(static_cast<std::uint64_t>(std::distance(l.begin(), l.end())));
    for (const T &item : l)
      w.write(item);
  }
  static void read(Reader &r, std::forward_list<T, Alloc> &l) {
    std::size_t n = r.count(codec_min_size<T>());
    l.clear();
    auto last = l.before_begin();
    for (std::size_t i = 0; i < n; ++i)
      r.read(*(last = l.emplace_after(last)));
  }
};

// The N elements, no count: the size is part of the type.
template <class T, std::size_t N> struct Codec<std::array<T, N>> {
  static constexpr std::size_t min_size = N * codec_min_size<T>();
  static void write(Writer &w, const std::array<T, N> &a) {
    for (const T &item : a)
      w.write(item);
  }
  static void read(Reader &r, std::array<T, N> &a) {
    for (T &item : a)
      r.read(item);
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

// The index of the alternative held, as a varint, then that alternative. A
// variant valueless by exception has no encoding: writing one throws
// std::bad_variant_access, as std::visit would.
template <class... Ts> struct Codec<std::variant<Ts...>> {
  using V = std::variant<Ts...>;
  static constexpr std::size_t min_size = 1 + std::min({codec_min_size<Ts>()...});
  static void write(Writer &w, const V &v) {
    if (v.valueless_by_exception())
      throw std::bad_variant_access();
    w.varint(static_cast<std::uint64_t>(v.index()));
    write_alternative(w, v, std::index_sequence_for<Ts...>());
  }
  static void read(Reader &r, V &v) {
    std::size_t at = r.position();
    std::uint64_t index = r.varint<std::uint64_t>();
    if (index >= sizeof...(Ts))
      r.fail_at(at, "variant index " + std::to_string(index) + " is not below " +
                        std::to_string(sizeof...(Ts)));
    read_alternative(r, v, static_cast<std::size_t>(index), std::index_sequence_for<Ts...>());
  }

private:
  template <std::size_t... Is>
  static void write_alternative(Writer &w, const V &v, std::index_sequence<Is...>) {
    (void)((v.index() == Is ? (w.write(std::get<Is>(v)), true) : false) || ...);
  }
  template <std::size_t... Is>
  static void read_alternative(Reader &r, V &v, std::size_t index, std::index_sequence<Is...>) {
    (void)((index == Is ? (r.read(v.template emplace<Is>()), true) : false) || ...);
  }
};

// No bytes: the alternative std::variant uses for "nothing". A partial
// specialization (through Enable), not an explicit one: flowc's generated code
// describes std::monostate as an empty struct, with an explicit
// specialization of the same (empty) encoding, which then takes precedence.
template <class T>
struct Codec<T, std::enable_if_t<std::is_same_v<T, std::monostate>>> {
  static constexpr std::size_t min_size = 0;
  static void write(Writer &, const std::monostate &) {}
  static void read(Reader &, std::monostate &) {}
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
