// What the lowering itself cannot write faithfully, each with its location
// and why; nothing is written.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
// RUN: rm -rf %t.dir && not %flowc %s -o %t.dir 2> /dev/null
// RUN: not ls %t.dir/diag-lowering.flowc.h
#include <flowc/flowc.h>
#include <string>
#include <utility>
#include <vector>
#define GET(r) r->get()
int next_default();
struct NoDefault {
  explicit NoDefault(int v) : v(v) {}
  int v;
};
class Peer {
  FLOWC_ENTITY(Peer);
public:
  int get() { return 1; }
  int size_of(std::string s) { return static_cast<int>(s.size()); }
  int scale(int v, int by = next_default()) { return v * by; }
  // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:24: note: the parameter is declared here
  std::vector<int> list(int k) { return std::vector<int>(k); }
private:
  FLOWC_KEY int id_ = 0;
};
class Lower {
  FLOWC_ENTITY(Lower);
public:
  // An iterator formed before the call cannot be formed after it instead,
  // since a later operand changes its vector.
  int iterator_temporary(flowc::Ref<Peer> p) {
    std::vector<int> v{1};
    return first(v.begin(), (v.push_back(2), p->get()));
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:20: error: the value of 'v.begin()' is computed before a later remote call in the same expression and must be kept across it, but its type '{{.*}}' cannot be carried in the frame: {{.*}}
  }
  // A bit of a std::vector<bool> is held by value across the calls, so a
  // write through the loop variable would be lost.
  int flip_bits(std::vector<bool> bits, flowc::Ref<Peer> p) {
    int n = 0;
    for (auto bit : bits) {
      // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:15: error: 'bit' stands for a bit of a std::vector<bool>, and the loop makes remote calls, so it holds the bit's value; changing it would not change the vector: assign through an index instead
      n += p->get();
      bit = n > 1;
    }
    return n;
  }

  // C++ appends "a" before the call reads s; the split method would form the
  // object after the call (found by the program generator, seed 377).
  int object_read_later(flowc::Ref<Peer> p) {
    std::string s = "o";
    s.append("a").append(std::to_string(p->size_of(s)));
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:7: error: 's.append("a")' runs before a later remote call in the same expression, but the split method would evaluate it after the call, and it changes, or reads, what the expression uses before the call; make the remote call in a statement of its own before this one
    return static_cast<int>(s.size());
  }

  // The callee through a member pointer must be kept (the argument changes
  // the pointer), and it is not a value.
  int member_pointer_changed(flowc::Ref<Peer> p) {
    int (Lower::*pick)(int) = &Lower::twice;
    return (this->*pick)((pick = &Lower::twice, p->get()));
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:12: error: '(this->*pick)' runs before a later remote call in the same expression and must be kept across it, but it is not a value; call the remote method in a statement before
  }

  // A call through a member pointer is formed after the call, so the member
  // pointer lives across it.
  int member_pointer(flowc::Ref<Peer> p) {
    int (Lower::*pick)(int) = &Lower::twice;
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:18: error: local 'pick' of type 'int (Lower::*)(int)' lives across the remote call to 'Peer::get' at line [[@LINE+2]], but it cannot be carried in the method's frame: 'int (Lower::*)(int)' is a member pointer
    // CHECK-DAG: diag-lowering.h:[[@LINE+1]]:29: note: the remote call is here
    return (this->*pick)(p->get());
  }

  int constants(flowc::Ref<Peer> p) {
    constexpr int a = 1, b = 2;
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:19: error: a constant declared together with other variables before a remote call cannot be split at a remote call yet
    p->get();
    return a + b;
  }
  int no_default(flowc::Ref<Peer> p) {
    NoDefault x(1);
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:15: error: 'x' is declared before a remote call in the same block, but its type cannot be default-constructed; declare it after the call or in a nested block
    p->get();
    return 1;
  }
  int no_default_live(flowc::Ref<Peer> p) {
    NoDefault x(1);
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:15: error: local 'x' of type 'NoDefault' lives across the remote call to 'Peer::get' at line [[@LINE+1]], but it cannot be carried in the method's frame: 'NoDefault' has no public default constructor
    p->get();
    return x.v;
  }
  int braced_binding(flowc::Ref<Peer> p) {
    auto [a, b]{pair_};
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:10: error: a structured binding initialized with () or {} before a remote call cannot be split at a remote call yet
    p->get();
    return a + b;
  }
  int defaulted(flowc::Ref<Peer> p) { return p->scale(2); }
  // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:49: error: the default argument of parameter 'by' of 'Peer::scale' is not a constant the split method can write; pass it explicitly

  int statement_expression(flowc::Ref<Peer> p) {
    int x = ({ p->get(); });
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:13: error: a statement expression cannot be split at a remote call yet
    return x;
  }
  int range_init(flowc::Ref<Peer> p) {
    int s = 0;
    for (int k = 1; int x : p->list(k))
      // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:10: error: a range-for with an init-statement and a remote call in its range cannot be split at a remote call yet
      s += x;
    return s;
  }
  int range_of_call(flowc::Ref<Peer> p) {
    int s = 0;
    for (int x : items())
      // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:18: error: a range-for whose body makes remote calls must iterate a variable, a member or a temporary, so that it can find its range again after each call; iterate a copy
      s += x * p->get();
    return s;
  }
  int tag_declaration(flowc::Ref<Peer> p) {
    struct P { int a; } pt = {p->get()};
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:12: error: this declaration cannot be split at a remote call yet
    return pt.a;
  }
  int statics(flowc::Ref<Peer> p) {
    static int first = p->get();
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:16: error: a remote call in the initializer of static 'first' would run at every call of the method, not once; initialize it without the call
    return first;
  }
  int pointer_declarator(flowc::Ref<Peer> p) {
    int v = p->get(), *q = &v;
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:5: error: a pointer, reference or array declared together with other variables and a remote call cannot be split at a remote call yet
    return *q;
  }
  int macro(flowc::Ref<Peer> p) { return GET(p); }
  // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:42: error: remote call inside a macro expansion; it cannot be split, so write it out in the method

  int reference_binding(flowc::Ref<Peer> p) {
    auto &[a, b] = pair_;
    // CHECK-DAG: diag-lowering.h:[[@LINE-1]]:12: error: local 'a' of type 'std::pair<int, int> &' lives across the remote call to 'Peer::get' at line [[@LINE+2]], but it cannot be carried in the method's frame: it is a structured binding declared by reference, and what it refers to does not travel with the frame
    // CHECK-DAG: diag-lowering.h:[[@LINE+1]]:8: note: the remote call is here
    p->get();
    return a + b;
  }

private:
  int helper(int *, int v) { return v; }
  int first(std::vector<int>::iterator it, int v) { return *it + v; }
  int twice(int v) { return 2 * v; }
  std::vector<int> &items() { return items_; }
  FLOWC_KEY int id_ = 0;
  int value_ = 0;
  std::pair<int, int> pair_;
  std::vector<int> items_;
};
