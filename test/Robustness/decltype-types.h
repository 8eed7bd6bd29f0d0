// `decltype(...)` names things in the scope it is written in, so types are
// spelled as what it denotes; deduced `auto` returns are spelled as deduced.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <cstdint>
#include <vector>

namespace d {
class Counter {
  FLOWC_ENTITY(Counter);
  static std::int64_t start() { return 5; }
public:
  auto next() { return ++count_; }
  decltype(auto) peek() const { return count_; }
  auto scaled(decltype(start()) by) -> decltype(by * 2) { return by * count_; }
  std::vector<decltype(start())> history() const { return {}; }
private:
  FLOWC_KEY int id_ = 0;
  decltype(start()) count_ = start();
};
} // namespace d

// CHECK:      state:
// CHECK-NEXT:   - {name: id_, type: int, initialized: true}
// CHECK-NEXT:   - {name: count_, type: std::int64_t, initialized: true}
// CHECK-LABEL: name: next
// CHECK:      returns: std::int64_t
// CHECK-LABEL: name: peek
// CHECK:      returns: std::int64_t
// CHECK-LABEL: name: scaled
// CHECK:      - {name: by, type: std::int64_t}
// CHECK:      returns: std::int64_t
// CHECK-LABEL: name: history
// CHECK:      returns: std::vector<std::int64_t>
// CHECK-NOT:  decltype(
