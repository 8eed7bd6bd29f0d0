// workload.h - the buy_item workload both chains programs run (caf_chains.cpp,
// flowc_chains.cpp), and the sequential model their results are checked
// against: one definition, so the two programs cannot drift apart.
#pragma once

#include <cstdint>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace chains {

struct Workload {
  int users = 1000;
  int items = 100;
  long chains = 200000;

  static std::uint64_t mix(std::uint64_t x) {  // splitmix64
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  int user_of(long c) const { return static_cast<int>(c % users); }
  int item_of(long c) const { return static_cast<int>(mix(c) % items); }
  int amount_of(long c) const { return 1 + static_cast<int>((mix(c) >> 32) % 3); }
  int price_of(int item) const { return 1 + item % 10; }
  // Average cost of a chain is 2 * 5.5 = 11: about 90% of the chains succeed and the
  // last ones of a user start failing on its balance.
  int balance_of(int /*user*/) const {
    return static_cast<int>(10 * ((chains + users - 1) / users));
  }
  // Enough that no update_stock ever fails, whatever the order.
  int stock_of(int /*item*/) const { return static_cast<int>(3 * chains + 1); }
  std::string user_key(int u) const { return "user-" + std::to_string(u); }
  std::string item_key(int i) const { return "item-" + std::to_string(i); }
};

// The process's processor time (user and system, every thread), in seconds:
// what a chain costs apart from how the threads were scheduled, which on a
// machine with fewer cores than busy threads moves the wall time a lot.
inline double cpu_seconds() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  auto s = [](const timeval &t) {
    return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6;
  };
  return s(r.ru_utime) + s(r.ru_stime);
}

// What a correct run ends with, whatever the interleaving: the number of
// chains that succeeded and every user's balance.
struct Outcome {
  long ok = 0;
  std::vector<int> balances;
};

Outcome sequential(const Workload& w) {
  Outcome out;
  out.balances.resize(w.users);
  for (int u = 0; u < w.users; ++u) out.balances[u] = w.balance_of(u);
  std::vector<int> stock(w.items);
  for (int i = 0; i < w.items; ++i) stock[i] = w.stock_of(i);
  for (long c = 0; c < w.chains; ++c) {
    int u = w.user_of(c), i = w.item_of(c), amount = w.amount_of(c);
    int total = amount * w.price_of(i);
    if (total > out.balances[u]) continue;
    if (stock[i] - amount < 0) continue;
    stock[i] -= amount;
    out.balances[u] -= total;
    ++out.ok;
  }
  return out;
}

} // namespace chains
