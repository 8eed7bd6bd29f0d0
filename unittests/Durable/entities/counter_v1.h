// counter_v1.h - the first program's Counter, for UpgradeTest.cpp: the other
// versions change its state. No default constructor: a stored state is
// loaded into an object made with (std::string{}, int{}).
#pragma once
#include <flowc/flowc.h>

#include <string>

namespace upgrade {

class Counter {
  FLOWC_ENTITY(Counter);

public:
  Counter(std::string id, int start) : id_(std::move(id)), count_(start) {}
  void add(int n) {
    count_ += n;
    note_ += "+";
  }
  std::string show() const {
    return id_ + " count=" + std::to_string(count_) + " note=" + note_ +
           " dropped=" + std::to_string(dropped_);
  }

private:
  FLOWC_KEY std::string id_;
  int count_;
  std::string note_ = "v1";
  long dropped_ = 5;
};

} // namespace upgrade
