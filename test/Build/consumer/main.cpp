#include "counter.flowc.h"
#include <flowc/runtime/executor.h>
#include <cstdio>
int other();
int main() {
  flowc::Executor ex;
  auto c = ex.create<Counter>(1);
  ex.call<&Counter::add>(c, 2);
  std::printf("%d\n", ex.call<&Counter::add>(c, other()));
}
