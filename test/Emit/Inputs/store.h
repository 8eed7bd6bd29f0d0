// store.h - entities for the code generation tests: string and integer keys,
// a struct and an enum in state, a split method with a loop.
#pragma once
#include <flowc/flowc.h>
#include <string>
#include <vector>

namespace store {

enum class Status { open, paid };

struct Line {
  flowc::Ref<class Item> item;
  int amount = 0;
};

class Item {
  FLOWC_ENTITY(Item);
public:
  Item(std::string id, int price) : id_(std::move(id)), price_(price) {}
  int price() const { return price_; }
  void restock(int n) { stock_ += n; }
  bool take(int n) {
    if (n > stock_) return false;
    stock_ -= n;
    return true;
  }
private:
  FLOWC_KEY std::string id_;
  int price_;
  int stock_ = 0;
};

class Cart {
  FLOWC_ENTITY(Cart);
public:
  explicit Cart(long id) : id_(id) {}
  void add(flowc::Ref<Item> item, int amount) { lines_.push_back({item, amount}); }
  // Takes every line it can and returns what they cost.
  int pay() {
    int cost = 0;
    for (const Line &line : lines_) {
      if (!line.item->take(line.amount)) // suspends
        continue;
      cost += line.amount * line.item->price(); // and here
    }
    status_ = Status::paid;
    return cost;
  }
  Status status() const { return status_; }
private:
  FLOWC_KEY long id_;
  std::vector<Line> lines_;
  Status status_ = Status::open;
};

} // namespace store
