// number_jobs.h - jobs over numbers: int and double keys, double values.
#pragma once
#include <flowc/flowc.h>
#include <cstdint>
#include <span>
#include <string_view>

namespace numbers {
// mean: the mean of the numbers on lines of each length (int key, double
// value), no combiner: a floating sum depends on the order of its values.
FLOWC_MAP(mean)
void line_numbers(std::string_view line, flowc::Emitter<int, double> &out);
FLOWC_REDUCE(mean)
double mean_of(const int &length, std::span<const double> values);

// tokens: each numeric token as a double key, counted as int32, combined as
// int32 and reduced into int64.
FLOWC_MAP(tokens)
void number_tokens(std::string_view line, flowc::Emitter<double, std::int32_t> &out);
FLOWC_COMBINE(tokens)
std::int32_t add32(const double &number, std::span<const std::int32_t> counts);
FLOWC_REDUCE(tokens)
std::int64_t add64(const double &number, std::span<const std::int32_t> counts);
} // namespace numbers
