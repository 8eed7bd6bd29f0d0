// The state machine of each split method: the frame holds the live variables
// and flowc's temporaries; each remote call records the call, sets its label
// and returns, and resumes at that label with the result.
// The IR lists each frame; the generated code shows each machine.
// RUN: %flowc --emit=ir %s | FileCheck %s
// RUN: rm -rf %t && %flowc %s -o %t
// RUN: FileCheck %s --check-prefix=CODE < %t/lowering.flowc.cpp
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
  // CODE-LABEL:  Node::depth (
  // CODE:          switch (flowc_f.label) {
  // CODE:          case 1:
  // CODE-NEXT:       goto flowc_resume_1;
  // CODE:          if (n == 0) {
  // CODE-NEXT:       flowc_m.finish(0);
  // CODE-NEXT:       return;
  // CODE:          flowc_f.label = 1; /* remote call, line 22 */
  // CODE-NEXT:     flowc_m.template call<&Node::depth>(next, flowc::Ref<Node>(this), n - 1);
  // CODE-NEXT:     return;
  // CODE-NEXT:   flowc_resume_1:;
  // CODE-NEXT:     flowc_f.flowc_t1 = flowc_m.template result<int>();
  // CODE-NEXT:     flowc_m.finish(1 + flowc_f.flowc_t1);
  // CODE-NEXT:     return;

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
  // CODE-LABEL:  Node::sum_to (
  // CODE:          int &limit = flowc_f.limit;
  // CODE:          int &i = flowc_f.i;
  // CODE:          sum = 0;
  // CODE-NEXT:     for (i = 0; i < limit; ++i) {
  // CODE-NEXT:       if (i % 2)
  // CODE-NEXT:         continue; // comments survive
  // CODE-NEXT:       flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:       flowc_m.template call<&Node::get>(other);
  // CODE-NEXT:       return;
  // CODE-NEXT:     flowc_resume_1:;
  // CODE-NEXT:       flowc_f.flowc_t1 = flowc_m.template result<int>();
  // CODE-NEXT:       sum += flowc_f.flowc_t1;

  int while_more(flowc::Ref<Node> other) {
    int i = 0;
    while (other->more(i))
      ++i;
    return i;
  }
  // CODE-LABEL:  Node::while_more (
  // CODE:          while (true) {
  // CODE-NEXT:       flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:       flowc_m.template call<&Node::more>(other, i);
  // CODE-NEXT:       return;
  // CODE-NEXT:     flowc_resume_1:;
  // CODE-NEXT:       flowc_f.flowc_t1 = flowc_m.template result<bool>();
  // CODE-NEXT:       if (!(flowc_f.flowc_t1))
  // CODE-NEXT:         break;
  // CODE-NEXT:       ++i;

  int do_more(flowc::Ref<Node> other) {
    int i = 0;
    do {
      if (i == 3)
        continue;
      ++i;
    } while (other->more(i));
    return i;
  }
  // CODE-LABEL:  Node::do_more (
  // CODE:          while (true) {
  // CODE:              goto flowc_continue_1;
  // CODE:          flowc_continue_1:;
  // CODE-NEXT:       flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:       flowc_m.template call<&Node::more>(other, i);
  // CODE-NEXT:       return;
  // CODE-NEXT:     flowc_resume_1:;
  // CODE-NEXT:       flowc_f.flowc_t1 = flowc_m.template result<bool>();
  // CODE-NEXT:       if (!(flowc_f.flowc_t1))
  // CODE-NEXT:         break;
  // CODE-NEXT:     }

  bool both(bool first, flowc::Ref<Node> a, flowc::Ref<Node> b) {
    return first && a->more(1) && b->more(2);
  }
  // CODE-LABEL:  Node::both (
  // CODE:          flowc_f.flowc_t2 = static_cast<bool>(first);
  // CODE-NEXT:     if (flowc_f.flowc_t2) {
  // CODE-NEXT:       flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:       flowc_m.template call<&Node::more>(a, 1);
  // CODE-NEXT:       return;
  // CODE-NEXT:     flowc_resume_1:;
  // CODE-NEXT:       flowc_f.flowc_t1 = flowc_m.template result<bool>();
  // CODE-NEXT:       flowc_f.flowc_t2 = static_cast<bool>(flowc_f.flowc_t1);
  // CODE-NEXT:     }
  // CODE-NEXT:     flowc_f.flowc_t4 = static_cast<bool>(flowc_f.flowc_t2);
  // CODE-NEXT:     if (flowc_f.flowc_t4) {
  // CODE-NEXT:       flowc_f.label = 2; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:       flowc_m.template call<&Node::more>(b, 2);
  // CODE-NEXT:       return;
  // CODE-NEXT:     flowc_resume_2:;
  // CODE-NEXT:       flowc_f.flowc_t3 = flowc_m.template result<bool>();
  // CODE-NEXT:       flowc_f.flowc_t4 = static_cast<bool>(flowc_f.flowc_t3);
  // CODE-NEXT:     }
  // CODE-NEXT:     flowc_m.finish(flowc_f.flowc_t4);

  int pick(bool which, flowc::Ref<Node> a, flowc::Ref<Node> b) {
    return which ? a->get() : b->get();
  }
  // CODE-LABEL:  Node::pick (
  // CODE:          if (which) {
  // CODE-NEXT:       flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:       flowc_m.template call<&Node::get>(a);
  // CODE:            flowc_f.flowc_t3 = flowc_f.flowc_t1;
  // CODE-NEXT:     } else {
  // CODE-NEXT:       flowc_f.label = 2; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:       flowc_m.template call<&Node::get>(b);
  // CODE:            flowc_f.flowc_t3 = flowc_f.flowc_t2;
  // CODE-NEXT:     }
  // CODE-NEXT:     flowc_m.finish(flowc_f.flowc_t3);

  int state_first(flowc::Ref<Node> a) {
    return value_ + a->get();
  }
  // CODE-LABEL:  Node::state_first (
  // CODE:          flowc_f.flowc_t1 = value_;
  // CODE-NEXT:     flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:     flowc_m.template call_last<&Node::get>(a);
  // CODE:          flowc_m.finish(flowc_f.flowc_t1 + flowc_f.flowc_t2);

  void poke_all(std::vector<flowc::Ref<Node>> nodes) {
    for (flowc::Ref<Node> &node : nodes)
      node->poke();
  }
  // CODE-LABEL:  Node::poke_all (
  // CODE:          flowc::Ref<Node> *node = nullptr;
  // `node` is not read after the call: resuming does not find it again (the
  // next step of the loop does).
  // CODE:          case 1:
  // CODE-NEXT:       goto flowc_resume_1;
  // CODE:          for (flowc::detail::start(nodes, flowc_f.flowc_i1);
  // CODE-NEXT:          flowc::detail::more(nodes, flowc_f.flowc_i1);
  // CODE-NEXT:          flowc::detail::next(nodes, flowc_f.flowc_i1)) {
  // CODE-NEXT:       node = &flowc::detail::at(nodes, flowc_f.flowc_i1);
  // CODE-NEXT:       {
  // CODE-NEXT:         flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:         flowc_m.template call<&Node::poke>((*node));
  // CODE:          flowc_m.finish();
  // CODE-NEXT:   }

  int switched(flowc::Ref<Node> a) {
    switch (a->get()) {
    case 0:
      return 1;
    default:
      break;
    }
    return 2;
  }
  // CODE-LABEL:  Node::switched (
  // CODE:          flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:     flowc_m.template call_last<&Node::get>(a);
  // CODE:          flowc_f.flowc_t1 = flowc_m.template result<int>();
  // CODE-NEXT:     switch (flowc_f.flowc_t1) {
  int weighted(flowc::Ref<Node> scale) {
    int total = 0;
    for (const auto &[node, weight] : pairs_)
      total += weight * node->get() + scale->get();
    return total;
  }
  // CODE-LABEL:  Node::weighted (
  // CODE:          const std::pair<flowc::Ref<Node>, int> *flowc_b = nullptr;
  // Neither binding is read after either call.
  // CODE:          case 1:
  // CODE-NEXT:       goto flowc_resume_1;
  // CODE:          case 2:
  // CODE-NEXT:       goto flowc_resume_2;
  // `weight` is read before the call that follows it, into a temporary.
  // CODE:          flowc_f.flowc_t1 = std::get<1>(*flowc_b);
  // CODE-NEXT:     flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:     flowc_m.template call<&Node::get>(std::get<0>(*flowc_b));
  // CODE:          flowc_f.flowc_t3 = flowc_f.flowc_t1 * flowc_f.flowc_t2;
  // CODE-NEXT:     flowc_f.label = 2; /* remote call, line {{[0-9]+}} */
  // CODE:          total += flowc_f.flowc_t3 + flowc_f.flowc_t4;
  // Leaving the loop at the call: `text` is not live after it, so it is not
  // in the frame and nothing looks for `c` in it on resuming (issue 20: the
  // resume read the dropped string and failed). `s` is read after the call,
  // so it is found again, and its range is kept.
  int leave(int fuel, std::string text, std::string kept, flowc::Ref<Node> a) {
    for (const char &c : text)
      if (fuel > 0 && c != '\0')
        return a->get();
    for (const char &s : kept)
      if (s == 'k')
        return a->get() + s;
    return fuel;
  }
  // CODE-LABEL:  Node::leave (
  // CODE:          {{\[\[maybe_unused\]\]}} std::string text{};
  // CODE:          case 1:
  // CODE-NEXT:       goto flowc_resume_1;
  // CODE-NEXT:     case 2:
  // CODE-NEXT:       s = &flowc::detail::at(kept, flowc_f.flowc_i2);
  // CODE-NEXT:       goto flowc_resume_2;
private:
  FLOWC_KEY int id_ = 0;
  int value_ = 0;
  std::vector<std::pair<flowc::Ref<Node>, int>> pairs_;
};

// Members named `f_` and `m_` (the generated code once named its frame and
// machine so) are the user's: generated names start with flowc_.
class Named {
  FLOWC_ENTITY(Named);
public:
  int swap(flowc::Ref<Node> n) {
    int m = n->get() + f_;
    f_ = m_;
    m_ = m;
    return f_;
  }
  // CHECK-LABEL: name: swap
  // CHECK:       frame:
  // CHECK-NEXT:    - {name: flowc_t1, type: int}
  // CHECK-NEXT:  machine:
  // CODE-LABEL:  Named::swap (
  // CODE:          flowc_f.label = 1; /* remote call, line {{[0-9]+}} */
  // CODE-NEXT:     flowc_m.template call_last<&Node::get>(n);
  // CODE:          int m = flowc_f.flowc_t1 + f_;
  // CODE-NEXT:     f_ = m_;
  // CODE-NEXT:     m_ = m;
private:
  FLOWC_KEY int id_ = 0;
  int f_ = 0;
  int m_ = 0;
};
