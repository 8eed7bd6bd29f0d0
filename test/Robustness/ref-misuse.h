// Inside an entity a flowc::Ref is only used to call methods: reaching the
// other object through `->` any other way only works in direct mode.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
struct Item {
  FLOWC_ENTITY(Item);
  FLOWC_KEY int id_ = 0;
  int price_ = 1;
  int price() const { return price_; }
};
class User {
  FLOWC_ENTITY(User);
public:
  int peek(flowc::Ref<Item> item) { return item->price_; }
  // CHECK: ref-misuse.h:[[@LINE-1]]:48: error: flowc::Ref<Item> is used other than as 'ref->method(args...)'; entities reach each other only through remote method calls
  int explicit_arrow(flowc::Ref<Item> item) { return item.operator->()->price(); }
  // CHECK: ref-misuse.h:[[@LINE-1]]:59: error: flowc::Ref<Item> is used other than as 'ref->method(args...)'
  bool raw(flowc::Ref<Item> item) { return item.operator->() != nullptr; }
  // CHECK: ref-misuse.h:[[@LINE-1]]:49: error: flowc::Ref<Item> is used other than as 'ref->method(args...)'
  int fine(flowc::Ref<Item> item) { return (item)->price(); }
private:
  FLOWC_KEY int id_ = 0;
};
// Outside entities, direct-mode code may do as it likes.
inline int direct(flowc::Ref<Item> item) { return item->price_; }
