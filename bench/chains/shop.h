// shop.h - the chains benchmark's entities: the shop example (examples/shop), with the
// getters the final check reads. flowc_chains runs them on LocalRuntime.
#pragma once
#include <flowc/flowc.h>

#include <string>

namespace chains {

class Item {
  FLOWC_ENTITY(Item);

public:
  Item(std::string id, int price, int stock)
      : id_(std::move(id)), price_(price), stock_(stock) {}
  int price() const { return price_; }
  bool update_stock(int delta) {
    if (stock_ + delta < 0)
      return false;
    stock_ += delta;
    return true;
  }
  int stock() const { return stock_; }

private:
  FLOWC_KEY std::string id_;
  int price_;
  int stock_;
};

class User {
  FLOWC_ENTITY(User);

public:
  User(std::string name, int balance) : name_(std::move(name)), balance_(balance) {}
  bool buy_item(int amount, flowc::Ref<Item> item) {
    int total = amount * item->price(); // remote call: the method is split here
    if (total > balance_)
      return false;
    bool ok = item->update_stock(-amount); // and here
    if (ok)
      balance_ -= total;
    return ok;
  }
  int balance() const { return balance_; }

private:
  FLOWC_KEY std::string name_;
  int balance_;
};

} // namespace chains
