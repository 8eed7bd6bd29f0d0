// counter_v3.h - Counter lost members (note_, dropped_): their stored bytes
// are skipped.
#pragma once
#include <flowc/flowc.h>

#include <string>
#include <vector>

namespace upgrade {

class Counter {
  FLOWC_ENTITY(Counter);

public:
  Counter(std::string id, int start) : id_(std::move(id)), count_(start) {}
  void add(int n) { count_ += n; }
  std::string show() const {
    return id_ + " count=" + std::to_string(count_) + " bonus=" +
           std::to_string(bonus_) + " plain=" + std::to_string(plain_) +
           " tags=" + std::to_string(tags_.size());
  }

private:
  FLOWC_KEY std::string id_;
  int count_;
  int bonus_ = 7;
  long plain_ = 0;
  std::vector<int> tags_;
};

} // namespace upgrade
