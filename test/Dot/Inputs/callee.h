#pragma once
#include <flowc/flowc.h>
struct Callee {
  FLOWC_ENTITY(Callee);
  FLOWC_KEY int id = 0;
  int ping() { return 1; }
};
