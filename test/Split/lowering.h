// The state machine of each split method: the frame holds the live variables
// and flowc's temporaries; each remote call records the call, sets its label
// and returns, and resumes at that label with the result.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <string>
#include <utility>
#include <vector>

class Node {
  FLOWC_ENTITY(Node);
public:
  int get() const { return value_; }
  bool more(int i) const { return i < value_; }
  void poke() { ++value_; }
  int depth(flowc::Ref<Node> next, int n) {
    if (n == 0)
      return 0;
    return 1 + next->depth(flowc::Ref<Node>(this), n - 1);
  }
  // CHECK-LABEL: name: depth
  // CHECK:       frame:
  // CHECK-NEXT:    - {name: flowc_t1, type: int}
  // CHECK:       machine: |
  // CHECK:         case 1:
  // CHECK-NEXT:    goto flowc_resume_1;
  // CHECK:         { m_.finish(0); return; }
  // CHECK:         m_.template call<&Node::depth>(next, flowc::Ref<Node>(this), n - 1); return; flowc_resume_1:; f_.flowc_t1 = m_.template result<int>(); m_.finish(1 + f_.flowc_t1); return; }

  int sum_to(int limit, flowc::Ref<Node> other) {
    int sum = 0;
    for (int i = 0; i < limit; ++i) {
      if (i % 2)
        continue; // comments survive
      sum += other->get();
    }
    return sum;
  }
  // CHECK-LABEL: name: sum_to
  // CHECK:       frame:
  // CHECK-NEXT:    - {name: limit, type: int}
  // CHECK-NEXT:    - {name: other, type: flowc::Ref<Node>}
  // CHECK-NEXT:    - {name: sum, type: int}
  // CHECK-NEXT:    - {name: i, type: int}
  // CHECK-NEXT:    - {name: flowc_t1, type: int}
  // CHECK:         int &limit = f_.limit;
  // CHECK:         int &i = f_.i;
  // CHECK:         sum = 0;
  // CHECK:         for (i = 0; i < limit; ++i) {
  // CHECK:         continue; // comments survive
  // CHECK:         f_.label = 1; {{.*}}m_.template call<&Node::get>(other); return; flowc_resume_1:; f_.flowc_t1 = m_.template result<int>(); sum += f_.flowc_t1;

  int while_more(flowc::Ref<Node> other) {
    int i = 0;
    while (other->more(i))
      ++i;
    return i;
  }
  // CHECK-LABEL: name: while_more
  // CHECK:       while (true) { f_.label = 1; {{.*}}call<&Node::more>(other, i); return; flowc_resume_1:; f_.flowc_t1 = m_.template result<bool>(); if (!(f_.flowc_t1)) break;

  int do_more(flowc::Ref<Node> other) {
    int i = 0;
    do {
      if (i == 3)
        continue;
      ++i;
    } while (other->more(i));
    return i;
  }
  // CHECK-LABEL: name: do_more
  // CHECK:       while (true) {
  // CHECK:       goto flowc_continue_1;
  // CHECK:       flowc_continue_1:; f_.label = 1; {{.*}}call<&Node::more>(other, i); return; flowc_resume_1:; {{.*}} if (!(f_.flowc_t1)) break; } }

  bool both(bool first, flowc::Ref<Node> a, flowc::Ref<Node> b) {
    return first && a->more(1) && b->more(2);
  }
  // CHECK-LABEL: name: both
  // CHECK:       f_.flowc_t2 = static_cast<bool>(first); if (f_.flowc_t2) { f_.label = 1; {{.*}}call<&Node::more>(a, 1); return; flowc_resume_1:; f_.flowc_t1 = m_.template result<bool>(); f_.flowc_t2 = static_cast<bool>(f_.flowc_t1); }
  // CHECK-SAME:  f_.flowc_t4 = static_cast<bool>(f_.flowc_t2); if (f_.flowc_t4) { f_.label = 2; {{.*}}call<&Node::more>(b, 2); return; flowc_resume_2:; f_.flowc_t3 = m_.template result<bool>(); f_.flowc_t4 = static_cast<bool>(f_.flowc_t3); } m_.finish(f_.flowc_t4); return; }

  int pick(bool which, flowc::Ref<Node> a, flowc::Ref<Node> b) {
    return which ? a->get() : b->get();
  }
  // CHECK-LABEL: name: pick
  // CHECK:       if (which) { f_.label = 1; {{.*}}call<&Node::get>(a); {{.*}} f_.flowc_t3 = f_.flowc_t1; } else { f_.label = 2; {{.*}}call<&Node::get>(b); {{.*}} f_.flowc_t3 = f_.flowc_t2; } m_.finish(f_.flowc_t3);

  int state_first(flowc::Ref<Node> a) {
    return value_ + a->get();
  }
  // CHECK-LABEL: name: state_first
  // CHECK:       f_.flowc_t1 = value_; f_.label = 1; {{.*}}call<&Node::get>(a); {{.*}} m_.finish(f_.flowc_t1 + f_.flowc_t2);

  void poke_all(std::vector<flowc::Ref<Node>> nodes) {
    for (flowc::Ref<Node> &node : nodes)
      node->poke();
  }
  // CHECK-LABEL: name: poke_all
  // CHECK:       flowc::Ref<Node> *node = nullptr;
  // CHECK:       case 1:
  // CHECK-NEXT:  node = &flowc::detail::element(nodes, f_.flowc_i1); goto flowc_resume_1;
  // The body keeps the line break written before it.
  // CHECK:       for (f_.flowc_i1 = 0; f_.flowc_i1 < flowc::detail::size(nodes); ++f_.flowc_i1) { node = &flowc::detail::element(nodes, f_.flowc_i1);
  // CHECK-NEXT:  f_.label = 1; {{.*}}call<&Node::poke>((*node)); return; flowc_resume_1:;  } }
  // CHECK:       m_.finish();

  int switched(flowc::Ref<Node> a) {
    switch (a->get()) {
    case 0:
      return 1;
    default:
      break;
    }
    return 2;
  }
  // CHECK-LABEL: name: switched
  // CHECK:       { f_.label = 1; {{.*}}call<&Node::get>(a); return; flowc_resume_1:; f_.flowc_t1 = m_.template result<int>(); switch (f_.flowc_t1) {
  int weighted(flowc::Ref<Node> scale) {
    int total = 0;
    for (const auto &[node, weight] : pairs_)
      total += weight * node->get() + scale->get();
    return total;
  }
  // CHECK-LABEL: name: weighted
  // CHECK:       const std::pair<flowc::Ref<Node>, int> *flowc_b = nullptr;
  // CHECK:       case 2:
  // CHECK-NEXT:  flowc_b = &flowc::detail::element(pairs_, f_.flowc_i1); goto flowc_resume_2;
  // `weight` is read before the call that follows it, into a temporary.
  // CHECK:       f_.flowc_t1 = std::get<1>(*flowc_b); f_.label = 1; {{.*}}call<&Node::get>(std::get<0>(*flowc_b));
  // CHECK-SAME:  f_.flowc_t3 = f_.flowc_t1 * f_.flowc_t2; f_.label = 2; {{.*}} total += f_.flowc_t3 + f_.flowc_t4;
private:
  FLOWC_KEY int id_ = 0;
  int value_ = 0;
  std::vector<std::pair<flowc::Ref<Node>, int>> pairs_;
};
