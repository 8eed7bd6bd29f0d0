// Constructors: the public, user-written ones, with their parameters; copy,
// move, implicit and private constructors are not ways to create an entity.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <string>
#include <vector>

class Counter {
  FLOWC_ENTITY(Counter);

public:
  explicit Counter(std::string name) : name_(name) {}
  Counter(const std::string &name, int start, std::vector<int> history)
      : name_(name), value_(start), history_(history) {}
  Counter(const Counter &) = default;

private:
  Counter(int hidden) : value_(hidden) {}
  FLOWC_KEY std::string name_;
  int value_ = 0;
  std::vector<int> history_;
};

// CHECK:      constructors:
// CHECK-NEXT:   - line: 12
// CHECK-NEXT:     params:
// CHECK-NEXT:       - {name: name, type: std::string}
// CHECK-NEXT:   - line: 13
// CHECK-NEXT:     params:
// CHECK-NEXT:       - {name: name, type: const std::string &}
// CHECK-NEXT:       - {name: start, type: int}
// CHECK-NEXT:       - {name: history, type: std::vector<int>}
// CHECK-NEXT: methods: []
