// list_append_workload.h - Elle's list-append workload (elle.h) on any
// runtime: client threads run transactions of reads and appends over a few
// lists (lists.h), some throwing on purpose after their appends, and record
// the history the checker reads. ListAppendTest runs it on LocalRuntime,
// unittests/Mpi on MpiRuntime.
#pragma once

#include "elle.h"
#include "lists.flowc.h"
#include "worlds.h"

#include <chrono>
#include <deque>
#include <future>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace list_append {

using flowc::Ref;
using lists::Client;
using lists::List;
using local_test::await;

using Seen = std::vector<std::vector<long>>;

inline std::string key(const char *prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

// "T<id>", for messages (appended, see key()).
inline std::string tname(std::uint64_t id) {
  std::string out("T");
  out += std::to_string(id);
  return out;
}

inline std::string fail_message(const std::string &client) {
  std::string out("client ");
  out += client;
  out += " fails on purpose";
  return out;
}

struct Workload {
  int threads = 4;
  int calls_per_thread = 300;
  int lists = 6;
  int max_ops = 4;
  int in_flight = 4;    // per thread, each on its own Client
  int fail_one_in = 10; // of the calls that append
};

struct Observed {
  elle::History history;
  long meant_to_fail = 0; // calls that threw on purpose
  long appends_meant_to_fail = 0;
  long deadlocks = 0;
  std::vector<std::string> unexpected; // other failures, or a thrower that committed
  flowc::Stats stats;
};

// Runs the workload and records the history. Call ids are thread * 100000 +
// its number, append values thread * 1000000 + a counter (unique).
template <class Runtime>
Observed run_workload_on(Runtime &rt, unsigned seed, const Workload &w = {}) {
  std::vector<Ref<List>> all;
  for (int l = 0; l < w.lists; ++l)
    all.push_back(await(rt.template create<List>(key("l", l))));
  std::vector<std::vector<Ref<Client>>> clients(static_cast<std::size_t>(w.threads));
  for (int t = 0; t < w.threads; ++t)
    for (int s = 0; s < w.in_flight; ++s)
      clients[t].push_back(await(rt.template create<Client>(key("c", t * 100 + s))));

  Observed out;
  std::mutex mutex; // guards out
  const auto start = std::chrono::steady_clock::now();
  auto now = [start] {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                                start)
        .count();
  };

  struct Pending {
    elle::Call call;
    std::string client;
    bool fail_after = false;
    std::future<Seen> reply;
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < w.threads; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 random(seed * 7919u + static_cast<unsigned>(t));
      std::vector<elle::Call> done;
      long meant = 0, meant_appends = 0, deadlocks = 0;
      std::vector<std::string> unexpected;
      auto settle = [&](Pending &p) {
        elle::Call &call = p.call;
        try {
          Seen seen = await(std::move(p.reply));
          call.complete = now();
          call.outcome = elle::Outcome::committed;
          if (seen.size() != call.ops.size())
            throw std::logic_error("run returned " + std::to_string(seen.size()) + " results");
          for (std::size_t i = 0; i < call.ops.size(); ++i)
            if (call.ops[i].kind == elle::Op::Kind::read)
              call.ops[i].seen = std::move(seen[i]);
          if (p.fail_after)
            unexpected.push_back(tname(call.id) + " should have failed");
        } catch (const flowc::Deadlock &e) {
          call.outcome = elle::Outcome::failed;
          call.error = std::string("Deadlock: ") + e.what();
          ++deadlocks;
        } catch (const flowc::RemoteError &e) {
          call.outcome = elle::Outcome::failed;
          call.error = std::string("RemoteError: ") + e.what();
          if (!p.fail_after || e.what() != fail_message(p.client))
            unexpected.push_back(tname(call.id) + ": " + call.error);
        } catch (const std::exception &e) {
          call.outcome = elle::Outcome::failed;
          call.error = std::string("other exception: ") + e.what();
          unexpected.push_back(tname(call.id) + ": " + call.error);
        }
        if (p.fail_after) {
          ++meant;
          for (const elle::Op &op : call.ops)
            meant_appends += op.kind == elle::Op::Kind::append;
        }
        done.push_back(std::move(call));
      };

      std::deque<Pending> pending;
      long counter = 0;
      for (int i = 0; i < w.calls_per_thread; ++i) {
        if (static_cast<int>(pending.size()) == w.in_flight) {
          settle(pending.front());
          pending.pop_front();
        }
        Pending p;
        p.call.id = static_cast<std::uint64_t>(t) * 100000 + static_cast<std::uint64_t>(i);
        std::vector<Ref<List>> targets;
        std::vector<int> ops;
        std::vector<long> values;
        bool appends = false;
        int n = 1 + static_cast<int>(random() % static_cast<unsigned>(w.max_ops));
        for (int k = 0; k < n; ++k) {
          int l = static_cast<int>(random() % static_cast<unsigned>(w.lists));
          targets.push_back(all[l]);
          if (random() % 2 == 0) {
            ops.push_back(lists::read);
            values.push_back(0);
            p.call.ops.push_back(elle::Op::read(key("l", l), std::nullopt));
          } else {
            long value = t * 1000000L + ++counter;
            ops.push_back(lists::append);
            values.push_back(value);
            p.call.ops.push_back(elle::Op::append(key("l", l), value));
            appends = true;
          }
        }
        p.fail_after = appends && random() % static_cast<unsigned>(w.fail_one_in) == 0;
        // Slot i % in_flight: the call it replaces in the window used it.
        const Ref<Client> &client = clients[t][i % w.in_flight];
        p.client = key("c", t * 100 + i % w.in_flight);
        p.call.invoke = now();
        p.reply = rt.template call<&Client::run>(client, targets, ops, values, p.fail_after);
        pending.push_back(std::move(p));
      }
      for (Pending &p : pending)
        settle(p);

      std::lock_guard lock(mutex);
      for (elle::Call &call : done)
        out.history.calls.push_back(std::move(call));
      out.meant_to_fail += meant;
      out.appends_meant_to_fail += meant_appends;
      out.deadlocks += deadlocks;
      out.unexpected.insert(out.unexpected.end(), unexpected.begin(), unexpected.end());
    });
  }
  for (std::thread &thread : threads)
    thread.join();
  for (int l = 0; l < w.lists; ++l)
    out.history.final_values[key("l", l)] = await(rt.template call<&List::read>(all[l]));
  out.stats = rt.stats();
  return out;
}

} // namespace list_append
