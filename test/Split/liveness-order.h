// Where the lowered code reads a variable, relative to a remote call in the
// same expression (lib/Split/EvaluationOrder.h): a value read before the call
// goes into a temporary, so it is not live across it; an object the lowered
// code uses after the call (to call a method on, to assign into) is. An
// assignment runs its right operand first (C++17), overloaded or not.
// Constants are never carried.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <string>
#include <vector>

struct Acc {
  int total = 0;
  int add(int v) { return total += v; }
};

class Peer {
  FLOWC_ENTITY(Peer);
public:
  int get() { return 1; }
  std::string name() { return "p"; }
private:
  FLOWC_KEY int id_ = 0;
};

class Order {
  FLOWC_ENTITY(Order);
public:
  int method_object(flowc::Ref<Peer> p) {
    Acc acc;
    acc.add(1);
    return acc.add(p->get());
  }
  // CHECK-LABEL: name: method_object
  // CHECK:       - {line: [[@LINE-3]], live: [acc]}

  std::string overloaded_assignment(std::vector<std::string> names,
                                    std::size_t i, flowc::Ref<Peer> p) {
    names[i] = p->name();
    return names[0];
  }
  // CHECK-LABEL: name: overloaded_assignment
  // CHECK:       - {line: [[@LINE-4]], live: [names, i]}

  int builtin_assignment(std::vector<int> v, int i, flowc::Ref<Peer> p) {
    v[i] = p->get();
    return v[0];
  }
  // CHECK-LABEL: name: builtin_assignment
  // CHECK:       - {line: [[@LINE-4]], live: [v, i]}

  int compound(flowc::Ref<Peer> p) {
    std::string s = "a";
    s += p->name();
    return static_cast<int>(s.size());
  }
  // CHECK-LABEL: name: compound
  // CHECK:       - {line: [[@LINE-4]], live: [s]}

  int operand(int x, flowc::Ref<Peer> p) {
    return x * p->get();
  }
  // CHECK-LABEL: name: operand
  // CHECK:       - {line: [[@LINE-3]], live: []}
  // CHECK:       f_.flowc_t1 = x; f_.label = 1; {{.*}} m_.finish(f_.flowc_t1 * f_.flowc_t2);

  int constant(flowc::Ref<Peer> p) {
    constexpr int k = 3;
    const int n = k * 2;
    p->get();
    return k + n;
  }
  // CHECK-LABEL: name: constant
  // CHECK:       - {line: [[@LINE-4]], live: []}
  // CHECK:       frame: []
  // CHECK-NEXT:  machine:
  // CHECK:       constexpr int k = 3;
  // CHECK-NEXT:  const int n = k * 2;
  // CHECK-NEXT:  switch (f_.label) {

private:
  FLOWC_KEY int id_ = 0;
};
