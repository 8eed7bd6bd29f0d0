// Entities in inline and nested scopes and in `extern "C++"` get qualified
// names that C++ can write: no inline namespace. (An entity in an anonymous
// namespace is an error: Diagnostics/entity-linkage.h.)
// RUN: %flowc --emit=ir %s | FileCheck %s
// RUN: %flowc --emit=dot %s | FileCheck %s --check-prefix=DOT
#include <flowc/flowc.h>
#include <string>

namespace outer {
namespace detail {
class Hidden {
  FLOWC_ENTITY(Hidden);
public:
  int get() const { return 0; }
private:
  FLOWC_KEY int id_ = 0;
};
} // namespace detail
using detail::Hidden;
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

// CHECK:      qualified_name: outer::detail::Hidden
// CHECK:      qualified_name: outer::Versioned
// CHECK:        - {name: hidden, type: flowc::Ref<outer::detail::Hidden>}
// CHECK:        - {entity: Hidden, method: get, line: 24, column: {{[0-9]+}}, qualified_entity: outer::detail::Hidden}
// CHECK:      qualified_name: outer::Holder::Nested
// CHECK:        - {name: v, type: flowc::Ref<outer::Versioned>}
// CHECK:      qualified_name: Linked
// CHECK:        - {entity: Nested, method: take, line: 44, column: {{[0-9]+}}, qualified_entity: outer::Holder::Nested}
// CHECK-NOT:  anonymous

// DOT: "outer::Versioned" -> "outer::detail::Hidden"
// DOT-NOT: anonymous
