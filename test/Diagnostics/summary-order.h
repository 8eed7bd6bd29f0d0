// The count of errors comes after the diagnostics it counts, and nothing
// from ClangTool comes before them.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not="Error while" < %t.err
// RUN: head -n 1 %t.err | FileCheck %s --check-prefix=FIRST
// RUN: tail -n 1 %t.err | FileCheck %s --check-prefix=LAST
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
class NoKey {
  // CHECK: summary-order.h:[[@LINE-1]]:7: error: entity 'NoKey' has no key
  // FIRST: summary-order.h:[[@LINE-2]]:7: error: entity 'NoKey' has no key
  FLOWC_ENTITY(NoKey);
  int value_ = 0;
};
// CHECK: 1 error generated.
// LAST: 1 error generated.
