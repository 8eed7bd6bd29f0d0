// Job names become identifiers in generated code.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <span>
#include <string>
#include <string_view>
FLOWC_MAP(class) void split(std::string_view line, flowc::Emitter<std::string, int> &out);
// CHECK: job-keyword.h:[[@LINE-1]]:23: error: job name 'class' is a C++ keyword; it must be usable as an identifier
FLOWC_REDUCE(class) int total(const std::string &key, std::span<const int> values);
// CHECK: job-keyword.h:[[@LINE-1]]:25: error: job name 'class' is a C++ keyword; it must be usable as an identifier
