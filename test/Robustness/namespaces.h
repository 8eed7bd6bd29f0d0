// Entities in anonymous, inline and nested scopes and in `extern "C++"` get
// qualified names that C++ can write: no `(anonymous namespace)`, no inline
// namespace.
// RUN: %flowc --emit=ir %s | FileCheck %s
// RUN: %flowc --emit=dot %s | FileCheck %s --check-prefix=DOT
#include <flowc/flowc.h>
#include <string>

namespace outer {
namespace {
class Hidden {
  FLOWC_ENTITY(Hidden);
public:
  int get() const { return 0; }
private:
  FLOWC_KEY int id_ = 0;
};
} // namespace
inline namespace v1 {
class Versioned {
  FLOWC_ENTITY(Versioned);
public:
  int ask(flowc::Ref<Hidden> hidden) { return hidden->get(); }
private:
  FLOWC_KEY int id_ = 0;
};
} // namespace v1
struct Holder {
  class Nested {
    FLOWC_ENTITY(Nested);
  public:
    void take(flowc::Ref<Versioned> v) { (void)v; }
  private:
    FLOWC_KEY std::string id_;
  };
};
} // namespace outer

extern "C++" {
class Linked {
  FLOWC_ENTITY(Linked);
public:
  void poke(flowc::Ref<outer::Holder::Nested> n) { n->take({}); }
private:
  FLOWC_KEY long id_ = 0;
};
}

// CHECK:      qualified_name: outer::Hidden
// CHECK:      qualified_name: outer::Versioned
// CHECK:        - {name: hidden, type: flowc::Ref<outer::Hidden>}
// CHECK:        - {entity: Hidden, method: get, line: 23, column: {{[0-9]+}}, qualified_entity: outer::Hidden}
// CHECK:      qualified_name: outer::Holder::Nested
// CHECK:        - {name: v, type: flowc::Ref<outer::Versioned>}
// CHECK:      qualified_name: Linked
// CHECK:        - {entity: Nested, method: take, line: 43, column: {{[0-9]+}}, qualified_entity: outer::Holder::Nested}
// CHECK-NOT:  anonymous

// DOT: "outer::Versioned" -> "outer::Hidden"
// DOT-NOT: anonymous
