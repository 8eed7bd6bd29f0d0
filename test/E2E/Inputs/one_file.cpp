// one_file.cpp - entities and the program that uses them in one source file,
// which includes its own generated header at its end (as a Qt user includes
// foo.moc). Built through one_file.flowc.cpp it runs on flowc::LocalRuntime;
// built alone with -DONE_FILE_DIRECT it calls the objects directly, the
// oracle one-file.test diffs the runtime's output against.
#include <flowc/flowc.h>

#ifndef ONE_FILE_DIRECT
#include <flowc/runtime/local.h>
#endif

#include <cstdio>
#include <string>

namespace till {

class Item {
  FLOWC_ENTITY(Item);

public:
  Item(int id, int price) : id_(id), price_(price) {}
  int price() const { return price_; }
  bool take(int count) {
    if (count > stock_)
      return false;
    stock_ -= count;
    return true;
  }

private:
  FLOWC_KEY int id_;
  int price_;
  int stock_ = 5;
};

class Cart {
  FLOWC_ENTITY(Cart);

public:
  explicit Cart(std::string owner) : owner_(std::move(owner)) {}
  // Remote calls in a loop and a branch: the method is split.
  int buy(flowc::Ref<Item> item, int count) {
    int paid = 0;
    for (int i = 0; i < count; ++i) {
      if (!item->take(1))
        break;
      paid += item->price();
    }
    spent_ += paid;
    return paid;
  }
  int spent() const { return spent_; }

private:
  FLOWC_KEY std::string owner_;
  int spent_ = 0;
};

} // namespace till

int main() {
#ifdef ONE_FILE_DIRECT
  till::Item pen(1, 3), ink(2, 7);
  till::Cart ann("ann");
  int a = ann.buy(flowc::Ref<till::Item>(&pen), 2);
  int b = ann.buy(flowc::Ref<till::Item>(&ink), 9);
  int c = ann.buy(flowc::Ref<till::Item>(&pen), 4);
  int spent = ann.spent();
#else
  flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 2});
  auto pen = rt.create<till::Item>(1, 3).get();
  auto ink = rt.create<till::Item>(2, 7).get();
  auto ann = rt.create<till::Cart>(std::string("ann")).get();
  int a = rt.call<&till::Cart::buy>(ann, pen, 2).get();
  int b = rt.call<&till::Cart::buy>(ann, ink, 9).get();
  int c = rt.call<&till::Cart::buy>(ann, pen, 4).get();
  int spent = rt.call<&till::Cart::spent>(ann).get();
#endif
  std::printf("buy pen x2 -> %d\nbuy ink x9 -> %d\nbuy pen x4 -> %d\n"
              "spent -> %d\n", a, b, c, spent);
}

#include "one_file.flowc.h"
