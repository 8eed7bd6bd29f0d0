// ordered_queue.h - a queue kept in order of a number each item comes with
// (under Isolation::serializable, its chain's age: the oldest waiter first).
// The numbers sit in a vector of their own, so finding where an item goes and
// which is oldest reads no item: waiting messages are cold by the time they
// are let in, and a gate is asked "is anyone older waiting?" on every call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace flowc::dataflow {

template <class T> class OrderedQueue {
public:
  bool empty() const { return head_ == items_.size(); }
  std::size_t size() const { return items_.size() - head_; }

  // The smallest number waiting; the queue must not be empty.
  std::uint64_t front_key() const { return keys_[head_]; }
  T &front() { return items_[head_]; }

  // After every item whose number is not larger, scanning from the back
  // (numbers mostly arrive in order, so this is usually an append).
  void insert(std::uint64_t key, T &&item) {
    std::size_t i = keys_.size();
    while (i > head_ && key < keys_[i - 1])
      --i;
    keys_.insert(keys_.begin() + static_cast<std::ptrdiff_t>(i), key);
    items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(i), std::move(item));
  }

  T pop_front() {
    T item = std::move(items_[head_++]);
    if (head_ == items_.size()) {
      clear();
    } else if (head_ >= 32 && 2 * head_ >= items_.size()) {
      erase_prefix();
    }
    return item;
  }

  // Takes out the first item `match` accepts, keeping the others' order.
  template <class Match> bool remove_first(Match match, T &out) {
    for (std::size_t i = head_; i < items_.size(); ++i) {
      if (!match(items_[i]))
        continue;
      out = std::move(items_[i]);
      items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
      keys_.erase(keys_.begin() + static_cast<std::ptrdiff_t>(i));
      if (head_ == items_.size())
        clear();
      return true;
    }
    return false;
  }

private:
  void clear() {
    items_.clear();
    keys_.clear();
    head_ = 0;
  }
  void erase_prefix() {
    auto n = static_cast<std::ptrdiff_t>(head_);
    items_.erase(items_.begin(), items_.begin() + n);
    keys_.erase(keys_.begin(), keys_.begin() + n);
    head_ = 0;
  }

  std::vector<T> items_;
  std::vector<std::uint64_t> keys_;
  std::size_t head_ = 0;
};

} // namespace flowc::dataflow
