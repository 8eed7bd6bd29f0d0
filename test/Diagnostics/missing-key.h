// An entity needs exactly one FLOWC_KEY member.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
class NoKey {
  // CHECK: missing-key.h:[[@LINE-1]]:7: error: entity 'NoKey' has no key; mark one data member with FLOWC_KEY
  FLOWC_ENTITY(NoKey);
  int value_ = 0;
};
