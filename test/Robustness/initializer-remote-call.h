// Remote calls where no method body runs them: a default member initializer
// (it runs in the constructors) and a default argument (the caller runs it).
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
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
  static flowc::Ref<Item> shared();
  int with_default(int x = shared()->price()) { return x; }
  // CHECK: initializer-remote-call.h:[[@LINE-1]]:38: error: remote call to 'Item::price' in a default argument; default arguments are evaluated by the caller, so make the call in the method body
private:
  FLOWC_KEY int id_ = 0;
  flowc::Ref<Item> item_;
  int cached_ = item_->price();
  // CHECK: initializer-remote-call.h:[[@LINE-1]]:24: error: remote call to 'Item::price' in the initializer of state member 'cached_'; initializers run in the constructors, which must not make remote calls
};
