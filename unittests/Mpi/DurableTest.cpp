// DurableTest.cpp - MpiRuntime with a store (docs/durability.md, "MPI"):
// durable_child runs list appends or bank transfers over every rank of an
// mpirun job, a rank (each in turn) is killed with SIGKILL at a random
// moment, which ends the job, and the store is read back (durable_child dump)
// and checked against what rank 0 acknowledged, over many kills on the same
// folders. Then two-phase commit's moments, chosen by test hooks: killed
// after every part is prepared but before the decision (abort everywhere),
// and after the decision but before a participant's commit (commit
// everywhere, the participant resolving with the root). And a store reopened
// by another number of ranks, or under Isolation::chain.
#include "../Durable/bank_ledger.h"
#include "../Durable/list_history.h"
#include "../Durable/process.h"

#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using durable_test::ledger_holds;
using durable_test::sum_accounts;
using durable_test::words;

// A folder for a store, and its `.log` file, neither there yet.
std::string fresh_folder(const std::string &name) {
  std::string folder = ::testing::TempDir() + "flowc-mpi-durable-" + name;
  std::filesystem::remove_all(folder);
  std::filesystem::remove(folder + ".log");
  return folder;
}

std::vector<std::string> mpirun(int np, std::vector<std::string> args) {
  std::vector<std::string> argv{MPIRUN, "--allow-run-as-root", "--oversubscribe",
                                "-np", std::to_string(np), DURABLE_CHILD};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

std::vector<std::string> read_lines(const std::string &path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

bool alive(pid_t pid) { return ::kill(pid, 0) == 0; }

// Starts the job, waits until every rank wrote its pid and rank 0 is ready,
// lets it work for a random while, kills rank `victim` (mpirun then ends the
// others), waits until every rank is gone: the lines rank 0 logged.
std::vector<std::string> run_and_kill(int np, std::vector<std::string> args,
                                      const std::string &log, int victim,
                                      std::mt19937 &rng) {
  std::filesystem::remove(log);
  args.push_back(log);
  durable_test::Child job(mpirun(np, args));
  std::vector<pid_t> pids;
  bool ready = false;
  for (auto until = Clock::now() + std::chrono::seconds(90);
       !ready && Clock::now() < until;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    pids.clear();
    for (const std::string &line : read_lines(log)) {
      std::vector<std::string> w = words(line);
      if (w.size() == 2 && w[0] == "pid")
        pids.push_back(std::stoi(w[1]));
      ready = ready || line == "ready";
    }
  }
  EXPECT_TRUE(ready) << "the job did not get ready";
  EXPECT_EQ(pids.size(), static_cast<std::size_t>(np));
  if (!ready || pids.size() != static_cast<std::size_t>(np))
    return {};
  std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng() % 500));
  // The pids are in the order the ranks started, not by rank: any of them.
  ::kill(pids[victim % np], SIGKILL);
  job.wait();
  for (auto until = Clock::now() + std::chrono::seconds(30);
       Clock::now() < until &&
       std::any_of(pids.begin(), pids.end(), [](pid_t pid) { return alive(pid); });)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  for (pid_t pid : pids)
    EXPECT_FALSE(alive(pid)) << "rank process " << pid << " outlived the job";
  return read_lines(log);
}

