// RangePositionTest.cpp - flowc::detail::Position, with which a split
// method's range-for finds its element again after each remote call: it
// visits what an iterator visits, survives the frame's and the container's
// round trips, and steps an ordered container in O(log n).
#include "CodecTestUtil.h"

#include "flowc/runtime/machine.h"

#include <array>
#include <deque>
#include <forward_list>
#include <list>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using flowc::detail::Position;
using flowc_test::round_trip;

namespace {

// Walks `c` as a lowered loop does, encoding the position and the container
// between steps as a suspension does; `step(c, i)` runs as the body's call.
template <class C, class Step> auto walk(C c, Step step) {
  std::vector<std::remove_cvref_t<decltype(*std::begin(c))>> out;
  Position p;
  for (flowc::detail::start(c, p); flowc::detail::more(c, p); flowc::detail::next(c, p)) {
    out.push_back(flowc::detail::at(c, p));
    step(c, out.size() - 1);
    p = round_trip(p);
    c = round_trip(c);
  }
  return out;
}
template <class C> auto walk(C c) {
  return walk(std::move(c), [](C &, std::size_t) {});
}

// What a range-for with iterators visits, with the same step.
template <class C, class Step> auto iterate(C c, Step step) {
  std::vector<std::remove_cvref_t<decltype(*std::begin(c))>> out;
  for (auto it = std::begin(c); it != std::end(c); ++it) {
    out.push_back(*it);
    step(c, out.size() - 1);
  }
  return out;
}

template <class C> void expect_as_iterated(const C &c) {
  auto none = [](C &, std::size_t) {};
  EXPECT_EQ(walk(c), iterate(c, none));
}

TEST(RangePosition, VisitsWhatAnIteratorVisits) {
  expect_as_iterated(std::vector<int>{3, 1, 2});
  expect_as_iterated(std::vector<int>{});
  expect_as_iterated(std::deque<std::string>{"x", "y"});
  expect_as_iterated(std::array<int, 3>{7, 8, 9});
  expect_as_iterated(std::list<int>{4, 4, 1});
  expect_as_iterated(std::forward_list<int>{4, 4, 1});
  expect_as_iterated(std::forward_list<std::string>{});
  expect_as_iterated(std::set<std::string>{"b", "a", "c"});
  expect_as_iterated(std::set<int>{});
  expect_as_iterated(std::multiset<int>{2, 1, 2, 2, 0});
  expect_as_iterated(std::map<std::string, int>{{"a", 1}, {"b", 2}});
  expect_as_iterated(std::multimap<int, std::string>{{1, "b"}, {0, "z"}, {1, "a"}, {1, "c"}});
}

TEST(RangePosition, UnorderedInEncodingOrder) {
  std::unordered_map<int, int> m;
  for (int i = 0; i < 50; ++i)
    m[i * 37 % 101] = i;
  auto seen = walk(m);
  ASSERT_EQ(seen.size(), m.size());
  std::vector<std::string> bytes;
  for (const auto &entry : seen)
    bytes.push_back(flowc::encode(entry.first));
  EXPECT_TRUE(std::is_sorted(bytes.begin(), bytes.end()));
}

// Sorted copies, to compare what a walk in encoding order visited with what
// an iterator visits in the container's order.
template <class V> std::vector<V> sorted(std::vector<V> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(RangePosition, UnorderedMultiVisitsEachEntryOnce) {
  std::unordered_multiset<int> s;
  for (int i = 0; i < 60; ++i)
    s.insert(i * 37 % 11);
  auto none = [](auto &, std::size_t) {};
  EXPECT_EQ(sorted(walk(s)), sorted(iterate(s, none)));
  std::unordered_multimap<std::string, int> m;
  for (int i = 0; i < 60; ++i)
    m.emplace(std::to_string(i % 7), i);
  auto seen = walk(m);
  using Entries = std::multiset<std::pair<std::string, int>>;
  EXPECT_EQ(Entries(seen.begin(), seen.end()), Entries(m.begin(), m.end()));
  // Each key's values in the container's order, as an iterator sees them.
  std::map<std::string, std::vector<int>> by_walk, by_iterator;
  for (const auto &[k, v] : seen)
    by_walk[k].push_back(v);
  for (const auto &[k, v] : m)
    by_iterator[k].push_back(v);
  EXPECT_EQ(by_walk, by_iterator);
}

// A body that changes the value it stands at, around a suspension, as
// `for (auto &[k, v] : m) { v += 1000; r->f(); v += 1; }` does: the rebound
// reference names the same entry, and no entry is visited twice or skipped,
// though under a repeated key the values' order and bytes change.
TEST(RangePosition, UnorderedMultimapBodyChangesItsValue) {
  std::unordered_multimap<int, int> m;
  for (int i = 0; i < 40; ++i)
    m.emplace(i % 3, 40 - i);
  using Entries = std::multiset<std::pair<int, int>>;
  Entries expected;
  for (const auto &[k, v] : m)
    expected.emplace(k, v + 1001);
  Position p;
  std::size_t steps = 0;
  for (flowc::detail::start(m, p); flowc::detail::more(m, p); flowc::detail::next(m, p)) {
    auto &entry = flowc::detail::at(m, p);
    int key = entry.first;
    entry.second += 1000;
    int changed = entry.second;
    p = round_trip(p);
    m = round_trip(m);
    auto &again = flowc::detail::at(m, p);
    ASSERT_EQ(again.first, key);
    ASSERT_EQ(again.second, changed);
    again.second += 1;
    ++steps;
  }
  EXPECT_EQ(steps, 40u);
  EXPECT_EQ(Entries(m.begin(), m.end()), expected);
}

// What a walk by index sees when a call changes the container: an entry
// added after the current one in the walk's order is visited, one added
// before it moves the walk back a step (the current entry comes again); an
// entry erased before it moves the walk on a step (the next one is skipped).
TEST(RangePosition, ChangesDuringTheLoopMoveAnIndex) {
  auto add = [](std::forward_list<int> &l, std::size_t i) {
    if (i == 1) {
      l.push_front(0);                      // before: 2 comes again
      l.insert_after(std::next(l.begin(), 2), 9); // after: visited
    }
  };
  std::vector<int> added{1, 2, 2, 9, 3};
  EXPECT_EQ(walk(std::forward_list<int>{1, 2, 3}, add), added);
  auto erase = [](std::unordered_multiset<int> &s, std::size_t i) {
    if (i == 1)
      s.erase(s.find(1)); // one of the two 1s before the current 2
  };
  // In byte order (zigzag): 1 (02), 1 (02), 2 (04), 3 (06).
  std::vector<int> erased{1, 1, 3};
  EXPECT_EQ(walk(std::unordered_multiset<int>{3, 1, 2, 1}, erase), erased);
  auto twin = [](std::unordered_multimap<int, int> &m, std::size_t i) {
    if (i == 0)
      m.emplace(1, 7); // an equal key after the current entry in walk order
  };
  std::unordered_multimap<int, int> m{{1, 5}, {2, 6}};
  auto seen = walk(m, twin);
  EXPECT_EQ(seen.size(), 3u);
}

TEST(RangePosition, InsertionsDuringTheLoopAsWithAnIterator) {
  // An element inserted after the current one is visited, one before is not.
  auto insert = [](std::map<int, int> &m, std::size_t i) {
    if (i == 1) {
      m[0] = 100;
      m[15] = 150;
      m[99] = 990;
    }
  };
  std::map<int, int> m{{10, 1}, {20, 2}, {30, 3}};
  EXPECT_EQ(walk(m, insert), iterate(m, insert));
  auto twin = [](std::multiset<int> &s, std::size_t i) {
    if (i == 0)
      s.insert(5); // after the current 5: visited
  };
  std::multiset<int> s{5, 7};
  EXPECT_EQ(walk(s, twin), (std::vector<int>{5, 5, 7}));
  EXPECT_EQ(walk(s, twin), iterate(s, twin));
}

TEST(RangePosition, ErasingTheCurrentElementGoesOnWithTheNext) {
  auto erase = [](std::set<int> &s, std::size_t i) {
    if (i == 1)
      s.erase(2);
  };
  EXPECT_EQ(walk(std::set<int>{1, 2, 3}, erase), (std::vector<int>{1, 2, 3}));
  std::set<int> s{1, 2};
  Position p;
  flowc::detail::start(s, p);
  flowc::detail::next(s, p);
  s.erase(2);
  EXPECT_THROW(flowc::detail::at(s, p), std::out_of_range);
  flowc::detail::next(s, p);
  EXPECT_FALSE(flowc::detail::more(s, p));
  std::vector<int> v{1, 2};
  Position q;
  flowc::detail::start(v, q);
  flowc::detail::next(v, q);
  v.pop_back();
  EXPECT_THROW(flowc::detail::at(v, q), std::out_of_range);
}

// Counts comparisons, so the cost of a walk is measured without a clock.
struct Counting {
  static inline std::size_t calls = 0;
  bool operator()(int a, int b) const {
    ++calls;
    return a < b;
  }
};

TEST(RangePosition, OrderedStepsAreLogarithmic) {
  std::map<int, int, Counting> m;
  const int n = 100000;
  for (int i = 0; i < n; ++i)
    m.emplace(i, i);
  Counting::calls = 0;
  Position p;
  long sum = 0;
  for (flowc::detail::start(m, p); flowc::detail::more(m, p); flowc::detail::next(m, p))
    sum += flowc::detail::at(m, p).second;
  EXPECT_EQ(sum, static_cast<long>(n) * (n - 1) / 2);
  // Each step finds its key twice (at, next): about 2 * 2 * log2(n) = 68.
  EXPECT_LT(Counting::calls, static_cast<std::size_t>(n) * 80);
  EXPECT_GT(Counting::calls, static_cast<std::size_t>(n) * 20);
}

TEST(RangePosition, ReferencesTheElement) {
  std::map<std::string, int> m{{"a", 1}, {"b", 2}};
  Position p;
  flowc::detail::start(m, p);
  flowc::detail::next(m, p);
  flowc::detail::at(m, p).second = 20;
  EXPECT_EQ(m["b"], 20);
}

} // namespace
