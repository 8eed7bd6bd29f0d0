// State whose type has no name, or that has no name itself, cannot be
// spelled or carried by generated code.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
class Shape {
  FLOWC_ENTITY(Shape);
  FLOWC_KEY int id_ = 0;
  struct { int x; int y; } corner_;
  // CHECK: unnamed-state.h:[[@LINE-1]]:28: error: state member 'corner_' of entity 'Shape' has an unnamed type; name the type so generated code can spell it
  struct { int z; };
  // CHECK: unnamed-state.h:[[@LINE-1]]:3: error: entity 'Shape' has an anonymous struct member; give the member a name and its type a name
};
