// One function may serve several jobs, and marks may sit on any
// redeclaration, including one after an unmarked declaration.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <span>
#include <string>
#include <string_view>
namespace {
FLOWC_MAP(first) FLOWC_MAP(second)
void words(std::string_view line, flowc::Emitter<std::string, int> &out);
FLOWC_MAP(third) void words(std::string_view line, flowc::Emitter<std::string, int> &out);
int count(const std::string &word, std::span<const int> counts);
FLOWC_REDUCE(first) FLOWC_REDUCE(second) FLOWC_REDUCE(third)
int count(const std::string &word, std::span<const int> counts);
} // namespace
// CHECK:      - name: first
// CHECK-NEXT:   location: {{.*}}job-several.h:10
// CHECK-NEXT:   map: words
// CHECK-NEXT:   reduce: count
// CHECK:      - name: second
// CHECK-NEXT:   location: {{.*}}job-several.h:10
// CHECK:      - name: third
// CHECK-NEXT:   location: {{.*}}job-several.h:10
// CHECK-NEXT:   map: words
// CHECK-NEXT:   reduce: count
