// wire.h - flowc::Writer and flowc::Reader, the byte-level half of codec.h.
//
// They know bytes, varints and lengths; codec.h builds every type on them.
// Reader checks each read against the bytes that remain and throws
// flowc::DecodeError, naming the offset, on anything short or malformed: a
// corrupt message can fail a call but never read out of bounds.
#pragma once

#include "flowc/runtime/errors.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace flowc {

// How a T is written and read; specialized per type in codec.h and by generated
// code. `Enable` lets one partial specialization cover a family (enums, ints).
template <class T, class Enable = void> struct Codec;

// Appends encodings to a string: its own (take() it when done), or one given at
// construction, so a frame can be built in place after a header.
class Writer {
public:
  Writer() : out_(&own_) {}
  explicit Writer(std::string &out) : out_(&out) {}
  // out_ may point into *this, so a copy would write into the original.
  Writer(const Writer &) = delete;
  Writer &operator=(const Writer &) = delete;

  void byte(std::uint8_t b) { out_->push_back(static_cast<char>(b)); }
  void bytes(std::string_view s) { out_->append(s); }

  // LEB128: seven bits per byte, least significant group first, the high bit
  // set on every byte but the last. Always the shortest form.
  // Built in a local buffer and appended at once: one capacity check, not
  // one per byte.
  template <class U> void varint(U value) {
    static_assert(std::is_unsigned_v<U> && !std::is_same_v<U, bool>);
    char buffer[(std::numeric_limits<U>::digits + 6) / 7];
    std::size_t n = 0;
    while (value >= 0x80) {
      buffer[n++] = static_cast<char>(static_cast<std::uint8_t>(value | 0x80));
      value = static_cast<U>(value >> 7);
    }
    buffer[n++] = static_cast<char>(static_cast<std::uint8_t>(value));
    out_->append(buffer, n);
  }

  // A byte string: its length as a varint, then the bytes.
  void string(std::string_view s) {
    varint(static_cast<std::uint64_t>(s.size()));
    bytes(s);
  }

  template <class T> void write(const T &value) { Codec<T>::write(*this, value); }

  const std::string &buffer() const { return *out_; }
  // The bytes written so far; the Writer is empty afterwards.
  std::string take() {
    std::string result = std::move(*out_);
    out_->clear();
    return result;
  }

private:
  std::string own_;
  std::string *out_;
};

// Reads encodings from a view; the bytes must outlive the Reader.
class Reader {
public:
  explicit Reader(std::string_view in) : in_(in) {}

  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return in_.size() - pos_; }
  bool done() const { return pos_ == in_.size(); }
  // Rejects trailing bytes: a well-formed message is consumed exactly.
  void expect_end() const {
    if (!done())
      fail(std::to_string(remaining()) + " trailing byte(s) after the value");
  }

  std::uint8_t byte() {
    need(1);
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::string_view bytes(std::size_t n) {
    need(n);
    std::string_view result = in_.substr(pos_, n);
    pos_ += n;
    return result;
  }

  // The inverse of Writer::varint. Rejects a varint that does not fit in U and
  // one with needless trailing zero groups, so every value has one encoding.
  template <class U> U varint() {
    static_assert(std::is_unsigned_v<U> && !std::is_same_v<U, bool>);
    constexpr int bits = std::numeric_limits<U>::digits;
    constexpr int max_bytes = (bits + 6) / 7;
    std::size_t start = pos_;
    U value = 0;
    // The last permitted byte either ends the varint or fails, so this loop
    // always leaves by one of the two.
    for (int i = 0;; ++i) {
      if (done())
        fail_at(start, "truncated varint");
      std::uint8_t b = static_cast<std::uint8_t>(in_[pos_++]);
      std::uint8_t payload = b & 0x7f;
      int shift = 7 * i;
      if (i == max_bytes - 1 &&
          ((b & 0x80) != 0 || (payload >> (bits - shift)) != 0))
        fail_at(start, "varint overflows a " + std::to_string(bits) +
                           "-bit integer");
      value = static_cast<U>(value | static_cast<U>(static_cast<U>(payload) << shift));
      if ((b & 0x80) == 0) {
        if (i > 0 && payload == 0)
          fail_at(start, "overlong varint");
        return value;
      }
    }
  }

  // A count of items that each take at least `min_item_size` bytes. Checked
  // against what remains before anyone reserves memory for it. Items that may
  // take no bytes at all (std::tuple<>, empty structs, a user codec that does
  // not declare min_size) are capped at max_unsized_count instead.
  static constexpr std::uint64_t max_unsized_count = std::uint64_t{1} << 24;
  std::size_t count(std::size_t min_item_size) {
    std::size_t start = pos_;
    std::uint64_t n = varint<std::uint64_t>();
    std::uint64_t limit = min_item_size == 0 ? max_unsized_count
                                             : remaining() / min_item_size;
    if (n > limit && min_item_size == 0)
      fail_at(start, "count " + std::to_string(n) + " exceeds the limit of " +
                         std::to_string(max_unsized_count) +
                         " items that may take no bytes");
    if (n > limit)
      fail_at(start, "length " + std::to_string(n) + " exceeds the " +
                         std::to_string(remaining()) + " byte(s) that remain");
    return static_cast<std::size_t>(n);
  }

  std::string_view string() { return bytes(count(1)); }

  // The bytes read since `start` (a position()), e.g. one whole map entry.
  std::string_view consumed_since(std::size_t start) const {
    return in_.substr(start, pos_ - start);
  }

  template <class T> void read(T &value) { Codec<T>::read(*this, value); }
  template <class T> T read() {
    T value{};
    Codec<T>::read(*this, value);
    return value;
  }

  [[noreturn]] void fail(const std::string &what) const { fail_at(pos_, what); }
  [[noreturn]] void fail_at(std::size_t offset, const std::string &what) const {
    throw DecodeError("flowc: cannot decode at byte " + std::to_string(offset) +
                      " of " + std::to_string(in_.size()) + ": " + what);
  }

private:
  void need(std::size_t n) const {
    if (n > remaining())
      fail("truncated: need " + std::to_string(n) + " byte(s), " +
           std::to_string(remaining()) + " remain");
  }

  std::string_view in_;
  std::size_t pos_ = 0;
};

} // namespace flowc
