// DeadlockTest.cpp - chains that wait on each other fail with flowc::Deadlock
// as soon as the cycle closes, chains that merely wait do not, and the
// runtime keeps serving afterwards. The workers are parked while the chains
// are sent, so every run sees the same interleaving (no sleeps).
#include "bank.flowc.h"
#include "faults.flowc.h"
#include "pause.h"
#include "worlds.h"

#include <gtest/gtest.h>

namespace {

using bank::Account;
using local_test::await;
using local_test::ParkedWorkers;

class LocalDeadlock : public ::testing::TestWithParam<unsigned> {
protected:
  flowc::LocalOptions options() const {
    // Deadlock and its detector exist in chain mode only (serializable re-runs).
    return flowc::LocalOptions{.workers = GetParam(), .isolation = flowc::Isolation::chain};
  }
};

TEST_P(LocalDeadlock, TwoChainsWaitingOnEachOtherBothFail) {
  flowc::LocalRuntime rt(options());
  auto a = await(rt.create<Account>("a", 0));
  auto b = await(rt.create<Account>("b", 0));
  std::future<int> ab, ba;
  {
    ParkedWorkers parked(rt);
    ab = rt.call<&Account::cross>(a, b); // holds a, then wants b
    ba = rt.call<&Account::cross>(b, a); // holds b, then wants a
  }
  try {
    await(std::move(ab));
    ADD_FAILURE() << "a->cross(b) did not fail";
  } catch (const flowc::Deadlock &e) {
    EXPECT_NE(std::string(e.what()).find("deadlock"), std::string::npos) << e.what();
  }
  EXPECT_THROW(await(std::move(ba)), flowc::Deadlock);
  // Each chain had counted its own touch; neither touch of the other ran.
  EXPECT_EQ(await(rt.call<&Account::touches>(a)), 1);
  EXPECT_EQ(await(rt.call<&Account::touches>(b)), 1);
  // Both entities were released: the same chains, one after the other, pass.
  EXPECT_EQ(await(rt.call<&Account::cross>(a, b)), 4);
  EXPECT_EQ(await(rt.call<&Account::cross>(b, a)), 6);
}

TEST_P(LocalDeadlock, ThreeChainCycleAllFail) {
  flowc::LocalRuntime rt(options());
  auto a = await(rt.create<Account>("a", 0));
  auto b = await(rt.create<Account>("b", 0));
  auto c = await(rt.create<Account>("c", 0));
  std::future<int> ab, bc, ca;
  {
    ParkedWorkers parked(rt);
    ab = rt.call<&Account::cross>(a, b);
    bc = rt.call<&Account::cross>(b, c);
    ca = rt.call<&Account::cross>(c, a);
  }
  EXPECT_THROW(await(std::move(ab)), flowc::Deadlock);
  EXPECT_THROW(await(std::move(bc)), flowc::Deadlock);
  EXPECT_THROW(await(std::move(ca)), flowc::Deadlock);
  EXPECT_EQ(await(rt.call<&Account::cross>(c, a)), 4);
}

// x waits for b while b's chain runs on c: a wait, not a cycle.
TEST_P(LocalDeadlock, WaitingIsNotADeadlock) {
  flowc::LocalRuntime rt(options());
  auto x = await(rt.create<Account>("x", 0));
  auto b = await(rt.create<Account>("b", 0));
  auto c = await(rt.create<Account>("c", 0));
  std::future<int> xb, bc;
  {
    ParkedWorkers parked(rt);
    bc = rt.call<&Account::cross>(b, c);
    xb = rt.call<&Account::cross>(x, b);
  }
  EXPECT_EQ(await(std::move(bc)), 2);
  EXPECT_EQ(await(std::move(xb)), 3);
}

// A chain's callback into an entity it holds runs at once, ahead of the
// other chains queued there (were it queued, the chain would wait on itself).
TEST_P(LocalDeadlock, CallbacksOfTheHolderDoNotWait) {
  flowc::LocalRuntime rt(options());
  auto a = await(rt.create<Account>("a", 50));
  auto b = await(rt.create<Account>("b", 0));
  std::vector<std::future<bool>> moves;
  {
    ParkedWorkers parked(rt);
    for (int i = 0; i < 20; ++i)
      moves.push_back(rt.call<&Account::transfer_acked>(a, 1, b));
  }
  for (auto &move : moves)
    EXPECT_TRUE(await(std::move(move)));
  EXPECT_EQ(await(rt.call<&Account::acks>(a)), 20);
  EXPECT_EQ(await(rt.call<&Account::balance>(b)), 20);
}

// With cycle detection off, the timeout still ends the wait.
TEST_P(LocalDeadlock, TimeoutIsTheFallback) {
  flowc::LocalOptions opts = options();
  opts.detect_deadlocks = false;
  opts.deadlock_timeout = std::chrono::milliseconds(100);
  flowc::LocalRuntime rt(opts);
  auto a = await(rt.create<Account>("a", 0));
  auto b = await(rt.create<Account>("b", 0));
  std::future<int> ab, ba;
  {
    ParkedWorkers parked(rt);
    ab = rt.call<&Account::cross>(a, b);
    ba = rt.call<&Account::cross>(b, a);
  }
  // The first wait to expire fails its chain, which releases what it held;
  // the other chain then goes on, unless it expired in the same check.
  int deadlocks = 0;
  for (auto *future : {&ab, &ba}) {
    try {
      await(std::move(*future));
    } catch (const flowc::Deadlock &e) {
      EXPECT_NE(std::string(e.what()).find("waited more than 100 ms"), std::string::npos)
          << e.what();
      ++deadlocks;
    }
  }
  EXPECT_GE(deadlocks, 1);
  // Two touches each from the crossing chains when one of them went through.
  EXPECT_EQ(await(rt.call<&Account::touch>(a)) + await(rt.call<&Account::touch>(b)),
            4 + (2 - deadlocks));
}

INSTANTIATE_TEST_SUITE_P(Workers, LocalDeadlock, ::testing::Values(1u, 2u, 4u));

} // namespace
