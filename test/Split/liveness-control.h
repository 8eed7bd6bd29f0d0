// Control flow: branches, loops (the next iteration reads it), break,
// continue, early return, switch, calls in conditions and short circuits.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <vector>

class Counter {
  FLOWC_ENTITY(Counter);
public:
  int get() const { return n_; }
  bool more(int i) const { return i < n_; }
private:
  FLOWC_KEY int id_ = 0;
  int n_ = 3;
};

class Driver {
  FLOWC_ENTITY(Driver);
public:
  int branch(int a, int b, flowc::Ref<Counter> c) {
    int r = c->get();
    if (r > 0)
      return a;
    return r;
  }
  // CHECK-LABEL: name: branch
  // CHECK:       - {line: 21, live: [a]}

  int loop(int limit, flowc::Ref<Counter> c) {
    int sum = 0;
    for (int i = 0; i < limit; ++i)
      sum += c->get() * i;
    return sum;
  }
  // CHECK-LABEL: name: loop
  // CHECK:       - {line: 32, live: [limit, c, sum, i]}

  int while_cond(int x, flowc::Ref<Counter> c) {
    int steps = 0;
    while (c->more(x)) {
      ++x;
      ++steps;
    }
    return steps;
  }
  // CHECK-LABEL: name: while_cond
  // CHECK:       - {line: 40, live: [x, c, steps]}

  int do_loop(flowc::Ref<Counter> c) {
    int tries = 0;
    int got;
    do {
      got = c->get();
      ++tries;
    } while (got < 0 && tries < 5);
    return got;
  }
  // CHECK-LABEL: name: do_loop
  // CHECK:       - {line: 53, live: [c, tries]}

  int breaks(std::vector<int> xs, flowc::Ref<Counter> c) {
    int found = -1;
    for (int x : xs) {
      if (x < 0)
        continue;
      if (c->more(x)) {
        found = x;
        break;
      }
    }
    return found;
  }
  // CHECK-LABEL: name: breaks
  // CHECK:       - {line: 66, live: [xs, c, found, x]}

  int switched(int mode, int a, int b, flowc::Ref<Counter> c) {
    switch (c->get()) {
    case 0:
      return a;
    case 1:
      return mode;
    default:
      break;
    }
    return 0;
  }
  // CHECK-LABEL: name: switched
  // CHECK:       - {line: 77, live: [mode, a]}

  bool short_circuit(bool first, int k, flowc::Ref<Counter> c) {
    bool both = first && c->more(k);
    return both;
  }
  // CHECK-LABEL: name: short_circuit
  // CHECK:       - {line: 91, live: []}

  int conditional(bool pick, int a, int b, flowc::Ref<Counter> c) {
    int v = pick ? c->get() + a : b;
    return v;
  }
  // CHECK-LABEL: name: conditional
  // CHECK:       - {line: 98, live: [a]}

  // `twice` is read before the second call (left operand first).
  int early(int a, flowc::Ref<Counter> c) {
    if (a < 0)
      return c->get();
    int twice = a * 2;
    return twice + c->get();
  }
  // CHECK-LABEL: name: early
  // CHECK:       - {line: 107, live: []}
  // CHECK-NEXT:  - {line: 109, live: []}
private:
  FLOWC_KEY int id_ = 0;
};
