// The shop's generated code, built by flowc_generate from an installed flowc,
// on the deterministic executor: the same answers as direct mode.
#include "shop.flowc.h"

#include <flowc/runtime/executor.h>

#include <cstdio>

int main() {
  flowc::Executor ex;
  auto item = ex.create<shop::Item>("book", 10);
  auto user = ex.create<shop::User>("alice");
  ex.call<&shop::Item::update_stock>(item, 5);
  bool ok = ex.call<&shop::User::buy_item>(user, 2, item);
  int balance = ex.call<&shop::User::balance>(user);
  std::printf("ok=%d balance=%d stock=%d\n", ok, balance, ex.get(item).stock());
  return ok && balance == 80 && ex.get(item).stock() == 3 ? 0 : 1;
}
