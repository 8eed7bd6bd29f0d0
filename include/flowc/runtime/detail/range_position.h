// range_position.h - where a suspending range-for stands in its container.
//
// A range-for whose body makes remote calls cannot keep its iterator: the
// frame is encoded between steps and the container may be decoded anew. The
// frame keeps a Position instead, and each step finds its element again:
//   - an ordered associative container (map, set and their multi forms) by
//     the current key (lower_bound) and the rank among equal keys: O(log n),
//     and, like an iterator, it sees elements inserted after the current one
//     and none inserted before it;
//   - a random-access container by index: O(1);
//   - any other container (list, forward_list, unordered) by index, through
//     element(): O(i) for a list, and in encoding order for an unordered one
//     (codec_unordered.h), so an index names the same element after the
//     container's round trip and however the body changes the element's value.
// The lowered loop reads
//   for (start(r, p); more(r, p); next(r, p)) { x = at(r, p); body }
// and a resumed step rebinds a reference loop variable with at(r, p).
// docs/semantics.md ("Range-for across calls") says what users may rely on.
#pragma once

#include "flowc/runtime/codec.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace flowc::detail {

// A container by index, for containers without a faster way. An index must
// name the same element after the frame was encoded and decoded. An unordered
// container's iteration order is how it was built and so is not kept: it is
// walked in encoding order instead (codec_unordered.h: by the keys' bytes,
// equal keys in the container's order), which decoding keeps. Each step then
// encodes every key, so such a loop is quadratic, as one over a list
// (std::next) is in steps.
template <class C> std::size_t size(const C &container) {
  if constexpr (requires { std::size(container); })
    return static_cast<std::size_t>(std::size(container));
  else // std::forward_list
    return static_cast<std::size_t>(std::distance(std::begin(container), std::end(container)));
}
template <class C> decltype(auto) element(C &container, std::size_t index) {
  if constexpr (requires { typename std::remove_cvref_t<C>::hasher; }) {
    auto entries = unordered_entries(container);
    auto nth = entries.begin() + static_cast<std::ptrdiff_t>(index);
    std::nth_element(entries.begin(), nth, entries.end());
    return *nth->it;
  } else {
    return *std::next(std::begin(container), static_cast<std::ptrdiff_t>(index));
  }
}

struct Position {
  std::uint64_t index = 0; // elements visited before the current one
  std::string key;         // ordered containers: the current key, encoded
  std::uint64_t equal = 0; // ... and how many equal keys come before it
  bool end = false;        // ordered containers: past the last element
};

template <class C>
concept Ordered = requires(std::remove_cvref_t<C> &c,
                           const typename std::remove_cvref_t<C>::key_type &k) {
  typename std::remove_cvref_t<C>::key_compare;
  c.lower_bound(k);
};

template <class C>
concept RandomAccess = std::random_access_iterator<decltype(std::begin(std::declval<C &>()))>;

// The key of the element an iterator of an ordered container points to.
template <class C, class It> const auto &key_of(It it) {
  if constexpr (requires { typename std::remove_cvref_t<C>::mapped_type; })
    return it->first;
  else
    return *it;
}

// The iterator of the element `p` stands at (or the first after it, when that
// element was erased meanwhile), in O(log n + equal keys).
template <Ordered C> auto locate(C &c, const Position &p) {
  using Key = typename std::remove_cvref_t<C>::key_type;
  Key key = decode<Key>(p.key);
  auto it = c.lower_bound(key);
  auto less = c.key_comp();
  for (std::uint64_t i = 0;
       i < p.equal && it != std::end(c) && !less(key, key_of<C>(it)); ++i)
    ++it;
  return it;
}

template <class C> void start(C &c, Position &p) {
  p = Position{};
  if constexpr (Ordered<C>) {
    if (std::begin(c) == std::end(c))
      p.end = true;
    else
      p.key = encode(key_of<C>(std::begin(c)));
  }
}

template <class C> bool more(C &c, const Position &p) {
  if constexpr (Ordered<C>)
    return !p.end;
  else
    return p.index < detail::size(c);
}

template <class C> decltype(auto) at(C &c, const Position &p) {
  if constexpr (Ordered<C>) {
    auto it = detail::locate(c, p);
    if (it == std::end(c))
      throw std::out_of_range(
          "flowc: the element a range-for stood at was erased during a remote call");
    return *it;
  } else if constexpr (RandomAccess<C>) {
    if (p.index >= detail::size(c))
      throw std::out_of_range(
          "flowc: the container a range-for walks shrank during a remote call");
    return *(std::begin(c) + static_cast<std::ptrdiff_t>(p.index));
  } else {
    if (p.index >= detail::size(c))
      throw std::out_of_range(
          "flowc: the container a range-for walks shrank during a remote call");
    return detail::element(c, static_cast<std::size_t>(p.index));
  }
}

template <class C> void next(C &c, Position &p) {
  ++p.index;
  if constexpr (Ordered<C>) {
    using Key = typename std::remove_cvref_t<C>::key_type;
    Key key = decode<Key>(p.key);
    auto it = detail::locate(c, p);
    auto less = c.key_comp();
    bool stands = it != std::end(c) && !less(key, key_of<C>(it));
    if (stands)
      ++it; // else the current element was erased: `it` is already the next
    if (it == std::end(c)) {
      p.end = true;
      return;
    }
    if (!less(key, key_of<C>(it))) {
      p.equal += stands ? 1 : 0;
    } else {
      p.key = encode(key_of<C>(it));
      p.equal = 0;
    }
  }
}

} // namespace flowc::detail

template <>
struct flowc::Codec<flowc::detail::Position>
    : flowc::FieldsCodec<&flowc::detail::Position::index, &flowc::detail::Position::key,
                         &flowc::detail::Position::equal, &flowc::detail::Position::end> {};
