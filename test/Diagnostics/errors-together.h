// One entity's error does not hide another's: a constructor that makes a
// remote call, and another entity's method whose local cannot be carried,
// are both reported in one run.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
#include <flowc/flowc.h>
#include <string_view>
class Peer { FLOWC_ENTITY(Peer); FLOWC_KEY int id_ = 0; public: int get() { return 1; } };
class Built {
  FLOWC_ENTITY(Built);
public:
  explicit Built(flowc::Ref<Peer> p) : v_(p->get()) {}
  // CHECK: errors-together.h:[[@LINE-1]]:46: error: constructor of entity 'Built' makes a remote call to 'Peer::get'; constructors must not make remote calls
private:
  FLOWC_KEY int id_ = 0;
  int v_;
};
class Viewer {
  FLOWC_ENTITY(Viewer);
public:
  int size(flowc::Ref<Peer> p) {
    std::string_view s = "x";
    // CHECK: errors-together.h:[[@LINE-1]]:22: error: local 's' of type 'std::string_view' lives across the remote call to 'Peer::get'
    int r = p->get();
    return r + static_cast<int>(s.size());
  }
private:
  FLOWC_KEY int id_ = 0;
};
