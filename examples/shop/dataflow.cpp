// dataflow.cpp - the shop as a dataflow: the same scenario as main.cpp, with
// the entities living in flowc::LocalRuntime's workers and every `ref->m()`
// inside a method a message. It prints exactly what main.cpp prints (the
// README's demo compares the two), then runs many users buying at once.
#include "shop.flowc.h"

#include <flowc/runtime/local.h>

#include <cstdio>
#include <future>
#include <string>
#include <vector>

int main() {
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 4});
  flowc::Ref<shop::Item> book = rt.create<shop::Item>("book", 10).get();
  flowc::Ref<shop::Item> pen = rt.create<shop::Item>("pen", 3).get();
  flowc::Ref<shop::User> alice = rt.create<shop::User>("alice").get();
  rt.call<&shop::Item::update_stock>(book, 5).get();
  rt.call<&shop::Item::update_stock>(pen, 1).get();

  bool ok = rt.call<&shop::User::buy_item>(alice, 2, book).get();
  std::printf("alice buys 2 books: %s, balance %d, books left %d\n",
              ok ? "yes" : "no", rt.call<&shop::User::balance>(alice).get(),
              rt.call<&shop::Item::stock>(book).get());

  flowc::Ref<shop::Order> order = rt.create<shop::Order>(1L, alice).get();
  rt.call<&shop::Order::add>(order, book, 1).get();
  rt.call<&shop::Order::add>(order, pen, 2).get(); // only one pen in stock
  rt.call<&shop::Order::add>(order, pen, 1).get();
  std::printf("order 1 costs %d\n", rt.call<&shop::Order::total>(order).get());
  int bought = rt.call<&shop::Order::checkout>(order).get();
  std::printf("order 1 bought %d of 3 lines, alice's balance %d, books %d, pens %d\n",
              bought, rt.call<&shop::User::balance>(alice).get(),
              rt.call<&shop::Item::stock>(book).get(),
              rt.call<&shop::Item::stock>(pen).get());

  // Many chains in flight: 100 users each try to buy one of 50 books at once.
  flowc::Ref<shop::Item> rare = rt.create<shop::Item>("rare", 7).get();
  rt.call<&shop::Item::update_stock>(rare, 50).get();
  std::vector<std::future<bool>> buys;
  for (int i = 0; i < 100; ++i) {
    auto user = rt.create<shop::User>("user" + std::to_string(i)).get();
    buys.push_back(rt.call<&shop::User::buy_item>(user, 1, rare));
  }
  int sold = 0;
  for (auto &buy : buys)
    sold += buy.get();
  std::printf("100 users raced for 50 rare books: %d sold, %d left\n", sold,
              rt.call<&shop::Item::stock>(rare).get());
  return 0;
}
