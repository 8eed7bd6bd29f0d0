// upgrade_program.cpp - one version of a program using Counter (COUNTER_HEADER
// names which), for UpgradeTest.cpp:
//   upgrade_vN DIR make   creates counters a (3) and b (10) and adds 1 to a
//   upgrade_vN DIR show   prints each counter, then adds 1 to each
// A StoreError at start is printed to stderr, exit status 1.
#include COUNTER_HEADER

#include <flowc/runtime/local.h>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  try {
    flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 2, .store = argv[1]});
    if (std::strcmp(argv[2], "make") == 0) {
      auto a = rt.create<upgrade::Counter>("a", 3).get();
      rt.create<upgrade::Counter>("b", 10).get();
      rt.call<&upgrade::Counter::add>(a, 1).get();
      return 0;
    }
    for (const char *key : {"a", "b"}) {
      auto counter = rt.ref<upgrade::Counter>(key);
      std::printf("%s\n", rt.call<&upgrade::Counter::show>(counter).get().c_str());
      rt.call<&upgrade::Counter::add>(counter, 1).get();
    }
    return 0;
  } catch (const flowc::StoreError &e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
