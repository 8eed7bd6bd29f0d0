// Found by gen_program.py (seeds 122 and 124 of the first flowc-only sweep):
// a range-for by value over a std::vector<bool> whose body makes a remote
// call. The loop variable is the vector's proxy reference. Here flowc accepts
// the method, and the generated code crashes (SIGSEGV on the Executor and on
// LocalRuntime): it declares the loop variable before the loop as
// `std::_Bit_iterator::reference flag{};` (a proxy to nothing) and then
// assigns `flag = flowc::detail::element(flags, i)`, and assigning a proxy
// writes the bit through the null proxy. When the variable must be carried
// across a call that is not in its own statement (a call in a nested
// loop's condition), flowc instead rejects it, naming the library-internal
// type ("'std::_Bit_iterator::reference' is not ..."). `for (bool f : flags)`
// works. The lowering should declare such a variable with the element's
// value type (bool), or re-bind it by index as it does `const T &`.
#pragma once

#include "fuzz_support.h"

namespace fz {

class E0 {
  FLOWC_ENTITY(E0);

public:
  explicit E0(int key) : key_(key) {}
  int f() const { return key_; }
  int m(std::vector<bool> flags, flowc::Ref<E0> p) {
    int n = 0;
    for (auto flag : flags)
      n += flag ? p->f() : 1;
    return n;
  }

private:
  FLOWC_KEY int key_;
};

} // namespace fz
