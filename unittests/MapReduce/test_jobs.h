// test_jobs.h - the MapReduce jobs the runtime tests drive, written as a user would.
#pragma once

#include <flowc/flowc.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace testjobs {

// wordcount: words (split on ASCII whitespace) and how often each occurs.
FLOWC_MAP(wordcount)
void split_words(std::string_view line,
                 flowc::Emitter<std::string, std::int64_t> &out);
FLOWC_REDUCE(wordcount)
FLOWC_COMBINE(wordcount)
std::int64_t sum_counts(const std::string &word,
                        std::span<const std::int64_t> counts);

// wordcount_nc: the same without a combiner; the reduce takes the key as a view.
std::int64_t sum_counts_view(std::string_view word,
                             std::span<const std::int64_t> counts);

// mean: lines "SENSOR READING" (an int and a double); the mean per sensor.
// No combiner, and a floating sum depends on the order of the values.
FLOWC_MAP(mean)
void parse_reading(std::string_view line, flowc::Emitter<int, double> &out);
FLOWC_REDUCE(mean)
double mean_of(const int &sensor, std::span<const double> readings);

// parity: how many integer tokens are even (key true) and odd (key false).
FLOWC_MAP(parity)
void classify_numbers(std::string_view line,
                      flowc::Emitter<bool, std::int64_t> &out);
FLOWC_REDUCE(parity)
FLOWC_COMBINE(parity)
std::int64_t count_numbers(const bool &even, std::span<const std::int64_t> n);

// fields: key is the line up to its first space, value the rest (TABs,
// backslashes and all); the reduce joins a key's values with newlines. The map
// takes the line as const std::string&.
FLOWC_MAP(fields)
void split_first_field(const std::string &line,
                       flowc::Emitter<std::string, std::string> &out);
FLOWC_REDUCE(fields)
std::string join_lines(const std::string &key,
                       std::span<const std::string> values);

// lengths: word length -> the words; the reduce counts distinct words, so its
// output type (int64) differs from the value type (string).
FLOWC_MAP(lengths)
void word_lengths(std::string_view line,
                  flowc::Emitter<std::uint32_t, std::string> &out);
FLOWC_REDUCE(lengths)
std::int64_t count_distinct(const std::uint32_t &length,
                            std::span<const std::string> words);

// numbers: tokens that parse as doubles are keys (so -0 and 0, nan, inf are
// keys); values count them as int32, combined as int32, reduced into int64.
FLOWC_MAP(numbers)
void number_tokens(std::string_view line,
                   flowc::Emitter<double, std::int32_t> &out);
FLOWC_COMBINE(numbers)
std::int32_t add_int32(const double &number, std::span<const std::int32_t> n);
FLOWC_REDUCE(numbers)
std::int64_t add_int64(const double &number, std::span<const std::int32_t> n);

// bytes: each byte of a line (as uint8 key) with a count; the reduce returns
// the mean position of the byte in its lines as a float.
FLOWC_MAP(bytes)
void byte_positions(std::string_view line,
                    flowc::Emitter<std::uint8_t, std::int16_t> &out);
FLOWC_REDUCE(bytes)
float mean_position(const std::uint8_t &byte,
                    std::span<const std::int16_t> positions);

// failing: word count whose map function throws on the line "boom" and whose
// reduce throws for the key "bang", to test how failures are reported.
FLOWC_MAP(failing)
void split_or_throw(std::string_view line,
                    flowc::Emitter<std::string, std::int64_t> &out);
FLOWC_REDUCE(failing)
std::int64_t sum_or_throw(const std::string &word,
                          std::span<const std::int64_t> counts);

} // namespace testjobs
