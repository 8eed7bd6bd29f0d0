// The standard containers beyond vector and map, and std::variant, are
// serializable in state, parameters, results and split frames when what they
// hold is (issue 12), std::forward_list and the unordered multi containers
// too (issue 20).
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <array>
#include <cstdint>
#include <deque>
#include <forward_list>
#include <list>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace shelf {

struct Item {
  std::string name;
  std::set<int> tags;
};
enum class Size { small, large };

class Shelf {
  FLOWC_ENTITY(Shelf);
  FLOWC_KEY int id_ = 0;
  std::set<std::string> names_;
  std::multiset<int> counts_;
  std::unordered_set<std::int64_t> ids_;
  std::multimap<Size, Item> by_size_;
  std::deque<std::string> queue_;
  std::list<Item> items_;
  std::array<double, 3> weights_{};
  std::variant<std::monostate, int, std::string> slot_;
  std::vector<std::variant<Item, std::array<int, 2>>> mixed_;
  std::forward_list<Item> stack_;
  std::unordered_multiset<std::string> labels_;
  std::unordered_multimap<std::int64_t, Item> by_id_;

public:
  std::variant<int, std::string> pick(std::set<int> xs, std::list<std::string> ys,
                                      std::array<int, 2> zs) {
    if (xs.empty())
      return ys.empty() ? std::string() : ys.front();
    return *xs.begin() + zs[0];
  }
  std::multimap<std::string, int> group(std::deque<int> d, std::unordered_set<std::string> u,
                                        std::multiset<char> m) {
    std::multimap<std::string, int> out;
    for (const std::string &s : u)
      out.emplace(s, static_cast<int>(d.size() + m.count(s.empty() ? ' ' : s[0])));
    return out;
  }
  std::forward_list<int> spread(std::unordered_multiset<int> u,
                                std::unordered_multimap<std::string, Size> m) {
    std::forward_list<int> out(u.begin(), u.end());
    out.push_front(static_cast<int>(m.size()));
    return out;
  }
  int size() const { return static_cast<int>(names_.size()); }
  // Each walked by a suspending range-for, kept in the frame.
  int walk_more(flowc::Ref<Shelf> other) {
    std::forward_list<int> list{3, 1};
    std::unordered_multiset<int> bag{2, 2};
    std::unordered_multimap<int, std::string> pairs{{1, "a"}, {1, "b"}};
    int total = 0;
    for (int x : list)
      total += x * other->size();
    for (int x : bag)
      total += x * other->size();
    for (auto &[k, v] : pairs)
      v += std::to_string(k + other->size());
    return total;
  }
  // A set walked by a suspending range-for, a variant live across the call.
  int walk(flowc::Ref<Shelf> other) {
    std::set<int> seen{1, 2};
    std::variant<int, std::string> last = 0;
    for (int x : seen) {
      int got = other->size();
      if (std::holds_alternative<int>(last))
        last = std::get<int>(last) + got * x;
      else
        last = std::get<std::string>(last) + "!";
    }
    return static_cast<int>(last.index());
  }
};

} // namespace shelf

// CHECK:      state:
// CHECK-NEXT:   - {name: id_, type: int, initialized: true}
// CHECK-NEXT:   - {name: names_, type: std::set<std::string>}
// CHECK-NEXT:   - {name: counts_, type: std::multiset<int>}
// CHECK-NEXT:   - {name: ids_, type: std::unordered_set<std::int64_t>}
// CHECK-NEXT:   - {name: by_size_, type: "std::multimap<shelf::Size, shelf::Item>"}
// CHECK-NEXT:   - {name: queue_, type: std::deque<std::string>}
// CHECK-NEXT:   - {name: items_, type: std::list<shelf::Item>}
// CHECK-NEXT:   - {name: weights_, type: "std::array<double, 3>", initialized: true}
// CHECK-NEXT:   - {name: slot_, type: "std::variant<std::monostate, int, std::string>"}
// CHECK-NEXT:   - {name: mixed_, type: "std::vector<std::variant<shelf::Item, std::array<int, 2>>>"}
// CHECK-NEXT:   - {name: stack_, type: std::forward_list<shelf::Item>}
// CHECK-NEXT:   - {name: labels_, type: std::unordered_multiset<std::string>}
// CHECK-NEXT:   - {name: by_id_, type: "std::unordered_multimap<std::int64_t, shelf::Item>"}
// CHECK:        - name: pick
// CHECK:          params:
// CHECK-NEXT:       - {name: xs, type: std::set<int>}
// CHECK-NEXT:       - {name: ys, type: std::list<std::string>}
// CHECK-NEXT:       - {name: zs, type: "std::array<int, 2>"}
// CHECK-NEXT:     returns: std::variant<int, std::string>
// CHECK:        - name: group
// CHECK:          params:
// CHECK-NEXT:       - {name: d, type: std::deque<int>}
// CHECK-NEXT:       - {name: u, type: std::unordered_set<std::string>}
// CHECK-NEXT:       - {name: m, type: std::multiset<char>}
// CHECK-NEXT:     returns: std::multimap<std::string, int>
// CHECK:        - name: spread
// CHECK:          params:
// CHECK-NEXT:       - {name: u, type: std::unordered_multiset<int>}
// CHECK-NEXT:       - {name: m, type: "std::unordered_multimap<std::string, shelf::Size>"}
// CHECK-NEXT:     returns: std::forward_list<int>
// CHECK:        - name: walk_more
// CHECK:          frame:
// CHECK-NEXT:       - {name: other, type: flowc::Ref<shelf::Shelf>}
// CHECK-NEXT:       - {name: list, type: std::forward_list<int>}
// CHECK-NEXT:       - {name: bag, type: std::unordered_multiset<int>}
// CHECK-NEXT:       - {name: pairs, type: "std::unordered_multimap<int, std::string>"}
// CHECK-NEXT:       - {name: total, type: int}
// CHECK-NEXT:       - {name: flowc_i1, type: flowc::detail::Position}
// CHECK:          resumes:
// CHECK:            - {label: 3, rebinds: [{variable: flowc_b, range: [{text: "pairs"}], index: flowc_i3}]}
// CHECK:        - name: walk{{$}}
// CHECK:          frame:
// CHECK-NEXT:       - {name: other, type: flowc::Ref<shelf::Shelf>}
// CHECK-NEXT:       - {name: seen, type: std::set<int>}
// CHECK-NEXT:       - {name: last, type: "std::variant<int, std::string>"}
// CHECK:          machine:
// CHECK:            - loop:
// CHECK-NEXT:           index: flowc_i1
// CHECK-NEXT:           range: [{text: "seen"}]
// CHECK:      structs:
// CHECK-NEXT:   - name: Item
// CHECK-NEXT:     qualified_name: shelf::Item
