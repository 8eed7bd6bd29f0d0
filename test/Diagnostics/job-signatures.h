// Map and reduce signatures are checked against each other.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>
FLOWC_MAP(keys)
void m1(std::string_view line, flowc::Emitter<std::string, int> &out);
FLOWC_REDUCE(keys)
int r1(int key, std::span<const int> values);
// CHECK-DAG: job-signatures.h:[[@LINE-1]]:12: error: reduce function 'r1' of job 'keys' takes a key of type 'int', but the map emits keys of type 'std::string'

FLOWC_MAP(types)
void m2(std::string_view line, flowc::Emitter<std::vector<int>, int> &out);
// CHECK-DAG: job-signatures.h:[[@LINE-1]]:71: error: the key type of job 'types' has type 'std::vector<int>'; keys and values must be integral, floating point, bool or std::string
FLOWC_REDUCE(types)
int r2(const std::vector<int> &key, std::span<const int> values);

FLOWC_MAP(wide)
void m5(std::string_view line, flowc::Emitter<std::string, __int128> &out);
// CHECK-DAG: job-signatures.h:[[@LINE-1]]:71: error: the value type of job 'wide' has type '__int128'; keys and values must be integral, floating point, bool or std::string
FLOWC_REDUCE(wide)
__int128 r5(const std::string &key, std::span<const __int128> values);

FLOWC_MAP(shape)
void m3(std::string_view line);
// CHECK-DAG: job-signatures.h:[[@LINE-1]]:6: error: map function 'm3' of job 'shape' must take (std::string_view line, flowc::Emitter<K, V>& out)
FLOWC_REDUCE(shape)
int r3(const std::string &key, std::span<const int> values);

FLOWC_MAP(arity)
void m4(std::string_view line, flowc::Emitter<std::string, int> &out);
FLOWC_REDUCE(arity)
int r4(const std::string &key);
// CHECK-DAG: job-signatures.h:[[@LINE-1]]:5: error: reduce function 'r4' of job 'arity' takes 1 parameters; it must take (const K& key, std::span<const V> values)

FLOWC_MAP(values)
void m5(std::string_view line, flowc::Emitter<std::string, int> &out);
FLOWC_REDUCE(values)
int r5(const std::string &key, const std::vector<int> &values);
// CHECK-DAG: job-signatures.h:[[@LINE-1]]:56: error: reduce function 'r5' of job 'values' takes values as 'const std::vector<int> &'; it must take 'std::span<const int>'

FLOWC_MAP(dup)
void m6(std::string_view line, flowc::Emitter<std::string, int> &out);
FLOWC_MAP(dup)
void m7(std::string_view line, flowc::Emitter<std::string, int> &out);
// CHECK-DAG: job-signatures.h:[[@LINE-1]]:6: error: job 'dup' has a second map function
// CHECK-DAG: job-signatures.h:[[@LINE-4]]:6: note: the first map function is 'm6'
FLOWC_REDUCE(dup)
int r6(std::string_view key, std::span<const int> values);

struct Holder {
  FLOWC_MAP(member)
  void m8(std::string_view line, flowc::Emitter<std::string, int> &out);
  // CHECK-DAG: job-signatures.h:[[@LINE-1]]:8: error: 'Holder::m8' is a non-static member function; MapReduce functions must be free or static functions
};
