// par_b.h - one of several inputs analyzed in parallel.
#pragma once
#include <flowc/flowc.h>
class Entity_b {
  FLOWC_ENTITY(Entity_b);
public:
  int get() const { return value_; }
private:
  FLOWC_KEY int value_ = 0;
};
