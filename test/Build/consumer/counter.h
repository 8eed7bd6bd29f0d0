// counter.h - an entity whose state type lives in another header.
#pragma once
#include "state.h"
#include <flowc/flowc.h>
class Counter {
  FLOWC_ENTITY(Counter);
public:
  explicit Counter(int id) : id_(id) {}
  int add(int n) { return state_.value += n; }
private:
  FLOWC_KEY int id_;
  State state_;
};
