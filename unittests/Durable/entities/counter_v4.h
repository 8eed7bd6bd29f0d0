// counter_v4.h - Counter's count_ changed type (int to long long): the store
// refuses to start with it.
#pragma once
#include <flowc/flowc.h>

#include <string>

namespace upgrade {

class Counter {
  FLOWC_ENTITY(Counter);

public:
  Counter(std::string id, long long start) : id_(std::move(id)), count_(start) {}
  void add(int n) { count_ += n; }
  std::string show() const { return id_ + " count=" + std::to_string(count_); }

private:
  FLOWC_KEY std::string id_;
  long long count_;
};

} // namespace upgrade
