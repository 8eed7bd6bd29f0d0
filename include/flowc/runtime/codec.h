// codec.h - the compact binary encoding of message arguments, results, entity
// state and method frames.
//
// API
//   std::string bytes = flowc::encode(value);          // any supported type
//   auto value = flowc::decode<T>(bytes);              // whole input, or DecodeError
//   std::string args = flowc::encode_all(2, book);     // an argument list
//   auto [amount, item] = flowc::decode_all<int, flowc::Ref<Item>>(args);
//   flowc::Writer w; w.write(a); w.write(b); std::string s = w.take();
//   flowc::Reader r(s); r.read(a); r.read(b); r.expect_end();
// Malformed input of any kind throws flowc::DecodeError (errors.h) naming the
// byte offset; nothing reads out of bounds and no count is trusted before it is
// checked against the bytes that remain.
//
// Format (no type tags, no field names: both sides know the type)
//   bool                 1 byte, 0 or 1
//   1-byte integers      the byte (char, int8_t, uint8_t, char8_t)
//   wider unsigned       LEB128 varint: 7 bits a byte, low group first, high bit
//                        = more follows; shortest form only (0x80 0x00 is rejected),
//                        bits beyond the type's width are rejected
//   wider signed         zigzag, then varint: 0->0, -1->1, 1->2, -2->3 ...
//   float, double        IEEE bits, 4 / 8 bytes little-endian (NaN payloads kept)
//   long double          the host's significant bytes (10 on x86-64)
//   enum                 its underlying integer
//   std::string          varint length, bytes
//   std::vector<T>       varint count, elements
//   std::deque, list     as std::vector<T>
//   std::forward_list    as std::vector<T>
//   std::vector<bool>    varint count of bits, bits packed LSB first, zero padding
//   std::array<T, N>     the N elements, no count
//   std::map             varint count, then key, value of each entry in key order
//   std::multimap        as std::map, keys non-decreasing, equal keys' entries in
//                        the multimap's order
//   std::unordered_map   as std::map, entries in increasing order of their keys'
//                        bytes
//   std::unordered_multimap  as std::unordered_map, keys' bytes non-decreasing,
//                        equal keys' entries in the container's order
//   std::set             varint count, then the elements in increasing order
//   std::multiset        as std::set, elements non-decreasing
//   std::unordered_set   as std::set, elements in increasing order of their bytes
//   std::unordered_multiset  as std::unordered_set, bytes non-decreasing
//   std::optional<T>     0, or 1 then the value
//   std::variant         varint index of the alternative held, then its value;
//                        an index past the last alternative is malformed, and a
//                        valueless variant cannot be written (bad_variant_access)
//   std::monostate       nothing (0 bytes)
//   std::pair, tuple     members in order
//   flowc::Ref<E>        the entity's encoded key, as a string
// Example: encode(std::pair<int, std::string>{-2, "ab"}) is 03 02 61 62.
// Every value has exactly one encoding and decoding accepts only that one (no
// overlong varints, no stray bits, map and set entries in the order above, so
// no repeated key in a map or set), so equal values give equal bytes and
// re-encoding what was decoded gives the input back. As for std::multimap, the
// order of an unordered_multimap's values under one key is part of its value
// (operator== ignores it; the encoding, and a range-for, do not).
//
// Adding a type: specialize flowc::Codec with static write(Writer&, const T&)
// and read(Reader&, T&). For a struct, list its members once; FieldsCodec also
// derives min_size (see below), which lets containers of the struct reject
// corrupt counts early:
//   struct Point { int x; std::string label; };
//   template <> struct flowc::Codec<Point> : flowc::FieldsCodec<&Point::x, &Point::label> {};
// or by hand, for members reached another way (e.g. through flowc::Access::Of):
//   template <> struct flowc::Codec<Point> {
//     static void write(flowc::Writer &w, const Point &p) { flowc::codec_fields(w, p.x, p.label); }
//     static void read(flowc::Reader &r, Point &p) { flowc::codec_fields(r, p.x, p.label); }
//   };
// Decoding value-initializes and then reads into the object, so decoded types
// must be default-constructible. An optional `static constexpr std::size_t
// min_size` in a Codec is the fewest bytes any value encodes to.
#pragma once

#include "flowc/flowc.h"
#include "flowc/runtime/access.h"
#include "flowc/runtime/detail/codec_scalars.h"
#include "flowc/runtime/detail/codec_std.h"
#include "flowc/runtime/detail/codec_unordered.h"
#include "flowc/runtime/detail/wire.h"
#include "flowc/runtime/errors.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace flowc {

// The key bytes. A direct-mode Ref (an object, no key) is encoded by the key
// EntityTraits<E>::encode_key gives for the object; only then is the trait
// needed. A decoded Ref always names its entity by key and has no object.
template <class E> struct Codec<Ref<E>> {
  static constexpr std::size_t min_size = 1;
  static void write(Writer &w, const Ref<E> &ref) {
    const std::string &key = Access::key(ref);
    if (key.empty() && Access::object(ref) != nullptr)
      w.string(EntityTraits<E>::encode_key(*Access::object(ref)));
    else
      w.string(key);
  }
  static void read(Reader &r, Ref<E> &ref) {
    ref = Access::make_ref<E>(std::string(r.string()));
  }
};

// Writes, or reads, each field in order: the body of a struct's Codec.
template <class... Ts> void codec_fields([[maybe_unused]] Writer &w, const Ts &...fields) {
  (w.write(fields), ...);
}
template <class... Ts> void codec_fields([[maybe_unused]] Reader &r, Ts &...fields) {
  (r.read(fields), ...);
}

namespace detail {
template <class M> struct member_type;
template <class S, class M> struct member_type<M S::*> {
  using type = M;
};
} // namespace detail

// A whole Codec for a struct from pointers to its members, in encoding order.
template <auto... Members> struct FieldsCodec {
  static constexpr std::size_t min_size =
      (std::size_t{0} + ... +
       codec_min_size<typename detail::member_type<decltype(Members)>::type>());
  template <class S> static void write([[maybe_unused]] Writer &w, [[maybe_unused]] const S &s) {
    (w.write(s.*Members), ...);
  }
  template <class S> static void read([[maybe_unused]] Reader &r, [[maybe_unused]] S &s) {
    (r.read(s.*Members), ...);
  }
};

template <class T> std::string encode(const T &value) {
  Writer w;
  w.write(value);
  return w.take();
}

// Decodes the whole input as one T; trailing bytes are an error.
template <class T> T decode(std::string_view bytes) {
  Reader r(bytes);
  T value{};
  r.read(value);
  r.expect_end();
  return value;
}

// An argument list: the same bytes as encode(std::tuple<Ts...>{values...}).
template <class... Ts> std::string encode_all(const Ts &...values) {
  Writer w;
  (w.write(values), ...);
  return w.take();
}

// Decodes an argument list. Reference and const parameter types are accepted
// and stored by value, so a method's parameter types can be passed as written.
template <class... Ts>
std::tuple<std::remove_cvref_t<Ts>...> decode_all(std::string_view bytes) {
  Reader r(bytes);
  std::tuple<std::remove_cvref_t<Ts>...> values{};
  std::apply([&](auto &...items) { (r.read(items), ...); }, values);
  r.expect_end();
  return values;
}

} // namespace flowc
