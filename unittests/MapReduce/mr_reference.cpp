// mr_reference.cpp - the expected output of a test job, computed without the runtime.
//
// `mr_reference JOB < input` does what `map | LC_ALL=C sort | reduce` means, in
// the plainest way: every pair becomes a line in its own text form (snprintf and
// strtod instead of to_chars and from_chars), the lines are sorted, consecutive
// lines with equal key text are grouped, and each group is reduced. Nothing here
// comes from the runtime, so the differential tests compare two implementations.
#include "test_jobs.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
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

// Shortest round-trip form by search: the fewest significant digits that read
// back to the same value, then fixed or scientific notation, whichever is
// shorter (fixed on a tie), which is std::to_chars's rule; among forms of one
// length it takes the nearest, so integers in fixed form print exactly.
template <class F> std::string format_float(F v) {
  if (std::isnan(v))
    return std::signbit(v) ? "-nan" : "nan";
  if (std::isinf(v))
    return v < 0 ? "-inf" : "inf";
  const int max_digits = std::is_same_v<F, float> ? 9 : 17;
  char text[64];
  int digits = 1;
  for (; digits < max_digits; ++digits) {
    std::snprintf(text, sizeof text, "%.*e", digits - 1, double(v));
    F back = std::is_same_v<F, float> ? F(std::strtof(text, nullptr))
                                      : F(std::strtod(text, nullptr));
    if (back == v)
      break;
  }
  std::snprintf(text, sizeof text, "%.*e", digits - 1, double(v));
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
    if (int(d.size()) <= exponent + 1) {
      // An integer: as long as the digits padded with zeros, and exact (the
      // smallest difference breaks the tie).
      std::snprintf(text, sizeof text, "%.0f", double(std::fabs(v)));
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
  else
    return std::to_string(static_cast<long long>(v));
}

template <class T> T parse(const std::string &text) {
  if constexpr (std::is_same_v<T, bool>)
    return text == "true";
  else if constexpr (std::is_same_v<T, std::string>)
    return unescape(text);
  else if constexpr (std::is_same_v<T, float>)
    return std::strtof(text.c_str(), nullptr);
  else if constexpr (std::is_floating_point_v<T>)
    return std::strtod(text.c_str(), nullptr);
  else
    return static_cast<T>(std::strtoll(text.c_str(), nullptr, 10));
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
    std::vector<V> values;
    for (; i < lines.size() && lines[i].substr(0, lines[i].find('\t')) == key_text;
         ++i)
      values.push_back(parse<V>(lines[i].substr(key_text.size() + 1)));
    K key = parse<K>(key_text);
    R result = reduce(key, std::span<const V>(values));
    output.push_back(format(key) + "\t" + format(result));
  }
  std::sort(output.begin(), output.end());
  for (const std::string &line : output)
    std::cout << line << '\n';
}

} // namespace

int main(int argc, char **argv) {
  using namespace testjobs;
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
  else {
    std::cerr << "mr_reference: unknown job " << job << "\n";
    return 2;
  }
  return 0;
}
