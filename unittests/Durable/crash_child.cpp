// crash_child.cpp - the process CrashTest.cpp kills: it runs transactions on
// a LocalRuntime with a store and writes one line to stdout for each chain it
// is about to run ("try ...") and each whose future became ready ("ok ...",
// "fail ..."), so the test knows what was acknowledged when the kill came.
// A line is one write(2) of less than PIPE_BUF bytes: whole or absent.
//
//   crash_child lists DIR RUN sync|process   list appends until killed
//   crash_child bank DIR RUN sync|process    bank transfers until killed
//   crash_child dump DIR                     every list and account, as stored
#include "bank.flowc.h"
#include "lists.flowc.h"

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

namespace {

constexpr int kLists = 5;
constexpr int kAccounts = 8;
constexpr long kOpening = 1000;
constexpr int kThreads = 4;

void say(const std::string &line) {
  std::string out = line + "\n";
  if (::write(1, out.data(), out.size()) != static_cast<ssize_t>(out.size()))
    std::_Exit(3);
}

std::string list_name(int i) { return "list" + std::to_string(i); }
std::string account_name(int i) { return "acct" + std::to_string(i); }

template <class E, class... A> void create_once(flowc::LocalRuntime &rt, A... args) {
  try {
    rt.create<E>(args...).get();
  } catch (const flowc::EntityExists &) {
  }
}

// Each thread appends one unique value to 1 to 3 distinct lists per
// transaction; one in five throws after its appends (must leave no trace).
void run_lists(flowc::LocalRuntime &rt, long run) {
  for (int i = 0; i < kLists; ++i)
    create_once<lists::List>(rt, list_name(i));
  for (int t = 0; t < kThreads; ++t)
    create_once<lists::Client>(rt, "client" + std::to_string(t));
  say("ready");
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&rt, run, t] {
      std::mt19937 rng(static_cast<unsigned>(run * 100 + t));
      auto client = rt.ref<lists::Client>("client" + std::to_string(t));
      for (long n = 0;; ++n) {
        long value = run * 10000000 + t * 1000000 + n;
        std::vector<int> picked;
        int count = 1 + static_cast<int>(rng() % 3);
        while (static_cast<int>(picked.size()) < count) {
          int list = static_cast<int>(rng() % kLists);
          if (std::find(picked.begin(), picked.end(), list) == picked.end())
            picked.push_back(list);
        }
        std::vector<flowc::Ref<lists::List>> targets;
        std::string names;
        for (int list : picked) {
          targets.push_back(rt.ref<lists::List>(list_name(list)));
          names += " " + list_name(list);
        }
        bool fail = rng() % 5 == 0;
        say("try " + std::to_string(value) + names);
        try {
          rt.call<&lists::Client::run>(client, targets,
                                        std::vector<int>(picked.size(), lists::append),
                                        std::vector<long>(picked.size(), value), fail)
              .get();
          say("ok " + std::to_string(value));
        } catch (const flowc::RemoteError &) {
          say("fail " + std::to_string(value));
        }
      }
    });
  for (auto &thread : threads)
    thread.join();
}

// Transfers between accounts; "ok" for each that moved money.
void run_bank(flowc::LocalRuntime &rt, long run) {
  for (int i = 0; i < kAccounts; ++i)
    create_once<bank::Account>(rt, account_name(i), kOpening);
  say("ready");
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&rt, run, t] {
      std::mt19937 rng(static_cast<unsigned>(run * 100 + t));
      for (;;) {
        int from = static_cast<int>(rng() % kAccounts);
        int to = static_cast<int>((from + 1 + rng() % (kAccounts - 1)) % kAccounts);
        long amount = 1 + static_cast<long>(rng() % 50);
        bool moved = rt.call<&bank::Account::transfer>(
                           rt.ref<bank::Account>(account_name(from)), amount,
                           rt.ref<bank::Account>(account_name(to)))
                         .get();
        say(moved ? "ok" : "none");
      }
    });
  for (auto &thread : threads)
    thread.join();
}

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
