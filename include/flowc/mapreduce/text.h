// text.h - the text form of keys and values on Hadoop Streaming lines.
//
// A line is `key<TAB>value`. Integers are decimal, floating point is the shortest
// form that reads back to the same value (std::to_chars), bool is `true`/`false`,
// and strings are their bytes with `\`, TAB and newline written as `\\`, `\t`, `\n`
// so that a field never contains a raw TAB or newline.
//
// Floating point: infinities are `inf`/`-inf`, NaNs are `nan`/`-nan` (every NaN of
// one sign has the same text, so NaN payloads are not kept). Parsing accepts exactly
// what std::from_chars accepts for the whole field: no leading `+` or spaces, no
// trailing characters, and a value out of range is an error rather than inf or 0
// (a subnormal value is in range, for long double too).
#pragma once

#include "flowc/mapreduce/text_buffer.h"

#include <charconv>
#include <concepts>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace flowc::mapreduce {

// The types a key, a value or a reduce result may have.
template <class T>
concept Field = std::same_as<T, bool> || std::same_as<T, std::string> ||
                (std::integral<T> && sizeof(T) <= 8) ||
                std::floating_point<T>;

// Appends s with `\`, TAB and newline escaped.
void append_escaped(TextBuffer &out, std::string_view s);

// Replaces out with the unescaped text; returns an error message or nullptr.
// A raw TAB is taken as itself (Hadoop passes everything after the first TAB
// as the value); a backslash must start one of the three escapes.
const char *unescape(std::string_view text, std::string &out);

// Reads a floating-point field again after std::from_chars matched all of it but
// reported it out of range: libstdc++'s from_chars for long double (through
// strtold) reports every subnormal result so, though to_chars writes them. A
// result that is subnormal is taken; one that overflows or rounds to zero is out
// of range, as from_chars says. Returns an error message or nullptr.
const char *parse_out_of_range(std::string_view text, float &out);
const char *parse_out_of_range(std::string_view text, double &out);
const char *parse_out_of_range(std::string_view text, long double &out);

// A short name of T for error messages ("int64", "double", "string"...).
template <Field T> constexpr const char *field_type_name() {
  if constexpr (std::same_as<T, bool>)
    return "bool";
  else if constexpr (std::same_as<T, std::string>)
    return "string";
  else if constexpr (std::floating_point<T>)
    return sizeof(T) == sizeof(float)    ? "float"
           : sizeof(T) == sizeof(double) ? "double"
                                         : "long double";
  else if constexpr (std::is_signed_v<T>)
    return sizeof(T) == 1 ? "int8"
           : sizeof(T) == 2 ? "int16"
           : sizeof(T) == 4 ? "int32"
                            : "int64";
  else
    return sizeof(T) == 1 ? "uint8"
           : sizeof(T) == 2 ? "uint16"
           : sizeof(T) == 4 ? "uint32"
                            : "uint64";
}

// Appends the text form of value.
template <Field T> void append_text(TextBuffer &out, const T &value) {
  if constexpr (std::same_as<T, bool>) {
    out.append(value ? std::string_view("true") : std::string_view("false"));
  } else if constexpr (std::same_as<T, std::string>) {
    append_escaped(out, value);
  } else if constexpr (std::integral<T>) {
    // Character types have no to_chars overload of their own; widening keeps
    // every integral type on the two 64-bit ones.
    using Wide = std::conditional_t<std::is_signed_v<T>, long long,
                                    unsigned long long>;
    char *begin = out.reserve_tail(24);
    auto result = std::to_chars(begin, begin + 24, static_cast<Wide>(value));
    out.commit(static_cast<std::size_t>(result.ptr - begin));
  } else {
    constexpr std::size_t room = 64; // long double's longest shortest form is < 50
    char *begin = out.reserve_tail(room);
    auto result = std::to_chars(begin, begin + room, value);
    out.commit(static_cast<std::size_t>(result.ptr - begin));
  }
}

inline void append_text(TextBuffer &out, std::string_view value) {
  append_escaped(out, value);
}

// Parses the text form of a T; returns an error message, or nullptr on success.
template <Field T> const char *parse_text(std::string_view text, T &out) {
  if constexpr (std::same_as<T, bool>) {
    if (text == "true")
      out = true;
    else if (text == "false")
      out = false;
    else
      return "expected true or false";
    return nullptr;
  } else if constexpr (std::same_as<T, std::string>) {
    return unescape(text, out);
  } else if constexpr (std::integral<T>) {
    using Wide = std::conditional_t<std::is_signed_v<T>, long long,
                                    unsigned long long>;
    Wide wide{};
    const char *end = text.data() + text.size();
    auto result = std::from_chars(text.data(), end, wide);
    if (result.ec == std::errc::result_out_of_range)
      return "integer out of range";
    if (result.ec != std::errc() || result.ptr != end)
      return "expected an integer";
    if (wide < static_cast<Wide>(std::numeric_limits<T>::min()) ||
        wide > static_cast<Wide>(std::numeric_limits<T>::max()))
      return "integer out of range";
    out = static_cast<T>(wide);
    return nullptr;
  } else {
    T value{};
    const char *end = text.data() + text.size();
    auto result = std::from_chars(text.data(), end, value);
    if (result.ec == std::errc::result_out_of_range)
      return result.ptr == end ? parse_out_of_range(text, out)
                               : "number out of range";
    if (result.ec != std::errc() || result.ptr != end)
      return "expected a number";
    out = value;
    return nullptr;
  }
}

// Formats value into a std::string (convenient for tests and messages).
template <Field T> std::string to_text(const T &value) {
  TextBuffer buffer;
  append_text(buffer, value);
  return std::string(buffer.view());
}

} // namespace flowc::mapreduce
