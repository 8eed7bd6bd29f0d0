// number_jobs.cpp - the number jobs' bodies.
#include "number_jobs.h"

#include <charconv>
#include <string>

namespace numbers {
namespace {
template <class Fn> void for_each_number(std::string_view line, Fn fn) {
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t end = line.find(' ', i);
    if (end == std::string_view::npos)
      end = line.size();
    double value = 0;
    auto token = line.substr(i, end - i);
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec == std::errc() && ptr == token.data() + token.size() && !token.empty())
      fn(value);
    i = end + 1;
  }
}
} // namespace

void line_numbers(std::string_view line, flowc::Emitter<int, double> &out) {
  for_each_number(line, [&](double value) { out.emit(static_cast<int>(line.size() % 7), value); });
}
double mean_of(const int &, std::span<const double> values) {
  double sum = 0;
  for (double value : values)
    sum += value;
  return sum / static_cast<double>(values.size());
}
void number_tokens(std::string_view line, flowc::Emitter<double, std::int32_t> &out) {
  for_each_number(line, [&](double value) { out.emit(value, 1); });
}
std::int32_t add32(const double &, std::span<const std::int32_t> counts) {
  std::int32_t sum = 0;
  for (std::int32_t count : counts)
    sum += count;
  return sum;
}
std::int64_t add64(const double &, std::span<const std::int32_t> counts) {
  std::int64_t sum = 0;
  for (std::int32_t count : counts)
    sum += count;
  return sum;
}
} // namespace numbers
