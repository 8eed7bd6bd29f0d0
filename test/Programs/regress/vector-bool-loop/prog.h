// Found by gen_program.py (seeds 122 and 124 of the first flowc-only sweep):
// a range-for by value over a std::vector<bool> whose body makes a remote
// call. The loop variable is the vector's proxy reference. flowc declared it
// before the loop as `std::_Bit_iterator::reference flag{};` (a proxy to
// nothing) and assigned `flag = flowc::detail::element(flags, i)`, which
// writes the bit through the null proxy: SIGSEGV on the Executor and on
// LocalRuntime. Fixed: the variable holds the bit's value (a bool), and a
// write to it in the loop is rejected (test/Split/diag-lowering.h).
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
