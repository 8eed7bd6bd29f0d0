// workloads.h - what the crash tests' children run until they are killed,
// on a LocalRuntime (crash_child.cpp) or an MpiRuntime
// (unittests/Mpi/durable_child.cpp): list appends and bank transfers. Each
// child defines say(line), which writes one line of its log with one
// write(2), so a line is whole or absent.
#pragma once

#include "bank.flowc.h"
#include "lists.flowc.h"

#include <flowc/runtime/errors.h>

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace durable_test {

constexpr int kLists = 5;
constexpr int kAccounts = 8;
constexpr long kOpening = 1000;
constexpr int kThreads = 4;

void say(const std::string &line);

inline std::string list_name(int i) { return "list" + std::to_string(i); }
inline std::string account_name(int i) { return "acct" + std::to_string(i); }

template <class E, class Runtime, class... A>
void create_once(Runtime &rt, A... args) {
  try {
    rt.template create<E>(args...).get();
  } catch (const flowc::EntityExists &) {
  }
}

// Each thread appends one unique value to 1 to 3 distinct lists per
// transaction; one in five throws after its appends (must leave no trace).
template <class Runtime> void run_lists(Runtime &rt, long run) {
  for (int i = 0; i < kLists; ++i)
    create_once<lists::List>(rt, list_name(i));
  for (int t = 0; t < kThreads; ++t)
    create_once<lists::Client>(rt, "client" + std::to_string(t));
  say("ready");
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&rt, run, t] {
      std::mt19937 rng(static_cast<unsigned>(run * 100 + t));
      auto client =
          rt.template ref<lists::Client>("client" + std::to_string(t));
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
          targets.push_back(rt.template ref<lists::List>(list_name(list)));
          names += " " + list_name(list);
        }
        bool fail = rng() % 5 == 0;
        say("try " + std::to_string(value) + names);
        try {
          rt.template call<&lists::Client::run>(
                client, targets, std::vector<int>(picked.size(), lists::append),
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
template <class Runtime> void run_bank(Runtime &rt, long run) {
  for (int i = 0; i < kAccounts; ++i)
    create_once<bank::Account>(rt, account_name(i), kOpening);
  say("ready");
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&rt, run, t] {
      std::mt19937 rng(static_cast<unsigned>(run * 100 + t));
      for (;;) {
        int from = static_cast<int>(rng() % kAccounts);
        int to =
            static_cast<int>((from + 1 + rng() % (kAccounts - 1)) % kAccounts);
        long amount = 1 + static_cast<long>(rng() % 50);
        bool moved =
            rt.template call<&bank::Account::transfer>(
                  rt.template ref<bank::Account>(account_name(from)), amount,
                  rt.template ref<bank::Account>(account_name(to)))
                .get();
        say(moved ? "ok" : "none");
      }
    });
  for (auto &thread : threads)
    thread.join();
}

} // namespace durable_test
