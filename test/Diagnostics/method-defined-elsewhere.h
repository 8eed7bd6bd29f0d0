// A method of an entity in this file, defined out of line in an included file,
// cannot be split from this file: its remote calls are errors (they would
// otherwise silently stay direct calls). Methods there without remote calls
// are fine.
// RUN: not %flowc --emit=ir %s 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not %flowc --emit=ir %s 2>/dev/null | count 0
#include <flowc/flowc.h>

class Pair {
  FLOWC_ENTITY(Pair);
public:
  int get() const { return value_; }
  int twice(flowc::Ref<Pair> other);
  int plain() const;
private:
  FLOWC_KEY int value_ = 0;
};

#include "Inputs/inline-methods.inl"

// CHECK: inline-methods.inl:2:68: error: remote call in 'Pair::twice', which is defined outside the file flowc reads ('{{.*}}inline-methods.inl'); flowc splits an entity's methods only when they are defined in the entity's own file, so define 'Pair::twice' there
