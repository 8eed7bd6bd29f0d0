// Entities are ordinary classes, not class templates.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
template <class T> class Box {
  // CHECK: entity-template.h:[[@LINE-1]]:26: error: entity 'Box' is a class template; entities must be ordinary classes
  FLOWC_ENTITY(Box);
  FLOWC_KEY int id_ = 0;
  T value_;
};
