// par_a.h - one of several inputs analyzed in parallel.
#pragma once
#include <flowc/flowc.h>
class Entity_a {
  FLOWC_ENTITY(Entity_a);
public:
  int get() const { return value_; }
private:
  FLOWC_KEY int value_ = 0;
};
