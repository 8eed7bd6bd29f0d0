// mpi_chains.cpp - bench/chains' workload (User::buy_item chains over shop.h)
// on flowc::MpiRuntime: the same calls, check and output line as
// bench/chains/flowc_chains.cpp, over the ranks of `mpirun -np N`.
//
//   mpirun -np N mpi_chains --workers W --users U --items I --chains N
//
// W is worker threads per rank. Rank 0 sends all N chains without waiting,
// then waits for all N futures; only that is timed. Users and items are
// spread over the ranks by key, so most chains cross ranks: a chain is a
// client request, User::buy_item, Item::price and its reply, Item::
// update_stock and its reply, the commit messages and the client's answer.
// Prints: mpi ranks=R workers=W chains=N seconds=S chains_per_s=X
//         conserved=yes|no ok=K reruns=Y
#include "args.h"
#include "shop.flowc.h"
#include "workload.h"

#include <flowc/runtime/mpi.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <future>
#include <vector>

int main(int argc, char **argv) {
  long workers = 1;
  for (int i = 1; i + 1 < argc; ++i) // before MPI starts: the runtime needs it
    if (std::string_view(argv[i]) == "--workers")
      workers = std::atol(argv[i + 1]);
  flowc::MpiRuntime rt(argc, argv,
                       flowc::MpiOptions{.workers = static_cast<unsigned>(workers)});

  chains::Workload w;
  bench::Args args(argc, argv, "--workers W --users U --items I --chains N");
  while (args.next()) {
    if (args.is("--workers"))
      args.number();
    else if (args.is("--users"))
      w.users = static_cast<int>(args.number());
    else if (args.is("--items"))
      w.items = static_cast<int>(args.number());
    else if (args.is("--chains"))
      w.chains = args.number();
    else
      args.usage();
  }

  bool conserved = false;
  long ok = 0;
  double seconds = 0;
  std::uint64_t reruns = 0;
  try {
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
    chains::Outcome model = chains::sequential(w);
    conserved = spent == sold_value && ok == model.ok && balances == model.balances;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "mpi_chains: %s\n", e.what());
  }
  std::printf("mpi ranks=%d workers=%ld chains=%ld seconds=%.3f chains_per_s=%.0f "
              "conserved=%s ok=%ld reruns=%llu\n",
              rt.ranks(), workers, w.chains, seconds, static_cast<double>(w.chains) / seconds,
              conserved ? "yes" : "no", ok, static_cast<unsigned long long>(reruns));
  return conserved ? 0 : 1;
}
