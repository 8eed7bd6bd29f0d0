// test_jobs.cpp - the bodies of the test jobs: plain functions, no runtime code.
#include "test_jobs.h"

#include <charconv>
#include <set>
#include <stdexcept>
#include <string>

namespace testjobs {

namespace {
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Calls fn on each whitespace-separated token of line.
template <class Fn> void for_each_token(std::string_view line, Fn fn) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i]))
      ++i;
    std::size_t start = i;
    while (i < line.size() && !is_space(line[i]))
      ++i;
    if (i > start)
      fn(line.substr(start, i - start));
  }
}
} // namespace

void split_words(std::string_view line,
                 flowc::Emitter<std::string, std::int64_t> &out) {
  for_each_token(line, [&](std::string_view word) { out.emit(word, 1); });
}

std::int64_t sum_counts(const std::string &, std::span<const std::int64_t> counts) {
  std::int64_t sum = 0;
  for (std::int64_t c : counts)
    sum += c;
  return sum;
}

std::int64_t sum_counts_view(std::string_view,
                             std::span<const std::int64_t> counts) {
  std::int64_t sum = 0;
  for (std::int64_t c : counts)
    sum += c;
  return sum;
}

void parse_reading(std::string_view line, flowc::Emitter<int, double> &out) {
  std::size_t space = line.find(' ');
  if (space == std::string_view::npos)
    return;
  int sensor = 0;
  double reading = 0;
  const char *end = line.data() + line.size();
  auto a = std::from_chars(line.data(), line.data() + space, sensor);
  auto b = std::from_chars(line.data() + space + 1, end, reading);
  if (a.ec == std::errc() && a.ptr == line.data() + space &&
      b.ec == std::errc() && b.ptr == end)
    out.emit(sensor, reading);
}

double mean_of(const int &, std::span<const double> readings) {
  double sum = 0;
  for (double r : readings)
    sum += r;
  return sum / static_cast<double>(readings.size());
}

void classify_numbers(std::string_view line,
                      flowc::Emitter<bool, std::int64_t> &out) {
  for_each_token(line, [&](std::string_view token) {
    long long value = 0;
    auto r = std::from_chars(token.data(), token.data() + token.size(), value);
    if (r.ec == std::errc() && r.ptr == token.data() + token.size())
      out.emit(value % 2 == 0, 1);
  });
}

std::int64_t count_numbers(const bool &, std::span<const std::int64_t> n) {
  std::int64_t sum = 0;
  for (std::int64_t c : n)
    sum += c;
  return sum;
}

void split_first_field(const std::string &line,
                       flowc::Emitter<std::string, std::string> &out) {
  std::size_t space = line.find(' ');
  if (space == std::string::npos)
    out.emit(line, std::string());
  else
    out.emit(std::string_view(line).substr(0, space), line.substr(space + 1));
}

std::string join_lines(const std::string &, std::span<const std::string> values) {
  std::string joined;
  for (const std::string &v : values) {
    if (!joined.empty())
      joined += '\n';
    joined += v;
  }
  return joined;
}

void word_lengths(std::string_view line,
                  flowc::Emitter<std::uint32_t, std::string> &out) {
  for_each_token(line, [&](std::string_view word) {
    out.emit(static_cast<std::uint32_t>(word.size()), std::string(word));
  });
}

std::int64_t count_distinct(const std::uint32_t &,
                            std::span<const std::string> words) {
  return static_cast<std::int64_t>(
      std::set<std::string>(words.begin(), words.end()).size());
}

void number_tokens(std::string_view line,
                   flowc::Emitter<double, std::int32_t> &out) {
  for_each_token(line, [&](std::string_view token) {
    double value = 0;
    auto r = std::from_chars(token.data(), token.data() + token.size(), value);
    if (r.ec == std::errc() && r.ptr == token.data() + token.size())
      out.emit(value, 1);
  });
}

std::int32_t add_int32(const double &, std::span<const std::int32_t> n) {
  std::int32_t sum = 0;
  for (std::int32_t c : n)
    sum += c;
  return sum;
}

std::int64_t add_int64(const double &, std::span<const std::int32_t> n) {
  std::int64_t sum = 0;
  for (std::int32_t c : n)
    sum += c;
  return sum;
}

void byte_positions(std::string_view line,
                    flowc::Emitter<std::uint8_t, std::int16_t> &out) {
  for (std::size_t i = 0; i < line.size() && i < 1000; ++i)
    out.emit(static_cast<std::uint8_t>(line[i]), static_cast<std::int16_t>(i));
}

float mean_position(const std::uint8_t &, std::span<const std::int16_t> positions) {
  double sum = 0;
  for (std::int16_t p : positions)
    sum += p;
  return static_cast<float>(sum / static_cast<double>(positions.size()));
}

void split_or_throw(std::string_view line,
                    flowc::Emitter<std::string, std::int64_t> &out) {
  if (line == "boom")
    throw std::runtime_error("boom on purpose");
  split_words(line, out);
}

std::int64_t sum_or_throw(const std::string &word,
                          std::span<const std::int64_t> counts) {
  if (word == "bang")
    throw std::runtime_error("bang on purpose");
  return sum_counts(word, counts);
}

} // namespace testjobs
