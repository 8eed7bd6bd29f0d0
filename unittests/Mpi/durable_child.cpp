// durable_child.cpp - the MPI job DurableTest.cpp kills: transactions on an
// MpiRuntime with a store, over every rank. Rank 0 appends a line to LOG for
// each chain it is about to run ("try ...") and each whose future became
// ready ("ok ...", "fail ..."), one write(2) each, so the test knows what was
// acknowledged when the kill came; every rank first appends "pid PID", so the
// test can kill any of them.
//
//   mpirun -np N durable_child lists DIR RUN sync|process LOG
//   mpirun -np N durable_child bank DIR RUN sync|process LOG
//   mpirun -np N durable_child dump DIR                 every list and account
//   mpirun -np 2 durable_child transfer DIR MOMENT LOG
//       one transfer from an account on rank 0 to one on rank 1; MOMENT
//       decision|commit: the job kills itself before the decision or before
//       rank 1's commit; failprepare|faildecision: that log write fails
//       (the line "failed"), and a second transfer follows; none
//   mpirun -np 2 durable_child bump DIR LOG
//       a const method on rank 0 changes two cells on rank 1 (one phase);
//       the job kills itself if that writes a decision
//   mpirun -np N durable_child open DIR                 "opened", or the error
//       on every rank's stderr and status 3
//   mpirun -np N durable_child open-chain DIR           the same under
//       Isolation::chain
#include "txn.flowc.h"
#include "workloads.h"

#include "testing.h"

#include <flowc/runtime/mpi.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {
int log_fd = -1;
} // namespace

namespace durable_test {
void say(const std::string &line) {
  std::string out = line + "\n";
  if (::write(log_fd, out.data(), out.size()) != static_cast<ssize_t>(out.size()))
    std::_Exit(3);
}
} // namespace durable_test

namespace {

using namespace durable_test;

void open_log(const char *path) {
  log_fd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0)
    std::_Exit(3);
  say("pid " + std::to_string(::getpid()));
}

// The first key (of `make(i)`, i = 0, 1, ...) of an entity E that rank
// `rank` owns, skipping the first `skip` such.
template <class E, class Make>
auto key_on(flowc::MpiRuntime &rt, int rank, Make make, int skip = 0) {
  const unsigned per_rank = rt.workers() / static_cast<unsigned>(rt.ranks());
  for (int i = 0;; ++i) {
    auto key = make(i);
    if (static_cast<int>(rt.worker_of(rt.ref<E>(key)) / per_rank) == rank && skip-- == 0)
      return key;
  }
}

std::string account_on(flowc::MpiRuntime &rt, int rank) {
  return key_on<bank::Account>(rt, rank, [](int i) { return "x" + std::to_string(i); });
}

std::string cell_on(flowc::MpiRuntime &rt, int rank, int skip) {
  return key_on<txn::Cell>(rt, rank, [](int i) { return "c" + std::to_string(i); }, skip);
}

// A const method of an entity on rank 0 changes two cells on rank 1: the
// chain changed one rank, not its root's, and commits in one phase there.
void run_bump(flowc::MpiRuntime &rt) {
  int auditor = key_on<txn::Auditor>(rt, 0, [](int i) { return i; });
  create_once<txn::Auditor>(rt, auditor);
  create_once<txn::Cell>(rt, cell_on(rt, 1, 0), 0L);
  create_once<txn::Cell>(rt, cell_on(rt, 1, 1), 0L);
  say("ready");
  rt.call<&txn::Auditor::bump>(rt.ref<txn::Auditor>(auditor),
                               rt.ref<txn::Cell>(cell_on(rt, 1, 0)),
                               rt.ref<txn::Cell>(cell_on(rt, 1, 1)))
      .get();
  say("ok");
}

void run_transfer(flowc::MpiRuntime &rt) {
  std::string from = account_on(rt, 0), to = account_on(rt, 1);
  create_once<bank::Account>(rt, from, kOpening);
  create_once<bank::Account>(rt, to, kOpening);
  say("ready");
  // A second transfer follows one that failed on a log write (test hooks).
  for (int tries = 0; tries < 2; ++tries) {
    try {
      bool moved = rt.call<&bank::Account::transfer>(rt.ref<bank::Account>(from), 10,
                                                     rt.ref<bank::Account>(to))
                       .get();
      say(moved ? "ok" : "none");
      say("logged " + std::to_string(rt.stats().logged)); // over every rank
      return;
    } catch (const flowc::StoreError &e) {
      say("failed");
    }
  }
}

