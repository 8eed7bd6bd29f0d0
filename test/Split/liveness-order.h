// Where the lowered code reads a variable, relative to a remote call in the
// same expression (lib/Split/EvaluationOrder.h): a value read before the call
// goes into a temporary, so it is not live across it; an object the lowered
// code uses after the call (to call a method on, to assign into) is. An
// assignment runs its right operand first (C++17), overloaded or not.
// Constants are never carried.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <map>
#include <string>
#include <vector>

// `middle` has no initializer of its own, on purpose (designated below).
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
struct Parts {
  std::string name;
  std::vector<int> middle;
  std::string more = "m";
  int last = 0;
};

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

  // The left operand of an assignment runs after the right one, its own
  // calls too: what it reads (the parameter `k`, the Ref `q`) lives across
  // the right operand's call, p->get() (seeds 631 and 649). Across q->name(),
  // which runs second, the set is larger than needed (q, p): the reads of
  // the left operand count at the assignment, after both calls.
  int left_after_right(std::string k, flowc::Ref<Peer> q, flowc::Ref<Peer> p) {
    std::map<std::string, int> m;
    m[k + q->name()] += p->get();
    return static_cast<int>(m.size());
  }
  // CHECK-LABEL: name: left_after_right
  // CHECK:       - {line: [[@LINE-4]], live: [k, q, p, m]}
  // CHECK-NEXT:  - {line: [[@LINE-5]], live: [k, q, m]}

  // The object's key is kept; the object is formed after the second call,
  // so the map is live across both and the key across neither.
  int object_with_calls(flowc::Ref<Peer> p) {
    std::map<int, std::vector<std::string>> g;
    g[p->get()].push_back(p->name());
    return static_cast<int>(g.size());
  }
  // CHECK-LABEL: name: object_with_calls
  // CHECK:       - {line: [[@LINE-4]], live: [p, g]}
  // CHECK-NEXT:  - {line: [[@LINE-5]], live: [g]}
  // CHECK:         - text: "g["
  // CHECK-NEXT:    - field: flowc_t1
  // CHECK-NEXT:    - text: "].push_back("
  // CHECK-NEXT:    - field: flowc_t2

  // An iterator cannot be kept, and nothing later changes v: it is formed
  // after the call, so v is live across it.
  int iterator_argument(flowc::Ref<Peer> p) {
    std::vector<int> v{1};
    v.insert(v.begin(), p->get());
    return v.front();
  }
  // CHECK-LABEL: name: iterator_argument
  // CHECK:       - {line: [[@LINE-4]], live: [v]}
  // CHECK:         - text: "v.insert(v.begin(), "
  // CHECK-NEXT:    - field: flowc_t1

  // Reading an element through a container's non-const accessor changes
  // nothing: the iterator is still formed after the call.
  int iterator_and_element(flowc::Ref<Peer> p) {
    std::vector<int> v{1, 2};
    v.insert(v.begin(), v[static_cast<std::size_t>(p->get()) % v.size()]);
    return v.front();
  }
  // CHECK-LABEL: name: iterator_and_element
  // CHECK:         - text: "v.insert(v.begin(), v[static_cast<std::size_t>("
  // CHECK-NEXT:    - field: flowc_t1

  // Members left out of a braced initializer have no text: they are
  // initialized with the whole, after both calls.
  int designated(flowc::Ref<Peer> p) {
    Parts parts{.name = p->name(), .last = p->get()};
    return parts.last;
  }
  // CHECK-LABEL: name: designated
  // CHECK:         - text: "Parts parts{.name = "
  // CHECK-NEXT:    - field: flowc_t1
  // CHECK-NEXT:    - text: ", .last = "
  // CHECK-NEXT:    - field: flowc_t2

  int operand(int x, flowc::Ref<Peer> p) {
    return x * p->get();
  }
  // CHECK-LABEL: name: operand
  // CHECK:       - {line: [[@LINE-3]], live: []}
  // x is read before the call, into a temporary.
  // CHECK:       body:
  // CHECK:         - field: flowc_t1
  // CHECK-NEXT:    - text: " = x; "
  // CHECK-NEXT:    - suspend:
  // CHECK:         - finish:
  // CHECK-NEXT:        value:
  // CHECK-NEXT:          - field: flowc_t1
  // CHECK-NEXT:          - text: " * "
  // CHECK-NEXT:          - field: flowc_t2

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
  // CHECK:         locals:
  // CHECK-NEXT:      - home: constant
  // CHECK-NEXT:        name: k
  // CHECK-NEXT:        declaration: [{text: "constexpr int k = 3;"}]
  // CHECK-NEXT:      - home: constant
  // CHECK-NEXT:        name: n
  // CHECK-NEXT:        declaration: [{text: "const int n = k * 2;"}]
  // CHECK-NEXT:    resumes:

private:
  FLOWC_KEY int id_ = 0;
};
