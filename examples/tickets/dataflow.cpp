// dataflow.cpp - the scenario on flowc::LocalRuntime: flowc_generate ran
// flowc on venue.h and customer.h, and customer.flowc.h includes
// venue.flowc.h.
#include "customer.flowc.h"
#include "scenario.h"

#include <flowc/runtime/local.h>

namespace {
struct Dataflow {
  flowc::LocalRuntime rt{flowc::LocalOptions{.workers = 2}};
  template <class E, class... A> flowc::Ref<E> create(A &&...args) {
    return rt.create<E>(std::forward<A>(args)...).get();
  }
  template <auto M, class E, class... A> auto call(flowc::Ref<E> ref, A &&...args) {
    return rt.call<M>(ref, std::forward<A>(args)...).get();
  }
};
} // namespace

int main() {
  Dataflow world;
  run_tickets(world);
}