// "list NAME v1 v2 ...", "account NAME balance transfers deposits", for
// the accounts of both workloads.
void dump(flowc::MpiRuntime &rt) {
  for (int i = 0; i < kLists; ++i) {
    std::string line = "list " + list_name(i);
    try {
      for (long v : rt.call<&lists::List::read>(rt.ref<lists::List>(list_name(i))).get())
        line += " " + std::to_string(v);
    } catch (const flowc::EntityNotFound &) {
      continue;
    }
    std::printf("%s\n", line.c_str());
  }
  std::vector<std::string> names;
  for (int i = 0; i < kAccounts; ++i)
    names.push_back(account_name(i));
  if (rt.ranks() >= 2) {
    names.push_back(account_on(rt, 0));
    names.push_back(account_on(rt, 1));
    for (int skip = 0; skip < 2; ++skip) {
      std::string cell = cell_on(rt, 1, skip);
      try {
        long value = rt.call<&txn::Cell::value>(rt.ref<txn::Cell>(cell)).get();
        std::printf("cell %s %ld\n", cell.c_str(), value);
      } catch (const flowc::EntityNotFound &) {
      }
    }
  }
  for (const std::string &name : names) {
    auto account = rt.ref<bank::Account>(name);
    try {
      long balance = rt.call<&bank::Account::balance>(account).get();
      std::printf("account %s %ld %ld %ld\n", name.c_str(), balance,
                  rt.call<&bank::Account::transfers>(account).get(),
                  rt.call<&bank::Account::deposits>(account).get());
    } catch (const flowc::EntityNotFound &) {
    }
  }
}

flowc::Durability durability(const char *name) {
  return std::strcmp(name, "process") == 0 ? flowc::Durability::process
                                           : flowc::Durability::sync;
}

} // namespace

void txn::hold_point(int) {} // txn.h's Cell::hold, not called here

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: see durable_child.cpp\n");
    return 2;
  }
  const std::string mode = argv[1];
  flowc::MpiOptions options{.workers = 2, .store = argv[2]};
  try {
    if (mode == "open-chain" && argc == 3) { // a store needs serializable
      options.isolation = flowc::Isolation::chain;
      flowc::MpiRuntime rt(argc, argv, options);
      std::printf("opened\n");
      return 0;
    }
    if ((mode == "dump" || mode == "open") && argc == 3) {
      flowc::MpiRuntime rt(argc, argv, options);
      if (mode == "dump")
        dump(rt);
      else
        std::printf("opened\n");
      return 0;
    }
    if ((mode == "lists" || mode == "bank") && argc == 6) {
      open_log(argv[5]);
      options.durability = durability(argv[4]);
      flowc::MpiRuntime rt(argc, argv, options);
      if (mode == "lists")
        run_lists(rt, std::atol(argv[3]));
      else
        run_bank(rt, std::atol(argv[3]));
      return 2;
    }
    if (mode == "bump" && argc == 4) {
      open_log(argv[3]);
      // A decision would end the job: one phase writes none.
      flowc::mpi::testing::kill_before_decision();
      flowc::MpiRuntime rt(argc, argv, options);
      run_bump(rt);
      return 0;
    }
    if (mode == "transfer" && argc == 5) {
      open_log(argv[4]);
      if (std::strcmp(argv[3], "decision") == 0)
        flowc::mpi::testing::kill_before_decision();
      else if (std::strcmp(argv[3], "commit") == 0)
        flowc::mpi::testing::kill_before_part_commit();
      else if (std::strcmp(argv[3], "failprepare") == 0)
        flowc::mpi::testing::fail_next_prepare();
      else if (std::strcmp(argv[3], "faildecision") == 0)
        flowc::mpi::testing::fail_next_decision();
      flowc::MpiRuntime rt(argc, argv, options);
      run_transfer(rt);
      return 0;
    }
  } catch (const flowc::StoreError &e) {
    std::fprintf(stderr, "durable_child: %s\n", e.what());
    return 3;
  } catch (const flowc::Error &e) {
    std::fprintf(stderr, "durable_child: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: see durable_child.cpp\n");
  return 2;
}
