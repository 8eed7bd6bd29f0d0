// dep_entity.h - an entity whose header includes another, for --depfile.
#pragma once
#include "dep_state.h"
#include <flowc/flowc.h>
class Counter {
  FLOWC_ENTITY(Counter);
public:
  int add(int n) { return state_.value += n; }
private:
  FLOWC_KEY int id_ = 0;
  State state_;
};
