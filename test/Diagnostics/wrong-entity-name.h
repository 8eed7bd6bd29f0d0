// FLOWC_ENTITY(Name) must name the class it is written in.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
class Right { FLOWC_ENTITY(Right); FLOWC_KEY int id_ = 0; };
class Wrong {
  FLOWC_ENTITY(Right);
  // CHECK: wrong-entity-name.h:[[@LINE-1]]:16: error: FLOWC_ENTITY names 'Right', but it is written in class 'Wrong'
  FLOWC_KEY int id_ = 0;
};
