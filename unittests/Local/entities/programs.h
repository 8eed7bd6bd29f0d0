// programs.h - entity programs the differential tests run in direct mode, on
// the Executor and on LocalRuntime: calls in loops, callbacks into a waiting
// entity, recursion across instances of one class, containers and structs in
// state and arguments.
#pragma once
#include <flowc/flowc.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace programs {

enum class Status { open, paid, empty };

struct Line {
  flowc::Ref<class Item> item;
  int amount = 0;
};

struct Entry {
  std::string memo;
  long amount = 0;
  std::optional<int> tag;
  std::pair<int, std::string> origin;
};

class Item {
  FLOWC_ENTITY(Item);

public:
  Item(std::string id, int price) : id_(std::move(id)), price_(price) {}
  int price() const { return price_; }
  void restock(int n) { stock_ += n; }
  bool take(int n) {
    if (n > stock_)
      return false;
    stock_ -= n;
    ++sold_;
    return true;
  }
  int stock() const { return stock_; }

private:
  FLOWC_KEY std::string id_;
  int price_;
  int stock_ = 0;
  int sold_ = 0;
};

class Cart {
  FLOWC_ENTITY(Cart);

public:
  explicit Cart(long id) : id_(id) {}
  void add(flowc::Ref<Item> item, int amount) { lines_.push_back({item, amount}); }
  // Two remote calls per line, in a loop with an early continue.
  int pay() {
    if (lines_.empty()) {
      status_ = Status::empty;
      return 0;
    }
    int cost = 0;
    for (const Line &line : lines_) {
      if (!line.item->take(line.amount))
        continue;
      cost += line.amount * line.item->price();
      ++taken_;
    }
    status_ = Status::paid;
    lines_.clear();
    return cost;
  }
  // A while loop whose condition reads a remote result.
  int drain(flowc::Ref<Item> item, int step) {
    int rounds = 0;
    while (item->take(step) && rounds < 1000)
      ++rounds;
    return rounds;
  }
  Status status() const { return status_; }

private:
  FLOWC_KEY long id_;
  std::vector<Line> lines_;
  Status status_ = Status::open;
  int taken_ = 0;
};

// Instances of one class calling each other: recursion down a list, a tree
// of calls around a ring (every node re-entered by its own chain), and
// callbacks into a node that waits on a call.
class Node {
  FLOWC_ENTITY(Node);

public:
  Node(int id, int value) : id_(id), value_(value) {}
  void link(flowc::Ref<Node> next) { next_ = next; }

  // value of this node + the next `n` nodes.
  long sum(int n) {
    ++visits_;
    if (n == 0 || !next_)
      return value_;
    long rest = next_->sum(n - 1);
    trail_.push_back(rest);
    return rest + value_;
  }

  long fib(int n) {
    ++visits_;
    if (n < 2)
      return n;
    long a = next_->fib(n - 1);
    long b = next_->fib(n - 2);
    trail_.push_back(a - b);
    return a + b;
  }

  // Asks `other` to bounce back into this node, which is waiting: the
  // callback's change must be visible when this method resumes.
  int ping(flowc::Ref<Node> other, int times) {
    int before = value_;
    for (int i = 0; i < times; ++i)
      other->pong(flowc::Ref<Node>(this), i);
    return value_ - before;
  }
  void pong(flowc::Ref<Node> back, int i) {
    ++visits_;
    back->bump(i + 1);
  }
  void bump(int by) {
    value_ += by;
    trail_.push_back(by);
  }

  // Mutual recursion between two instances, nesting both many times.
  int zigzag(flowc::Ref<Node> other, int n) {
    trail_.push_back(n);
    if (n == 0)
      return value_;
    int deeper = other->zigzag(flowc::Ref<Node>(this), n - 1);
    value_ += 1;
    return deeper + n;
  }

  std::vector<long> trail() const { return trail_; }

private:
  FLOWC_KEY int id_;
  int value_;
  int visits_ = 0;
  flowc::Ref<Node> next_;
  std::vector<long> trail_;
};

// Containers and structs in state, arguments and results.
class Ledger {
  FLOWC_ENTITY(Ledger);

public:
  explicit Ledger(std::string name) : name_(std::move(name)) {}

  void add(const std::string &account, Entry entry) {
    book_[account].push_back(std::move(entry));
  }
  void add_all(std::map<std::string, std::vector<Entry>> entries) {
    for (auto &[account, list] : entries)
      for (Entry &e : list)
        book_[account].push_back(e);
  }
  std::map<std::string, long> totals() const {
    std::map<std::string, long> out;
    for (const auto &[account, list] : book_)
      for (const Entry &e : list)
        out[account] += e.amount;
    return out;
  }
  std::optional<Entry> last(const std::string &account) const {
    auto found = book_.find(account);
    if (found == book_.end() || found->second.empty())
      return std::nullopt;
    return found->second.back();
  }
  // Copies every entry into `mirror`, one remote call each, from a nested
  // range-for with structured bindings; then asks the mirror for its totals.
  std::tuple<int, long, std::map<std::string, long>> sync(flowc::Ref<Ledger> mirror) {
    int copied = 0;
    long sum = 0;
    for (const auto &[account, list] : book_) {
      for (const Entry &e : list) {
        mirror->add(account + "@" + name_, e);
        ++copied;
        sum += e.amount;
      }
    }
    std::map<std::string, long> theirs = mirror->totals();
    seen_[copied] = {name_, static_cast<double>(sum) / 2};
    return {copied, sum, theirs};
  }
  void tag(std::vector<std::optional<int>> tags) { tags_ = std::move(tags); }

private:
  FLOWC_KEY std::string name_;
  std::map<std::string, std::vector<Entry>> book_;
  std::unordered_map<int, std::pair<std::string, double>> seen_;
  std::vector<std::optional<int>> tags_;
  Status status_ = Status::open;
};

} // namespace programs
