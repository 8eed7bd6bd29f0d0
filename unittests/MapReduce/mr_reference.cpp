// mr_reference.cpp - the expected output of a test job, computed without the runtime.
//
// `mr_reference JOB < input` does what `map | LC_ALL=C sort | reduce` means, in
// the plainest way: every pair becomes a line in its own text form (snprintf and
// strtod instead of to_chars and from_chars), the lines are sorted, consecutive
// lines with equal key text are grouped, and each group is reduced. Nothing here
// comes from the runtime, so the differential tests compare two implementations.
#include "test_jobs.h"
#include "type_jobs.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : '\\';
  }
  return out;
}

template <class F> F parse_float(const char *text) {
  if constexpr (std::is_same_v<F, float>)
    return std::strtof(text, nullptr);
  else if constexpr (std::is_same_v<F, double>)
    return std::strtod(text, nullptr);
  else
    return std::strtold(text, nullptr);
}

// Shortest round-trip form by search: the fewest significant digits that read
// back to the same value, then fixed or scientific notation, whichever is
// shorter (fixed on a tie), which is std::to_chars's rule; among forms of one
// length it takes the nearest, so integers in fixed form print exactly.
// Every type prints through long double, which holds float and double exactly.
template <class F> std::string format_float(F v) {
  if (std::isnan(v))
    return std::signbit(v) ? "-nan" : "nan";
  if (std::isinf(v))
    return v < 0 ? "-inf" : "inf";
  char text[64];
  auto round_trips = [&](int digits) {
    std::snprintf(text, sizeof text, "%.*Le", digits - 1,
                  static_cast<long double>(v));
    return parse_float<F>(text) == v;
  };
  // Binary search: the nearest decimal of d + 1 digits is at least as near as
  // the nearest of d digits, so if d digits read back, so do more.
  int digits = 1;
  for (int high = std::numeric_limits<F>::max_digits10; digits < high;) {
    const int middle = (digits + high) / 2;
    if (round_trips(middle))
      high = middle;
    else
      digits = middle + 1;
  }
  std::snprintf(text, sizeof text, "%.*Le", digits - 1,
                static_cast<long double>(v));
  std::string sci = text;
  bool negative = sci[0] == '-';
  if (negative)
    sci.erase(0, 1);
  std::size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  int exponent = std::atoi(sci.c_str() + e + 1);
  std::string d;
  for (char c : mantissa)
    if (c != '.')
      d += c;
  std::string fixed;
  if (exponent >= 0) {
    if (exponent + 1 > int(sci.size())) {
      fixed = std::string(exponent + 1, '0'); // longer than sci: never chosen
    } else if (int(d.size()) <= exponent + 1) {
      // An integer: as long as the digits padded with zeros, and exact (the
      // smallest difference breaks the tie).
      std::snprintf(text, sizeof text, "%.0Lf",
                    static_cast<long double>(std::fabs(v)));
      fixed = text;
    } else
      fixed = d.substr(0, exponent + 1) + "." + d.substr(exponent + 1);
  } else {
    fixed = "0." + std::string(-exponent - 1, '0') + d;
  }
  std::string best = fixed.size() <= sci.size() ? fixed : sci;
  return negative ? "-" + best : best;
}

template <class T> std::string format(const T &v) {
  if constexpr (std::is_same_v<T, bool>)
    return v ? "true" : "false";
  else if constexpr (std::is_same_v<T, std::string>)
    return escape(v);
  else if constexpr (std::is_floating_point_v<T>)
    return format_float(v);
  else if constexpr (std::is_signed_v<T>)
    return std::to_string(static_cast<long long>(v));
  else
    return std::to_string(static_cast<unsigned long long>(v));
}

template <class T> T parse(const std::string &text) {
  if constexpr (std::is_same_v<T, bool>)
    return text == "true";
  else if constexpr (std::is_same_v<T, std::string>)
    return unescape(text);
  else if constexpr (std::is_floating_point_v<T>)
    return parse_float<T>(text.c_str());
  else if constexpr (std::is_signed_v<T>)
    return static_cast<T>(std::strtoll(text.c_str(), nullptr, 10));
  else
    return static_cast<T>(std::strtoull(text.c_str(), nullptr, 10));
}

template <class K, class V, class R, class Map, class Reduce>
void reference(const std::vector<std::string> &input, Map map, Reduce reduce) {
  std::vector<std::string> lines;
  auto collect = [&](typename flowc::Emitter<K, V>::key_param key,
                     const V &value) {
    lines.push_back(format(K(key)) + "\t" + format(value));
  };
  flowc::Emitter<K, V> emitter(collect);
  for (const std::string &line : input)
    map(line, emitter);
  std::sort(lines.begin(), lines.end());
  std::vector<std::string> output;
  for (std::size_t i = 0; i < lines.size();) {
    std::string key_text = lines[i].substr(0, lines[i].find('\t'));
    std::size_t end = i;
    while (end < lines.size() &&
           lines[end].substr(0, lines[end].find('\t')) == key_text)
      ++end;
    // An array, not a std::vector, which for bool could not be a span.
    auto values = std::make_unique<V[]>(end - i);
    for (std::size_t j = i; j < end; ++j)
      values[j - i] = parse<V>(lines[j].substr(key_text.size() + 1));
    K key = parse<K>(key_text);
    R result = reduce(key, std::span<const V>(values.get(), end - i));
    i = end;
    output.push_back(format(key) + "\t" + format(result));
  }
  std::sort(output.begin(), output.end());
  for (const std::string &line : output)
    std::cout << line << '\n';
}

} // namespace

