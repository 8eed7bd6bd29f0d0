// fifo.h - a queue over one vector: pops advance an index and the consumed
// prefix is dropped when it is most of the vector, so a queue that never
// empties still reuses its memory and a busy one allocates nothing.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace flowc::dataflow {

template <class T> class Fifo {
public:
  bool empty() const { return head_ == items_.size(); }
  std::size_t size() const { return items_.size() - head_; }

  void push_back(T &&item) { items_.push_back(std::move(item)); }


  T pop_front() {
    T item = std::move(items_[head_++]);
    if (head_ == items_.size()) {
      items_.clear();
      head_ = 0;
    } else if (head_ >= 32 && 2 * head_ >= items_.size()) {
      items_.erase(items_.begin(),
                   items_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
    return item;
  }

  // The waiting items, oldest first.
  T *begin() { return items_.data() + head_; }
  T *end() { return items_.data() + items_.size(); }

  // Takes out the first item `match` accepts, keeping the others' order.
  template <class Match> bool remove_first(Match match, T &out) {
    for (std::size_t i = head_; i < items_.size(); ++i) {
      if (!match(items_[i]))
        continue;
      out = std::move(items_[i]);
      items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
      if (head_ == items_.size()) {
        items_.clear();
        head_ = 0;
      }
      return true;
    }
    return false;
  }

private:
  std::vector<T> items_;
  std::size_t head_ = 0;
};

} // namespace flowc::dataflow
