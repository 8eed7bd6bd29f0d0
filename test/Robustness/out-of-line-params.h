// Parameter names come from the definition, the body whose variables the
// suspensions list, not from a declaration that names them differently or
// not at all.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <string>

namespace s {
class Item {
  FLOWC_ENTITY(Item);
public:
  int price() const;
private:
  FLOWC_KEY std::string id_;
  int price_ = 1;
};

class User {
  FLOWC_ENTITY(User);
public:
  User(int, std::string);
  int unnamed(int, flowc::Ref<Item>);
  int renamed(int count, flowc::Ref<Item> which);
private:
  FLOWC_KEY std::string id_;
};
} // namespace s

inline int s::Item::price() const { return price_; }
inline s::User::User(int seed, std::string id) : id_(std::move(id)) { (void)seed; }
inline int s::User::unnamed(int n, flowc::Ref<Item> item) {
  int p = item->price();
  return p * n;
}
namespace s {
inline int User::renamed(int n, flowc::Ref<Item> item) {
  int p = item->price();
  return item->price() + p * n;
}
} // namespace s

// CHECK-LABEL: name: User
// CHECK:       constructors:
// CHECK-NEXT:    - line: 21
// CHECK-NEXT:      params:
// CHECK-NEXT:        - {name: seed, type: int}
// CHECK-NEXT:        - {name: id, type: std::string}
// CHECK-LABEL: name: unnamed
// CHECK:       params:
// CHECK-NEXT:    - {name: n, type: int}
// CHECK-NEXT:    - {name: item, type: flowc::Ref<s::Item>}
// CHECK:       remote_calls:
// CHECK-NEXT:    - {entity: Item, method: price, line: 32,
// CHECK:       suspensions:
// CHECK-NEXT:    - {line: 32, live: [n]}
// CHECK-LABEL: name: renamed
// CHECK:       params:
// CHECK-NEXT:    - {name: n, type: int}
// CHECK-NEXT:    - {name: item, type: flowc::Ref<s::Item>}
// CHECK:       suspensions:
// CHECK-NEXT:    - {line: 37, live: [n, item]}
// CHECK-NEXT:    - {line: 38, live: [n, p]}