std::vector<std::string> dump(int np, const std::string &folder) {
  durable_test::Result result = durable_test::run(mpirun(np, {"dump", folder}));
  EXPECT_EQ(result.status, 0) << result.err;
  std::vector<std::string> lines;
  std::istringstream in(result.out);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

const char *durability(int run) { return run % 2 == 0 ? "process" : "sync"; }

TEST(MpiDurable, ListAppendsSurviveKills) {
  const int np = 3;
  const std::string folder = fresh_folder("lists");
  const std::string log = folder + ".log";
  std::mt19937 rng(20261207);
  durable_test::ListHistory history;
  for (int run = 1; run <= 8; ++run) {
    for (const std::string &line :
         run_and_kill(np, {"lists", folder, std::to_string(run), durability(run)},
                      log, run, rng)) {
      std::vector<std::string> w = words(line);
      if (w.size() < 2 || w[0] == "pid")
        continue;
      history.record(w);
    }
    std::map<std::string, std::vector<long>> lists;
    for (const std::string &line : dump(np, folder)) {
      std::vector<std::string> w = words(line);
      ASSERT_EQ(w[0], "list");
      for (std::size_t i = 2; i < w.size(); ++i)
        lists[w[1]].push_back(std::stol(w[i]));
    }
    ASSERT_EQ(lists.size(), 5u) << "run " << run;
    ASSERT_NO_FATAL_FAILURE(history.check(std::move(lists), run));
  }
  EXPECT_GT(history.acked.size(), 20u) << "the jobs did too little to test";
  EXPECT_FALSE(history.failed.empty());
}

TEST(MpiDurable, BankMoneyConservedOverKills) {
  const int np = 2;
  const std::string folder = fresh_folder("bank");
  const std::string log = folder + ".log";
  std::mt19937 rng(7);
  long acked = 0, attempts_in_flight = 0;
  for (int run = 1; run <= 8; ++run) {
    for (const std::string &line :
         run_and_kill(np, {"bank", folder, std::to_string(run), durability(run)},
                      log, run, rng))
      acked += line == "ok";
    attempts_in_flight += 4; // at most one unanswered transfer per thread
    ASSERT_TRUE(ledger_holds(sum_accounts(dump(np, folder), "acct"), 8,
                             8 * 1000, acked, attempts_in_flight))
        << "after run " << run;
  }
  EXPECT_GT(acked, 20) << "the jobs did too little to test";
}

// The two accounts of `durable_child transfer`: balance, transfers, deposits.
std::map<std::string, std::vector<long>> transfer_accounts(const std::string &folder) {
  std::map<std::string, std::vector<long>> accounts;
  for (const std::string &line : dump(2, folder)) {
    std::vector<std::string> w = words(line);
    if (w[0] == "account" && w[1][0] == 'x')
      accounts[w[1]] = {std::stol(w[2]), std::stol(w[3]), std::stol(w[4])};
  }
  return accounts;
}

long total(const std::map<std::string, std::vector<long>> &accounts, int field) {
  long sum = 0;
  for (const auto &[name, values] : accounts)
    sum += values[field];
  return sum;
}

// Killed when every part is prepared and the root is about to log the
// decision: after the restart the participant asks the root, finds no
// decision, and drops its part; the store then works on.
TEST(MpiDurable, KilledBeforeDecisionAborts) {
  const std::string folder = fresh_folder("decision");
  const std::string log = folder + ".log";
  durable_test::Result job =
      durable_test::run(mpirun(2, {"transfer", folder, "decision", log}));
  EXPECT_NE(job.status, 0) << "the root did not die before its decision";
  std::vector<std::string> lines = read_lines(log);
  ASSERT_NE(std::find(lines.begin(), lines.end(), "ready"), lines.end()) << job.err;
  EXPECT_EQ(std::find(lines.begin(), lines.end(), "ok"), lines.end())
      << "a transfer was acknowledged without its decision";
  std::filesystem::remove(log);

  auto accounts = transfer_accounts(folder);
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(total(accounts, 0), 2000) << "money not conserved";
  EXPECT_EQ(total(accounts, 1), 0) << "the root's part was applied";
  EXPECT_EQ(total(accounts, 2), 0) << "the participant's part was applied";

  job = durable_test::run(mpirun(2, {"transfer", folder, "none", log}));
  ASSERT_EQ(job.status, 0) << job.err;
  accounts = transfer_accounts(folder);
  EXPECT_EQ(total(accounts, 1), 1);
  EXPECT_EQ(total(accounts, 2), 1);
  EXPECT_EQ(total(accounts, 0), 2000);
}

// Killed after the decision, when the participant is about to commit its
// part: after the restart it asks the root, finds the decision, and
// commits; a second restart finds the same.
TEST(MpiDurable, KilledAfterDecisionCommits) {
  const std::string folder = fresh_folder("commit");
  const std::string log = folder + ".log";
  durable_test::Result job =
      durable_test::run(mpirun(2, {"transfer", folder, "commit", log}));
  EXPECT_NE(job.status, 0) << "the participant did not die before its commit";
  std::vector<std::string> lines = read_lines(log);
  ASSERT_NE(std::find(lines.begin(), lines.end(), "ready"), lines.end()) << job.err;

  for (int restart = 1; restart <= 2; ++restart) {
    auto accounts = transfer_accounts(folder);
    ASSERT_EQ(accounts.size(), 2u);
    EXPECT_EQ(total(accounts, 0), 2000) << "money not conserved, restart " << restart;
    EXPECT_EQ(total(accounts, 1), 1) << "the root's part is missing, restart " << restart;
    EXPECT_EQ(total(accounts, 2), 1)
        << "the participant's part is missing, restart " << restart;
  }
}

// A chain whose root (a const method) changed nothing and whose changes
// are all on one other rank commits there in one write: no decision (whose
// write would kill the job here), both cells changed after a restart.
TEST(MpiDurable, ChangesOnOneOtherRankCommitInOnePhase) {
  const std::string folder = fresh_folder("bump");
  const std::string log = folder + ".log";
  for (int run = 1; run <= 2; ++run) {
    durable_test::Result job = durable_test::run(mpirun(2, {"bump", folder, log}));
    ASSERT_EQ(job.status, 0) << "a decision was written:\n" << job.err;
    long sum = 0;
    int cells = 0;
    for (const std::string &line : dump(2, folder)) {
      std::vector<std::string> w = words(line);
      if (w[0] == "cell") {
        ++cells;
        sum += std::stol(w[2]);
      }
    }
    EXPECT_EQ(cells, 2);
    EXPECT_EQ(sum, 2 * run);
  }
}

// A failed log write of a prepared part (a participant's vote) or of the
// decision (the root's) fails the chain with StoreError and rolls it back on
// both ranks, in memory and in the stores; the next transfer commits.
TEST(MpiDurable, FailedPrepareOrDecisionRollsBackEverywhere) {
  for (const char *moment : {"failprepare", "faildecision"}) {
    SCOPED_TRACE(moment);
    const std::string folder = fresh_folder(moment);
    const std::string log = folder + ".log";
    durable_test::Result job =
        durable_test::run(mpirun(2, {"transfer", folder, moment, log}));
    ASSERT_EQ(job.status, 0) << job.err;
    std::vector<std::string> lines = read_lines(log);
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[lines.size() - 3], "failed");
    EXPECT_EQ(lines[lines.size() - 2], "ok");
    // Stats::logged over both ranks: the two creates (one on each) and the
    // transfer that committed.
    EXPECT_EQ(lines.back(), "logged 3");
    auto accounts = transfer_accounts(folder);
    ASSERT_EQ(accounts.size(), 2u);
    EXPECT_EQ(total(accounts, 0), 2000) << "money not conserved";
    EXPECT_EQ(total(accounts, 1), 1) << "the failed transfer left the root's part";
    EXPECT_EQ(total(accounts, 2), 1) << "the failed transfer left the participant's part";
  }
}

