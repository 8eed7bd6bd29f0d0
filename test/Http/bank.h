// bank.h - entities for the gateway tests: every JSON shape of docs/http.md
// (64-bit integers, enums, nested structs, optional, variant, maps with string
// and other keys, sets, tuples, arrays, doubles, Refs, forward_list and the
// unordered multi-containers), a method that throws,
// one that makes a remote call, and one that sleeps (timeouts, overload).
#pragma once

#include <flowc/flowc.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <forward_list>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace bank {

enum class Color { red, green, blue };

using Money = std::int64_t; // a named schema in the OpenAPI document

struct Point {
  std::int64_t x = 0;
  double y = 0;
};

struct Shape {
  std::string name;
  std::vector<Point> points;
  Color color = Color::red;
  std::optional<std::uint8_t> weight;
};

class Account {
  FLOWC_ENTITY(Account);

public:
  explicit Account(std::string owner, std::int64_t balance = 0)
      : owner_(std::move(owner)), balance_(balance) {
    if (balance < 0)
      throw std::invalid_argument("an account cannot open with a negative balance");
  }
  std::int64_t balance() const { return balance_; }
  std::int64_t deposit(std::int64_t amount) {
    if (amount <= 0)
      throw std::invalid_argument("deposit: the amount must be positive");
    balance_ += amount;
    return balance_;
  }
  std::int64_t transfer(flowc::Ref<Account> to, std::int64_t amount) {
    if (amount > balance_)
      throw std::runtime_error("transfer: insufficient funds");
    balance_ -= amount;
    to->deposit(amount);
    return balance_;
  }
  void paint(Color color) { color_ = color; }
  std::size_t add_shape(Shape shape) {
    shapes_.push_back(std::move(shape));
    return shapes_.size();
  }
  std::uint64_t echo_u64(std::uint64_t v) const { return v; }
  Money fee(Money amount) const { return amount / 100; }
  double ratio(double a, double b) const { return a / b; }
  std::map<std::string, int> tally(const std::vector<std::string> &words) const {
    std::map<std::string, int> counts;
    for (const std::string &word : words)
      ++counts[word];
    return counts;
  }
  std::map<int, std::string> numbered(std::set<int> keys) const {
    std::map<int, std::string> out;
    for (int k : keys)
      out[k] = std::to_string(k);
    return out;
  }
  std::variant<int, std::string> either(bool text) const {
    if (text)
      return std::string("text");
    return 7;
  }
  std::tuple<int, std::string, bool> triple() const { return {1, "two", true}; }
  std::array<int, 3> three() const { return {1, 2, 3}; }
  std::forward_list<int> reversed(std::forward_list<int> xs) const {
    xs.reverse();
    return xs;
  }
  std::size_t count_all(std::unordered_multiset<int> ys,
                        std::unordered_multimap<std::string, int> m) const {
    return ys.size() + m.size();
  }
  void nap(int ms) const { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

private:
  FLOWC_KEY std::string owner_;
  std::int64_t balance_;
  Color color_ = Color::red;
  std::vector<Shape> shapes_;
};

class Counter {
  FLOWC_ENTITY(Counter);

public:
  explicit Counter(std::int64_t id) : id_(id) {}
  Counter(std::int64_t id, std::int64_t start) : id_(id), count_(start) {}
  std::int64_t next() { return ++count_; }

private:
  FLOWC_KEY std::int64_t id_;
  std::int64_t count_ = 0;
};

} // namespace bank
