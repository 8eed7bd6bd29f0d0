// par_bad.h - an input with an error, among good ones.
#pragma once
#include <flowc/flowc.h>
class Bad {
  FLOWC_ENTITY(Bad);
public:
  int get() const { return 0; }
};
