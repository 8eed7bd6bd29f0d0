// Found by gen_program.py (seeds 2 and 3 before catch_var went behind a flag):
// a named catch parameter after a remote call. flowc says the parameter
// "lives across the remote call" and rejects the method, although it is
// bound only inside the handler, after the call. Fixed: liveness kills a
// handler's exception variable where the handler starts.
#pragma once

#include "fuzz_support.h"

namespace fz {

class E0 {
  FLOWC_ENTITY(E0);

public:
  explicit E0(int key) : key_(key) {}
  int f() const { return key_; }
  int m(flowc::Ref<E0> p) {
    int x = p->f();
    try {
      if (x % 2 == 0)
        throw std::runtime_error("even");
    } catch (const std::runtime_error &e) {
      x += static_cast<int>(std::string(e.what()).size());
    }
    return x;
  }

private:
  FLOWC_KEY int key_;
};

} // namespace fz
