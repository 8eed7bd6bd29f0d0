// codec_scalars.h - Codec for bool, integers, floating point and enums.
//
// See codec.h for the format as a whole. Also defines codec_min_size<T>(), the
// fewest bytes any T encodes to, which containers use to reject a corrupt count
// before reading it.
#pragma once

#include "flowc/runtime/detail/wire.h"

#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace flowc {

// Codec<T>::min_size when the codec declares it, else 0 (unknown: a count of
// such items is capped rather than checked against the remaining bytes).
template <class T> constexpr std::size_t codec_min_size() {
  if constexpr (requires {
                  { Codec<T>::min_size } -> std::convertible_to<std::size_t>;
                })
    return Codec<T>::min_size;
  else
    return 0;
}

namespace detail {

// Fixed-width little-endian, whatever the host's byte order.
template <class U> void write_le(Writer &w, U value) {
  for (std::size_t i = 0; i < sizeof(U); ++i)
    w.byte(static_cast<std::uint8_t>(value >> (8 * i)));
}
template <class U> U read_le(Reader &r) {
  std::string_view b = r.bytes(sizeof(U));
  U value = 0;
  for (std::size_t i = 0; i < sizeof(U); ++i)
    value = static_cast<U>(
        value | static_cast<U>(static_cast<U>(static_cast<std::uint8_t>(b[i]))
                               << (8 * i)));
  return value;
}

} // namespace detail

// One byte, 0 or 1; any other byte is malformed.
template <> struct Codec<bool> {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, bool v) { w.byte(v ? 1 : 0); }
  static void read(Reader &r, bool &v) {
    std::uint8_t b = r.byte();
    if (b > 1)
      r.fail_at(r.position() - 1, "bool byte is " + std::to_string(b));
    v = b == 1;
  }
};

// One-byte integers (char, int8_t, uint8_t, char8_t...) are the byte itself, so
// strings and byte vectors cost one byte per element. Wider unsigned integers
// are varints; wider signed ones are zigzag varints (0, -1, 1, -2... map to
// 0, 1, 2, 3...), so small magnitudes of either sign are short.
template <class T>
struct Codec<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  using U = std::make_unsigned_t<T>;
  static constexpr std::size_t min_size = 1;

  static void write(Writer &w, T v) {
    if constexpr (sizeof(T) == 1)
      w.byte(static_cast<std::uint8_t>(v));
    else if constexpr (std::is_unsigned_v<T>)
      w.varint(static_cast<U>(v));
    else
      w.varint(static_cast<U>(static_cast<U>(static_cast<U>(v) << 1) ^
                              static_cast<U>(v >> (sizeof(T) * 8 - 1))));
  }
  static void read(Reader &r, T &v) {
    if constexpr (sizeof(T) == 1) {
      v = static_cast<T>(r.byte());
    } else if constexpr (std::is_unsigned_v<T>) {
      v = static_cast<T>(r.varint<U>());
    } else {
      U z = r.varint<U>();
      v = static_cast<T>(static_cast<U>((z >> 1) ^ static_cast<U>(U{0} - (z & 1))));
    }
  }
};

// IEEE float and double: their bits, little-endian (4 and 8 bytes), so every
// value round-trips exactly, signed zeros and NaN payloads included.
// long double: the host's format, its significant bytes only (8 where it is
// double, 10 for x87 extended, 16 for binary128); messages travel between
// builds of one program, so the formats agree.
template <class T> struct Codec<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static constexpr bool is_double_like =
      std::numeric_limits<T>::is_iec559 && sizeof(T) == 8 &&
      std::numeric_limits<T>::digits == 53;
  static constexpr std::size_t long_double_bytes() {
    if constexpr (std::numeric_limits<T>::digits == 64)
      return 10; // x87: 64-bit significand, 16-bit sign and exponent, then padding
    else
      return sizeof(T);
  }
  static constexpr std::size_t min_size =
      std::is_same_v<T, float> ? 4 : is_double_like ? 8 : long_double_bytes();

  static void write(Writer &w, T v) {
    if constexpr (std::is_same_v<T, float>) {
      static_assert(std::numeric_limits<float>::is_iec559 && sizeof(float) == 4);
      detail::write_le(w, std::bit_cast<std::uint32_t>(v));
    } else if constexpr (is_double_like) {
      detail::write_le(w, std::bit_cast<std::uint64_t>(v));
    } else {
      static_assert(std::endian::native == std::endian::little,
                    "long double encoding assumes a little-endian host");
      static_assert(std::numeric_limits<T>::digits == 64 ||
                        std::numeric_limits<T>::digits == 113,
                    "unsupported long double format");
      char raw[sizeof(T)];
      std::memcpy(raw, &v, sizeof(T));
      w.bytes(std::string_view(raw, min_size));
    }
  }
  static void read(Reader &r, T &v) {
    if constexpr (std::is_same_v<T, float>) {
      v = std::bit_cast<float>(detail::read_le<std::uint32_t>(r));
    } else if constexpr (is_double_like) {
      v = std::bit_cast<T>(detail::read_le<std::uint64_t>(r));
    } else {
      std::string_view b = r.bytes(min_size);
      char raw[sizeof(T)] = {}; // zero padding, so equal values compare equal bytewise
      std::memcpy(raw, b.data(), min_size);
      std::memcpy(&v, raw, sizeof(T));
    }
  }
};

// Enums are their underlying integer. Any value of that type is accepted, as a
// static_cast would: an enum may legitimately hold values it does not name.
template <class T> struct Codec<T, std::enable_if_t<std::is_enum_v<T>>> {
  using Underlying = std::underlying_type_t<T>;
  static constexpr std::size_t min_size = codec_min_size<Underlying>();
  static void write(Writer &w, T v) { w.write(static_cast<Underlying>(v)); }
  static void read(Reader &r, T &v) { v = static_cast<T>(r.read<Underlying>()); }
};

} // namespace flowc
