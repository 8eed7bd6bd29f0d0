// FLOWC_KEY on a static member is not a key.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
class StaticKey {
  FLOWC_ENTITY(StaticKey);
  FLOWC_KEY static inline int counter_ = 0;
  // CHECK: static-key.h:[[@LINE-1]]:31: error: FLOWC_KEY marks static member 'counter_'; the key must be a non-static data member
  FLOWC_KEY int id_ = 0;
};
