// wc.h - jobs for the code generation tests: a combiner, a namespace, and a
// reduce whose output type differs from the value type.
#pragma once
#include <flowc/flowc.h>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

FLOWC_MAP(wordcount)
void split_words(std::string_view line, flowc::Emitter<std::string, std::int64_t> &out);
FLOWC_REDUCE(wordcount)
FLOWC_COMBINE(wordcount)
std::int64_t sum_counts(const std::string &word, std::span<const std::int64_t> counts);

namespace stats {
FLOWC_MAP(mean)
void parse(const std::string &line, flowc::Emitter<int, double> &out);
FLOWC_REDUCE(mean)
double average(int key, std::span<const double> values);
} // namespace stats

FLOWC_MAP(seen)
void flags(std::string_view line, flowc::Emitter<bool, std::string> &out);
FLOWC_REDUCE(seen)
std::uint32_t count_distinct(bool key, std::span<const std::string> values);
