// counter_v2.h - Counter gained members: bonus_ with a default member
// initializer, plain_ and tags_ without one (value-initialized when read from
// an older state, whatever the constructor does with plain_).
#pragma once
#include <flowc/flowc.h>

#include <string>
#include <vector>

namespace upgrade {

class Counter {
  FLOWC_ENTITY(Counter);

public:
  Counter(std::string id, int start)
      : id_(std::move(id)), count_(start), plain_(start + 99), tags_{1, 2} {}
  void add(int n) {
    count_ += n;
    note_ += "+";
    tags_.push_back(n);
  }
  std::string show() const {
    return id_ + " count=" + std::to_string(count_) + " note=" + note_ +
           " dropped=" + std::to_string(dropped_) + " bonus=" +
           std::to_string(bonus_) + " plain=" + std::to_string(plain_) +
           " tags=" + std::to_string(tags_.size());
  }

private:
  FLOWC_KEY std::string id_;
  int count_;
  std::string note_ = "v1";
  long dropped_ = 5;
  int bonus_ = 7;
  long plain_;
  std::vector<int> tags_;
};

} // namespace upgrade
