// DifferentialTest.cpp - unittests/Local's differential programs on
// MpiRuntime: every call's result and every entity's final state must be
// those of direct mode, byte for byte, however the entities spread over ranks.
#include "differential_programs.h"
#include "mpi_world.h"

#include <gtest/gtest.h>

namespace {

template <class Program> void expect_same_as_direct(Program program) {
  local_test::DirectWorld direct;
  local_test::Record expected = program(direct);
  mpi_test::MpiWorld mpi;
  EXPECT_EQ(program(mpi).events, expected.events)
      << "MpiRuntime on " << mpi_test::runtime().ranks() << " ranks";
}

TEST(MpiDifferential, CallsInLoops) {
  expect_same_as_direct([](auto &world) { return differential::shop(world); });
}

TEST(MpiDifferential, RecursionAndCallbacksAcrossInstances) {
  expect_same_as_direct([](auto &world) { return differential::nodes(world); });
}

TEST(MpiDifferential, ContainersAndStructs) {
  expect_same_as_direct([](auto &world) { return differential::ledgers(world); });
}

// The ring's nodes live on every rank there is.
TEST(MpiDifferential, EntitiesSpreadOverEveryRank) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  std::vector<int> per_rank(static_cast<std::size_t>(rt.ranks()));
  for (int i = 0; i < 8; ++i)
    ++per_rank[mpi_test::rank_of(rt.ref<programs::Node>(i))];
  for (int rank = 0; rank < rt.ranks(); ++rank)
    EXPECT_GT(per_rank[rank], 0) << "no ring node on rank " << rank;
}

} // namespace
