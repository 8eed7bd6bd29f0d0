// mpi.cpp - the first part of the shop's scenario (examples/shop/dataflow.cpp)
// on flowc::MpiRuntime: rank 0 prints what direct mode prints first.
#include "shop.flowc.h"

#include <flowc/runtime/mpi.h>

#include <cstdio>

int main(int argc, char **argv) {
  flowc::MpiRuntime rt(argc, argv);
  flowc::Ref<shop::Item> book = rt.create<shop::Item>("book", 10).get();
  flowc::Ref<shop::User> alice = rt.create<shop::User>("alice").get();
  rt.call<&shop::Item::update_stock>(book, 5).get();
  bool ok = rt.call<&shop::User::buy_item>(alice, 2, book).get();
  std::printf("alice buys 2 books: %s, balance %d, books left %d\n",
              ok ? "yes" : "no", rt.call<&shop::User::balance>(alice).get(),
              rt.call<&shop::Item::stock>(book).get());
  return 0;
}
