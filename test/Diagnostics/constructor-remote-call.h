// Constructors create entities and must not make remote calls.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
class Peer { FLOWC_ENTITY(Peer); FLOWC_KEY int id_ = 0; public: int hello() { return 1; } };
class Greeter {
  FLOWC_ENTITY(Greeter);
  FLOWC_KEY int id_ = 0;
  int greeted_ = 0;
public:
  explicit Greeter(flowc::Ref<Peer> peer) : greeted_(peer->hello()) {}
  // CHECK: constructor-remote-call.h:[[@LINE-1]]:60: error: constructor of entity 'Greeter' makes a remote call to 'Peer::hello'; constructors must not make remote calls
};
