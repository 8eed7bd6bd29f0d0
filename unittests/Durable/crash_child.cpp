// crash_child.cpp - the process CrashTest.cpp kills: it runs transactions on
// a LocalRuntime with a store and writes one line to stdout for each chain it
// is about to run ("try ...") and each whose future became ready ("ok ...",
// "fail ..."), so the test knows what was acknowledged when the kill came.
// A line is one write(2) of less than PIPE_BUF bytes: whole or absent.
//
//   crash_child lists DIR RUN sync|process   list appends until killed
//   crash_child bank DIR RUN sync|process    bank transfers until killed
//   crash_child dump DIR                     every list and account, as stored
#include "workloads.h"

#include <flowc/runtime/local.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace durable_test {
void say(const std::string &line) {
  std::string out = line + "\n";
  if (::write(1, out.data(), out.size()) != static_cast<ssize_t>(out.size()))
    std::_Exit(3);
}
} // namespace durable_test

namespace {

using namespace durable_test;

// "list NAME v1 v2 ..." per list, "account NAME balance transfers deposits".
void dump(flowc::LocalRuntime &rt) {
  for (int i = 0; i < kLists; ++i) {
    std::string line = "list " + list_name(i);
    try {
      for (long v : rt.call<&lists::List::read>(rt.ref<lists::List>(list_name(i))).get())
        line += " " + std::to_string(v);
    } catch (const flowc::EntityNotFound &) {
      continue;
    }
    say(line);
  }
  for (int i = 0; i < kAccounts; ++i) {
    auto account = rt.ref<bank::Account>(account_name(i));
    try {
      long balance = rt.call<&bank::Account::balance>(account).get();
      say("account " + account_name(i) + " " + std::to_string(balance) + " " +
          std::to_string(rt.call<&bank::Account::transfers>(account).get()) + " " +
          std::to_string(rt.call<&bank::Account::deposits>(account).get()));
    } catch (const flowc::EntityNotFound &) {
    }
  }
}

} // namespace

int main(int argc, char **argv) {
  try {
    if (argc == 3 && std::strcmp(argv[1], "dump") == 0) {
      flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 2, .store = argv[2]});
      dump(rt);
      return 0;
    }
    if (argc == 5) {
      flowc::LocalOptions options{.workers = 2, .store = argv[2]};
      options.durability = std::strcmp(argv[4], "process") == 0
                               ? flowc::Durability::process
                               : flowc::Durability::sync;
      flowc::LocalRuntime rt(options);
      long run = std::atol(argv[3]);
      if (std::strcmp(argv[1], "lists") == 0)
        run_lists(rt, run);
      else if (std::strcmp(argv[1], "bank") == 0)
        run_bank(rt, run);
      return 2;
    }
  } catch (const flowc::Error &e) {
    std::fprintf(stderr, "crash_child: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: crash_child lists|bank DIR RUN sync|process, "
                       "or crash_child dump DIR\n");
  return 2;
}
