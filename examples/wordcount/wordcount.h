// wordcount.h - the word count job: how often each whitespace-separated word
// occurs. flowc reads these declarations and generates the program's main.
#pragma once

#include <flowc/flowc.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace wordcount {

// Emits (word, 1) for each word of the line, split on ASCII whitespace.
FLOWC_MAP(wordcount)
void split_words(std::string_view line,
                 flowc::Emitter<std::string, std::int64_t> &out);

// Adds up a word's counts; exact, so it also serves as the combiner.
FLOWC_REDUCE(wordcount)
FLOWC_COMBINE(wordcount)
std::int64_t sum_counts(const std::string &word,
                        std::span<const std::int64_t> counts);

} // namespace wordcount
