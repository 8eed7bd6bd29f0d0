// DifferentialTest.cpp - the same entity programs in direct mode, on the
// Executor and on LocalRuntime with 1, 2 and 4 workers: every call's result
// and every entity's final state must be identical byte for byte.
#include "programs.flowc.h"
#include "worlds.h"

#include <gtest/gtest.h>

namespace {

using namespace programs;
using flowc::Ref;
using local_test::Record;

// Calls in loops (two remote calls per line, a while loop on a remote result).
template <class World> Record shop(World &w) {
  Record r;
  auto pen = w.template create<Item>("pen", 3);
  auto ink = w.template create<Item>("ink", 7);
  auto cup = w.template create<Item>("cup", 5);
  r.call<&Item::restock>(w, pen, 20);
  r.call<&Item::restock>(w, cup, 4);
  std::vector<Ref<Cart>> carts;
  for (long c = 0; c < 6; ++c)
    carts.push_back(w.template create<Cart>(c));
  for (long c = 0; c < 6; ++c) {
    r.call<&Cart::add>(w, carts[c], pen, static_cast<int>(c % 3 + 1));
    r.call<&Cart::add>(w, carts[c], ink, 1); // none in stock: skipped
    if (c % 2 == 1)
      r.call<&Cart::add>(w, carts[c], cup, 2);
  }
  for (auto &cart : carts)
    r.call<&Cart::pay>(w, cart);
  r.call<&Cart::pay>(w, carts[0]); // nothing left in it
  r.call<&Cart::drain>(w, carts[1], pen, 2);
  r.call<&Item::stock>(w, pen);
  for (auto &cart : carts) {
    r.call<&Cart::status>(w, cart);
    r.state(w, cart);
  }
  r.state(w, pen);
  r.state(w, ink);
  r.state(w, cup);
  return r;
}

// Recursion across instances of one class, and callbacks into waiting nodes.
template <class World> Record nodes(World &w) {
  Record r;
  std::vector<Ref<Node>> ring;
  for (int i = 0; i < 8; ++i)
    ring.push_back(w.template create<Node>(i, 10 * i + 1));
  for (int i = 0; i < 8; ++i)
    r.call<&Node::link>(w, ring[i], ring[(i + 1) % 8]);
  r.call<&Node::sum>(w, ring[0], 5);
  r.call<&Node::sum>(w, ring[3], 20); // around the ring twice: re-enters nodes
  r.call<&Node::fib>(w, ring[0], 11); // a tree of calls, every node re-entered
  r.call<&Node::ping>(w, ring[1], ring[3], 4);
  r.call<&Node::ping>(w, ring[2], ring[2], 3); // bounces through itself
  r.call<&Node::zigzag>(w, ring[4], ring[5], 40);
  r.call<&Node::trail>(w, ring[4]);
  for (auto &node : ring)
    r.state(w, node);
  return r;
}

// Containers and structs in state, arguments and results.
template <class World> Record ledgers(World &w) {
  Record r;
  auto main = w.template create<Ledger>("main");
  auto mirror = w.template create<Ledger>("mirror");
  r.call<&Ledger::add>(w, main, std::string("alice"), Entry{"rent", -700, 3, {1, "bank"}});
  r.call<&Ledger::add>(w, main, std::string("alice"), Entry{"pay", 2100, std::nullopt, {2, ""}});
  r.call<&Ledger::add>(w, main, std::string("bob"), Entry{"", 5, 0, {-1, "tip\t\n"}});
  std::map<std::string, std::vector<Entry>> batch;
  batch["carol"] = {Entry{"a", 1, 1, {1, "x"}}, Entry{"b", 2, {}, {2, "y"}}};
  batch["alice"] = {Entry{"c", -3, 7, {3, "z"}}};
  r.call<&Ledger::add_all>(w, main, batch);
  r.call<&Ledger::add>(w, mirror, std::string("dave"), Entry{"seed", 40, 9, {0, "m"}});
  r.call<&Ledger::totals>(w, main);
  r.call<&Ledger::last>(w, main, std::string("alice"));
  r.call<&Ledger::last>(w, main, std::string("nobody"));
  r.call<&Ledger::sync>(w, main, mirror);
  r.call<&Ledger::sync>(w, mirror, main); // and back, over what it received
  r.call<&Ledger::tag>(w, mirror, std::vector<std::optional<int>>{1, std::nullopt, -5});
  r.call<&Ledger::totals>(w, mirror);
  r.state(w, main);
  r.state(w, mirror);
  return r;
}

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
