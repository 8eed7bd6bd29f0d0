// main.cpp - the shop in direct mode: the entities are ordinary classes and
// flowc::Ref wraps a pointer, so this is what the dataflow must reproduce.
#include "shop.h"

#include <cstdio>

int main() {
  shop::Item book("book", 10), pen("pen", 3);
  shop::User alice("alice");
  flowc::Ref<shop::Item> bookRef(&book), penRef(&pen);
  flowc::Ref<shop::User> aliceRef(&alice);
  bookRef->update_stock(5);
  penRef->update_stock(1);

  bool ok = aliceRef->buy_item(2, bookRef);
  std::printf("alice buys 2 books: %s, balance %d, books left %d\n",
              ok ? "yes" : "no", alice.balance(), book.stock());

  shop::Order order(1, aliceRef);
  order.add(bookRef, 1);
  order.add(penRef, 2); // only one pen in stock
  order.add(penRef, 1);
  std::printf("order 1 costs %d\n", order.total());
  int bought = order.checkout();
  std::printf("order 1 bought %d of 3 lines, alice's balance %d, books %d, pens %d\n",
              bought, alice.balance(), book.stock(), pen.stock());
  return 0;
}
