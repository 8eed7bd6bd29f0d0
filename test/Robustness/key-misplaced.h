// FLOWC_KEY outside an entity would be ignored: say so.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
struct Plain {
  FLOWC_KEY int id = 0;
  // CHECK: key-misplaced.h:[[@LINE-1]]:17: error: FLOWC_KEY marks 'id', which is not a data member of an entity
};
