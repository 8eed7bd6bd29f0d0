// fuzz_support.h - helpers the generated entity programs (gen_program.py) call
// from their methods. Plain C++20, read by flowc together with the program:
// these are free functions, not entities, so flowc leaves them alone.
//
// fold(v) turns a value of any serializable type into a std::uint64_t, so a
// method can compute with whatever a call returned. Everything is unsigned
// (wrap-around is defined); an unordered container folds to the sum of its
// elements' folds, so its iteration order (which may differ after the
// runtime decodes it) never shows in a result.
#pragma once

#include <flowc/flowc.h>

#include <cstdint>
#include <deque>
#include <forward_list>
#include <iterator>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>
#include <array>

namespace fz {

inline std::uint64_t mixu(std::uint64_t a, std::uint64_t b) {
  return (a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2))) * 0x100000001b3ull;
}

// A short string made from a number: bounded length, deterministic.
inline std::string str(std::uint64_t x) {
  return std::string(1, static_cast<char>('a' + x % 26)) + std::to_string(x % 1000);
}

template <class T> struct is_unordered : std::false_type {};
template <class K, class H, class E, class A>
struct is_unordered<std::unordered_set<K, H, E, A>> : std::true_type {};
template <class K, class V, class H, class E, class A>
struct is_unordered<std::unordered_map<K, V, H, E, A>> : std::true_type {};
template <class K, class H, class E, class A>
struct is_unordered<std::unordered_multiset<K, H, E, A>> : std::true_type {};
template <class K, class V, class H, class E, class A>
struct is_unordered<std::unordered_multimap<K, V, H, E, A>> : std::true_type {};
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_pair : std::false_type {};
template <class A, class B> struct is_pair<std::pair<A, B>> : std::true_type {};
template <class T> struct is_tuple : std::false_type {};
template <class... T> struct is_tuple<std::tuple<T...>> : std::true_type {};
template <class T> struct is_variant : std::false_type {};
template <class... T> struct is_variant<std::variant<T...>> : std::true_type {};
template <class T> struct is_ref : std::false_type {};
template <class E> struct is_ref<flowc::Ref<E>> : std::true_type {};

template <class T> std::uint64_t fold(const T &v);

inline std::uint64_t fold_string(const std::string &s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s)
    h = (h ^ c) * 1099511628211ull;
  return h;
}

template <class T> std::uint64_t fold(const T &v) {
  if constexpr (std::is_same_v<T, bool>) {
    return v ? 1 : 2;
  } else if constexpr (std::is_floating_point_v<T>) {
    // Generated programs keep doubles in [0, 250] and exact in quarters.
    return static_cast<std::uint64_t>(v * 4.0);
  } else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>) {
    return static_cast<std::uint64_t>(v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return fold_string(v);
  } else if constexpr (std::is_same_v<T, std::monostate>) {
    return 17;
  } else if constexpr (is_ref<T>::value) {
    // The key is not visible in direct mode; whether the Ref is set is.
    return v ? 3 : 4;
  } else if constexpr (is_optional<T>::value) {
    return v ? mixu(5, fold(*v)) : 6;
  } else if constexpr (is_pair<T>::value) {
    return mixu(fold(v.first), fold(v.second));
  } else if constexpr (is_tuple<T>::value) {
    std::uint64_t h = 7;
    std::apply([&](const auto &...items) { ((h = mixu(h, fold(items))), ...); }, v);
    return h;
  } else if constexpr (is_variant<T>::value) {
    return mixu(v.index(), std::visit([](const auto &alt) { return fold(alt); }, v));
  } else if constexpr (is_unordered<T>::value) {
    std::uint64_t h = v.size();
    for (const auto &item : v)
      h += mixu(11, fold(item));
    return h;
  } else if constexpr (requires { v.begin(); v.end(); }) {
    std::uint64_t h = 13;
    for (const auto &item : v)
      h = mixu(h, fold(item));
    return h;
  } else if constexpr (requires { fold_struct(v); }) {
    return fold_struct(v); // generated for each struct, found by ADL
  } else {
    // std::vector<bool>'s element proxy, from a range-for by value.
    static_assert(std::is_convertible_v<const T &, bool>);
    return static_cast<bool>(v) ? 1 : 2;
  }
}

} // namespace fz
