// bad_calls.cpp - calls the compiler must reject with flowc's words; each
// BAD_* macro selects one.
#include "store.flowc.h"
#include <flowc/runtime/executor.h>
#include <string>

struct Plain {
  int f(int x) { return x; }
};

int main() {
  flowc::Executor ex;
  auto pen = ex.ref<store::Item>("pen");
#if defined(BAD_ARGS)
  ex.call<&store::Item::restock>(pen, std::string("five"));
#elif defined(BAD_FEW)
  // As if restock's parameter had a default: rt.call fills in none.
  ex.call<&store::Item::restock>(pen);
#elif defined(BAD_METHOD)
  flowc::Ref<Plain> plain;
  ex.call<&Plain::f>(plain, 1);
#elif defined(BAD_REF)
  auto cart = ex.ref<store::Cart>(1L);
  ex.call<&store::Item::restock>(cart, 1);
#endif
}
