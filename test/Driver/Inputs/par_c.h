// par_c.h - one of several inputs analyzed in parallel.
#pragma once
#include <flowc/flowc.h>
class Entity_c {
  FLOWC_ENTITY(Entity_c);
public:
  int get() const { return value_; }
private:
  FLOWC_KEY int value_ = 0;
};
