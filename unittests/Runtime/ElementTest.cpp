// ElementTest.cpp - flowc::detail::size/element, with which a split method's
// range-for walks its container by index: for every container the codec
// supports, index i names the same element after a round trip through the
// encoding, and the indexes visit each element once.
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

using flowc_test::round_trip;

namespace {

// The elements in index order, copied.
template <class C> auto walk(C &container) {
  std::vector<std::remove_cvref_t<decltype(*std::begin(container))>> out;
  for (std::size_t i = 0; i < flowc::detail::size(container); ++i)
    out.push_back(flowc::detail::element(container, i));
  return out;
}

template <class C> void expect_stable(C container) {
  C decoded = round_trip(container);
  auto before = walk(container);
  EXPECT_EQ(before, walk(decoded));
  EXPECT_EQ(before.size(), flowc::detail::size(container));
  // Each element once.
  C rebuilt(before.begin(), before.end());
  EXPECT_EQ(rebuilt, container);
}

TEST(Element, SequencesAndOrderedContainersInTheirOrder) {
  std::list<int> l{3, 1, 2};
  EXPECT_EQ(walk(l), (std::vector<int>{3, 1, 2}));
  std::set<std::string> s{"b", "a", "c"};
  EXPECT_EQ(walk(s), (std::vector<std::string>{"a", "b", "c"}));
  expect_stable(l);
  expect_stable(s);
  std::forward_list<int> f{3, 1, 2};
  EXPECT_EQ(walk(f), (std::vector<int>{3, 1, 2}));
  EXPECT_EQ(flowc::detail::size(f), 3u);
  expect_stable(f);
  expect_stable(std::deque<int>{5, 4, 5});
  expect_stable(std::multiset<int>{2, 1, 2});
  expect_stable(std::multimap<int, std::string>{{1, "b"}, {0, "z"}, {1, "a"}});
  std::array<int, 3> a{7, 8, 9};
  EXPECT_EQ(walk(a), (std::vector<int>{7, 8, 9}));
  std::array<int, 3> decoded = round_trip(a);
  EXPECT_EQ(walk(decoded), walk(a));
}

TEST(Element, ReferencesTheElement) {
  std::list<int> l{1, 2, 3};
  flowc::detail::element(l, 1) = 20;
  EXPECT_EQ(l, (std::list<int>{1, 20, 3}));
  std::unordered_map<std::string, int> m{{"a", 1}, {"b", 2}};
  auto &entry = flowc::detail::element(m, 0);
  EXPECT_EQ(&entry, &*m.find(entry.first));
  entry.second = 10;
  EXPECT_EQ(m[entry.first], 10);
}

TEST(Element, UnorderedContainersInEncodingOrder) {
  // Built in one order; decoded, the set is laid out anew. The index order is
  // the encoding's, the same for both.
  std::unordered_set<int> s;
  for (int i = 0; i < 200; ++i)
    s.insert(i * 7919 % 1000);
  expect_stable(s);
  std::unordered_set<int> other(s.begin(), s.end(), 5000);
  EXPECT_EQ(walk(other), walk(s));
  std::vector<std::string> bytes;
  for (int x : walk(s))
    bytes.push_back(flowc::encode(x));
  EXPECT_TRUE(std::is_sorted(bytes.begin(), bytes.end()));

  std::unordered_map<std::string, int> m;
  for (int i = 0; i < 100; ++i)
    m.emplace("k" + std::to_string(i * 37 % 101), i);
  expect_stable(m);
  // Multi containers: keys in byte order, a repeated key's entries in the
  // container's order, so the index order does not depend on the values.
  std::unordered_multiset<int> ms;
  for (int i = 0; i < 200; ++i)
    ms.insert(i * 7919 % 97);
  expect_stable(ms);
  std::unordered_multimap<std::string, int> mm;
  for (int i = 0; i < 200; ++i)
    mm.emplace(std::string("k").append(std::to_string(i % 9)), 200 - i);
  expect_stable(mm);
  std::vector<std::pair<const std::string, int>> before = walk(mm);
  for (std::size_t i = 0; i < flowc::detail::size(mm); ++i)
    flowc::detail::element(mm, i).second = static_cast<int>(i) * 1000 % 77;
  auto after = walk(mm);
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].first, before[i].first);
    EXPECT_EQ(after[i].second, static_cast<int>(i) * 1000 % 77);
  }
  std::unordered_set<std::string> empty;
  EXPECT_EQ(flowc::detail::size(empty), 0u);
}

} // namespace
