// scenario.h - the shop as a dataflow: the same scenario as main.cpp, with
// the entities living in a runtime's workers and every `ref->m()` inside a
// method a message. It prints exactly what main.cpp prints (the README's
// demo compares them), then runs many users buying at once. dataflow.cpp
// runs it on LocalRuntime, dataflow_mpi.cpp on MpiRuntime.
#pragma once

#include "shop.flowc.h"

#include <cstdio>
#include <future>
#include <string>
#include <vector>

template <class Runtime> int run_shop(Runtime &rt) {
  flowc::Ref<shop::Item> book = rt.template create<shop::Item>("book", 10).get();
  flowc::Ref<shop::Item> pen = rt.template create<shop::Item>("pen", 3).get();
  flowc::Ref<shop::User> alice = rt.template create<shop::User>("alice").get();
  rt.template call<&shop::Item::update_stock>(book, 5).get();
  rt.template call<&shop::Item::update_stock>(pen, 1).get();

  bool ok = rt.template call<&shop::User::buy_item>(alice, 2, book).get();
  std::printf("alice buys 2 books: %s, balance %d, books left %d\n",
              ok ? "yes" : "no", rt.template call<&shop::User::balance>(alice).get(),
              rt.template call<&shop::Item::stock>(book).get());

  flowc::Ref<shop::Order> order = rt.template create<shop::Order>(1L, alice).get();
  rt.template call<&shop::Order::add>(order, book, 1).get();
  rt.template call<&shop::Order::add>(order, pen, 2).get(); // only one pen in stock
  rt.template call<&shop::Order::add>(order, pen, 1).get();
  std::printf("order 1 costs %d\n", rt.template call<&shop::Order::total>(order).get());
  int bought = rt.template call<&shop::Order::checkout>(order).get();
  std::printf("order 1 bought %d of 3 lines, alice's balance %d, books %d, pens %d\n",
              bought, rt.template call<&shop::User::balance>(alice).get(),
              rt.template call<&shop::Item::stock>(book).get(),
              rt.template call<&shop::Item::stock>(pen).get());

  // Many chains in flight: 100 users each try to buy one of 50 books at once.
  flowc::Ref<shop::Item> rare = rt.template create<shop::Item>("rare", 7).get();
  rt.template call<&shop::Item::update_stock>(rare, 50).get();
  std::vector<std::future<bool>> buys;
  for (int i = 0; i < 100; ++i) {
    auto user = rt.template create<shop::User>("user" + std::to_string(i)).get();
    buys.push_back(rt.template call<&shop::User::buy_item>(user, 1, rare));
  }
  int sold = 0;
  for (auto &buy : buys)
    sold += buy.get();
  std::printf("100 users raced for 50 rare books: %d sold, %d left\n", sold,
              rt.template call<&shop::Item::stock>(rare).get());
  return 0;
}
