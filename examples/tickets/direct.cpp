// direct.cpp - the scenario in direct mode: entities are plain objects and
// flowc::Ref wraps a pointer to one.
#include "customer.h"
#include "scenario.h"

#include <memory>

namespace {
struct Direct {
  std::vector<std::shared_ptr<void>> objects;
  template <class E, class... A> flowc::Ref<E> create(A &&...args) {
    auto object = std::make_shared<E>(std::forward<A>(args)...);
    objects.push_back(object);
    return flowc::Ref<E>(object.get());
  }
  template <auto M, class E, class... A> auto call(flowc::Ref<E> ref, A &&...args) {
    return (ref.operator->()->*M)(std::forward<A>(args)...);
  }
};
} // namespace

int main() {
  Direct world;
  run_tickets(world);
}