int main(int argc, char **argv) {
  using namespace testjobs;
  using namespace typejobs;
  if (argc != 2) {
    std::cerr << "usage: mr_reference JOB < input\n";
    return 2;
  }
  std::string all((std::istreambuf_iterator<char>(std::cin)),
                  std::istreambuf_iterator<char>());
  std::vector<std::string> input;
  for (std::size_t start = 0; start < all.size();) {
    std::size_t newline = all.find('\n', start);
    if (newline == std::string::npos)
      newline = all.size();
    input.push_back(all.substr(start, newline - start));
    start = newline + 1;
  }
  std::string job = argv[1];
  if (job == "wordcount")
    reference<std::string, std::int64_t, std::int64_t>(input, split_words,
                                                       sum_counts);
  else if (job == "wordcount_nc")
    reference<std::string, std::int64_t, std::int64_t>(input, split_words,
                                                       sum_counts_view);
  else if (job == "mean")
    reference<int, double, double>(input, parse_reading, mean_of);
  else if (job == "parity")
    reference<bool, std::int64_t, std::int64_t>(input, classify_numbers,
                                                count_numbers);
  else if (job == "fields")
    reference<std::string, std::string, std::string>(input, split_first_field,
                                                     join_lines);
  else if (job == "lengths")
    reference<std::uint32_t, std::string, std::int64_t>(input, word_lengths,
                                                        count_distinct);
  else if (job == "numbers")
    reference<double, std::int32_t, std::int64_t>(input, number_tokens,
                                                  add_int64);
  else if (job == "bytes")
    reference<std::uint8_t, std::int16_t, float>(input, byte_positions,
                                                 mean_position);
  else if (job == "keyed_bool")
    reference<bool, char, signed char>(input, map_keyed_bool, reduce_keyed_bool);
  else if (job == "keyed_char")
    reference<char, signed char, unsigned char>(input, map_keyed_char, reduce_keyed_char);
  else if (job == "keyed_schar")
    reference<signed char, unsigned char, short>(input, map_keyed_schar, reduce_keyed_schar);
  else if (job == "keyed_uchar")
    reference<unsigned char, short, unsigned short>(input, map_keyed_uchar, reduce_keyed_uchar);
  else if (job == "keyed_short")
    reference<short, unsigned short, int>(input, map_keyed_short, reduce_keyed_short);
  else if (job == "keyed_ushort")
    reference<unsigned short, int, unsigned>(input, map_keyed_ushort, reduce_keyed_ushort);
  else if (job == "keyed_int")
    reference<int, unsigned, long>(input, map_keyed_int, reduce_keyed_int);
  else if (job == "keyed_uint")
    reference<unsigned, long, unsigned long>(input, map_keyed_uint, reduce_keyed_uint);
  else if (job == "keyed_long")
    reference<long, unsigned long, long long>(input, map_keyed_long, reduce_keyed_long);
  else if (job == "keyed_ulong")
    reference<unsigned long, long long, unsigned long long>(input, map_keyed_ulong, reduce_keyed_ulong);
  else if (job == "keyed_llong")
    reference<long long, unsigned long long, float>(input, map_keyed_llong, reduce_keyed_llong);
  else if (job == "keyed_ullong")
    reference<unsigned long long, float, double>(input, map_keyed_ullong, reduce_keyed_ullong);
  else if (job == "keyed_float")
    reference<float, double, long double>(input, map_keyed_float, reduce_keyed_float);
  else if (job == "keyed_double")
    reference<double, long double, std::string>(input, map_keyed_double, reduce_keyed_double);
  else if (job == "keyed_ldouble")
    reference<long double, std::string, bool>(input, map_keyed_ldouble, reduce_keyed_ldouble);
  else if (job == "keyed_string")
    reference<std::string, bool, char>(input, map_keyed_string, reduce_keyed_string);
  else if (job == "same_bool")
    reference<bool, bool, bool>(input, map_same_bool, merge_bool);
  else if (job == "same_char")
    reference<char, char, char>(input, map_same_char, merge_char);
  else if (job == "same_schar")
    reference<signed char, signed char, signed char>(input, map_same_schar, merge_schar);
  else if (job == "same_uchar")
    reference<unsigned char, unsigned char, unsigned char>(input, map_same_uchar, merge_uchar);
  else if (job == "same_short")
    reference<short, short, short>(input, map_same_short, merge_short);
  else if (job == "same_ushort")
    reference<unsigned short, unsigned short, unsigned short>(input, map_same_ushort, merge_ushort);
  else if (job == "same_int")
    reference<int, int, int>(input, map_same_int, merge_int);
  else if (job == "same_uint")
    reference<unsigned, unsigned, unsigned>(input, map_same_uint, merge_uint);
  else if (job == "same_long")
    reference<long, long, long>(input, map_same_long, merge_long);
  else if (job == "same_ulong")
    reference<unsigned long, unsigned long, unsigned long>(input, map_same_ulong, merge_ulong);
  else if (job == "same_llong")
    reference<long long, long long, long long>(input, map_same_llong, merge_llong);
  else if (job == "same_ullong")
    reference<unsigned long long, unsigned long long, unsigned long long>(input, map_same_ullong, merge_ullong);
  else if (job == "same_float")
    reference<float, float, float>(input, map_same_float, merge_float);
  else if (job == "same_double")
    reference<double, double, double>(input, map_same_double, merge_double);
  else if (job == "same_ldouble")
    reference<long double, long double, long double>(input, map_same_ldouble, merge_ldouble);
  else if (job == "same_string")
    reference<std::string, std::string, std::string>(input, map_same_string, merge_string);
  else {
    std::cerr << "mr_reference: unknown job " << job << "\n";
    return 2;
  }
  return 0;
}
