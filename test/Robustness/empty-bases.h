// Bases that add no state and no public methods are fine: tags, a
// non-copyable helper, protected helpers, privately inherited methods.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
struct Tag {};
class NonCopyable {
protected:
  NonCopyable() = default;
  NonCopyable(const NonCopyable &) = delete;
  int helper() const { return 1; }
};
struct Greeter { void greet() const {} };
class Quiet : public Tag, NonCopyable, private Greeter {
  FLOWC_ENTITY(Quiet);
public:
  int get() const { return helper(); }
private:
  FLOWC_KEY int id_ = 0;
};
// CHECK:      name: Quiet
// CHECK:      state:
// CHECK-NEXT:   - {name: id_, type: int, initialized: true}
// CHECK-NEXT: constructors: []
// CHECK-NEXT: methods:
// CHECK-NEXT:   - name: get
// CHECK-NOT:  name: greet
