// A combiner's output must be the map's value type (it feeds the reduce).
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
FLOWC_MAP(wc)
void m(std::string_view line, flowc::Emitter<std::string, int> &out);
FLOWC_REDUCE(wc)
double r(const std::string &key, std::span<const int> values);
FLOWC_COMBINE(wc)
double c(const std::string &key, std::span<const int> values);
// CHECK: job-combine-type.h:[[@LINE-1]]:8: error: combine function 'c' of job 'wc' returns 'double'; a combiner must return the map's value type 'int'
FLOWC_MAP(wc2)
void m2(std::string_view line, flowc::Emitter<std::string, int> &out);
FLOWC_REDUCE(wc2)
int r2(const std::string &key, std::span<const int> values);
FLOWC_COMBINE(wc2)
int c2(const std::string &key, std::span<const long> values);
// CHECK: job-combine-type.h:[[@LINE-1]]:54: error: combine function 'c2' of job 'wc2' takes values as 'std::span<const long>'; it must take 'std::span<const int>'
