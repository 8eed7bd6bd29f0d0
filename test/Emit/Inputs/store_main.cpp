// store_main.cpp - runs store.h's generated code on the executor.
#include "store.flowc.h"
#include <flowc/runtime/executor.h>
#include <cstdio>

int main() {
  flowc::Executor ex;
  auto pen = ex.create<store::Item>("pen", 3);
  auto ink = ex.create<store::Item>("ink", 7);
  ex.call<&store::Item::restock>(pen, 5);
  auto cart = ex.create<store::Cart>(42L);
  ex.call<&store::Cart::add>(cart, pen, 4);
  ex.call<&store::Cart::add>(cart, ink, 1); // none in stock
  ex.call<&store::Cart::add>(cart, pen, 1);
  int cost = ex.call<&store::Cart::pay>(cart);
  bool paid = ex.call<&store::Cart::status>(cart) == store::Status::paid;
  std::printf("cost %d paid %d\n", cost, paid);
  try {
    ex.create<store::Cart>(42L);
  } catch (const flowc::EntityExists &e) {
    std::printf("%s\n", e.what());
  }
}
