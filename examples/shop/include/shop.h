// shop.h - the shop example: items with prices and stock, users who buy them,
// and orders that tie several remote calls together.
#pragma once

#include <flowc/flowc.h>

#include <string>
#include <utility>
#include <vector>

namespace shop {

class Item {
  FLOWC_ENTITY(Item);

public:
  Item(std::string id, int price) : id_(std::move(id)), price_(price) {}
  int price() const { return price_; }
  int stock() const { return stock_; }
  bool update_stock(int delta) {
    if (stock_ + delta < 0)
      return false;
    stock_ += delta;
    return true;
  }

private:
  FLOWC_KEY std::string id_;
  int price_;
  int stock_ = 0;
};

class User {
  FLOWC_ENTITY(User);

public:
  explicit User(std::string name) : name_(std::move(name)) {}
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
  void deposit(int amount) { balance_ += amount; }

private:
  FLOWC_KEY std::string name_;
  int balance_ = 100;
};

// An order buys every line for its user and remembers what went through.
struct Line {
  flowc::Ref<Item> item;
  int amount = 0;
};

class Order {
  FLOWC_ENTITY(Order);

public:
  Order(long id, flowc::Ref<User> user) : id_(id), user_(user) {}
  void add(flowc::Ref<Item> item, int amount) { lines_.push_back({item, amount}); }

  // Buys each line in turn; returns how many lines went through.
  int checkout() {
    int bought = 0;
    for (const Line &line : lines_) {
      if (line.item->stock() < line.amount)
        continue;
      if (user_->buy_item(line.amount, line.item))
        ++bought;
    }
    done_ = true;
    return bought;
  }

  // What the whole order costs at today's prices.
  int total() const {
    int sum = 0;
    for (const Line &line : lines_)
      sum += line.amount * line.item->price();
    return sum;
  }

private:
  FLOWC_KEY long id_;
  flowc::Ref<User> user_;
  std::vector<Line> lines_;
  bool done_ = false;
};

} // namespace shop
