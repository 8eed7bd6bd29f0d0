// flowc_workload.h - the chains workload on any flowc runtime (LocalRuntime in
// flowc_chains.cpp, MpiRuntime in bench/mpi/mpi_chains.cpp): create the users
// and items, send every User::buy_item chain without waiting, wait for all of
// them (only that is timed), then read back every balance and stock and check
// them against the sequential model (workload.h).
#pragma once

#include "shop.flowc.h"
#include "workload.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <future>
#include <vector>

namespace chains {

struct Measured {
  long ok = 0;             // chains that bought
  double seconds = 0;      // sending and waiting for every chain
  double cpu_seconds = 0;  // the processor time of that, all threads
  std::uint64_t reruns = 0;
  std::uint64_t waits = 0; // calls that queued behind another chain
  bool conserved = false;  // spent == sold and every result as the model's
};

template <class Runtime> Measured measure(Runtime &rt, const Workload &w, const char *name) {
  Measured m;
  std::vector<std::future<flowc::Ref<Item>>> made_items;
  std::vector<std::future<flowc::Ref<User>>> made_users;
  for (int i = 0; i < w.items; ++i)
    made_items.push_back(rt.template create<Item>(w.item_key(i), w.price_of(i), w.stock_of(i)));
  for (int u = 0; u < w.users; ++u)
    made_users.push_back(rt.template create<User>(w.user_key(u), w.balance_of(u)));
  std::vector<flowc::Ref<Item>> items;
  std::vector<flowc::Ref<User>> users;
  for (auto &made : made_items)
    items.push_back(made.get());
  for (auto &made : made_users)
    users.push_back(made.get());

  std::vector<std::future<bool>> replies;
  replies.reserve(static_cast<std::size_t>(w.chains));
  auto start = std::chrono::steady_clock::now();
  double cpu_start = cpu_seconds();
  for (long c = 0; c < w.chains; ++c)
    replies.push_back(rt.template call<&User::buy_item>(users[w.user_of(c)], w.amount_of(c),
                                                        items[w.item_of(c)]));
  for (auto &reply : replies)
    m.ok += reply.get() ? 1 : 0;
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.cpu_seconds = cpu_seconds() - cpu_start;
  m.reruns = rt.stats().reruns;
  m.waits = rt.stats().waits;

  std::int64_t spent = 0, sold_value = 0;
  std::vector<int> balances(w.users);
  for (int u = 0; u < w.users; ++u)
    balances[u] = rt.template call<&User::balance>(users[u]).get();
  for (int u = 0; u < w.users; ++u)
    spent += w.balance_of(u) - balances[u];
  for (int i = 0; i < w.items; ++i)
    sold_value += static_cast<std::int64_t>(w.stock_of(i) -
                                            rt.template call<&Item::stock>(items[i]).get()) *
                  w.price_of(i);
  Outcome model = sequential(w);
  m.conserved = spent == sold_value && m.ok == model.ok && balances == model.balances;
  if (!m.conserved)
    std::fprintf(stderr, "%s: spent=%lld sold=%lld ok=%ld expected ok=%ld balances %s\n", name,
                 static_cast<long long>(spent), static_cast<long long>(sold_value), m.ok,
                 model.ok, balances == model.balances ? "match" : "differ");
  return m;
}

} // namespace chains
