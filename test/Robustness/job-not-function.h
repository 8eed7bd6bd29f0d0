// FLOWC_MAP on a lambda variable would be ignored: say so.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <span>
#include <string>
#include <string_view>
FLOWC_MAP(lambda) auto split = [](std::string_view, flowc::Emitter<std::string, int> &) {};
// CHECK: job-not-function.h:[[@LINE-1]]:24: error: 'split' is marked as a MapReduce function but is not a function; mark a free or static member function
FLOWC_REDUCE(lambda) int total(const std::string &key, std::span<const int> values);
// CHECK: job-not-function.h:[[@LINE-1]]:26: error: job 'lambda' has no FLOWC_MAP function; a job needs both a map and a reduce
