// caf_chains.cpp - the hand-written C++ Actor Framework (CAF 0.17) baseline of the
// "chains" benchmark: the shop example (examples/shop), User::buy_item, as actors.
//
//   caf_chains --workers W --users U --items I --chains N [--mode await|queue]
//              [--client main|actor]
//
// One actor per entity. A user's buy_item asks its item for the price and then for
// update_stock(-amount), two request/response round trips, and answers the client.
// A user runs one chain at a time, as flowc's entities do:
//   --mode await (default): `request(...).await(...)`, which makes CAF hold back
//     every other message of the user's mailbox until the awaited response arrives;
//   --mode queue: `request(...).then(...)` plus an explicit queue of the buy_item
//     requests that arrive while a chain is running.
// The client is the main thread (a scoped_actor, outside CAF's worker pool, like the
// thread calling flowc::LocalRuntime::call): it sends all N buy_item requests without
// waiting, then receives the N replies. Only that part is timed. (--client actor
// instead issues them from one event-based actor with request(...).then(...); CAF 0.17
// keeps pending `then` handlers in an unsorted vector, so that is quadratic in N and
// only there to show it; run.sh does not use it.)
//
// Afterwards every user's balance and item's stock is read back and checked:
//   - conservation: sum of balance spent == sum over items of price * units sold;
//   - the number of successful chains and every user's final balance equal those of
//     a sequential run of the same calls on plain C++ objects (stock never runs out,
//     and each user receives its requests in the order they were sent, so the outcome
//     does not depend on the interleaving).
// Prints: caf workers=W chains=N seconds=S chains_per_s=R cpu_us_per_chain=C
//   conserved=yes|no ok=K
#include "args.h"
#include "workload.h"

#include <caf/all.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

namespace {

using chains::Outcome;
using chains::Workload;
using chains::sequential;

using price_atom = caf::atom_constant<caf::atom("price")>;
using stock_atom = caf::atom_constant<caf::atom("stock")>;       // update_stock(delta)
using getstock_atom = caf::atom_constant<caf::atom("getstock")>; // read stock (check only)
using buy_atom = caf::atom_constant<caf::atom("buy")>;
using balance_atom = caf::atom_constant<caf::atom("balance")>;


// ---- the entities as CAF actors ---------------------------------------------------

struct ItemState {
  std::string id;  // the key
  int price = 0;
  int stock = 0;
};

caf::behavior item_actor(caf::stateful_actor<ItemState>* self, std::string id, int price,
                         int stock) {
  self->state.id = std::move(id);
  self->state.price = price;
  self->state.stock = stock;
  return {
      [=](price_atom) { return self->state.price; },
      [=](stock_atom, int delta) {
        if (self->state.stock + delta < 0) return false;
        self->state.stock += delta;
        return true;
      },
      [=](getstock_atom) { return self->state.stock; },
  };
}

// --mode await: the body of User::buy_item as two nested awaits.
struct UserState {
  std::string name;  // the key
  int balance = 0;
};

caf::behavior user_await_actor(caf::stateful_actor<UserState>* self, std::string name,
                               int balance) {
  self->state.name = std::move(name);
  self->state.balance = balance;
  return {
      [=](buy_atom, int amount, const caf::actor& item) -> caf::result<bool> {
        auto rp = self->make_response_promise<bool>();
        self->request(item, caf::infinite, price_atom::value)
            .await([=](int price) mutable {
              int total = amount * price;
              if (total > self->state.balance) {
                rp.deliver(false);
                return;
              }
              self->request(item, caf::infinite, stock_atom::value, -amount)
                  .await([=](bool ok) mutable {
                    if (ok) self->state.balance -= total;
                    rp.deliver(ok);
                  });
            });
        return rp;
      },
      [=](balance_atom) { return self->state.balance; },
  };
}

// --mode queue: the same body with `then`, and the user's own queue of waiting calls.
struct UserQueueState {
  struct Call {
    int amount;
    caf::actor item;
    caf::typed_response_promise<bool> rp;
  };
  std::string name;
  int balance = 0;
  bool busy = false;
  std::deque<Call> waiting;
};

void user_start(caf::stateful_actor<UserQueueState>* self, UserQueueState::Call call);

void user_finish(caf::stateful_actor<UserQueueState>* self,
                 caf::typed_response_promise<bool>& rp, bool ok) {
  rp.deliver(ok);
  auto& st = self->state;
  if (st.waiting.empty()) {
    st.busy = false;
    return;
  }
  UserQueueState::Call next = std::move(st.waiting.front());
  st.waiting.pop_front();
  user_start(self, std::move(next));
}

void user_start(caf::stateful_actor<UserQueueState>* self, UserQueueState::Call call) {
  self->state.busy = true;
  int amount = call.amount;
  caf::actor item = call.item;
  auto rp = std::move(call.rp);
  self->request(item, caf::infinite, price_atom::value)
      .then([=](int price) mutable {
        int total = amount * price;
        if (total > self->state.balance) {
          user_finish(self, rp, false);
          return;
        }
        self->request(item, caf::infinite, stock_atom::value, -amount)
            .then([=](bool ok) mutable {
              if (ok) self->state.balance -= total;
              user_finish(self, rp, ok);
            });
      });
}

caf::behavior user_queue_actor(caf::stateful_actor<UserQueueState>* self, std::string name,
                               int balance) {
  self->state.name = std::move(name);
  self->state.balance = balance;
  return {
      [=](buy_atom, int amount, const caf::actor& item) -> caf::result<bool> {
        auto rp = self->make_response_promise<bool>();
        UserQueueState::Call call{amount, item, rp};
        if (self->state.busy)
          self->state.waiting.push_back(std::move(call));
        else
          user_start(self, std::move(call));
        return rp;
      },
      [=](balance_atom) { return self->state.balance; },
  };
}

}  // namespace

