#include "harness.h"
#include "prog.flowc.h"

using namespace fz;

template <class World, class Log> void program(World &w, Log &log) {
  auto a = w.template create<E0>(1);
  auto b = w.template create<E0>(2);
  log.track(a, "a");
  log.track(b, "b");
  log.template call<&E0::m>("a.m", a, std::vector<bool>{true, false, true}, b);
  log.template call<&E0::m>("b.m", b, std::vector<bool>{}, a);
}

int main(int argc, char **argv) {
  return fz_harness::run(argc, argv, [](auto &world, auto &log) { program(world, log); });
}
