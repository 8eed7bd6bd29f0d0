// Last calls: a remote call after which the method ends without another
// remote call and without anything that may throw (docs/ir.md, `last`).
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <stdexcept>
#include <string>

void note(int n);
inline int twice(int n) noexcept { return 2 * n; }

class Peer {
  FLOWC_ENTITY(Peer);

public:
  int get() const { return n_; }
  std::string name() const { return "peer"; }

private:
  FLOWC_KEY int id_ = 0;
  int n_ = 3;
};

class Caller {
  FLOWC_ENTITY(Caller);

public:
  int tail(flowc::Ref<Peer> p) {
    int v = p->get();
    n_ += v;
    return v + 1;
  }
  // CHECK-LABEL: name: tail
  // CHECK:       callee: Peer::get
  // CHECK:       last: true

  void two(flowc::Ref<Peer> p) {
    n_ += p->get();
    n_ += p->get();
  }
  // CHECK-LABEL: name: two
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true
  // CHECK:       callee: Peer::get
  // CHECK:       last: true

  int branches(bool a, flowc::Ref<Peer> p) {
    if (a)
      return p->get();
    return p->get() + 1;
  }
  // CHECK-LABEL: name: branches
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   callee:
  // CHECK:       last: true
  // CHECK:       callee: Peer::get
  // CHECK:       last: true

  void in_condition(flowc::Ref<Peer> p) {
    if (p->get() > 0)
      n_ += p->get();
  }
  // CHECK-LABEL: name: in_condition
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true
  // CHECK:       callee: Peer::get
  // CHECK:       last: true

  int loop(int k, flowc::Ref<Peer> p) {
    int sum = 0;
    for (int i = 0; i < k; ++i)
      sum += p->get();
    return sum;
  }
  // CHECK-LABEL: name: loop
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true

  int may_throw(flowc::Ref<Peer> p) {
    int v = p->get();
    if (v < 0)
      throw std::runtime_error("negative");
    return v;
  }
  // CHECK-LABEL: name: may_throw
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true

  int calls_after(flowc::Ref<Peer> p) {
    int v = p->get();
    note(v);
    return v;
  }
  // CHECK-LABEL: name: calls_after
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true

  int calls_noexcept_after(flowc::Ref<Peer> p) {
    int v = p->get();
    return twice(v);
  }
  // CHECK-LABEL: name: calls_noexcept_after
  // CHECK:       callee: Peer::get
  // CHECK:       last: true

  int constructs_after(flowc::Ref<Peer> p) {
    int v = p->get();
    std::string s = "built";
    return v + static_cast<int>(s.size());
  }
  // CHECK-LABEL: name: constructs_after
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true

  std::size_t string_result(flowc::Ref<Peer> p) { return p->name().size(); }
  // CHECK-LABEL: name: string_result
  // CHECK:       callee: Peer::name
  // CHECK-NOT:   last: true

  std::string returns_string(flowc::Ref<Peer> p) {
    int v = p->get();
    return v > 0 ? "yes" : "no";
  }
  // CHECK-LABEL: name: returns_string
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true

  long functional_cast(flowc::Ref<Peer> p) {
    int v = p->get();
    return long(v) * 2;
  }
  // CHECK-LABEL: name: functional_cast
  // CHECK:       callee: Peer::get
  // CHECK:       last: true

  long braced_scalars(flowc::Ref<Peer> p) {
    int v{p->get()};
    long w{v};
    return long{w} + 1;
  }
  // CHECK-LABEL: name: braced_scalars
  // CHECK:       callee: Peer::get
  // CHECK:       last: true

  std::size_t class_functional_cast(flowc::Ref<Peer> p) {
    int v = p->get();
    return std::string("built").size() + static_cast<std::size_t>(v);
  }
  // CHECK-LABEL: name: class_functional_cast
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true

  int in_try(flowc::Ref<Peer> p) {
    try {
      return p->get();
    } catch (const std::exception &) {
      return -1;
    }
  }
  // CHECK-LABEL: name: in_try
  // CHECK:       callee: Peer::get
  // CHECK-NOT:   last: true

private:
  FLOWC_KEY int id_ = 0;
  int n_ = 0;
};
