// A function template has no single signature to check or call.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <span>
#include <string>
#include <string_view>
template <class V>
FLOWC_MAP(generic) void emit_all(std::string_view line, flowc::Emitter<std::string, V> &out);
// CHECK: job-template.h:[[@LINE-1]]:25: error: 'emit_all' is a function template; MapReduce functions must be ordinary functions
FLOWC_REDUCE(generic) int total(const std::string &key, std::span<const int> values);
