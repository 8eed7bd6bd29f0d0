// Straight-line code: a variable is live across a suspension exactly when its
// value is read after the call returns. Never `this`, never state members.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <string>

class Item {
  FLOWC_ENTITY(Item);
public:
  int price() const { return price_; }
  bool update_stock(int delta) { stock_ += delta; return stock_ >= 0; }
private:
  FLOWC_KEY std::string id_;
  int price_ = 1;
  int stock_ = 0;
};

class User {
  FLOWC_ENTITY(User);
public:
  // The shop example's method.
  bool buy_item(int amount, flowc::Ref<Item> item) {
    int total = amount * item->price();
    if (total > balance_) return false;
    bool ok = item->update_stock(-amount);
    if (ok) balance_ -= total;
    return ok;
  }
  // CHECK-LABEL: name: buy_item
  // CHECK:       suspensions:
  // CHECK-NEXT:    - {line: 23, live: [amount, item]}
  // CHECK-NEXT:    - {line: 25, live: [total]}

  // `unused` is never read; `before` is read only before the call.
  int reads(int before, int unused, flowc::Ref<Item> item) {
    int x = before + item->price();
    return x + balance_;
  }
  // CHECK-LABEL: name: reads
  // CHECK:       suspensions:
  // CHECK-NEXT:    - {line: 36, live: []}

  // Overwritten on every path before the next read: dead.
  int overwritten(int a, flowc::Ref<Item> item) {
    int p = item->price();
    a = p * 2;
    return a;
  }
  // CHECK-LABEL: name: overwritten
  // CHECK:       suspensions:
  // CHECK-NEXT:    - {line: 45, live: []}

  // Overwritten on one path only: live.
  int half_overwritten(int a, bool flag, flowc::Ref<Item> item) {
    int p = item->price();
    if (flag)
      a = p;
    return a;
  }
  // CHECK-LABEL: name: half_overwritten
  // CHECK:       suspensions:
  // CHECK-NEXT:    - {line: 55, live: [a, flag]}

  // Compound assignment reads the old value.
  int accumulate(int a, flowc::Ref<Item> item) {
    item->price();
    a += 1;
    return a;
  }
  // CHECK-LABEL: name: accumulate
  // CHECK:       suspensions:
  // CHECK-NEXT:    - {line: 66, live: [a]}

  // Two calls in one expression: `a` (the outer call's object) is evaluated
  // before the inner call, so it is not read after it returns.
  int nested(int k, flowc::Ref<Item> a, flowc::Ref<Item> b) {
    bool ok = a->update_stock(b->price() + k);
    return ok ? k : 0;
  }
  // CHECK-LABEL: name: nested
  // CHECK:       remote_calls:
  // CHECK-NEXT:    - {entity: Item, method: update_stock, line: 77
  // CHECK-NEXT:    - {entity: Item, method: price, line: 77
  // CHECK:       suspensions:
  // CHECK-NEXT:    - {line: 77, live: [k]}
  // CHECK-NEXT:    - {line: 77, live: [k]}
private:
  FLOWC_KEY std::string name_;
  int balance_ = 100;
};
