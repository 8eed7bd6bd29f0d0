// flowc_chains.cpp - the flowc side of the "chains" benchmark (README.md):
// shop.h's entities, as flowc generates them, on flowc::LocalRuntime.
//
//   flowc_chains --workers W --users U --items I --chains N
//                [--isolation serializable|chain]
//
// The same workload, check and output line as caf_chains.cpp: the main
// thread sends all N User::buy_item calls without waiting (chain c goes to
// user c % U, with an item and an amount of 1-3 drawn from splitmix64(c)),
// then waits for all N futures; only that is timed. Then it reads back every
// balance and stock and prints conserved=yes only if the money users spent
// equals the value of the units sold and the successful chains and every
// balance equal a sequential run of the same calls on plain objects.
// --isolation picks LocalOptions::isolation (default serializable, every chain
// a transaction; chain: the older, weaker mode); reruns= is how many times
// the runtime rolled a chain back to run it again (rt.stats()).
// Prints: flowc workers=W chains=N seconds=S chains_per_s=R conserved=yes|no ok=K
//         isolation=serializable|chain reruns=X
#include "args.h"
#include "shop.flowc.h"
#include "workload.h"

#include <flowc/runtime/local.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <future>
#include <string>
#include <vector>

namespace {

using chains::Outcome;
using chains::Workload;
using chains::sequential;

} // namespace

int main(int argc, char **argv) {
  Workload w;
  long workers = 1;
  flowc::Isolation isolation = flowc::Isolation::serializable;
  bench::Args args(argc, argv,
                   "--workers W --users U --items I --chains N "
                   "[--isolation serializable|chain]");
  while (args.next()) {
    if (args.is("--workers"))
      workers = args.number();
    else if (args.is("--users"))
      w.users = static_cast<int>(args.number());
    else if (args.is("--items"))
      w.items = static_cast<int>(args.number());
    else if (args.is("--chains"))
      w.chains = args.number();
    else if (args.is("--isolation", "serializable"))
      isolation = flowc::Isolation::serializable;
    else if (args.is("--isolation", "chain"))
      isolation = flowc::Isolation::chain;
    else
      args.usage();
  }

  bool conserved = false;
  long ok = 0;
  double seconds = 0;
  std::uint64_t reruns = 0;
  try {
    flowc::LocalRuntime rt(
        flowc::LocalOptions{.workers = static_cast<unsigned>(workers), .isolation = isolation});
    std::vector<std::future<flowc::Ref<chains::Item>>> made_items;
    std::vector<std::future<flowc::Ref<chains::User>>> made_users;
    for (int i = 0; i < w.items; ++i)
      made_items.push_back(rt.create<chains::Item>(w.item_key(i), w.price_of(i), w.stock_of(i)));
    for (int u = 0; u < w.users; ++u)
      made_users.push_back(rt.create<chains::User>(w.user_key(u), w.balance_of(u)));
    std::vector<flowc::Ref<chains::Item>> items;
    std::vector<flowc::Ref<chains::User>> users;
    for (auto &made : made_items)
      items.push_back(made.get());
    for (auto &made : made_users)
      users.push_back(made.get());

    std::vector<std::future<bool>> replies;
    replies.reserve(static_cast<std::size_t>(w.chains));
    auto start = std::chrono::steady_clock::now();
    for (long c = 0; c < w.chains; ++c)
      replies.push_back(rt.call<&chains::User::buy_item>(users[w.user_of(c)], w.amount_of(c),
                                                         items[w.item_of(c)]));
    for (auto &reply : replies)
      ok += reply.get() ? 1 : 0;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    reruns = rt.stats().reruns;

    // Read the final state back and check it.
    std::int64_t spent = 0, sold_value = 0;
    std::vector<int> balances(w.users);
    for (int u = 0; u < w.users; ++u)
      balances[u] = rt.call<&chains::User::balance>(users[u]).get();
    for (int u = 0; u < w.users; ++u)
      spent += w.balance_of(u) - balances[u];
    for (int i = 0; i < w.items; ++i)
      sold_value += static_cast<std::int64_t>(w.stock_of(i) -
                                              rt.call<&chains::Item::stock>(items[i]).get()) *
                    w.price_of(i);
    Outcome model = sequential(w);
    conserved = spent == sold_value && ok == model.ok && balances == model.balances;
    if (!conserved)
      std::fprintf(stderr, "flowc_chains: spent=%lld sold=%lld ok=%ld expected ok=%ld balances %s\n",
                   static_cast<long long>(spent), static_cast<long long>(sold_value), ok,
                   model.ok, balances == model.balances ? "match" : "differ");
  } catch (const std::exception &e) {
    std::fprintf(stderr, "flowc_chains: %s\n", e.what());
  }
  std::printf("flowc workers=%ld chains=%ld seconds=%.3f chains_per_s=%.0f conserved=%s ok=%ld "
              "isolation=%s reruns=%llu\n",
              workers, w.chains, seconds, static_cast<double>(w.chains) / seconds,
              conserved ? "yes" : "no", ok,
              isolation == flowc::Isolation::chain ? "chain" : "serializable",
              static_cast<unsigned long long>(reruns));
  return conserved ? 0 : 1;
}
