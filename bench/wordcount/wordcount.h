// wordcount.h - the benchmark's job: words split on ASCII whitespace, and counts.
#pragma once

#include <flowc/flowc.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

FLOWC_MAP(wordcount)
void split_words(std::string_view line,
                 flowc::Emitter<std::string, std::int64_t> &out);

FLOWC_REDUCE(wordcount)
FLOWC_COMBINE(wordcount)
std::int64_t sum_counts(const std::string &word,
                        std::span<const std::int64_t> counts);