// A store is reopened with as many ranks as wrote it: otherwise every rank
// fails with StoreError naming the folder and both counts, and nothing is
// written (the missing rank's part is not created).
TEST(MpiDurable, WrongOpenFailsOnEveryRank) {
  const std::string folder = fresh_folder("ranks");
  durable_test::Result job = durable_test::run(mpirun(2, {"open", folder}));
  ASSERT_EQ(job.status, 0) << job.err;
  for (int np : {1, 3}) {
    job = durable_test::run(mpirun(np, {"open", folder}));
    EXPECT_NE(job.status, 0);
    std::string expected = "store '" + folder + "' was written by 2 ranks (its part "
                           "rank-0 says so); this job has " + std::to_string(np);
    std::size_t seen = 0;
    for (std::size_t at = job.err.find(expected); at != std::string::npos;
         at = job.err.find(expected, at + 1))
      ++seen;
    // Every rank throws it; mpirun ends the job once one rank exits with an
    // error, so on a loaded machine a rank may be ended before it prints.
    EXPECT_GE(seen, 1u) << "np " << np << ":\n" << job.err;
    EXPECT_LE(seen, static_cast<std::size_t>(np)) << "np " << np << ":\n"
                                                  << job.err;
    EXPECT_FALSE(std::filesystem::exists(folder + "/rank-2"));
  }
  job = durable_test::run(mpirun(2, {"open", folder}));
  EXPECT_EQ(job.status, 0) << job.err;
  EXPECT_NE(job.out.find("opened"), std::string::npos);

  // A folder with a database of its own (a LocalRuntime store) is not one.
  const std::string local = fresh_folder("local");
  std::filesystem::create_directories(local);
  std::ofstream(local + "/CURRENT") << "MANIFEST-000001\n";
  job = durable_test::run(mpirun(2, {"open", local}));
  EXPECT_NE(job.status, 0);
  EXPECT_NE(job.err.find("is a LocalRuntime store"), std::string::npos) << job.err;
  EXPECT_FALSE(std::filesystem::exists(local + "/rank-0"));

  // Under Isolation::chain a chain is not atomic: no store, on any rank.
  const std::string chain = fresh_folder("chain");
  job = durable_test::run(mpirun(2, {"open-chain", chain}));
  EXPECT_NE(job.status, 0);
  std::size_t seen = 0;
  for (std::size_t at = job.err.find("needs Isolation::serializable");
       at != std::string::npos; at = job.err.find("needs Isolation::serializable", at + 1))
    ++seen;
  EXPECT_GE(seen, 1u) << job.err; // as above: a rank may be ended first
  EXPECT_FALSE(std::filesystem::exists(chain));
}

} // namespace
