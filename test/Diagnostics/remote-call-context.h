// Remote calls belong in entity methods: not in lambdas, local classes or
// non-public members; outside entities they only work in direct mode.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=WARN < %t.err
#include <flowc/flowc.h>
class Peer { FLOWC_ENTITY(Peer); FLOWC_KEY int id_ = 0; public: int hello() { return 1; } };
class Caller {
  FLOWC_ENTITY(Caller);
  FLOWC_KEY int id_ = 0;
  int helper(flowc::Ref<Peer> p) { return p->hello(); }
  // CHECK: remote-call-context.h:[[@LINE-1]]:46: error: remote call to 'Peer::hello' in 'Caller::helper', which is not an entity method; only public non-static methods can make remote calls
public:
  int viaLambda(flowc::Ref<Peer> p) {
    auto f = [p] { return p->hello(); };
    // CHECK: remote-call-context.h:[[@LINE-1]]:30: error: remote call to 'Peer::hello' inside a lambda; a lambda cannot be split at a remote call, so call it in the method itself
    return f();
  }
  int viaLocalClass(flowc::Ref<Peer> p) {
    struct Local { static int go(flowc::Ref<Peer> q) { return q->hello(); } };
    // CHECK: remote-call-context.h:[[@LINE-1]]:66: error: remote call to 'Peer::hello' inside a local class; it cannot be split, so call it in the method itself
    return Local::go(p);
  }
  static int viaStatic(flowc::Ref<Peer> p) { return p->hello(); }
  // CHECK: remote-call-context.h:[[@LINE-1]]:56: error: remote call to 'Peer::hello' in 'Caller::viaStatic', which is not an entity method
};
inline int freeFunction(flowc::Ref<Peer> p) { return p->hello(); }
// WARN: remote-call-context.h:[[@LINE-1]]:57: warning: remote call to 'Peer::hello' outside an entity method is not converted; it only works in direct mode
