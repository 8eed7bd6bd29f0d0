// RuntimeTest.cpp - LocalRuntime's API: create, call, ref, state, the
// type-erased run, worker placement, and the destructor's drain.
#include "bank.flowc.h"
#include "programs.flowc.h"
#include "worlds.h"

#include <gtest/gtest.h>

namespace {

using local_test::await;
using programs::Cart;
using programs::Item;
using programs::Node;

TEST(LocalRuntime, ShopAsInTheSpec) {
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 4});
  EXPECT_EQ(rt.workers(), 4u);
  flowc::Ref<Item> book = rt.create<Item>("book", 10).get();
  rt.call<&Item::restock>(book, 5).get();
  flowc::Ref<Cart> cart = rt.create<Cart>(7L).get();
  rt.call<&Cart::add>(cart, book, 2).get();
  EXPECT_EQ(rt.call<&Cart::pay>(cart).get(), 20);
  EXPECT_EQ(rt.call<&Item::stock>(book).get(), 3);
  EXPECT_EQ(rt.call<&Cart::status>(cart).get(), programs::Status::paid);
}

TEST(LocalRuntime, RefNamesAnEntityByKey) {
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 2});
  auto made = await(rt.create<Item>("pen", 3));
  auto named = rt.ref<Item>("pen");
  EXPECT_EQ(named, made);
  EXPECT_EQ(await(rt.call<&Item::price>(named)), 3);
  EXPECT_EQ(rt.worker_of(named), rt.worker_of(flowc::encode(std::string("pen"))));
  EXPECT_LT(rt.worker_of(named), rt.workers());
}

TEST(LocalRuntime, DefaultsToOneWorkerPerCore) {
  flowc::LocalRuntime rt;
  EXPECT_GE(rt.workers(), 1u);
  auto node = await(rt.create<Node>(1, 5));
  EXPECT_EQ(await(rt.call<&Node::sum>(node, 0)), 5);
}

TEST(LocalRuntime, StateAndRunAreTypeErased) {
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 2});
  flowc::Executor ex;
  auto local = await(rt.create<Item>("cup", 4));
  auto exec = ex.create<Item>("cup", 4);
  flowc::Outgoing restock = flowc::make_call<&Item::restock>(local, 6);
  EXPECT_EQ(await(rt.run(restock)), ex.run(restock));
  std::string state = await(rt.state(flowc::EntityTraits<Item>::type(),
                                     flowc::encode(std::string("cup"))));
  EXPECT_EQ(state, flowc::EntityTraits<Item>::type().save_state(&ex.get(exec)));
  EXPECT_EQ(state, await(rt.state(local)));
}

// Every request made before the destructor gets its answer: the destructor
// waits for chains in flight, however deep, before it stops the workers.
TEST(LocalRuntime, DestructorDrainsInFlightChains) {
  std::vector<std::future<long>> sums;
  std::vector<std::future<bool>> moves;
  {
    flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 3});
    // A line of nodes: chains started at different nodes all walk forward,
    // so they wait for each other but never in a cycle.
    std::vector<flowc::Ref<Node>> line;
    for (int i = 0; i < 16; ++i)
      line.push_back(await(rt.create<Node>(i, i)));
    for (int i = 0; i + 1 < 16; ++i)
      await(rt.call<&Node::link>(line[i], line[i + 1]));
    for (int i = 0; i < 400; ++i)
      sums.push_back(rt.call<&Node::sum>(line[i % 16], 40));
    auto a = await(rt.create<bank::Account>("a", 1000));
    auto b = await(rt.create<bank::Account>("b", 0));
    for (int i = 0; i < 300; ++i)
      moves.push_back(rt.call<&bank::Account::transfer_acked>(a, 1, b));
  }
  // From node s to the end of the line: s + ... + 15.
  for (std::size_t i = 0; i < sums.size(); ++i) {
    ASSERT_EQ(sums[i].wait_for(std::chrono::seconds(0)), std::future_status::ready);
    long s = static_cast<long>(i % 16);
    EXPECT_EQ(sums[i].get(), (s + 15) * (16 - s) / 2);
  }
  for (auto &move : moves) {
    ASSERT_EQ(move.wait_for(std::chrono::seconds(0)), std::future_status::ready);
    EXPECT_TRUE(move.get());
  }
}

TEST(LocalRuntime, EmptyRuntimeStartsAndStops) {
  for (unsigned workers : {1u, 2u, 8u})
    flowc::LocalRuntime rt(flowc::LocalOptions{.workers = workers});
}

} // namespace
