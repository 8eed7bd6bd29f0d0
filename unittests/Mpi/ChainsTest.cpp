// ChainsTest.cpp - chains whose entities are on different ranks: a method
// that throws, and a call to a key nobody created, at the end of a chain
// through three ranks (each rolls back every entity the chain changed);
// callbacks into an entity on another rank that waits on a call; the
// counts of every rank in stats().
#include "bank.flowc.h"
#include "mpi_world.h"
#include "programs.flowc.h"
#include "txn.flowc.h"

#include <gtest/gtest.h>

#include <set>

namespace {

using flowc::Ref;
using local_test::await;
using txn::Cell;

std::string key(const char *prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

// `count` keys (prefix + n) owned by distinct ranks, as many as there are
// (and at most one per rank while ranks remain).
std::vector<std::string> keys_on_distinct_ranks(const char *prefix, int count) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  std::vector<std::string> keys;
  std::set<int> used;
  for (int n = 0; static_cast<int>(keys.size()) < count && n < 10000; ++n) {
    std::string k = key(prefix, n);
    int rank = mpi_test::rank_of(rt.ref<Cell>(k));
    bool fresh = used.insert(rank).second;
    if (fresh || static_cast<int>(used.size()) == rt.ranks())
      keys.push_back(k);
  }
  return keys;
}

struct ThreeCells {
  Ref<Cell> a, b, c;
  std::string before_a, before_b, before_c;
};

ThreeCells make_cells(const char *prefix) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  std::vector<std::string> keys = keys_on_distinct_ranks(prefix, 3);
  ThreeCells cells;
  cells.a = await(rt.create<Cell>(keys[0], 1));
  cells.b = await(rt.create<Cell>(keys[1], 2));
  cells.c = await(rt.create<Cell>(keys[2], 3));
  if (rt.ranks() >= 3) {
    std::set<int> ranks{mpi_test::rank_of(cells.a), mpi_test::rank_of(cells.b),
                        mpi_test::rank_of(cells.c)};
    EXPECT_EQ(ranks.size(), 3u) << "the chain should span three ranks";
  }
  cells.before_a = await(rt.state(cells.a));
  cells.before_b = await(rt.state(cells.b));
  cells.before_c = await(rt.state(cells.c));
  return cells;
}

void expect_unchanged(const ThreeCells &cells) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  EXPECT_EQ(await(rt.state(cells.a)), cells.before_a);
  EXPECT_EQ(await(rt.state(cells.b)), cells.before_b);
  EXPECT_EQ(await(rt.state(cells.c)), cells.before_c);
}

TEST(MpiChains, ExceptionAtTheEndOfAChainThroughThreeRanks) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  ThreeCells cells = make_cells("throw-");
  auto relayed = rt.call<&Cell::relay>(cells.a, cells.b, cells.c, 5L,
                                       std::string("third rank says no"));
  try {
    await(std::move(relayed));
    ADD_FAILURE() << "the chain should have failed";
  } catch (const flowc::RemoteError &e) {
    EXPECT_STREQ(e.what(), "third rank says no");
  }
  expect_unchanged(cells);
  // The same chain without the failure commits on all three.
  EXPECT_EQ(await(rt.call<&Cell::relay>(cells.a, cells.b, cells.c, 5L, std::string())), 1 + 5);
  EXPECT_EQ(await(rt.call<&Cell::value>(cells.c)), 3 + 5);
}

TEST(MpiChains, EntityNotFoundAtTheEndOfAChainThroughThreeRanks) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  ThreeCells cells = make_cells("missing-");
  // The third key's owner has no entity under it.
  std::vector<std::string> keys = keys_on_distinct_ranks("ghost-", 3);
  Ref<Cell> ghost = rt.ref<Cell>(keys.back());
  try {
    await(rt.call<&Cell::relay>(cells.a, cells.b, ghost, 5L, std::string()));
    ADD_FAILURE() << "the chain should have failed";
  } catch (const flowc::EntityNotFound &e) {
    EXPECT_EQ(std::string(e.what()), "txn::Cell \"" + keys.back() + "\" does not exist");
  }
  expect_unchanged(cells);
  EXPECT_THROW(await(rt.call<&Cell::value>(ghost)), flowc::EntityNotFound);
  EXPECT_THROW(await(rt.create<Cell>(keys_on_distinct_ranks("throw-", 1)[0], 0)),
               flowc::EntityExists);
}

// Node::ping calls the other node, which calls back into this one while it
// waits: with the two on different ranks, the callback crosses ranks twice.
TEST(MpiChains, CallbacksCrossRanks) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  std::vector<int> ids;
  std::set<int> ranks;
  for (int id = 1000; ids.size() < 2 && id < 2000; ++id)
    if (ranks.insert(mpi_test::rank_of(rt.ref<programs::Node>(id))).second ||
        static_cast<int>(ranks.size()) == rt.ranks())
      ids.push_back(id);
  auto program = [&](auto &w) {
    local_test::Record r;
    auto a = w.template create<programs::Node>(ids[0], 10);
    auto b = w.template create<programs::Node>(ids[1], 20);
    r.call<&programs::Node::ping>(w, a, b, 4);
    r.call<&programs::Node::ping>(w, b, a, 3);
    r.call<&programs::Node::zigzag>(w, a, b, 30);
    r.state(w, a);
    r.state(w, b);
    return r;
  };
  local_test::DirectWorld direct;
  mpi_test::MpiWorld mpi;
  local_test::Record expected = program(direct);
  EXPECT_EQ(program(mpi).events, expected.events);
  EXPECT_EQ(expected.events[0], flowc::encode(1 + 2 + 3 + 4)); // the callbacks' bumps
}

TEST(MpiChains, StatsCountEveryRanksChains) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  flowc::Stats before = rt.stats();
  std::vector<Ref<bank::Account>> accounts;
  for (int i = 0; i < 12; ++i)
    accounts.push_back(await(rt.create<bank::Account>(key("stats-", i), 10)));
  for (int i = 0; i < 12; ++i)
    await(rt.call<&bank::Account::deposit>(accounts[i], 1L));
  EXPECT_THROW(await(rt.call<&bank::Account::deposit>(rt.ref<bank::Account>("stats-none"), 1L)),
               flowc::EntityNotFound);
  flowc::Stats after = rt.stats();
  EXPECT_EQ(after.committed - before.committed, 24u);
  EXPECT_EQ(after.failed - before.failed, 1u);
}

} // namespace

// txn.h's hook for tests that park a worker; no test here holds one.
void txn::hold_point(int) {}
