// Control flow a frame cannot resume: goto across a remote call, a remote call
// in a catch handler or a function-try-block, a handler that could never catch
// what comes back from a remote call, a coroutine.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <flowc/runtime/errors.h>
#include <coroutine>
#include <stdexcept>
#include <system_error>
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
  // A try block around a call is split; its handlers catch standard classes.
  int guarded(flowc::Ref<Peer> p) {
    try {
      return p->get();
    } catch (const std::out_of_range &) {
      return -2;
    } catch (const flowc::EntityNotFound &) {
      return -3;
    } catch (std::exception &) {
      return -1;
    } catch (...) {
      return -4;
    }
  }
  int in_handler(flowc::Ref<Peer> p) {
    try {
      return 1;
    } catch (const std::exception &) {
      return p->get();
      // CHECK: diag-control.h:[[@LINE-1]]:17: error: remote call to 'Peer::get' inside a catch handler cannot be split yet; set a flag in the handler and make the call after the try statement
    }
  }
  int function_try(flowc::Ref<Peer> p) try {
    return p->get();
    // CHECK: diag-control.h:[[@LINE-1]]:15: error: remote call to 'Peer::get' inside a function-try-block; put a try block inside the method's body instead
  } catch (...) {
    return -1;
  }
  struct Own : std::runtime_error {
    using std::runtime_error::runtime_error;
  };
  int own_class(flowc::Ref<Peer> p) {
    try {
      return p->get();
    } catch (const Own &) {
      // CHECK: diag-control.h:[[@LINE-1]]:7: error: a handler of 'Control::Own' around the remote call to 'Peer::get' would never catch the callee's exception: it comes back as the standard exception class it derives from (std::runtime_error, std::logic_error, their standard subclasses, std::exception); catch one of those, flowc::EntityNotFound or '...'
      // CHECK: diag-control.h:[[@LINE-3]]:17: note: the remote call is here
      return -1;
    } catch (int) {
      // CHECK: diag-control.h:[[@LINE-1]]:7: error: a handler of 'int' around the remote call to 'Peer::get'
      // CHECK: diag-control.h:[[@LINE-7]]:17: note: the remote call is here
      return -2;
    } catch (const std::system_error &) {
      // CHECK: diag-control.h:[[@LINE-1]]:7: error: a handler of 'std::system_error' around the remote call to 'Peer::get'
      // CHECK: diag-control.h:[[@LINE-11]]:17: note: the remote call is here
      return -3;
    }
  }
};