int main(int argc, char** argv) {
  Workload w;
  long workers = 1;
  bool queue_mode = false;
  bool actor_client = false;
  bench::Args args(argc, argv,
                   "--workers W --users U --items I --chains N [--mode await|queue]"
                   " [--client main|actor]");
  while (args.next()) {
    if (args.is("--workers")) workers = args.number();
    else if (args.is("--users")) w.users = static_cast<int>(args.number());
    else if (args.is("--items")) w.items = static_cast<int>(args.number());
    else if (args.is("--chains")) w.chains = args.number();
    else if (args.is("--mode")) {
      if (args.is("--mode", "queue")) queue_mode = true;
      else if (!args.is("--mode", "await")) args.usage();
    } else if (args.is("--client")) {
      if (args.is("--client", "actor")) actor_client = true;
      else if (!args.is("--client", "main")) args.usage();
    } else {
      args.usage();
    }
  }

  caf::actor_system_config cfg;
  cfg.set("scheduler.max-threads", static_cast<size_t>(workers));
  caf::actor_system sys{cfg};
  bool conserved = false;
  long ok = 0;
  double seconds = 0, cpu = 0;
  {
    std::vector<caf::actor> items, users;
    items.reserve(w.items);
    users.reserve(w.users);
    for (int i = 0; i < w.items; ++i)
      items.push_back(sys.spawn(item_actor, w.item_key(i), w.price_of(i), w.stock_of(i)));
    for (int u = 0; u < w.users; ++u)
      users.push_back(queue_mode
                          ? sys.spawn(user_queue_actor, w.user_key(u), w.balance_of(u))
                          : sys.spawn(user_await_actor, w.user_key(u), w.balance_of(u)));

    caf::scoped_actor self{sys};
    auto start = std::chrono::steady_clock::now();
    double cpu_start = chains::cpu_seconds();
    if (!actor_client) {
      // An async message's reply comes back to the sender as an ordinary message, so
      // the client can have all chains in flight and take the replies in any order.
      for (long c = 0; c < w.chains; ++c)
        self->send(users[w.user_of(c)], buy_atom::value, w.amount_of(c), items[w.item_of(c)]);
      long received = 0;
      self->receive_for(received, w.chains)([&](bool r) { ok += r ? 1 : 0; });
    } else {
      auto client = sys.spawn([&w, &users, &items](caf::event_based_actor* me, caf::actor main) {
        auto ok = std::make_shared<long>(0), left = std::make_shared<long>(w.chains);
        for (long c = 0; c < w.chains; ++c)
          me->request(users[w.user_of(c)], caf::infinite, buy_atom::value, w.amount_of(c),
                      items[w.item_of(c)])
              .then([=](bool r) {
                *ok += r ? 1 : 0;
                if (--*left == 0) {
                  me->send(main, *ok);
                  me->quit();
                }
              });
      }, caf::actor{self});
      self->receive([&](long k) { ok = k; });
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu = chains::cpu_seconds() - cpu_start;

    // Read the final state back and check it.
    std::int64_t spent = 0, sold_value = 0;
    std::vector<int> balances(w.users);
    bool failed = false;
    auto on_error = [&](caf::error& e) {
      std::fprintf(stderr, "caf_chains: %s\n", sys.render(e).c_str());
      failed = true;
    };
    for (int u = 0; u < w.users; ++u)
      self->request(users[u], caf::infinite, balance_atom::value)
          .receive([&](int b) { balances[u] = b; }, on_error);
    for (int u = 0; u < w.users; ++u) spent += w.balance_of(u) - balances[u];
    for (int i = 0; i < w.items; ++i)
      self->request(items[i], caf::infinite, getstock_atom::value)
          .receive(
              [&](int s) {
                sold_value += static_cast<std::int64_t>(w.stock_of(i) - s) * w.price_of(i);
              },
              on_error);
    Outcome model = sequential(w);
    conserved = !failed && spent == sold_value && ok == model.ok && balances == model.balances;
    if (!conserved)
      std::fprintf(stderr,
                   "caf_chains: spent=%lld sold=%lld ok=%ld expected ok=%ld balances %s\n",
                   static_cast<long long>(spent), static_cast<long long>(sold_value), ok,
                   model.ok, balances == model.balances ? "match" : "differ");
  }
  std::printf(
      "caf workers=%ld chains=%ld seconds=%.3f chains_per_s=%.0f "
      "cpu_us_per_chain=%.2f "
      "conserved=%s ok=%ld\n",
      workers, w.chains, seconds, static_cast<double>(w.chains) / seconds,
      1e6 * cpu / static_cast<double>(w.chains), conserved ? "yes" : "no", ok);
  return conserved ? 0 : 1;
}
