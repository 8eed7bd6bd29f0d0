// A job needs both a map and a reduce; a combine alone is not a job either.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
FLOWC_MAP(only_map)
void m(std::string_view line, flowc::Emitter<std::string, int> &out);
// CHECK: job-incomplete.h:[[@LINE-1]]:6: error: job 'only_map' has no FLOWC_REDUCE function; a job needs both a map and a reduce
FLOWC_REDUCE(only_reduce)
int r(const std::string &key, std::span<const int> values);
// CHECK: job-incomplete.h:[[@LINE-1]]:5: error: job 'only_reduce' has no FLOWC_MAP function; a job needs both a map and a reduce
FLOWC_COMBINE(only_combine)
int c(const std::string &key, std::span<const int> values);
// CHECK: job-incomplete.h:[[@LINE-1]]:5: error: job 'only_combine' has no FLOWC_MAP function
