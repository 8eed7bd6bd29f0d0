// Remote calls: every `ref->method(...)` on a flowc::Ref to an entity, in
// source order, with the callee entity, method and line; through parameters,
// locals, state members and container elements, nested in expressions and
// control flow, and in methods defined out of line.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <map>
#include <string>
#include <vector>

namespace net {

class Node {
  FLOWC_ENTITY(Node);

public:
  int value() const { return value_; }
  int add(int x) { return value_ += x; }
  int sum_children();
  int relay(flowc::Ref<Node> other, int x) {
    flowc::Ref<Node> local = other;
    if (local->value() > x)
      return next_->add(local->add(x));
    while (by_name_["a"]->value() < x)
      x -= 1;
    return x;
  }

private:
  FLOWC_KEY int id_ = 0;
  int value_ = 0;
  flowc::Ref<Node> next_;
  std::vector<flowc::Ref<Node>> children_;
  std::map<std::string, flowc::Ref<Node>> by_name_;
};

int Node::sum_children() {
  int total = 0;
  for (flowc::Ref<Node> child : children_)
    total += child->value();
  return total;
}

} // namespace net

// CHECK-LABEL: - name: value
// CHECK:         remote_calls: []
// CHECK-LABEL: - name: sum_children
// CHECK:         remote_calls:
// CHECK-NEXT:      - {entity: Node, method: value, line: 40, column: 21, qualified_entity: net::Node}
// CHECK-NEXT:    suspensions:
// CHECK-LABEL: - name: relay
// CHECK:         remote_calls:
// CHECK-NEXT:      - {entity: Node, method: value, line: 22, column: 16, qualified_entity: net::Node}
// CHECK-NEXT:      - {entity: Node, method: add, line: 23, column: 21, qualified_entity: net::Node}
// CHECK-NEXT:      - {entity: Node, method: add, line: 23, column: 32, qualified_entity: net::Node}
// CHECK-NEXT:      - {entity: Node, method: value, line: 24, column: 27, qualified_entity: net::Node}
// CHECK-NEXT:    suspensions:
