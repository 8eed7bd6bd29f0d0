// ListAppendTest.cpp - Elle's list-append workload (unittests/Local's) on
// MpiRuntime, lists and clients spread over the ranks: the history must be
// serializable in real time with no anomaly, and only the calls that threw
// on purpose may fail (rolled back on every rank they touched).
#include "list_append_workload.h"
#include "mpi_world.h"

#include <gtest/gtest.h>

namespace {

TEST(MpiListAppend, HistoryHasNoAnomalies) {
  // Smaller than LocalRuntime's: every conflict costs round trips between
  // ranks, and ctest runs this at three job sizes.
  list_append::Workload w;
  w.threads = 2;
  w.calls_per_thread = 150;
  list_append::Observed run = list_append::run_workload_on(mpi_test::runtime(), 7, w);
  elle::Report report = elle::check(run.history);
  EXPECT_TRUE(report.ok()) << report.to_string();
  EXPECT_TRUE(run.unexpected.empty()) << run.unexpected.size() << " unexpected outcomes, first: "
                                      << (run.unexpected.empty() ? "" : run.unexpected[0]);
  EXPECT_EQ(run.deadlocks, 0);
  EXPECT_GT(run.meant_to_fail, 0);
  EXPECT_EQ(static_cast<long>(report.failed), run.meant_to_fail);
  EXPECT_EQ(run.stats.failed, static_cast<std::uint64_t>(run.meant_to_fail));
  EXPECT_GT(report.wr, 0u);
  EXPECT_GT(report.rw, 0u);
  RecordProperty("reruns", std::to_string(run.stats.reruns));
  RecordProperty("wounds", std::to_string(run.stats.wounds));
  RecordProperty("waits", std::to_string(run.stats.waits));
}

} // namespace
