// rangefor.cpp - times one call of Catalog::total_{map,set,vector} over N
// items on LocalRuntime (1 worker): N suspensions each, so the figure is the
// cost of a step of a suspending range-for, including finding its element
// again. Prints one line per container:
//   CONTAINER n=N seconds=S steps_per_s=R total=T
#include "catalog.flowc.h"

#include <flowc/runtime/local.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace rangefor;

template <auto Method>
void measure(flowc::LocalRuntime &rt, flowc::Ref<Catalog> c, flowc::Ref<Pricer> p,
             const char *name, std::int64_t n) {
  auto begin = std::chrono::steady_clock::now();
  std::int64_t total = rt.call<Method>(c, p).get();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  std::printf("%s n=%lld seconds=%.3f steps_per_s=%.0f total=%lld\n", name,
              static_cast<long long>(n), s, static_cast<double>(n) / s,
              static_cast<long long>(total));
}

int main(int argc, char **argv) {
  std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 100000;
  std::string which = argc > 2 ? argv[2] : "all";
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 1});
  auto p = rt.create<Pricer>(1).get();
  auto c = rt.create<Catalog>(1, n).get();
  if (which == "all" || which == "vector")
    measure<&Catalog::total_vector>(rt, c, p, "vector", n);
  if (which == "all" || which == "map")
    measure<&Catalog::total_map>(rt, c, p, "map", n);
  if (which == "all" || which == "set")
    measure<&Catalog::total_set>(rt, c, p, "set", n);
}
