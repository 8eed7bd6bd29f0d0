// entities.h - the benchmark input: several entities over the common std headers.
#pragma once

#include <flowc/flowc.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bench {

struct Address {
  std::string street;
  std::string city;
  std::optional<int> zip;
};

class Warehouse {
  FLOWC_ENTITY(Warehouse);

public:
  explicit Warehouse(std::string id) : id_(std::move(id)) {}
  int available(const std::string &sku) const {
    auto it = stock_.find(sku);
    return it == stock_.end() ? 0 : it->second;
  }
  bool reserve(const std::string &sku, int n) {
    if (available(sku) < n)
      return false;
    stock_[sku] -= n;
    return true;
  }
  void restock(const std::string &sku, int n) { stock_[sku] += n; }

private:
  FLOWC_KEY std::string id_;
  std::map<std::string, int> stock_;
};

class Product {
  FLOWC_ENTITY(Product);

public:
  Product(std::string sku, int price) : sku_(std::move(sku)), price_(price) {}
  int price() const { return price_; }
  std::string sku() const { return sku_; }
  int stock_in(flowc::Ref<Warehouse> w) const { return w->available(sku_); }

private:
  FLOWC_KEY std::string sku_;
  int price_;
  std::vector<std::string> tags_;
};

class Customer {
  FLOWC_ENTITY(Customer);

public:
  explicit Customer(long id) : id_(id) {}
  int spend(int cents) { return balance_ -= cents; }
  int balance() const { return balance_; }
  void move(Address to) { address_ = std::move(to); }

private:
  FLOWC_KEY long id_;
  int balance_ = 10000;
  std::optional<Address> address_;
};

class Cart {
  FLOWC_ENTITY(Cart);

public:
  Cart(long id, flowc::Ref<Customer> owner) : id_(id), owner_(owner) {}
  void add(flowc::Ref<Product> p, int n) { lines_.push_back({p, n}); }
  int total() const {
    int sum = 0;
    for (const auto &[product, n] : lines_)
      sum += n * product->price();
    return sum;
  }
  bool checkout(flowc::Ref<Warehouse> from) {
    int sum = 0;
    for (const auto &[product, n] : lines_) {
      if (!from->reserve(product->sku(), n))
        return false;
      sum += n * product->price();
    }
    return owner_->spend(sum) >= 0;
  }

private:
  FLOWC_KEY long id_;
  flowc::Ref<Customer> owner_;
  std::vector<std::pair<flowc::Ref<Product>, int>> lines_;
};

class Audit {
  FLOWC_ENTITY(Audit);

public:
  void record(std::string what) { log_.push_back(std::move(what)); }
  std::vector<std::string> entries() const { return log_; }

private:
  FLOWC_KEY int id_ = 0;
  std::vector<std::string> log_;
};

} // namespace bench
