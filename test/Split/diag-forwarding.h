// Forwarded lvalues (lib/Split/Forwarding.h): a standard constructor or
// factory copies an lvalue it takes through a forwarding reference, so an
// operand that reads the same variable before the call may be formed after
// it (the E2E ladder's Exits::forwarded runs these against direct mode). A
// function of the user's that takes a forwarding reference may change it,
// and std::move hands it to a parameter that moves from it: those conflict.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>
class Peer {
  FLOWC_ENTITY(Peer);
public:
  int get() { return 1; }
  int size_of(std::string s) { return static_cast<int>(s.size()); }
  std::int64_t settle(std::map<std::string, std::int64_t> m) { return static_cast<std::int64_t>(m.size()); }
private:
  FLOWC_KEY int id_ = 0;
};
class Forwarding {
  FLOWC_ENTITY(Forwarding);
public:
  // Accepted: pair's, tuple's and map's element constructors, make_pair,
  // emplace_back and make_unique copy `a`.
  std::int64_t copied(std::int64_t a, flowc::Ref<Peer> p) {
    std::pair<std::int64_t, std::int64_t> pr = std::pair<std::int64_t, std::int64_t>(
        a % 7, p->settle(std::map<std::string, std::int64_t>{{"k", a}}));
    std::tuple<std::int64_t, std::int64_t> t = std::tuple<std::int64_t, std::int64_t>(
        a % 2, p->settle(std::map<std::string, std::int64_t>{std::make_pair(std::string("k"), a)}));
    std::vector<std::pair<std::int64_t, std::int64_t>> v;
    std::string s = "k";
    v.emplace_back(a % 5, p->settle({{s, a}}));
    auto u = std::make_unique<std::pair<std::int64_t, std::int64_t>>(a % 3, p->settle({{s, a}}));
    return pr.first + std::get<0>(t) + v.back().first + u->first;
  }
  int user_forwarding(int a, flowc::Ref<Peer> p) {
    std::pair<int, int> pr = std::pair<int, int>(a % 7, bump(a) + p->get());
    // CHECK-DAG: diag-forwarding.h:[[@LINE-1]]:50: error: 'a % 7' runs before a later remote call in the same expression, but the split method would evaluate it after the call, and it changes, or reads, what the expression uses before the call; make the remote call in a statement of its own before this one
    return pr.first;
  }
  int moved_from(flowc::Ref<Peer> p) {
    std::string s = "moved";
    std::pair<std::size_t, int> pr = std::pair<std::size_t, int>(s.size(), p->size_of(std::move(s)));
    // CHECK-DAG: diag-forwarding.h:[[@LINE-1]]:66: error: 's.size()' runs before a later remote call in the same expression, but the split method would evaluate it after the call, and it changes, or reads, what the expression uses before the call; make the remote call in a statement of its own before this one
    return static_cast<int>(pr.first) + pr.second;
  }
  // CHECK: 2 errors generated.

private:
  template <class T> int bump(T &&x) { return ++x; }
  FLOWC_KEY int id_ = 0;
};
