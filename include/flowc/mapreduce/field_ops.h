// field_ops.h - hashing and equality of keys, consistent with their text form.
//
// Two keys are the same key exactly when their text forms are equal, because that
// is how `sort | reduce` groups them: so 0.0 and -0.0 are different keys, and all
// NaNs of one sign are one key.
#pragma once

#include "flowc/mapreduce/text.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace flowc::mapreduce {

namespace hashing {

// __extension__ keeps -Wpedantic quiet in users' builds about the 128-bit type.
__extension__ typedef unsigned __int128 uint128;

// Folded 64x64->128 multiply, the mixing step of wyhash.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  uint128 product = static_cast<uint128>(a) * b;
  return static_cast<std::uint64_t>(product) ^
         static_cast<std::uint64_t>(product >> 64);
}

inline std::uint64_t load64(const unsigned char *p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline std::uint64_t load32(const unsigned char *p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

inline constexpr std::uint64_t k0 = 0xa0761d6478bd642full;
inline constexpr std::uint64_t k1 = 0xe7037ed1a0b428dbull;
inline constexpr std::uint64_t k2 = 0x8ebc6af09c88c6e3ull;

// A wyhash-style byte hash: short keys (words) take one or two multiplies.
inline std::uint64_t bytes(std::string_view text) {
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t n = text.size();
  std::uint64_t seed = k0;
  std::uint64_t a = 0, b = 0;
  if (n <= 16) {
    if (n >= 4) {
      std::size_t step = (n >> 3) << 2;
      a = (load32(p) << 32) | load32(p + step);
      b = (load32(p + n - 4) << 32) | load32(p + n - 4 - step);
    } else if (n > 0) {
      a = (std::uint64_t(p[0]) << 16) | (std::uint64_t(p[n >> 1]) << 8) |
          p[n - 1];
    }
  } else {
    std::size_t left = n;
    while (left > 16) {
      seed = mix(load64(p) ^ k1, load64(p + 8) ^ seed);
      p += 16;
      left -= 16;
    }
    a = load64(p + left - 16);
    b = load64(p + left - 8);
  }
  return mix(k1 ^ n, mix(a ^ k1, b ^ seed ^ k2));
}

inline std::uint64_t word(std::uint64_t v) { return mix(v ^ k0, k1) ^ v; }

} // namespace hashing

// hash() and equal() for each Field type. String keys are looked up as views.
template <Field T> struct FieldOps;

template <> struct FieldOps<std::string> {
  using view_type = std::string_view;
  static std::uint64_t hash(std::string_view s) { return hashing::bytes(s); }
  static bool equal(std::string_view a, std::string_view b) { return a == b; }
};

template <Field T>
  requires std::integral<T>
struct FieldOps<T> {
  using view_type = const T &;
  static std::uint64_t hash(T v) {
    return hashing::word(static_cast<std::uint64_t>(v));
  }
  static bool equal(T a, T b) { return a == b; }
};

template <Field T>
  requires std::floating_point<T>
struct FieldOps<T> {
  using view_type = const T &;
  static std::uint64_t hash(T v) {
    if (std::isnan(v))
      return hashing::word(std::signbit(v) ? 1 : 2);
    // Through double so that long double's padding bytes never reach the hash;
    // the remainder keeps long doubles that round to one double apart.
    double high = static_cast<double>(v);
    double low = static_cast<double>(v - static_cast<T>(high));
    std::uint64_t hb, lb;
    std::memcpy(&hb, &high, 8);
    std::memcpy(&lb, &low, 8);
    return hashing::word(hb ^ hashing::word(lb));
  }
  static bool equal(T a, T b) {
    if (std::isnan(a) || std::isnan(b))
      return std::isnan(a) && std::isnan(b) &&
             std::signbit(a) == std::signbit(b);
    return a == b && std::signbit(a) == std::signbit(b);
  }
};

} // namespace flowc::mapreduce
