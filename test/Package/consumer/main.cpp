// Direct mode through the installed package: the shop example as plain C++.
#include "../../../examples/shop/include/shop.h"

#include <cstdio>

int main() {
  shop::Item book("book", 10);
  shop::User alice("alice");
  flowc::Ref<shop::Item> item(&book);
  flowc::Ref<shop::User> user(&alice);
  item->update_stock(5);
  bool ok = user->buy_item(2, item);
  std::printf("ok=%d balance=%d stock=%d\n", ok, alice.balance(), book.stock());
  return ok && alice.balance() == 80 && book.stock() == 3 ? 0 : 1;
}
