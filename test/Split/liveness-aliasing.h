// Aliasing, conservatively: a local whose address is taken, that a reference
// is bound to, or that a lambda captures by reference stays live in its
// scope. Range-for keeps what it iterates live; its hidden variables are not
// listed. Structured bindings are listed by name.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <map>
#include <string>
#include <utility>
#include <vector>

class Store {
  FLOWC_ENTITY(Store);
public:
  int get(int k) const { return k; }
private:
  FLOWC_KEY int id_ = 0;
};

class Alias {
  FLOWC_ENTITY(Alias);
public:
  int address(int a, flowc::Ref<Store> s) {
    int local = a;
    int *p = &local;
    int got = s->get(1);
    return got;
    (void)p;
  }
  // CHECK-LABEL: name: address
  // CHECK:       - {line: 26, live: [local]}

  int reference(std::vector<int> v, flowc::Ref<Store> s) {
    int &first = v[0];
    first += 1;
    int got = s->get(2);
    return got;
  }
  // CHECK-LABEL: name: reference
  // CHECK:       - {line: 36, live: [v]}

  int ranged(std::vector<int> xs, flowc::Ref<Store> s) {
    int sum = 0;
    for (int x : xs)
      sum += s->get(x);
    int after = s->get(sum);
    return after;
  }
  // CHECK-LABEL: name: ranged
  // CHECK:       - {line: 45, live: [xs, s, sum]}
  // CHECK-NEXT:  - {line: 46, live: []}

  int state_range(flowc::Ref<Store> s) {
    int sum = 0;
    for (const auto &[key, value] : table_)
      sum += s->get(value) + key;
    return sum;
  }
  // CHECK-LABEL: name: state_range
  // CHECK:       - {line: 56, live: [s, sum, key]}

  int captured(int a, flowc::Ref<Store> s) {
    int seen = 0;
    {
      auto bump = [&seen] { ++seen; };
      bump();
    }
    int got = s->get(a);
    return got;
  }
  // CHECK-LABEL: name: captured
  // CHECK:       - {line: 68, live: [seen]}
private:
  FLOWC_KEY int id_ = 0;
  std::map<int, int> table_;
};
