// DifferentialTest.cpp - the same entity programs in direct mode, on the
// Executor and on LocalRuntime with 1, 2 and 4 workers: every call's result
// and every entity's final state must be identical byte for byte.
#include "differential_programs.h"

#include <gtest/gtest.h>

namespace {

using namespace programs;
using namespace differential;
using flowc::Ref;

template <class Program> void expect_same_everywhere(Program program) {
  local_test::DirectWorld direct;
  Record expected = program(direct);
  local_test::ExecutorWorld executor;
  EXPECT_EQ(program(executor).events, expected.events) << "Executor";
  for (unsigned workers : {1u, 2u, 4u}) {
    for (bool roundtrip : {false, true}) {
      local_test::LocalWorld local(
          flowc::LocalOptions{.workers = workers, .roundtrip_frames = roundtrip});
      EXPECT_EQ(program(local).events, expected.events)
          << "LocalRuntime with " << workers << " workers"
          << (roundtrip ? ", frames round-tripped" : "");
    }
  }
}

TEST(LocalDifferential, CallsInLoops) {
  expect_same_everywhere([](auto &world) { return shop(world); });
}

TEST(LocalDifferential, RecursionAndCallbacksAcrossInstances) {
  expect_same_everywhere([](auto &world) { return nodes(world); });
}

TEST(LocalDifferential, ContainersAndStructs) {
  expect_same_everywhere([](auto &world) { return ledgers(world); });
}

// Many chains in flight at once: groups that share no entity, each group's
// calls sent by one client to one cart without waiting. One chain at a time
// per cart and per-sender order make each group's outcome the sequential one.
class LocalInFlight : public ::testing::TestWithParam<unsigned> {};

TEST_P(LocalInFlight, DisjointGroupsMatchTheExecutor) {
  constexpr int groups = 60;
  flowc::Executor executor;
  flowc::LocalRuntime runtime(flowc::LocalOptions{.workers = GetParam()});
  struct Group {
    Ref<Cart> cart;
    Ref<Item> a, b;
  };
  std::vector<Group> exec_groups, local_groups;
  for (int g = 0; g < groups; ++g) {
    std::string a = "a" + std::to_string(g), b = "b" + std::to_string(g);
    exec_groups.push_back({executor.create<Cart>(long{g}), executor.create<Item>(a, g % 7 + 1),
                           executor.create<Item>(b, 2)});
    local_groups.push_back({local_test::await(runtime.create<Cart>(long{g})),
                            local_test::await(runtime.create<Item>(a, g % 7 + 1)),
                            local_test::await(runtime.create<Item>(b, 2))});
    executor.call<&Item::restock>(exec_groups[g].a, g % 5);
    local_test::await(runtime.call<&Item::restock>(local_groups[g].a, g % 5));
  }
  std::vector<int> expected;
  std::vector<std::future<int>> paid;
  for (int round = 0; round < 4; ++round) {
    for (int g = 0; g < groups; ++g) {
      int n = (g + round) % 3 + 1;
      executor.call<&Cart::add>(exec_groups[g].cart, exec_groups[g].a, n);
      executor.call<&Cart::add>(exec_groups[g].cart, exec_groups[g].b, 1);
      expected.push_back(executor.call<&Cart::pay>(exec_groups[g].cart));
      runtime.call<&Cart::add>(local_groups[g].cart, local_groups[g].a, n);
      runtime.call<&Cart::add>(local_groups[g].cart, local_groups[g].b, 1);
      paid.push_back(runtime.call<&Cart::pay>(local_groups[g].cart));
    }
  }
  for (std::size_t i = 0; i < paid.size(); ++i)
    EXPECT_EQ(local_test::await(std::move(paid[i])), expected[i]) << "pay #" << i;
  auto state = [&](const auto &ref) {
    using E = std::remove_cvref_t<decltype(*flowc::Access::object(ref))>;
    return flowc::EntityTraits<E>::type().save_state(&executor.get(ref));
  };
  for (int g = 0; g < groups; ++g) {
    EXPECT_EQ(local_test::await(runtime.state(local_groups[g].cart)),
              state(exec_groups[g].cart));
    EXPECT_EQ(local_test::await(runtime.state(local_groups[g].a)), state(exec_groups[g].a));
    EXPECT_EQ(local_test::await(runtime.state(local_groups[g].b)), state(exec_groups[g].b));
  }
}

INSTANTIATE_TEST_SUITE_P(Workers, LocalInFlight, ::testing::Values(1u, 2u, 4u));

} // namespace
