// Methods are the public non-static member functions, in declaration order,
// with parameters, return type and whether they are read-only (const).
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <map>
#include <optional>
#include <string>

namespace store {
struct Price {
  int cents = 0;
};

class Shelf {
  FLOWC_ENTITY(Shelf);

public:
  int count() const { return count_; }
  void put(const std::string &what, int n) { items_[what] += n; count_ += n; }
  std::optional<Price> price_of(std::string what) const;
  const std::string &label() const { return label_; }
  Shelf &operator+=(int n) { count_ += n; return *this; }
  static Shelf make() { return Shelf(); }
  ~Shelf() = default;

private:
  void helper() {}
  FLOWC_KEY std::string label_;
  int count_ = 0;
  std::map<std::string, int> items_;
};
} // namespace store

// CHECK:      methods:
// CHECK-NEXT:   - name: count
// CHECK-NEXT:     line: 18
// CHECK-NEXT:     params: []
// CHECK-NEXT:     returns: int
// CHECK-NEXT:     read_only: true
// CHECK-NEXT:     remote_calls: []
// CHECK-NEXT:     suspensions: []
// CHECK-NEXT:   - name: put
// CHECK-NEXT:     line: 19
// CHECK-NEXT:     params:
// CHECK-NEXT:       - {name: what, type: const std::string &}
// CHECK-NEXT:       - {name: n, type: int}
// CHECK-NEXT:     returns: void
// CHECK-NEXT:     read_only: false
// CHECK:        - name: price_of
// CHECK-NEXT:     line: 20
// CHECK-NEXT:     params:
// CHECK-NEXT:       - {name: what, type: std::string}
// CHECK-NEXT:     returns: std::optional<store::Price>
// CHECK-NEXT:     read_only: true
// CHECK:        - name: label
// CHECK:          returns: const std::string &
// CHECK-NEXT:     read_only: true
// CHECK-NOT:    name: operator
// CHECK-NOT:    name: make
// CHECK-NOT:    name: helper
// CHECK:      jobs: []
