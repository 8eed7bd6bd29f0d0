// Calls that never run are not remote calls: decltype, sizeof, noexcept and
// the discarded branch of `if constexpr`.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
class Item {
  FLOWC_ENTITY(Item);
public:
  int price() const { return 1; }
private:
  FLOWC_KEY int id_ = 0;
};
class User {
  FLOWC_ENTITY(User);
public:
  int measure(flowc::Ref<Item> item) {
    decltype(item->price()) x = 1;
    return x + static_cast<int>(sizeof(item->price())) +
           (noexcept(item->price()) ? 1 : 0);
  }
  int discarded(flowc::Ref<Item> item) {
    if constexpr (false) {
      return item->price();
    } else {
      return 0;
    }
  }
  int taken(flowc::Ref<Item> item) {
    if constexpr (true)
      return item->price();
    return 0;
  }
private:
  FLOWC_KEY int id_ = 0;
};
// CHECK-LABEL: name: measure
// CHECK:       remote_calls: []
// CHECK-LABEL: name: discarded
// CHECK:       remote_calls: []
// CHECK-LABEL: name: taken
// CHECK:       remote_calls:
// CHECK-NEXT:    - {entity: Item, method: price, line: 29,
