#include "callee.h"
struct Caller {
  FLOWC_ENTITY(Caller);
  FLOWC_KEY int id = 0;
  int poke(flowc::Ref<Callee> c) { return c->ping(); }
};
