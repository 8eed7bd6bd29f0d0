// IR lines are lines of the file named on the command line, even after a
// `#line` directive renumbers (and renames) the rest of the file.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
class Item {
  FLOWC_ENTITY(Item);
public:
  int price() const { return 1; }
private:
  FLOWC_KEY int id_ = 0;
};
#line 500 "generated.y"
class User {
  FLOWC_ENTITY(User);
public:
  int ask(flowc::Ref<Item> item) {
    return item->price();
  }
private:
  FLOWC_KEY int id_ = 0;
};
// CHECK:      name: User
// CHECK-NEXT: qualified_name: User
// CHECK-NEXT: location: {{.*}}line-directive.h:13
// CHECK:      name: ask
// CHECK-NEXT: line: 16
// CHECK:      - {entity: Item, method: price, line: 17,
// CHECK:      - {line: 17, live: []}
