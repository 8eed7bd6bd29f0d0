// scenario.h - one scenario over the two headers' entities, written once for
// any world with create/call (direct.cpp: plain objects; dataflow.cpp:
// flowc::LocalRuntime). Both print the same lines.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

template <class World> void run_tickets(World &w) {
  using namespace tickets;
  auto hall = w.template create<Venue>("hall", 5);
  auto club = w.template create<Venue>("club", 2);
  auto ann = w.template create<Customer>("ann");
  auto bob = w.template create<Customer>("bob");
  bool ok = w.template call<&Customer::book>(ann, club, 2);
  std::printf("ann books 2 at the club: %s\n", ok ? "yes" : "no");
  std::vector<flowc::Ref<Venue>> both{club, hall};
  std::string where = w.template call<&Customer::book_first>(bob, both, 3);
  std::printf("bob books 3 at the first venue with room: %s\n", where.c_str());
  where = w.template call<&Customer::book_first>(bob, both, 3);
  std::printf("bob tries 3 more: %s\n", where.empty() ? "no room" : where.c_str());
  std::printf("seats: ann %d, bob %d; free: hall %d, club %d\n",
              w.template call<&Customer::seats>(ann), w.template call<&Customer::seats>(bob),
              w.template call<&Venue::free_seats>(hall),
              w.template call<&Venue::free_seats>(club));
}
