// What lives across a remote call travels in the frame: references, pointers,
// views and lambdas cannot. Range-for loop variables are re-bound instead.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <string>
#include <string_view>
#include <vector>
class Peer { FLOWC_ENTITY(Peer); FLOWC_KEY int id_ = 0; public: int get() { return 1; } };
class Split {
  FLOWC_ENTITY(Split);
  FLOWC_KEY int id_ = 0;
  std::vector<int> items_;
public:
  int reference(std::vector<int> v, flowc::Ref<Peer> p) {
    int &first = v[0];
    // CHECK: diag-frame.h:[[@LINE-1]]:10: error: local 'first' of type 'int &' lives across the remote call to 'Peer::get' at line [[@LINE+2]], but it cannot be carried in the method's frame: it is a reference, and what it refers to does not travel with the frame
    // CHECK: diag-frame.h:[[@LINE+1]]:18: note: the remote call is here
    int got = p->get();
    return got + first;
  }
  int pointer(int a, flowc::Ref<Peer> p) {
    int *where = &a;
    // CHECK: diag-frame.h:[[@LINE-1]]:10: error: local 'where' of type 'int *' lives across the remote call to 'Peer::get' {{.*}}: 'int *' is a raw pointer
    p->get();
    // CHECK: note: the remote call is here
    return *where;
  }
  int view(std::string s, flowc::Ref<Peer> p) {
    std::string_view v = s;
    // CHECK: diag-frame.h:[[@LINE-1]]:22: error: local 'v' of type 'std::string_view' lives across {{.*}}: 'std::string_view' does not own what it refers to
    p->get();
    // CHECK: note: the remote call is here
    return static_cast<int>(v.size());
  }
  int lambda(int a, flowc::Ref<Peer> p) {
    auto twice = [a] { return 2 * a; };
    // CHECK: diag-frame.h:[[@LINE-1]]:10: error: local 'twice' of type '{{.*}}' lives across {{.*}} is a lambda
    p->get();
    // CHECK: note: the remote call is here
    return twice();
  }
  // Assigning through a reference after the call uses the reference (it
  // was once taken for a new value of `r`, and the resumed method wrote
  // through a null pointer).
  int assigned_through(flowc::Ref<Peer> p) {
    int x = 0;
    int &r = x;
    // CHECK: diag-frame.h:[[@LINE-1]]:10: error: local 'r' of type 'int &' lives across the remote call to 'Peer::get' at line [[@LINE+2]], but it cannot be carried in the method's frame: it is a reference, and what it refers to does not travel with the frame
    // CHECK: note: the remote call is here
    int v = p->get();
    r = v;
    return x;
  }
  // The machine's own names are the only ones a split method cannot use.
  int machine_names(flowc::Ref<Peer> p) {
    int flowc_m = p->get();
    // CHECK: diag-frame.h:[[@LINE-1]]:9: error: 'flowc_m' is a name the generated code of a method that makes remote calls gives its own variables; rename it
    return flowc_m;
  }
  int loop_ok(flowc::Ref<Peer> p) {
    int sum = 0;
    for (const int &item : items_)
      sum += p->get() * item;
    return sum;
  }
};
