// text_jobs.h - jobs over words: string, bool and unsigned keys.
#pragma once
#include <flowc/flowc.h>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace text {
// wordcount: string keys, with a combiner.
FLOWC_MAP(wordcount)
void split_words(std::string_view line, flowc::Emitter<std::string, std::int64_t> &out);
FLOWC_REDUCE(wordcount)
FLOWC_COMBINE(wordcount)
std::int64_t sum_counts(const std::string &word, std::span<const std::int64_t> counts);

// parity: bool keys (is the word's length even), with a combiner.
FLOWC_MAP(parity)
void length_parity(std::string_view line, flowc::Emitter<bool, std::int64_t> &out);
FLOWC_REDUCE(parity)
FLOWC_COMBINE(parity)
std::int64_t count_parity(const bool &even, std::span<const std::int64_t> counts);
} // namespace text

// lengths: word length -> words; the reduce counts distinct words, so its
// output (int64) is not the value type (string). No combiner.
FLOWC_MAP(lengths)
void word_lengths(const std::string &line, flowc::Emitter<std::uint32_t, std::string> &out);
FLOWC_REDUCE(lengths)
std::int64_t count_distinct(std::uint32_t length, std::span<const std::string> words);
