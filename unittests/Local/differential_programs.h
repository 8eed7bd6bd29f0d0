// differential_programs.h - entity programs every runtime must run exactly as
// direct mode does: templates over a world (worlds.h) that record each call's
// result and each entity's final state. DifferentialTest runs them on
// LocalRuntime, unittests/Mpi on MpiRuntime.
#pragma once

#include "programs.flowc.h"
#include "worlds.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace differential {

using namespace programs;
using flowc::Ref;
using local_test::Record;

// Calls in loops (two remote calls per line, a while loop on a remote result).
template <class World> Record shop(World &w) {
  Record r;
  auto pen = w.template create<Item>("pen", 3);
  auto ink = w.template create<Item>("ink", 7);
  auto cup = w.template create<Item>("cup", 5);
  r.call<&Item::restock>(w, pen, 20);
  r.call<&Item::restock>(w, cup, 4);
  std::vector<Ref<Cart>> carts;
  for (long c = 0; c < 6; ++c)
    carts.push_back(w.template create<Cart>(c));
  for (long c = 0; c < 6; ++c) {
    r.call<&Cart::add>(w, carts[c], pen, static_cast<int>(c % 3 + 1));
    r.call<&Cart::add>(w, carts[c], ink, 1); // none in stock: skipped
    if (c % 2 == 1)
      r.call<&Cart::add>(w, carts[c], cup, 2);
  }
  for (auto &cart : carts)
    r.call<&Cart::pay>(w, cart);
  r.call<&Cart::pay>(w, carts[0]); // nothing left in it
  r.call<&Cart::drain>(w, carts[1], pen, 2);
  r.call<&Item::stock>(w, pen);
  for (auto &cart : carts) {
    r.call<&Cart::status>(w, cart);
    r.state(w, cart);
  }
  r.state(w, pen);
  r.state(w, ink);
  r.state(w, cup);
  return r;
}

// Recursion across instances of one class, and callbacks into waiting nodes.
template <class World> Record nodes(World &w) {
  Record r;
  std::vector<Ref<Node>> ring;
  for (int i = 0; i < 8; ++i)
    ring.push_back(w.template create<Node>(i, 10 * i + 1));
  for (int i = 0; i < 8; ++i)
    r.call<&Node::link>(w, ring[i], ring[(i + 1) % 8]);
  r.call<&Node::sum>(w, ring[0], 5);
  r.call<&Node::sum>(w, ring[3], 20); // around the ring twice: re-enters nodes
  r.call<&Node::fib>(w, ring[0], 11); // a tree of calls, every node re-entered
  r.call<&Node::ping>(w, ring[1], ring[3], 4);
  r.call<&Node::ping>(w, ring[2], ring[2], 3); // bounces through itself
  r.call<&Node::zigzag>(w, ring[4], ring[5], 40);
  r.call<&Node::trail>(w, ring[4]);
  for (auto &node : ring)
    r.state(w, node);
  return r;
}

// Containers and structs in state, arguments and results.
template <class World> Record ledgers(World &w) {
  Record r;
  auto main = w.template create<Ledger>("main");
  auto mirror = w.template create<Ledger>("mirror");
  r.call<&Ledger::add>(w, main, std::string("alice"), Entry{"rent", -700, 3, {1, "bank"}});
  r.call<&Ledger::add>(w, main, std::string("alice"), Entry{"pay", 2100, std::nullopt, {2, ""}});
  r.call<&Ledger::add>(w, main, std::string("bob"), Entry{"", 5, 0, {-1, "tip\t\n"}});
  std::map<std::string, std::vector<Entry>> batch;
  batch["carol"] = {Entry{"a", 1, 1, {1, "x"}}, Entry{"b", 2, {}, {2, "y"}}};
  batch["alice"] = {Entry{"c", -3, 7, {3, "z"}}};
  r.call<&Ledger::add_all>(w, main, batch);
  r.call<&Ledger::add>(w, mirror, std::string("dave"), Entry{"seed", 40, 9, {0, "m"}});
  r.call<&Ledger::totals>(w, main);
  r.call<&Ledger::last>(w, main, std::string("alice"));
  r.call<&Ledger::last>(w, main, std::string("nobody"));
  r.call<&Ledger::sync>(w, main, mirror);
  r.call<&Ledger::sync>(w, mirror, main); // and back, over what it received
  r.call<&Ledger::tag>(w, mirror, std::vector<std::optional<int>>{1, std::nullopt, -5});
  r.call<&Ledger::totals>(w, mirror);
  r.state(w, main);
  r.state(w, mirror);
  return r;
}

} // namespace differential
