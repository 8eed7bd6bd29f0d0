// dataflow.cpp - the shop's scenario (scenario.h) on flowc::LocalRuntime,
// four worker threads in this process.
#include "scenario.h"

#include <flowc/runtime/local.h>

int main() {
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 4});
  return run_shop(rt);
}
