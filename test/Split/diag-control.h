// Control flow a frame cannot resume: goto across a remote call, a remote call
// inside try, a coroutine.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <coroutine>
#include <stdexcept>
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
class Peer { FLOWC_ENTITY(Peer); FLOWC_KEY int id_ = 0; public: int get() { return 1; } };
class Control {
  FLOWC_ENTITY(Control);
  FLOWC_KEY int id_ = 0;
public:
  int jumps(int n, flowc::Ref<Peer> p) {
  again:
    n += p->get();
    if (n < 10)
      goto again;
    // CHECK: diag-control.h:[[@LINE-1]]:7: error: goto across the remote call to 'Peer::get' at line [[@LINE-3]]; a split method can only use structured control flow across remote calls
    return n;
  }
  int local_goto(int n, flowc::Ref<Peer> p) {
    if (n < 0)
      goto done;
    n = 2 * n;
  done:
    return n + p->get();
  }
  Task coro(flowc::Ref<Peer> p) {
    // CHECK: diag-control.h:[[@LINE-1]]:8: error: 'Control::coro' is a coroutine; an entity method that makes remote calls cannot also be a coroutine
    p->get();
    co_return;
  }
  int guarded(flowc::Ref<Peer> p) {
    try {
      return p->get();
      // CHECK: diag-control.h:[[@LINE-1]]:17: error: remote call to 'Peer::get' inside a try block; exceptions from remote calls cannot be caught in the method, so move the call out of the try block
      // CHECK: diag-control.h:[[@LINE-3]]:5: note: the try block starts here
    } catch (const std::exception &) {
      return -1;
    }
  }
};
