// Jobs: a map and a reduce with the same job name, an optional combine, and
// the key, value and output types from their signatures.
// RUN: %flowc --emit=ir %s | FileCheck %s
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

// CHECK:      jobs:
// CHECK-NEXT:   - name: wordcount
// CHECK-NEXT:     location: {{.*}}jobs.h:11
// CHECK-NEXT:     map: split_words
// CHECK-NEXT:     reduce: sum_counts
// CHECK-NEXT:     combine: sum_counts
// CHECK-NEXT:     key_type: std::string
// CHECK-NEXT:     value_type: std::int64_t
// CHECK-NEXT:     output_type: std::int64_t
// CHECK-NEXT:   - name: mean
// CHECK-NEXT:     location: {{.*}}jobs.h:19
// CHECK-NEXT:     map: stats::parse
// CHECK-NEXT:     reduce: stats::average
// CHECK-NEXT:     key_type: int
// CHECK-NEXT:     value_type: double
// CHECK-NEXT:     output_type: double
// CHECK-NEXT:   - name: seen
// CHECK:          map: flags
// CHECK-NEXT:     reduce: count_distinct
// CHECK-NEXT:     key_type: bool
// CHECK-NEXT:     value_type: std::string
// CHECK-NEXT:     output_type: std::uint32_t
